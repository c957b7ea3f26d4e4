/**
 * The lab lint (src/lib/labs/lint.ts) applied to a task: its setup, solution and cleanup are
 * lab-like command lists, so the same rules hold (no unguarded creates, --overwrite on labels, no
 * bare sleep, PIDs of background processes saved, kubectl logs | grep in a loop). The task is
 * handed to lintLab as a lab of three steps. Verify checks are judged by the task reader (they
 * must be able to fail); verify.sh retries them, so the loop rules do not apply to them.
 */
import type {Lab} from '../labs/model';
import {lintLab} from '../labs/lint';
import type {Problem} from '../problem';
import type {Task} from './model';
import {ISTIOCTL_GUARD, usesIstioctl} from './script';

/** The task as a lab of three steps (setup, solution, cleanup as the lab's cleanup). */
export function taskAsLab(task: Task): Lab {
  // Each generated script checks that istioctl answers before a command uses it (ISTIOCTL_GUARD).
  const guard = (commands: Task['setup']) => (usesIstioctl(commands.map((command) => command.run)) ? [{run: ISTIOCTL_GUARD}, ...commands] : commands);
  return {
    id: task.id,
    title: task.title,
    summary: task.title,
    minutes: task.minutes,
    difficulty: 'intermediate',
    modes: ['sidecar'],
    steps: [
      {id: 'setup', title: 'Setup', commands: guard(task.setup), hint: 'setup'},
      {id: 'solution', title: 'Solution', commands: guard(task.solution.commands), hint: 'solution'},
    ],
    cleanup: task.cleanup,
  };
}

export function lintTask(task: Task, text: string, file: string): Problem[] {
  return lintLab(taskAsLab(task), text, file);
}
