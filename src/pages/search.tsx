import {useEffect, useId, useState, type ReactNode} from 'react';
import Layout from '@theme/Layout';
import {usePagefind} from '@site/src/components/Search/usePagefind';
import {SearchHitItem} from '@site/src/components/Search/Results';
import styles from '@site/src/components/Search/page.module.css';

const PAGE_RESULT_COUNT = 20;

function termFromUrl(): string {
  return new URLSearchParams(window.location.search).get('q') ?? '';
}

/**
 * The search page: results for `?q=`. The index loads only once there is a query, so opening the
 * page costs nothing; the query stays in the URL so a search can be shared or bookmarked.
 */
export default function SearchPage(): ReactNode {
  const [term, setTerm] = useState('');
  const state = usePagefind(term, PAGE_RESULT_COUNT);
  const inputId = useId();

  useEffect(() => setTerm(termFromUrl()), []);
  useEffect(() => {
    const url = new URL(window.location.href);
    if (term.trim()) url.searchParams.set('q', term.trim());
    else url.searchParams.delete('q');
    window.history.replaceState(window.history.state, '', url);
  }, [term]);

  return (
    <Layout title="Search" description="Search the Service Mesh Labs course">
      <main className={`container margin-vert--lg ${styles.page}`}>
        <h1>Search the course</h1>
        <label htmlFor={inputId} className={styles.label}>
          Words to find in chapters, labs and the playground pages
        </label>
        <input id={inputId} type="search" className={styles.input} value={term} onChange={(event) => setTerm(event.target.value)} />
        <p role="status" className={styles.status}>
          {state.status === 'loading' && 'Searching…'}
          {state.status === 'unavailable' && state.message}
          {state.status === 'done' &&
            (state.total === 0
              ? `No page mentions “${state.term}”.`
              : `${state.total} ${state.total === 1 ? 'page' : 'pages'} for “${state.term}”${state.total > state.hits.length ? `, the best ${state.hits.length} shown` : ''}.`)}
        </p>
        {state.status === 'done' && state.hits.length > 0 && (
          <ol className={styles.results} aria-label="Search results">
            {state.hits.map((hit) => (
              <SearchHitItem key={hit.id} hit={hit} />
            ))}
          </ol>
        )}
      </main>
    </Layout>
  );
}
