import {describe, expect, it} from 'vitest';
import {parsePlan, selectTasks, taskJobs, TASKS_PER_JOB, type MatrixLab, type MatrixTask} from '@site/src/lib/labs/matrix';

const LABS: MatrixLab[] = [
  {id: 'local-cluster', number: 1, modes: ['sidecar', 'ambient'], prerequisites: []},
  {id: 'sidecar-install', number: 2, modes: ['sidecar'], prerequisites: ['local-cluster']},
  {id: 'ambient-install', number: 3, modes: ['ambient'], prerequisites: ['local-cluster']},
  {id: 'addons', number: 5, modes: ['sidecar', 'ambient'], prerequisites: ['sidecar-install', 'ambient-install']},
];

const TASKS: MatrixTask[] = [
  {id: 'traffic-a', modes: ['sidecar'], prerequisites: ['sidecar-install']},
  {id: 'security-b', modes: ['sidecar'], prerequisites: ['sidecar-install']},
  {id: 'install-c', modes: ['sidecar'], prerequisites: ['local-cluster']},
  {id: 'troubleshoot-d', modes: ['ambient'], prerequisites: ['addons']},
];

describe('labs matrix: practice tasks', () => {
  it('a change under a task folder selects that task; the lab or task engine selects every task', () => {
    expect(selectTasks(['labs/tasks/security-b/task.yaml', 'labs/tasks/nope/task.yaml', 'docs/x.mdx'], TASKS)).toEqual(['security-b']);
    expect(selectTasks(['labs/README.md', 'labs/sidecar-install/lab.yaml'], TASKS)).toEqual([]);
    for (const file of ['src/lib/tasks/script.ts', 'src/plugins/tasks/index.ts', 'src/lib/labs/placeholders.ts', 'scripts/labs-run.sh', '.github/workflows/labs-kind.yml']) {
      expect(selectTasks([file], TASKS), file).toEqual(TASKS.map((task) => task.id));
    }
  });

  it('groups tasks by mode and prerequisite lab on a fresh cluster, the lab and its own prerequisites kept first', () => {
    const jobs = taskJobs(TASKS.map((task) => task.id), TASKS, LABS);
    expect(jobs.map((job) => `${job.mode}: ${job.plan}`)).toEqual([
      'sidecar: keep:sidecar-install task:traffic-a task:security-b',
      'sidecar: task:install-c',
      'ambient: keep:ambient-install keep:addons task:troubleshoot-d',
    ]);
    expect(jobs.every((job) => job.kind === 'tasks' && job.cluster)).toBe(true);
    expect(new Set(jobs.map((job) => job.lab)).size).toBe(jobs.length);
    expect(parsePlan(jobs[0]!.plan)).toEqual([
      {kind: 'keep', lab: 'sidecar-install'},
      {kind: 'task', lab: 'traffic-a'},
      {kind: 'task', lab: 'security-b'},
    ]);
  });

  it(`splits a large group into jobs of at most ${TASKS_PER_JOB} tasks with room in the time limit`, () => {
    const many: MatrixTask[] = Array.from({length: TASKS_PER_JOB + 2}, (_, index) => ({id: `traffic-${index}`, modes: ['sidecar'], prerequisites: ['sidecar-install']}));
    const jobs = taskJobs(many.map((task) => task.id), many, LABS);
    expect(jobs.map((job) => parsePlan(job.plan).filter((action) => action.kind === 'task').length)).toEqual([TASKS_PER_JOB, 2]);
    expect(jobs[0]!.runMinutes).toBeGreaterThan(jobs[1]!.runMinutes);
    expect(jobs[0]!.minutes).toBeGreaterThan(jobs[0]!.runMinutes);
  });
});
