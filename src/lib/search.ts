/**
 * Pure parts of the site search (Pagefind, built by src/plugins/search): where the index lives,
 * what it indexes, and how a result's excerpt becomes text safe to render.
 */

/** Folder of the static index inside the build, served at BASEURL/pagefind/. */
export const PAGEFIND_DIR = 'pagefind';

/** The pages that are indexed: the course (chapters, labs, playground), not the landing page. */
export const SEARCH_GLOB = 'docs/**/*.html';

/** The part of a course page that is indexed: the article, not the sidebar or navbar. */
export const SEARCH_ROOT_SELECTOR = 'article';

/** Inside the article: navigation and controls that are not course text. */
export const SEARCH_EXCLUDED_SELECTORS = [
  '.theme-doc-breadcrumbs',
  '.theme-doc-footer',
  '.pagination-nav',
  '.theme-doc-toc-mobile',
  'button',
] as const;

/**
 * Pagefind's ranking, tuned on the queries in tests/e2e/search.test.ts: term frequency counts
 * less than Pagefind's default, so a page that is about a resource (AuthorizationPolicy on the
 * authorization chapter) beats a scenario page that merely repeats its name; a word in the page
 * title counts more.
 */
export const SEARCH_RANKING = {termFrequency: 0.3, metaWeights: {title: 20}} as const;

/** How many results the navbar box lists before "all results". */
export const QUICK_RESULT_COUNT = 4;

/** URL of Pagefind's browser module for a site served under `baseUrl`. */
export function pagefindModuleUrl(baseUrl: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return `${base}${PAGEFIND_DIR}/pagefind.js`;
}

export interface ExcerptPart {
  readonly text: string;
  readonly highlighted: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = {amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0'};

function decodeEntities(html: string): string {
  return html.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number.parseInt(name.slice(1), 10));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/**
 * Pagefind's excerpt is escaped HTML whose only tags are `<mark>` around the matched words.
 * Split it into plain-text parts, so the page renders text and never injects markup.
 */
export function excerptParts(excerpt: string): ExcerptPart[] {
  const parts: ExcerptPart[] = [];
  const pattern = /<mark>([\s\S]*?)<\/mark>/g;
  let last = 0;
  for (let match = pattern.exec(excerpt); match; match = pattern.exec(excerpt)) {
    if (match.index > last) parts.push({text: decodeEntities(stripTags(excerpt.slice(last, match.index))), highlighted: false});
    parts.push({text: decodeEntities(stripTags(match[1] ?? '')), highlighted: true});
    last = pattern.lastIndex;
  }
  if (last < excerpt.length) parts.push({text: decodeEntities(stripTags(excerpt.slice(last))), highlighted: false});
  return parts.filter((part) => part.text.length > 0);
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

/** A result's page title without the site name Docusaurus appends. */
export function resultTitle(title: string | undefined, url: string): string {
  const cleaned = (title ?? '').replace(/\s+\|\s+Service Mesh Labs$/, '').trim();
  return cleaned || url;
}
