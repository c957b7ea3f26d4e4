/**
 * What every lab component reads besides its own lab: the small summary per lab that the labs
 * plugin (src/plugins/labs) writes as a generated data module, and the words for a difficulty.
 * Used by Lab, LabIndex and LabLinks. The module is bundled with those components only, so pages
 * without labs never download it (global data would ride in main.js on every page).
 */
import summaries from '@generated/labs/default/summaries.json';
import type {LabDifficulty, LabSummary} from '@site/src/lib/labs/model';

export const DIFFICULTY_LABEL: Readonly<Record<LabDifficulty, string>> = {
  beginner: 'Beginner',
  intermediate: 'Intermediate',
  advanced: 'Advanced',
};

const PUBLISHED: ReadonlyMap<string, LabSummary> = new Map(summaries.map((lab) => [lab.id, lab]));

/** Every lab that has a lab.yaml, by id; `path` is null until the lab has a page. */
export function usePublishedLabs(): ReadonlyMap<string, LabSummary> {
  return PUBLISHED;
}
