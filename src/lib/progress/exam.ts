/**
 * Pure helpers for the exam map: which competencies lack a chapter or a practice task, which
 * tasks prepare a competency, and how much of a competency this learner has done.
 */

/** The part of a practice task the exam map needs (the `tasks` plugin's global summary). */
export interface TaskRef {
  readonly id: string;
  readonly title: string;
  readonly competencies: readonly string[];
  readonly path?: string | null;
}

export interface CompetencyRef {
  readonly id: string;
  readonly chapters: readonly string[];
  readonly labs: readonly string[];
}

export interface CoverageGap {
  readonly competency: string;
  readonly missing: 'chapter' | 'task';
}

export function tasksFor<T extends TaskRef>(competencyId: string, tasks: readonly T[]): T[] {
  return tasks.filter((task) => task.competencies.includes(competencyId));
}

/** Every competency without a chapter, and every competency without a practice task. */
export function coverageGaps(competencies: readonly CompetencyRef[], tasks: readonly TaskRef[]): CoverageGap[] {
  const gaps: CoverageGap[] = [];
  for (const competency of competencies) {
    if (competency.chapters.length === 0) gaps.push({competency: competency.id, missing: 'chapter'});
    if (tasksFor(competency.id, tasks).length === 0) gaps.push({competency: competency.id, missing: 'task'});
  }
  return gaps;
}

/** Task competencies that name no competency of the map (a typo in a task.yaml). */
export function unknownCompetencies(competencies: readonly CompetencyRef[], tasks: readonly TaskRef[]): string[] {
  const known = new Set(competencies.map((competency) => competency.id));
  return [...new Set(tasks.flatMap((task) => task.competencies))].filter((id) => !known.has(id)).sort();
}

export interface CompetencyDone {
  readonly done: number;
  readonly total: number;
}

/** What the learner has done of a competency: the page of each chapter read, labs completed, tasks passed. */
export function competencyProgress(
  competency: CompetencyRef,
  tasks: readonly TaskRef[],
  state: {
    readonly pageRead: (docPath: string) => boolean;
    readonly labComplete: (labId: string) => boolean;
    readonly taskPassed: (taskId: string) => boolean;
  },
): CompetencyDone {
  const pages = [...new Set(competency.chapters.map(withoutAnchor))];
  const ownTasks = tasksFor(competency.id, tasks);
  const done =
    pages.filter(state.pageRead).length +
    competency.labs.filter(state.labComplete).length +
    ownTasks.filter((task) => state.taskPassed(task.id)).length;
  return {done, total: pages.length + competency.labs.length + ownTasks.length};
}

export function withoutAnchor(route: string): string {
  const hash = route.indexOf('#');
  return hash === -1 ? route : route.slice(0, hash);
}
