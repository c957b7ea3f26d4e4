import React from 'react';
import type {RequestTrace, RunResult} from '@site/src/lib/mesh';
import styles from './styles.module.css';

/** Traces shown in full; the rest are summarised in the table. */
const TRACE_LIMIT = 50;

function statusText(status: number): string {
  return status === 0 ? 'reset' : String(status);
}

/** A bar as wide as its share of all requests, with the percentage beside it. */
function ShareBar({count, total}: {readonly count: number; readonly total: number}): React.JSX.Element {
  const percent = (100 * count) / Math.max(1, total);
  return (
    <span className={styles.share}>
      <span className={styles.track} aria-hidden="true">
        <span className={styles.bar} style={{width: `${percent}%`}} />
      </span>
      <span className={styles.barLabel}>{Math.round(percent)}%</span>
    </span>
  );
}

export function Results({result, blocked, runs}: {readonly result: RunResult; readonly blocked: boolean; readonly runs: number}): React.JSX.Element {
  const {summary} = result;
  if (blocked) {
    return (
      <div className={styles.results} aria-live="polite" data-testid="results">
        <p className={styles.blocked}>No requests were sent: Istio would not accept this YAML. Fix the errors listed under the editor; the requests run again by themselves.</p>
      </div>
    );
  }
  return (
    <div className={styles.results} aria-live="polite" data-testid="results" data-run={runs}>
      <p className={styles.headline}>
        {summary.total} request{summary.total === 1 ? '' : 's'}:{' '}
        {summary.byStatus.map(({status, count}) => `${count} × ${statusText(status)}`).join(', ')}; mean latency {summary.meanLatencyMs} ms, max {summary.maxLatencyMs} ms
        {summary.mirrored.length ? `; mirrored: ${summary.mirrored.map((row) => `${row.count} to ${row.destination}`).join(', ')}` : ''}.
      </p>
      <table className={styles.table}>
        <caption>Where the requests went</caption>
        <thead>
          <tr>
            <th scope="col">Destination</th>
            <th scope="col" className={styles.countColumn}>
              Requests
            </th>
            <th scope="col" className={styles.shareColumn}>
              Share
            </th>
          </tr>
        </thead>
        <tbody>
          {summary.byDestination.map((row) => (
            <tr key={row.destination}>
              <th scope="row">{row.destination}</th>
              <td>{row.count}</td>
              <td>
                <ShareBar count={row.count} total={summary.total} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className={styles.tracesTitle}>Per-request trace{result.requests.length > TRACE_LIMIT ? ` (first ${TRACE_LIMIT})` : ''}</h4>
      <ol className={styles.traces}>
        {result.requests.slice(0, TRACE_LIMIT).map((trace) => (
          <TraceItem key={trace.index} trace={trace} />
        ))}
      </ol>
    </div>
  );
}

function TraceItem({trace}: {readonly trace: RequestTrace}): React.JSX.Element {
  const ok = trace.status >= 200 && trace.status < 400;
  return (
    <li>
      <details>
        <summary>
          <span className={ok ? styles.statusOk : styles.statusFail}>{statusText(trace.status)}</span>
          {trace.flags.length ? ` ${trace.flags.join(',')}` : ''} · {trace.destination ?? 'no pod'} · {trace.latencyMs} ms · {trace.route}
          {trace.attempts > 1 ? ` · ${trace.attempts} attempts` : ''}
        </summary>
        <ol className={styles.steps}>
          {trace.steps.map((step, index) => (
            <li key={index} className={styles[`step_${step.outcome}`]}>
              <span className={styles.stepKind}>{step.kind}</span> <span className={styles.stepAt}>[{step.at}]</span> {step.text}
            </li>
          ))}
        </ol>
      </details>
    </li>
  );
}
