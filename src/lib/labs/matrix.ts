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

export type JobKind = 'standalone' | 'chained' | 'runner';
export type ActionKind = 'keep' | 'test' | 'teardown' | 'final';

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
  const runMinutes = MINUTES_PER_LAB * actions.filter((action) => action.kind !== 'teardown').length + 3 * actions.filter((action) => action.kind === 'teardown').length;
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
      if (!lab || !['keep', 'test', 'teardown', 'final'].includes(kind as string)) throw new Error(`bad plan action: ${token}`);
      return {kind: kind as ActionKind, lab};
    });
}
