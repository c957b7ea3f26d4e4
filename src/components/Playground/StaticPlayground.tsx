import React from 'react';
import type {PlaygroundExample} from '@site/src/data/playgroundExamples';
import styles from './styles.module.css';

/** Lines the editor frame shows before it scrolls; the frame has the same height before and after loading. */
export const MAX_EDITOR_LINES = 26;

export function editorHeight(yaml: string): string {
  const lines = Math.min(MAX_EDITOR_LINES, Math.max(8, yaml.split('\n').length));
  return `calc(${lines} * 1.5em + 1.5rem)`;
}

export function requestLine(example: PlaygroundExample): string {
  const {request} = example;
  const headers = Object.entries(request.headers ?? {})
    .map(([name, value]) => ` -H "${name}: ${value}"`)
    .join('');
  const port = request.port ? `:${request.port}` : '';
  return `${request.method} http://${request.host}${port}${request.path}${headers} from ${request.source}, ${example.count} time${example.count === 1 ? '' : 's'}${example.concurrency ? `, ${example.concurrency} at once` : ''}`;
}

/** What the reader sees without JavaScript and while the playground loads. */
export function StaticPlayground({example}: {readonly example: PlaygroundExample}): React.JSX.Element {
  return (
    <section className={styles.playground} aria-label={`Mesh playground: ${example.title}`}>
      <h3 className={styles.title}>{example.title}</h3>
      <p className={styles.summary}>{example.summary}</p>
      <div className={styles.grid}>
        <div className={styles.editorColumn}>
          <p className={styles.label}>Istio configuration (YAML)</p>
          <div className={styles.editorFrame} style={{height: editorHeight(example.yaml)}}>
            <pre className={styles.pre} tabIndex={0}>{example.yaml}</pre>
          </div>
        </div>
        <div className={styles.controls}>
          <p className={styles.label}>Request</p>
          <p className={styles.staticRequest}>
            <code>{requestLine(example)}</code>
          </p>
          <p className={styles.muted}>The simulator needs JavaScript; it is loading.</p>
        </div>
      </div>
      <div className={styles.results} />
    </section>
  );
}
