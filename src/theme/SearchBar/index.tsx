import {lazy, Suspense, useCallback, useId, useState, type KeyboardEvent, type ReactNode} from 'react';
import {useHistory} from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import type {SearchHit} from '@site/src/components/Search/usePagefind';
import styles from './styles.module.css';

/** The result list and the Pagefind glue: a chunk of its own, fetched on the box's first focus. */
const QuickResults = lazy(() => import('./QuickResults'));

/**
 * The navbar search box: a combobox whose list shows the best few pages as the reader types.
 * Every page ships only this box; the result list's code loads on first focus, and Pagefind's
 * code and index chunks on the first keystroke, never with the page.
 */
export default function SearchBar(): ReactNode {
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  const [used, setUsed] = useState(false);
  const [active, setActive] = useState(-1);
  const [hits, setHits] = useState<readonly SearchHit[]>([]);
  const history = useHistory();
  const searchPage = useBaseUrl('/search/');
  const listId = useId();
  const allResults = `${searchPage}?q=${encodeURIComponent(term.trim())}`;

  const go = useCallback(
    (url: string) => {
      setOpen(false);
      setActive(-1);
      history.push(url);
    },
    [history],
  );

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key === 'ArrowDown' && hits.length > 0) {
      event.preventDefault();
      setOpen(true);
      setActive((index) => (index + 1) % hits.length);
    } else if (event.key === 'ArrowUp' && hits.length > 0) {
      event.preventDefault();
      setActive((index) => (index <= 0 ? hits.length - 1 : index - 1));
    } else if (event.key === 'Enter' && term.trim()) {
      event.preventDefault();
      const chosen = hits[active];
      go(chosen ? chosen.url : allResults);
    } else if (event.key === 'Escape') {
      setOpen(false);
      setActive(-1);
    }
  }

  const expanded = open && term.trim().length > 0;
  return (
    <div className={styles.searchBar} role="search">
      <svg className={styles.icon} viewBox="0 0 20 20" width="16" height="16" aria-hidden="true" focusable="false">
        <circle cx="8.5" cy="8.5" r="6" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M13 13l5 5" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <input
        type="search"
        className={styles.input}
        placeholder="Search the course"
        aria-label="Search the course"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={active >= 0 ? `${listId}-${active}` : undefined}
        value={term}
        onChange={(event) => {
          setTerm(event.target.value);
          setUsed(true);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => {
          setUsed(true);
          setOpen(true);
        }}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {used && (
        <Suspense fallback={null}>
          <QuickResults term={expanded ? term : ''} listId={listId} active={active} allResults={allResults} onHits={setHits} onOpen={go} />
        </Suspense>
      )}
    </div>
  );
}
