/**
 * The job matrix of the Labs-on-kind workflow: which labs a change touches, and for each lab and
 * mode the plan of one job. Pure logic; scripts/labs-matrix.ts prints it and the workflow runs it.
 *
 * Jobs:
 *   standalone  one lab in one of its modes on a fresh kind cluster, after its declared
 *               prerequisites (resolved for the mode, transitively, kept installed)
 *   chained     the whole course in one mode, in course order, on the runner: lab 1 creates the
 *               cluster, install labs stay up while later labs need them, every other lab runs
 *               with its cleanup, the cleanup lab runs last and lab 1's cleanup deletes the cluster
 *   runner      lab 1 on the runner: it creates its own kind cluster (istio-labs; a job's own
 *               cluster is called labs-job, so lab 1's cleanup cannot delete it)
 *
 * A plan is a list of actions the workflow's bash library (scripts/labs-run.sh) carries out:
 *   keep:ID      run the lab's steps, no cleanup (its state is needed later)
 *   test:ID      snapshot, run steps and cleanup, match outputs, compare with the snapshot
 *   teardown:ID  run the cleanup of a kept lab, compare with the snapshot taken before it
 *   final:ID     run the cleanup lab (steps and cleanup), judge what the cluster must be left as
 *   task:ID      a practice task (labs/tasks/ID): snapshot, setup, verify must FAIL, solution,
 *                verify must PASS (retried), cleanup, compare with the snapshot
 *
 * Practice tasks run in `tasks` jobs: the tasks that start from the same prerequisite lab in the
 * same mode share a fresh kind cluster (at most TASKS_PER_JOB a job), after that lab and its own
 * prerequisites, kept.
 */
import type {LabMode} from './model';

/** What the matrix needs to know of a lab. */
export interface MatrixLab {
  readonly id: string;
  readonly number: number;
  readonly modes: readonly LabMode[];
  /** Ids of the labs the lab declares as prerequisites (doc prerequisites left out). */
  readonly prerequisites: readonly string[];
}

export type JobKind = 'standalone' | 'chained' | 'runner' | 'tasks';
export type ActionKind = 'keep' | 'test' | 'teardown' | 'final' | 'task';

/** What the matrix needs to know of a practice task. */
export interface MatrixTask {
  readonly id: string;
  /** The modes CI runs it in (a task for `any` mode runs in sidecar mode). */
  readonly modes: readonly LabMode[];
  /** Ids of the labs it starts after. */
  readonly prerequisites: readonly string[];
}

export interface Action {
  readonly kind: ActionKind;
  readonly lab: string;
}

export interface MatrixJob {
  /** Job name shown in the Actions UI. */
  readonly name: string;
  readonly kind: JobKind;
  readonly mode: LabMode;
  /** The lab the job is about (for chained jobs: every lab of the mode). */
  readonly lab: string;
  /** Whether the job needs a kind cluster made for it before the plan runs. */
  readonly cluster: boolean;
  /** Space-separated actions, `kind:lab`. */
  readonly plan: string;
  /** The job's time limit in minutes. */
  readonly minutes: number;
  /** The limit of the step that runs the plan: the job's minus building, the cluster and artifacts. */
  readonly runMinutes: number;
}

/** The lab that creates the cluster itself (course lab 1) and the one that removes everything. */
export const CLUSTER_LAB = 'local-cluster';
export const CLEANUP_LAB = 'cleanup';

/**
 * Paths whose change can alter how every lab runs: the lab engine, the pinned versions, the
 * catalogue, the workflow and its scripts. A change to any of them selects all labs.
 */
export const ENGINE_PATHS: readonly RegExp[] = [
  /^src\/lib\/labs\//,
  /^src\/plugins\/labs\//,
  /^src\/data\/course\.ts$/,
  /^src\/data\/labCatalog\.ts$/,
  /^\.github\/workflows\/labs-[^/]+\.ya?ml$/,
  /^scripts\/labs-[^/]+$/,
];

