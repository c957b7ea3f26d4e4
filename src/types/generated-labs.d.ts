/** Written by the labs plugin (src/plugins/labs/index.ts, createData) at build and dev start. */
declare module '@generated/labs/default/lab-steps.json' {
  import type {LabSteps} from '@site/src/lib/progress/labs';

  const labSteps: readonly LabSteps[];
  export default labSteps;
}
