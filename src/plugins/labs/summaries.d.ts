/** The lab summaries the labs plugin writes at build and dev-server start (see ./index.ts). */
declare module '@generated/labs/default/summaries.json' {
  import type {LabSummary} from '@site/src/lib/labs/model';

  const summaries: readonly LabSummary[];
  export default summaries;
}
