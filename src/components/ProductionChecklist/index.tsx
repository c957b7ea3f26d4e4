import React, {useEffect, useState} from 'react';
import Link from '@docusaurus/Link';
import {PRODUCTION_CHECKLIST} from '@site/src/data/practice';
import {
  CHECKLIST_STORAGE_KEY,
  groupItems,
  parseChecklistState,
  serialiseChecklistState,
  toggleItem,
} from '@site/src/lib/checklist';
import styles from './styles.module.css';

const ITEM_IDS = PRODUCTION_CHECKLIST.map((item) => item.id);

/** localStorage may be missing, full or forbidden (private mode, sandboxed frames): never throw. */
function readStored(): string | null {
  try {
    return window.localStorage.getItem(CHECKLIST_STORAGE_KEY);
  } catch {
    return null;
  }
}

function writeStored(value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(CHECKLIST_STORAGE_KEY);
    else window.localStorage.setItem(CHECKLIST_STORAGE_KEY, value);
  } catch {
    // Ticks then last only for this visit, which is fine.
  }
}

/**
 * The production checklist from src/data/practice.ts. Ticks are remembered in this browser only
 * (versioned localStorage key; unreadable storage is ignored).
 */
export default function ProductionChecklist(): React.JSX.Element {
  const [done, setDone] = useState<ReadonlySet<string>>(() => new Set());

  useEffect(() => {
    setDone(parseChecklistState(readStored(), ITEM_IDS));
  }, []);

  const toggle = (id: string): void => {
    const next = toggleItem(done, id);
    setDone(next);
    writeStored(serialiseChecklistState(next));
  };

  const reset = (): void => {
    setDone(new Set());
    writeStored(null);
  };

  return (
    <section className={styles.checklist} aria-label="Production checklist">
      <div className={styles.toolbar}>
        <p className={styles.progress} aria-live="polite">
          {done.size} of {PRODUCTION_CHECKLIST.length} done
        </p>
        <progress className={styles.bar} max={PRODUCTION_CHECKLIST.length} value={done.size} aria-hidden="true" />
        <button type="button" className="button button--secondary button--sm" onClick={reset} disabled={done.size === 0}>
          Clear all ticks
        </button>
      </div>
      {groupItems(PRODUCTION_CHECKLIST).map(({group, items}) => (
        <fieldset key={group} className={styles.group}>
          <legend className={styles.legend}>{group}</legend>
          <ul className={styles.items}>
            {items.map((item) => {
              const inputId = `checklist-${item.id}`;
              return (
                <li key={item.id} className={styles.item}>
                  <input
                    id={inputId}
                    className={styles.box}
                    type="checkbox"
                    checked={done.has(item.id)}
                    onChange={() => toggle(item.id)}
                    aria-describedby={`${inputId}-why ${inputId}-how`}
                  />
                  <div>
                    <label htmlFor={inputId} className={styles.title}>
                      {item.title}
                    </label>
                    <p id={`${inputId}-why`} className={styles.text}>
                      <strong>Why:</strong> {item.why}
                    </p>
                    <p id={`${inputId}-how`} className={styles.text}>
                      <strong>How:</strong> {item.how} <Link to={item.learnMore}>
                        Learn more<span className="visually-hidden">: {item.title}</span>
                      </Link>
                    </p>
                  </div>
                </li>
              );
            })}
          </ul>
        </fieldset>
      ))}
    </section>
  );
}
