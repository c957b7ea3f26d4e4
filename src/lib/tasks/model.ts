/**
 * The practice-task model: the typed shape of labs/tasks/<id>/task.yaml once read and validated
 * (format: labs/tasks/README.md; schema: task.schema.json). Pure data, no Node or React, so the
 * page component imports it too. Commands are lab commands ({{manifest:FILE}} works as in labs).
 */
import {formatProblem, type Problem} from '../problem';
import type {LabMode} from '../labs/model';
import type {CompetencyId, ExamDomainId} from './competencies';

export const TASK_MODES = ['sidecar', 'ambient', 'any'] as const;
export type TaskMode = (typeof TASK_MODES)[number];

/** The folder under labs/ that holds the tasks (skipped by every lab enumeration). */
export const TASKS_FOLDER = 'tasks';

export interface TaskCommand {
  /** The command exactly as a learner types it; `{{manifest:FILE}}` is the only placeholder. */
  readonly run: string;
}

export type TaskPrerequisite =
  | {readonly lab: string}
  | {readonly doc: string; readonly label: string};

export interface TaskSolution {
  /** Markdown: the reasoning, shown only when the learner asks. */
  readonly body: string;
  readonly commands: readonly TaskCommand[];
  /** Files under manifests/ shown with the solution. */
  readonly manifests?: readonly string[];
}

export interface TaskCriterion {
  /** One line: what must be true (printed after PASS/FAIL). */
  readonly criterion: string;
  /** One shell snippet; exit 0 = the criterion is met. Retried, so side-effect free. */
  readonly check: string;
  /** Markdown: what to look at when the criterion fails (printed as plain text). */
  readonly hint: string;
}

export interface Task {
  readonly id: string;
  readonly title: string;
  readonly domain: ExamDomainId;
  readonly competencies: readonly CompetencyId[];
  /** Suggested time, as in the exam (3–15). */
  readonly minutes: number;
  readonly mode: TaskMode;
  readonly prerequisites: readonly TaskPrerequisite[];
  /** Markdown: the task as an exam would state it. */
  readonly scenario: string;
  readonly setup: readonly TaskCommand[];
  readonly solution: TaskSolution;
  readonly verify: readonly TaskCriterion[];
  readonly cleanup: readonly TaskCommand[];
}

/** What a task page receives: the task, the published URLs of its scripts, and manifests shown. */
export interface TaskPageData {
  readonly task: Task;
  /** File name → YAML text, for the files solution.manifests lists. */
  readonly manifests: Readonly<Record<string, string>>;
  /** Titles and page routes of the prerequisite labs, by lab id. */
  readonly labs: Readonly<Record<string, {readonly title: string; readonly path: string}>>;
}

/** The tiny per-task entry every page may see (plugin global data). */
export interface TaskSummary {
  readonly id: string;
  readonly title: string;
  readonly domain: ExamDomainId;
  readonly competencies: readonly CompetencyId[];
  readonly minutes: number;
  /** Route of the task's page, or null when it has none yet. */
  readonly path: string | null;
}

/** The lab modes a task can run in (CI runs a task once per mode, after that mode's lab). */
export function modesOf(task: Pick<Task, 'mode'>): LabMode[] {
  return task.mode === 'any' ? ['sidecar'] : [task.mode];
}

/** Thrown when a task cannot be used; the message lists every problem as `file:line: message`. */
export class TaskError extends Error {
  readonly issues: readonly Problem[];
  constructor(issues: readonly Problem[]) {
    super(`Invalid task:\n${issues.map((issue) => `  ${formatProblem(issue)}`).join('\n')}`);
    this.name = 'TaskError';
    this.issues = issues;
  }
}
