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
      {/* The site's one table style (sml-table in src/css/custom.css): cards on a phone. */}
      <div className="sml-table">
        <table role="table">
          <caption className={styles.caption}>The labs, in the order the course uses them</caption>
          <thead role="rowgroup">
            <tr role="row">
              <th scope="col" role="columnheader">Lab</th>
              <th scope="col" role="columnheader">Time</th>
              <th scope="col" role="columnheader">Difficulty</th>
              <th scope="col" role="columnheader">Modes</th>
            </tr>
          </thead>
          <tbody role="rowgroup">
            {LAB_CATALOG.map((entry) => {
              const lab = published.get(entry.id);
              return (
                <tr key={entry.id} role="row">
                  <th scope="row" role="rowheader" className={styles.title}>
                    {entry.number}.{' '}
                    {lab?.path ? <Link to={lab.path}>{lab.title}</Link> : entry.title}
                    {lab?.path && <span className={styles.summary}>{lab.summary}</span>}
                  </th>
                  <td role="cell" data-label="Time">{lab ? formatDuration(lab.minutes) : '—'}</td>
                  <td role="cell" data-label="Difficulty">{lab ? DIFFICULTY_LABEL[lab.difficulty] : '—'}</td>
                  <td role="cell" data-label="Modes">{lab ? lab.modes.join(', ') : '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