/** Paths whose change can alter how every practice task runs (besides ENGINE_PATHS). */
export const TASK_ENGINE_PATHS: readonly RegExp[] = [/^src\/lib\/tasks\//, /^src\/plugins\/tasks\//];

/** Tasks per job: a job's tasks run one after another on one cluster. */
export const TASKS_PER_JOB = 6;
/** Minutes per task (setup waits, verify retries, cleanup). */
const MINUTES_PER_TASK = 8;

/** Minutes per lab run, for the job limits: generous for the slow installs. */
const MINUTES_PER_LAB = 15;
/** Install, build, cluster, and the artifact steps that must still fit after a timeout. */
const JOB_OVERHEAD_MINUTES = 25;

export type Selection = {readonly all: true} | {readonly all: false; readonly labs: readonly string[]};

/** Which labs a list of changed paths touches. */
export function selectLabs(changed: readonly string[], labs: readonly MatrixLab[]): Selection {
  if (changed.some((file) => ENGINE_PATHS.some((pattern) => pattern.test(file)))) return {all: true};
  const known = new Set(labs.map((lab) => lab.id));
  const touched = new Set<string>();
  for (const file of changed) {
    const match = /^labs\/([^/]+)\//.exec(file);
    if (match && known.has(match[1] as string)) touched.add(match[1] as string);
  }
  return {all: false, labs: labs.filter((lab) => touched.has(lab.id)).map((lab) => lab.id)};
}

function byId(labs: readonly MatrixLab[]): Map<string, MatrixLab> {
  return new Map(labs.map((lab) => [lab.id, lab]));
}

/** An install lab brings its own Istio: it needs nothing but a cluster. */
export function isInstallLab(lab: MatrixLab): boolean {
  return lab.id !== CLUSTER_LAB && lab.id !== CLEANUP_LAB && lab.prerequisites.every((id) => id === CLUSTER_LAB);
}

/**
 * The labs that must have run before `id` in `mode`, in course order: declared lab prerequisites
 * that support the mode (a lab listing sidecar-install and ambient-install needs the one of the
 * mode), their own prerequisites, and so on. Lab 1 is left out: a job's cluster stands in for it.
 */
export function prerequisitesFor(id: string, mode: LabMode, labs: readonly MatrixLab[]): string[] {
  const index = byId(labs);
  const found = new Set<string>();
  const visit = (current: string): void => {
    for (const prerequisite of index.get(current)?.prerequisites ?? []) {
      const lab = index.get(prerequisite);
      if (!lab || prerequisite === CLUSTER_LAB || !lab.modes.includes(mode) || found.has(prerequisite)) continue;
      found.add(prerequisite);
      visit(prerequisite);
    }
  };
  visit(id);
  return labs.filter((lab) => found.has(lab.id)).map((lab) => lab.id);
}

function format(actions: readonly Action[]): string {
  return actions.map((action) => `${action.kind}:${action.lab}`).join(' ');
}

/** The plan of a standalone job: prerequisites kept, then the lab tested (or judged). */
export function standalonePlan(id: string, mode: LabMode, labs: readonly MatrixLab[]): Action[] {
  const before = prerequisitesFor(id, mode, labs).map((lab): Action => ({kind: 'keep', lab}));
  return [...before, {kind: id === CLEANUP_LAB ? 'final' : 'test', lab: id}];
}

/** The plan of the chained job of a mode: the whole course in order (see the file comment). */
export function chainedPlan(mode: LabMode, labs: readonly MatrixLab[]): Action[] {
  const index = byId(labs);
  const inMode = [...labs].sort((a, b) => a.number - b.number).filter((lab) => lab.modes.includes(mode));
  const course = inMode.filter((lab) => lab.id !== CLUSTER_LAB && lab.id !== CLEANUP_LAB);
  const actions: Action[] = [];
  let up: string[] = [];
  const tearDown = () => {
    for (const lab of [...up].reverse()) actions.push({kind: 'teardown', lab});
    up = [];
  };
  if (inMode.some((lab) => lab.id === CLUSTER_LAB)) actions.push({kind: 'keep', lab: CLUSTER_LAB});
  course.forEach((lab, position) => {
    const needs = prerequisitesFor(lab.id, mode, labs).filter((id) => isInstallLab(index.get(id) as MatrixLab));
    if (isInstallLab(lab) || needs.some((id) => !up.includes(id))) tearDown();
    for (const id of needs) {
      if (up.includes(id)) continue;
      actions.push({kind: 'keep', lab: id});
      up.push(id);
    }
    const later = course.slice(position + 1);
    const neededLater = later.some((next) => prerequisitesFor(next.id, mode, labs).includes(lab.id));
    const lastBeforeCleanup = later.length === 0 && inMode.some((next) => next.id === CLEANUP_LAB);
    if (isInstallLab(lab) && (neededLater || lastBeforeCleanup)) {
      actions.push({kind: 'keep', lab: lab.id});
      up.push(lab.id);
    } else {
      actions.push({kind: 'test', lab: lab.id});
    }
  });
  // The cleanup lab removes whatever is still up; then lab 1's cleanup deletes the cluster.
  if (inMode.some((lab) => lab.id === CLEANUP_LAB)) actions.push({kind: 'final', lab: CLEANUP_LAB});
  else tearDown();
  if (inMode.some((lab) => lab.id === CLUSTER_LAB)) actions.push({kind: 'teardown', lab: CLUSTER_LAB});
  return actions;
}

function limits(actions: readonly Action[]): {minutes: number; runMinutes: number} {
  const count = (kinds: readonly ActionKind[]) => actions.filter((action) => kinds.includes(action.kind)).length;
  const runMinutes = MINUTES_PER_LAB * count(['keep', 'test', 'final']) + 3 * count(['teardown']) + MINUTES_PER_TASK * count(['task']);
  return {minutes: runMinutes + JOB_OVERHEAD_MINUTES, runMinutes};
}

/** Every job the selection needs: standalone per selected lab and mode, chained per mode touched. */
export function buildMatrix(selection: Selection, labs: readonly MatrixLab[]): MatrixJob[] {
  const sorted = [...labs].sort((a, b) => a.number - b.number);
  const chosen = selection.all ? sorted : sorted.filter((lab) => selection.labs.includes(lab.id));
  const jobs: MatrixJob[] = [];
  for (const lab of chosen) {
    for (const mode of lab.modes) {
      const onRunner = lab.id === CLUSTER_LAB;
      const actions = onRunner ? [{kind: 'test' as const, lab: lab.id}] : standalonePlan(lab.id, mode, labs);
      jobs.push({
        name: `${lab.number}. ${lab.id} (${mode}, ${onRunner ? 'on the runner' : 'standalone'})`,
        kind: onRunner ? 'runner' : 'standalone',
        mode,
        lab: lab.id,
        cluster: !onRunner,
        plan: format(actions),
        ...limits(actions),
      });
    }
  }
  const modes = [...new Set(chosen.flatMap((lab) => lab.modes))].sort();
  for (const mode of modes) {
    const actions = chainedPlan(mode, labs);
    jobs.push({
      name: `chained course (${mode})`,
      kind: 'chained',
      mode,
      lab: 'all',
      cluster: !actions.some((action) => action.lab === CLUSTER_LAB),
      plan: format(actions),
      ...limits(actions),
    });
  }
  return jobs;
}

/** Parses a plan string back into actions (the workflow's library does the same in bash). */
export function parsePlan(plan: string): Action[] {
  return plan
    .split(/\s+/)
    .filter(Boolean)
    .map((token) => {
      const [kind, lab] = token.split(':');
      if (!lab || !['keep', 'test', 'teardown', 'final', 'task'].includes(kind as string)) throw new Error(`bad plan action: ${token}`);
      return {kind: kind as ActionKind, lab};
    });
}

/** Which tasks a list of changed paths touches: a task's folder selects it; engines select all. */
export function selectTasks(changed: readonly string[], tasks: readonly MatrixTask[]): readonly string[] {
  const engines = [...ENGINE_PATHS, ...TASK_ENGINE_PATHS];
  if (changed.some((file) => engines.some((pattern) => pattern.test(file)))) return tasks.map((task) => task.id);
  const touched = new Set(changed.flatMap((file) => /^labs\/tasks\/([^/]+)\//.exec(file)?.[1] ?? []));
  return tasks.filter((task) => touched.has(task.id)).map((task) => task.id);
}

/**
 * The `tasks` jobs for the chosen tasks: grouped by mode and prerequisite labs, TASKS_PER_JOB at
 * most per job; each keeps the prerequisites (and theirs) for the mode, then runs `task:ID` each.
 */
export function taskJobs(chosen: readonly string[], tasks: readonly MatrixTask[], labs: readonly MatrixLab[]): MatrixJob[] {
  const groups = new Map<string, {mode: LabMode; before: string[]; ids: string[]}>();
  for (const task of tasks.filter((item) => chosen.includes(item.id))) {
    for (const mode of task.modes) {
      const before = labs
        .filter((lab) => task.prerequisites.includes(lab.id) && lab.id !== CLUSTER_LAB && lab.modes.includes(mode))
        .flatMap((lab) => [...prerequisitesFor(lab.id, mode, labs), lab.id]);
      const ordered = labs.filter((lab) => before.includes(lab.id)).map((lab) => lab.id);
      const key = `${mode} ${ordered.join(',')}`;
      const group = groups.get(key) ?? {mode, before: ordered, ids: []};
      group.ids.push(task.id);
      groups.set(key, group);
    }
  }
  const jobs: MatrixJob[] = [];
  for (const {mode, before, ids} of groups.values()) {
    for (let start = 0; start < ids.length; start += TASKS_PER_JOB) {
      const slice = ids.slice(start, start + TASKS_PER_JOB);
      const actions: Action[] = [...before.map((lab): Action => ({kind: 'keep', lab})), ...slice.map((id): Action => ({kind: 'task', lab: id}))];
      const part = ids.length > TASKS_PER_JOB ? ` ${start / TASKS_PER_JOB + 1}` : '';
      jobs.push({
        name: `tasks after ${before.join(', ') || 'a bare cluster'}${part} (${mode})`,
        kind: 'tasks',
        mode,
        lab: `tasks-${before[before.length - 1] ?? 'cluster'}${part ? `-${start / TASKS_PER_JOB + 1}` : ''}`,
        cluster: true,
        plan: format(actions),
        ...limits(actions),
      });
    }
  }
  return jobs;
}
