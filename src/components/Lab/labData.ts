/**
 * What every lab component reads besides its own lab: the small summary per lab that the labs
 * plugin (src/plugins/labs) publishes as global data, and the words for a difficulty.
 * Used by Lab, LabIndex and LabLinks.
 */
import {useAllPluginInstancesData} from '@docusaurus/useGlobalData';
import type {LabDifficulty, LabSummary} from '@site/src/lib/labs/model';

export const DIFFICULTY_LABEL: Readonly<Record<LabDifficulty, string>> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

/** Every lab that has a lab.yaml, by id; `path` is null until the lab has a page. */
export function usePublishedLabs(): ReadonlyMap<string, LabSummary> {
  const instances = useAllPluginInstancesData('labs', {failfast: false}) as
    | Record<string, {labs?: readonly LabSummary[]} | undefined>
    | undefined;
  const labs = instances?.default?.labs ?? [];
  return new Map(labs.map((lab) => [lab.id, lab]));
}
