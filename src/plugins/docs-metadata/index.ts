import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * Lighter doc pages: every doc page fetches its docs version's metadata (the sidebar plus, for each
 * of the course's ~75 pages, its id, title and description). The descriptions are about 40% of it
 * and no part of this site shows them from there, so ./loader.cjs drops them when bundling.
 */
export default function docsMetadataPlugin(): Plugin {
  return {
    name: 'docs-metadata',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: /[\\/]docusaurus-plugin-content-docs[\\/][^\\/]+[\\/]p[\\/][^\\/]+\.json$/,
              use: [{loader: path.join(__dirname, 'loader.cjs')}],
            },
          ],
        },
      };
    },
  };
}
