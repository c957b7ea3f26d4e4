/**
 * Docusaurus plugin "labs": loads and validates every labs/<id>/lab.yaml (a bad lab fails the
 * build with file:line), writes a small summary per lab to a data module (for LabLinks, LabIndex
 * and the lab facts; the full lab reaches only its own page, through the remark plugin in
 * ./remark.ts),
 * and after the build writes each lab's files into the site where src/lib/labs/paths.ts says:
 * every file of labs/<id>/manifests/, the generated run.sh, and the .tar.gz of both.
 */
import {mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {LabError, type LabSummary} from '../../lib/labs/model';
import {labPaths} from '../../lib/labs/paths';
import {bundleFiles, createBundle} from './bundle';
import {LABS_DIR, labSteps, labSummary, loadAllLabs, type LoadedLab} from './load';

export const LAB_STEPS_FILE = 'lab-steps.json';

/**
 * The summaries are a generated module (.docusaurus/labs/default/summaries.json, imported by
 * src/components/Lab/labData.ts), not global data: global data rides in main.js on every page,
 * this module only in the chunks of the pages that show labs.
 */
export const LAB_SUMMARIES_FILE = 'summaries.json';

export default function labsPlugin(context: LoadContext): Plugin<LoadedLab[]> {
  const {siteDir, siteConfig} = context;
  return {
    name: 'labs',

    getPathsToWatch() {
      return [path.join(siteDir, LABS_DIR, '**/*.yaml')];
    },

    async loadContent() {
      try {
        return loadAllLabs(siteDir);
      } catch (error) {
        if (error instanceof LabError) throw new Error(error.message);
        throw error;
      }
    },

    async contentLoaded({content, actions}) {
      const summaries: LabSummary[] = content.map((loaded) => labSummary(siteDir, loaded));
      await actions.createData(LAB_SUMMARIES_FILE, JSON.stringify(summaries));
      // Imported as '@generated/labs/default/lab-steps.json' by the pages that show progress.
      await actions.createData(LAB_STEPS_FILE, JSON.stringify(content.map(labSteps)));
    },

    async postBuild({content, outDir}) {
      for (const loaded of content) {
        const {id} = loaded.lab;
        const pageUrl = `${siteConfig.url}${labPaths(id, siteConfig.baseUrl).page}`;
        const published = labPaths(id, '');
        const dir = path.join(outDir, published.files);
        mkdirSync(dir, {recursive: true});
        for (const file of bundleFiles(loaded, {pageUrl})) {
          // Inside the bundle files sit under <id>/ and <id>/manifests/; on the site, flat under labs/<id>/.
          writeFileSync(path.join(dir, path.basename(file.name)), file.content, {mode: file.mode});
        }
        writeFileSync(path.join(outDir, published.bundle), await createBundle(loaded, {pageUrl}));
      }
    },
  };
}
