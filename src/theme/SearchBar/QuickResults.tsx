import {useEffect, type ReactNode} from 'react';
import {QUICK_RESULT_COUNT} from '@site/src/lib/search';
import {usePagefind, type SearchHit} from '@site/src/components/Search/usePagefind';
import {SearchHitItem} from '@site/src/components/Search/Results';
import styles from './styles.module.css';

/** One empty list, so reporting "no hits" to the box does not re-render it on every render. */
const NO_HITS: readonly SearchHit[] = [];

interface QuickResultsProps {
  readonly term: string;
  readonly listId: string;
  readonly active: number;
  /** Where "All N results" leads (the search page with the term). */
  readonly allResults: string;
  /** Tells the box which pages are listed, so the arrow keys and Enter can pick one. */
  readonly onHits: (hits: readonly SearchHit[]) => void;
  readonly onOpen: (url: string) => void;
}

/**
 * The navbar box's list of the best few pages. Loaded with the search glue (usePagefind) on the
 * box's first focus, so pages that are only read never download it.
 */
export default function QuickResults({term, listId, active, allResults, onHits, onOpen}: QuickResultsProps): ReactNode {
  const state = usePagefind(term, QUICK_RESULT_COUNT);
  const hits = state.status === 'done' ? state.hits : NO_HITS;
  useEffect(() => onHits(hits), [hits, onHits]);

  if (!term.trim()) return null;
  return (
    <div className={styles.panel}>
      <ul id={listId} role="listbox" aria-label="Matching pages" className={styles.list}>
        {hits.map((hit, index) => (
          <SearchHitItem key={hit.id} hit={hit} id={`${listId}-${index}`} active={index === active} />
        ))}
      </ul>
      <p className={styles.status} role="status">
        {state.status === 'loading' && 'Searching…'}
        {state.status === 'unavailable' && state.message}
        {state.status === 'done' && state.total === 0 && `No page mentions “${state.term}”.`}
        {state.status === 'done' && state.total > 0 && (
          <a
            href={allResults}
            onMouseDown={(event) => event.preventDefault()}
            onClick={(event) => {
              event.preventDefault();
              onOpen(allResults);
            }}>
            All {state.total} results
          </a>
        )}
      </p>
    </div>
  );
}
