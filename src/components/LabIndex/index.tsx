import React from 'react';
import Link from '@docusaurus/Link';
import {LAB_CATALOG} from '@site/src/data/labCatalog';
import {formatDuration} from '@site/src/data/outline';
import {DIFFICULTY_LABEL, usePublishedLabs} from '@site/src/components/Lab/labData';
import styles from './styles.module.css';

/**
 * Every lab of the course in order, with time, difficulty and modes for the ones that exist.
 * Reads only the small global summary the labs plugin publishes, never the labs themselves.
 */
export default function LabIndex(): React.JSX.Element {
  const published = usePublishedLabs();
  const ready = LAB_CATALOG.filter((entry) => published.get(entry.id)?.path);
  const totalMinutes = ready.reduce((sum, entry) => sum + (published.get(entry.id)?.minutes ?? 0), 0);
  return (
    <>
      <p>
        {ready.length} of {LAB_CATALOG.length} labs are ready
        {ready.length > 0 ? `, about ${formatDuration(totalMinutes)} of hands-on work` : ''}.
      </p>
      <table className={styles.table}>
        <caption className={styles.caption}>The labs, in the order the course uses them</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Lab</th>
            <th scope="col">Time</th>
            <th scope="col">Difficulty</th>
            <th scope="col">Modes</th>
          </tr>
        </thead>
        <tbody>
          {LAB_CATALOG.map((entry) => {
            const lab = published.get(entry.id);
            return (
              <tr key={entry.id}>
                <td>{entry.number}</td>
                <th scope="row" className={styles.title}>
                  {lab?.path ? <Link to={lab.path}>{lab.title}</Link> : entry.title}
                  {lab?.path ? <span className={styles.summary}>{lab.summary}</span> : <span className={styles.summary}>In preparation.</span>}
                </th>
                <td>{lab ? formatDuration(lab.minutes) : '—'}</td>
                <td>{lab ? DIFFICULTY_LABEL[lab.difficulty] : '—'}</td>
                <td>{lab ? lab.modes.join(', ') : '—'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
