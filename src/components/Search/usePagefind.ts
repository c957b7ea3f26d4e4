import {useCallback, useEffect, useRef, useState} from 'react';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {excerptParts, pagefindModuleUrl, resultTitle, SEARCH_RANKING, type ExcerptPart} from '@site/src/lib/search';

/** The part of Pagefind's browser API the course uses (pagefind.js, Pagefind 1.x). */
interface PagefindModule {
  options(options: {baseUrl: string; ranking: typeof SEARCH_RANKING; noWorker: boolean}): Promise<void>;
  debouncedSearch(term: string, options?: object, debounceMs?: number): Promise<PagefindSearch | null>;
}
interface PagefindSearch {
  readonly results: readonly {readonly id: string; data(): Promise<PagefindResultData>}[];
}
interface PagefindResultData {
  readonly url: string;
  readonly excerpt: string;
  readonly meta: {readonly title?: string};
}

export interface SearchHit {
  readonly id: string;
  readonly url: string;
  readonly title: string;
  readonly excerpt: readonly ExcerptPart[];
}

export type SearchState =
  | {readonly status: 'idle'}
  | {readonly status: 'loading'}
  | {readonly status: 'done'; readonly term: string; readonly hits: readonly SearchHit[]; readonly total: number}
  | {readonly status: 'unavailable'; readonly message: string};

let modulePromise: Promise<PagefindModule> | undefined;

/** Loads Pagefind once per page view, on the first search, never on page load. */
function loadPagefind(moduleUrl: string, baseUrl: string): Promise<PagefindModule> {
  modulePromise ??= (import(/* webpackIgnore: true */ moduleUrl) as Promise<PagefindModule>).then(async (pagefind) => {
    // Searching this index takes milliseconds; a worker would cost another script download.
    await pagefind.options({baseUrl, ranking: SEARCH_RANKING, noWorker: true});
    return pagefind;
  });
  modulePromise.catch(() => {
    modulePromise = undefined;
  });
  return modulePromise;
}

const UNAVAILABLE =
  'Search needs the built site: its index is made by "npm run build". Try "npm run build && npm run serve".';

/**
 * Searches the course as the reader types: debounced, with only the newest query's results kept,
 * and with at most `limit` result excerpts fetched (each result's text is its own small file).
 */
export function usePagefind(term: string, limit: number): SearchState {
  const baseUrl = useBaseUrl('/');
  const moduleUrl = useBaseUrl(pagefindModuleUrl('/'));
  const [state, setState] = useState<SearchState>({status: 'idle'});
  const latest = useRef(0);

  const run = useCallback(
    async (query: string, ticket: number) => {
      try {
        const pagefind = await loadPagefind(moduleUrl, baseUrl);
        const search = await pagefind.debouncedSearch(query, {}, 150);
        if (!search || ticket !== latest.current) return;
        const data = await Promise.all(search.results.slice(0, limit).map((result) => result.data()));
        if (ticket !== latest.current) return;
        const hits = data.map((item, index) => ({
          id: search.results[index]?.id ?? item.url,
          url: item.url,
          title: resultTitle(item.meta.title, item.url),
          excerpt: excerptParts(item.excerpt),
        }));
        setState({status: 'done', term: query, hits, total: search.results.length});
      } catch {
        if (ticket === latest.current) setState({status: 'unavailable', message: UNAVAILABLE});
      }
    },
    [baseUrl, moduleUrl, limit],
  );

  useEffect(() => {
    const query = term.trim();
    latest.current += 1;
    if (query.length === 0) {
      setState({status: 'idle'});
      return;
    }
    setState((previous) => (previous.status === 'done' ? previous : {status: 'loading'}));
    void run(query, latest.current);
  }, [term, run]);

  return state;
}
