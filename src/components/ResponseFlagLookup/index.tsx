import React, {useEffect, useId, useState} from 'react';
import {RESPONSE_FLAGS} from '@site/src/data/operations';
import {matchResponseFlags} from '@site/src/lib/troubleshooting';
import styles from './styles.module.css';

const QUERY_PARAM = 'flag';

/** Keeps the query in the address bar (?flag=…) so a lookup can be shared as a link. */
function writeQueryToUrl(query: string): void {
  const url = new URL(window.location.href);
  if (query.trim() === '') url.searchParams.delete(QUERY_PARAM);
  else url.searchParams.set(QUERY_PARAM, query);
  window.history.replaceState(window.history.state, '', url);
}

/**
 * Paste a response flag, a status code or an error body from a log and see what it means.
 * Renders RESPONSE_FLAGS (src/data/operations.ts); the matching logic is src/lib/troubleshooting.ts.
 */
export default function ResponseFlagLookup(): React.JSX.Element {
  const inputId = useId();
  const hintId = useId();
  const [query, setQuery] = useState('');

  useEffect(() => {
    const initial = new URL(window.location.href).searchParams.get(QUERY_PARAM);
    if (initial) setQuery(initial);
  }, []);

  const update = (value: string): void => {
    setQuery(value);
    writeQueryToUrl(value);
  };

  const results = matchResponseFlags(RESPONSE_FLAGS, query);
  return (
    <section className={styles.lookup} aria-label="Response flag lookup">
      <label htmlFor={inputId} className={styles.label}>
        Flag, status code or error message
      </label>
      <p id={hintId} className={styles.hint}>
        For example <code>UO</code>, <code>URX,UF</code>, <code>504</code> or a pasted body such as{' '}
        <code>no healthy upstream</code>.
      </p>
      <div className={styles.row}>
        <input
          id={inputId}
          className={styles.input}
          type="search"
          value={query}
          aria-describedby={hintId}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => update(event.target.value)}
        />
        <button type="button" className="button button--secondary button--sm" onClick={() => update('')}>
          Clear
        </button>
      </div>
      <div className={styles.chips} role="group" aria-label="Pick a flag">
        {RESPONSE_FLAGS.map((flag) => (
          <button
            key={flag.code}
            type="button"
            className={styles.chip}
            aria-pressed={query.trim().toUpperCase() === flag.code}
            onClick={() => update(flag.code)}
          >
            {flag.code}
          </button>
        ))}
      </div>
      <p className={styles.count} aria-live="polite">
        {results.length === RESPONSE_FLAGS.length
          ? `All ${results.length} flags`
          : results.length === 0
            ? 'No flag matches. Try a shorter fragment of the message.'
            : `${results.length} matching ${results.length === 1 ? 'flag' : 'flags'}`}
      </p>
      <ul className={styles.results}>
        {results.map((flag) => (
          <li key={flag.code} className={styles.card}>
            <p className={styles.title}>
              <strong>{flag.code}</strong> — {flag.name} <span className={styles.status}>usual status {flag.status}</span>
            </p>
            <dl className={styles.facts}>
              <dt>Meaning</dt>
              <dd>{flag.meaning}</dd>
              <dt>Typical cause</dt>
              <dd>{flag.typicalCause}</dd>
              <dt>What to do</dt>
              <dd>{flag.fix}</dd>
              <dt>Goes with</dt>
              <dd>
                <ul className={styles.messages}>
                  {flag.messages.map((message) => (
                    <li key={message}>
                      <code>{message}</code>
                    </li>
                  ))}
                </ul>
              </dd>
            </dl>
          </li>
        ))}
      </ul>
    </section>
  );
}
