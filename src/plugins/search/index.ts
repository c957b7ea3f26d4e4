import {execFileSync} from 'node:child_process';
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {PAGEFIND_DIR, SEARCH_EXCLUDED_SELECTORS, SEARCH_GLOB, SEARCH_ROOT_SELECTOR} from '../../lib/search';

/**
 * Site search: after the build, Pagefind indexes the course pages into a chunked static index
 * under BASEURL/pagefind/. A search fetches only the chunks its words need, so the first search
 * on a phone stays small however large the course grows. The dev server has no index (there is
 * no build output to index); the search box says so.
 */
export default function searchPlugin(context: LoadContext): Plugin {
  return {
    name: 'service-mesh-labs-search',
    postBuild({outDir}) {
      // Pagefind's Node API is ESM-only and the config loader would require() it: run its CLI,
      // which the npm package ships with the binary for this platform.
      const cli = path.join(context.siteDir, 'node_modules', 'pagefind', 'lib', 'runner', 'bin.cjs');
      const args = [
        cli,
        '--site', outDir,
        '--output-subdir', PAGEFIND_DIR,
        '--glob', SEARCH_GLOB,
        '--root-selector', SEARCH_ROOT_SELECTOR,
        '--exclude-selectors', SEARCH_EXCLUDED_SELECTORS.join(', '),
        '--force-language', 'en',
      ];
      const output = execFileSync(process.execPath, args, {encoding: 'utf8'});
      const pages = /Indexed (\d+) pages?/i.exec(output)?.[1];
      if (!pages || Number(pages) === 0) throw new Error(`Pagefind indexed no course pages:\n${output}`);
      console.log(`[search] Pagefind indexed ${pages} pages into ${PAGEFIND_DIR}/`);
    },
  };
}
