import React from 'react';
import type {Diagnostic} from '@site/src/lib/mesh';
import styles from './styles.module.css';

/**
 * One entry per problem, first in the text first. Two messages at the same line and column are
 * one problem seen twice (the shared rules and the simulator's own checks both read the YAML):
 * the first, from the shared rules, is kept. src/lib/yaml keeps one syntax message per line.
 */
export function distinctProblems(diagnostics: readonly Diagnostic[]): Diagnostic[] {
  const sorted = [...diagnostics].sort((a, b) => a.line - b.line || a.column - b.column);
  const seen = new Set<string>();
  return sorted.filter((diagnostic) => {
    const key = `${diagnostic.line}:${diagnostic.column}:${diagnostic.severity}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function Problems({problems}: {readonly problems: readonly Diagnostic[]}): React.JSX.Element {
  if (problems.length === 0) {
    return (
      <div className={styles.diagnostics} aria-live="polite" data-testid="diagnostics">
        <p className={styles.ok}>No problems found in the YAML.</p>
      </div>
    );
  }
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return (
    <div className={styles.diagnostics} aria-live="polite" data-testid="diagnostics">
      <p className={styles.problemCount}>
        {problems.length} problem{problems.length === 1 ? '' : 's'}
        {errors ? ` (${errors} error${errors === 1 ? '' : 's'})` : ''}:
      </p>
      {/* Its own scroll box, so a long list never pushes the editor off a phone screen. */}
      <ol className={styles.problemList} tabIndex={0} aria-label="Problems in the YAML">
        {problems.map((problem, index) => (
          <li key={index} className={styles[problem.severity]} data-testid="problem">
            <strong>
              {problem.severity} at line {problem.line}, column {problem.column}:
            </strong>{' '}
            {problem.message}
          </li>
        ))}
      </ol>
    </div>
  );
}
