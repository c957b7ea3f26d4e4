import React, {useEffect, useId, useState} from 'react';
import {formatElapsed, timerAnnouncement} from '@site/src/lib/tasks/progress';
import shared from '../../Lab/styles.module.css';
import {useTaskTimer} from '../useTaskProgress';
import styles from './styles.module.css';

/**
 * The exam clock: elapsed mm:ss against the suggested time, Start/Pause/Reset, kept across
 * reloads. Screen readers hear whole minutes and the end of the suggested time, not every second.
 */
export default function Timer({id, minutes}: {id: string; minutes: number}): React.JSX.Element {
  const {elapsed, running, start, pause, reset} = useTaskTimer(id);
  const headingId = useId();
  const [announcement, setAnnouncement] = useState('');
  useEffect(() => {
    if (!running) return;
    const text = timerAnnouncement(elapsed, minutes);
    if (text) setAnnouncement(text);
  }, [elapsed, minutes, running]);
  const over = elapsed > minutes * 60;
  return (
    <section className={styles.timer} aria-labelledby={headingId} data-over={over || undefined}>
      <h2 id={headingId} className={styles.title}>
        Timer
      </h2>
      <p className={styles.clock}>
        <span role="timer" className={styles.elapsed} data-testid="task-elapsed">
          {formatElapsed(elapsed)}
        </span>{' '}
        <span className={styles.of}>of {minutes}:00 suggested</span>
      </p>
      {over && <p className={styles.over}>Over the suggested time by {formatElapsed(elapsed - minutes * 60)}.</p>}
      <div className={styles.buttons}>
        {running ? (
          <button type="button" className={shared.secondaryButton} onClick={pause}>
            Pause
          </button>
        ) : (
          <button type="button" className={shared.secondaryButton} onClick={start}>
            Start
          </button>
        )}
        <button type="button" className={shared.secondaryButton} onClick={reset} disabled={elapsed === 0 && !running}>
          Reset
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
