import {useId, useState, type KeyboardEvent, type ReactNode} from 'react';
import {useHistory} from '@docusaurus/router';
import useBaseUrl from '@docusaurus/useBaseUrl';
import {QUICK_RESULT_COUNT} from '@site/src/lib/search';
import {usePagefind} from '@site/src/components/Search/usePagefind';
import {SearchHitItem} from '@site/src/components/Search/Results';
import styles from './styles.module.css';

/**
 * The navbar search box: a combobox whose list shows the best few pages as the reader types.
 * Pagefind's code and index chunks load on the first keystroke, never with the page.
 */
export default function SearchBar(): ReactNode {
  const [term, setTerm] = useState('');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const state = usePagefind(open ? term : '', QUICK_RESULT_COUNT);
  const history = useHistory();
  const searchPage = useBaseUrl('/search/');
  const listId = useId();
  const hits = state.status === 'done' ? state.hits : [];
  const allResults = `${searchPage}?q=${encodeURIComponent(term.trim())}`;

  function go(url: string): void {
    setOpen(false);
    setActive(-1);
    history.push(url);
  }

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
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
        onKeyDown={onKeyDown}
      />
      {expanded && (
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
              <a href={allResults} onMouseDown={(event) => event.preventDefault()} onClick={(event) => { event.preventDefault(); go(allResults); }}>
                All {state.total} results
              </a>
            )}
          </p>
        </div>
      )}
    </div>
  );
}
