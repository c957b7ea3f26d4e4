/** Written by the tasks plugin (src/plugins/tasks/index.ts, createData) at build and dev start. */
declare module '@generated/tasks/default/task-summaries.json' {
  import type {TaskSummary} from '@site/src/lib/tasks/model';

  const summaries: readonly TaskSummary[];
  export default summaries;
}
