import React from 'react';
import type {Problem} from '@site/src/lib/problem';
import styles from './styles.module.css';

/** How serious a problem is; the shared Problem type leaves `error` implicit. */
export const severityOf = (problem: Problem): 'error' | 'warning' | 'info' => problem.severity ?? 'error';

/**
 * One entry per problem, first in the text first: two messages at the same line and column
 * with the same severity are one mistake seen by two checks, and only the first is shown.
 * (src/lib/yaml already keeps one syntax message per line.)
 */
export function distinctProblems(problems: readonly Problem[]): Problem[] {
  const sorted = [...problems].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
  const seen = new Set<string>();
  return sorted.filter((problem) => {
    const key = `${problem.line}:${problem.column ?? 0}:${severityOf(problem)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function Problems({problems}: {readonly problems: readonly Problem[]}): React.JSX.Element {
  if (problems.length === 0) {
    return (
      <div className={styles.diagnostics} aria-live="polite" data-testid="diagnostics">
        <p className={styles.ok}>No problems found in the YAML.</p>
      </div>
    );
  }
  const errors = problems.filter((problem) => severityOf(problem) === 'error').length;
  return (
    <div className={styles.diagnostics} aria-live="polite" data-testid="diagnostics">
      <p className={styles.problemCount}>
        {problems.length} problem{problems.length === 1 ? '' : 's'}
        {errors ? ` (${errors} error${errors === 1 ? '' : 's'})` : ''}:
      </p>
      {/* Its own scroll box, so a long list never pushes the editor off a phone screen. */}
      <ol className={styles.problemList} tabIndex={0} aria-label="Problems in the YAML">
        {problems.map((problem, index) => (
          <li key={index} className={styles[severityOf(problem)]} data-testid="problem">
            <strong>
              {severityOf(problem)} at line {problem.line}
              {problem.column ? `, column ${problem.column}` : ''}:
            </strong>{' '}
            {problem.message}
          </li>
        ))}
      </ol>
    </div>
  );
}
