// @ts-check
/**
 * Bundler loader for prism-react-renderer's dist file: removes the ~40 Prism languages it bundles
 * (JSX, Swift, Kotlin, Rust, GraphQL, C++…, about 58 KB minified in every page's main.js), keeping
 * its Prism core, themes and Highlight. The course's languages are registered from prismjs by
 * Docusaurus' `prism.additionalLanguages` instead (docusaurus.config.ts), so each page carries only
 * the grammars the course uses. Fails the build if the file no longer has the expected shape.
 * Plain CommonJS because the bundler requires loaders directly (see ./index.ts).
 *
 * @this {{resourcePath: string}}
 * @param {string} source
 * @returns {string}
 */
module.exports = function dropBundledPrismLanguages(source) {
  const start = '// src/prism-langs.ts\nvar Prism = __toESM(require_prism());\n';
  const end = '\n// src/themes/index.ts\n';
  const from = source.indexOf(start);
  const to = source.indexOf(end, from);
  if (from < 0 || to < 0) {
    throw new Error(
      `prism-languages: ${this.resourcePath} no longer has the section of bundled languages this loader ` +
        'removes; check the prism-react-renderer upgrade (src/plugins/prism-languages).',
    );
  }
  return source.slice(0, from + start.length) + source.slice(to);
};
