import React, {useEffect, useId, useState} from 'react';
import {PLAYBOOK} from '@site/src/data/operations';
import {matchPlaybook, type PlaybookEntry} from '@site/src/lib/troubleshooting';
import styles from './styles.module.css';

const QUERY_PARAM = 'symptom';

function Entry({entry}: {entry: PlaybookEntry}): React.JSX.Element {
  return (
    <div className={styles.entry}>
      <h2 className={styles.entryTitle}>{entry.symptom}</h2>
      <p className={styles.heading}>Likely causes</p>
      <ul>
        {entry.causes.map((cause) => (
          <li key={cause}>{cause}</li>
        ))}
      </ul>
      <p className={styles.heading}>Confirm</p>
      <ol>
        {entry.checks.map((check) => (
          <li key={check.command}>
            {/* Commands never wrap (a wrapped command is easy to mistype): a long one scrolls. */}
            <pre className={styles.command} tabIndex={0}>
              <code>{check.command}</code>
            </pre>
            <span className={styles.lookFor}>Look for: {check.lookFor}</span>
          </li>
        ))}
      </ol>
      <p className={styles.heading}>Fix</p>
      <ul>
        {entry.fixes.map((fix) => (
          <li key={fix}>{fix}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The symptom → cause → fix playbook as an interactive lookup: filter by words, pick a symptom.
 * Renders PLAYBOOK (src/data/operations.ts); the selected symptom is kept in ?symptom=… .
 */
export default function SymptomPlaybook(): React.JSX.Element {
  const filterId = useId();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string>(PLAYBOOK[0]?.id ?? '');

  useEffect(() => {
    const initial = new URL(window.location.href).searchParams.get(QUERY_PARAM);
    if (initial && PLAYBOOK.some((entry) => entry.id === initial)) setSelected(initial);
  }, []);

  const choose = (id: string): void => {
    setSelected(id);
    const url = new URL(window.location.href);
    url.searchParams.set(QUERY_PARAM, id);
    window.history.replaceState(window.history.state, '', url);
  };

  const visible = matchPlaybook(PLAYBOOK, filter);
  const current = visible.find((entry) => entry.id === selected) ?? visible[0];
  return (
    <section className={styles.playbook} aria-label="Symptom playbook">
      <label htmlFor={filterId} className={styles.label}>
        Filter symptoms by any word (for example <code>403</code>, <code>grafana</code>, <code>injected</code>)
      </label>
      <input
        id={filterId}
        className={styles.input}
        type="search"
        value={filter}
        autoComplete="off"
        onChange={(event) => setFilter(event.target.value)}
      />
      <div className={styles.layout}>
        <div className={styles.list} role="group" aria-label="Symptoms">
          {visible.length === 0 ? <p>No symptom matches.</p> : null}
          {visible.map((entry) => (
            <button
              key={entry.id}
              type="button"
              className={styles.symptom}
              aria-pressed={current?.id === entry.id}
              onClick={() => choose(entry.id)}
            >
              {entry.symptom}
            </button>
          ))}
        </div>
        <div aria-live="polite">{current ? <Entry entry={current} /> : null}</div>
      </div>
    </section>
  );
}
