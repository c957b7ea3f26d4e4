import path from 'node:path';
import type {Plugin} from '@docusaurus/types';

/**
 * Only the code languages the course uses: prism-react-renderer bundles about 40 Prism grammars
 * into every page's main.js; ./loader.cjs removes them and the languages listed in the theme's
 * `prism.additionalLanguages` are registered from prismjs instead. A fence in a language left out
 * renders as plain text; tests/unit/prism-languages.test.ts fails on any fence outside ./languages.ts.
 */
export default function prismLanguagesPlugin(): Plugin {
  return {
    name: 'prism-languages',
    configureWebpack() {
      return {
        module: {
          rules: [
            {
              test: /[\\/]prism-react-renderer[\\/]dist[\\/]index\.m?js$/,
              use: [{loader: path.join(__dirname, 'loader.cjs')}],
            },
          ],
        },
      };
    },
  };
}
