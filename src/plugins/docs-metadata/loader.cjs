// @ts-check
/**
 * Bundler loader for the docs plugin's version metadata (.docusaurus/docusaurus-plugin-content-docs/
 * <id>/p/*.json, fetched by every doc page): drops each doc's `description`. The client reads a
 * description only in DocCard (category cards, which this site does not use); a page's own
 * description reaches its <meta> tags through the page's own metadata, which this leaves alone.
 * Plain CommonJS because the bundler requires loaders directly (see ./index.ts).
 *
 * @param {string} source
 * @returns {string}
 */
module.exports = function trimDocsVersionMetadata(source) {
  /** @type {{version?: {docs?: Record<string, {description?: string}>}}} */
  const data = JSON.parse(source);
  const docs = data.version?.docs;
  if (!docs) return source;
  for (const doc of Object.values(docs)) delete doc.description;
  return JSON.stringify(data);
};
