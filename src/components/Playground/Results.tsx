import React from 'react';
import type {HopTrace, RequestTrace, RunResult} from '@site/src/lib/mesh';
import styles from './styles.module.css';

function statusText(status: number): string {
  return status === 0 ? 'reset' : String(status);
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** A bar as wide as its share of all requests, with the percentage beside it. */
function ShareBar({count, total}: {readonly count: number; readonly total: number}): React.JSX.Element {
  const percent = (100 * count) / Math.max(1, total);
  return (
    <span className={styles.share}>
      <span className={styles.track} aria-hidden="true">
        <span className={styles.bar} style={{width: `${percent}%`}} />
      </span>
      <span className={styles.barLabel}>{percent > 0 && percent < 1 ? '<1' : Math.round(percent)}%</span>
    </span>
  );
}

interface Row {
  readonly label: React.ReactNode;
  readonly key: string;
  readonly count: number;
}

/** Counts over every request of the run, each with its share. */
function CountTable({caption, header, rows, total}: {readonly caption: string; readonly header: string; readonly rows: readonly Row[]; readonly total: number}): React.JSX.Element {
  return (
    <table className={styles.table}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{header}</th>
          <th scope="col" className={styles.countColumn}>
            Requests
          </th>
          <th scope="col" className={styles.shareColumn}>
            Share
          </th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.count}</td>
            <td>
              <ShareBar count={row.count} total={total} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function Results({result, blocked, runs, idPrefix}: {readonly result: RunResult; readonly blocked: boolean; readonly runs: number; readonly idPrefix: string}): React.JSX.Element {
  const {summary, samples} = result;
  if (blocked) {
    return (
      <div className={styles.results} aria-live="polite" data-testid="results">
        <p className={styles.blocked}>No requests were sent: Istio would not accept this YAML. Fix the errors listed under the editor; the requests run again by themselves.</p>
      </div>
    );
  }
  const {latency} = summary;
  const traceId = (index: number) => `${idPrefix}-trace-${index}`;
  return (
    <div className={styles.results} aria-live="polite" data-testid="results" data-run={runs}>
      <p className={styles.headline}>
        {plural(summary.total, 'request')}: {summary.byStatus.map(({status, count}) => `${count} × ${statusText(status)}`).join(', ')}
        {summary.mirrored.length ? `; mirrored: ${summary.mirrored.map((row) => `${row.count} to ${row.destination}`).join(', ')}` : ''}.
      </p>
      {summary.total > 0 ? (
        <p className={styles.latency}>
          Latency end to end: mean {latency.meanMs} ms, median {latency.p50Ms} ms, p90 {latency.p90Ms} ms, p99 {latency.p99Ms} ms, max {latency.maxMs} ms; the run took {summary.durationMs} ms of simulated time.
        </p>
      ) : null}
      {summary.byView.length ? <Views result={result} /> : null}
      <CountTable caption="Where the requests went" header="Destination" total={summary.total} rows={summary.byDestination.map((row) => ({key: row.destination, label: row.destination, count: row.count}))} />
      <CountTable
        caption="Outcomes"
        header="Outcome"
        total={summary.total}
        rows={summary.byOutcome.map((row) => ({key: row.outcome, count: row.count, label: <a href={`#${traceId(row.firstIndex)}`}>{row.outcome}</a>}))}
      />
      {summary.byHop.length ? <CountTable caption="Calls the applications made" header="Call" total={summary.total} rows={summary.byHop.map((row) => ({key: row.hop, label: row.hop, count: row.count}))} /> : null}
      <h4 className={styles.tracesTitle}>Sample traces: the first requests and the first of each outcome</h4>
      <ol className={styles.traces}>
        {samples.map((trace) => (
          <TraceItem key={trace.index} trace={trace} id={traceId(trace.index)} />
        ))}
      </ol>
    </div>
  );
}

/** What the learner would see (the Bookinfo page, a terminal), one example of each kind. */
function Views({result}: {readonly result: RunResult}): React.JSX.Element {
  return (
    <div className={styles.views}>
      <h4>What the learner sees</h4>
      {result.summary.byView.map((row) => {
        const sample = result.samples.find((trace) => trace.view?.label === row.view);
        return (
          <figure key={row.view} className={styles.view}>
            <figcaption>
              {row.view}: {plural(row.count, 'request')} ({Math.round((100 * row.count) / Math.max(1, result.summary.total))}%)
            </figcaption>
            {sample?.view ? <pre className={styles.viewPage}>{sample.view.lines.join('\n')}</pre> : null}
          </figure>
        );
      })}
    </div>
  );
}

function HopLine({hop}: {readonly hop: HopTrace}): React.JSX.Element {
  const ok = hop.status >= 200 && hop.status < 400;
  return (
    <>
      <span className={ok ? styles.statusOk : styles.statusFail}>{statusText(hop.status)}</span>
      {hop.flags.length ? ` ${hop.flags.join(',')}` : ''} · {hop.from} → {hop.destination ?? hop.to} · {hop.latencyMs} ms · {hop.route}
      {hop.attempts > 1 ? ` · ${hop.attempts} attempts` : ''}
    </>
  );
}

function TraceItem({trace, id}: {readonly trace: RequestTrace; readonly id: string}): React.JSX.Element {
  return (
    <li id={id} value={trace.index + 1}>
      <details>
        <summary>
          <HopLine hop={trace} />
          {trace.view ? ` · sees: ${trace.view.label}` : ''}
        </summary>
        {trace.hops.map((hop, index) => (
          <div key={index} className={styles.hop} style={{marginLeft: `${hop.depth * 1}rem`}}>
            {trace.hops.length > 1 ? (
              <p className={styles.hopTitle}>
                Hop {index + 1}: <HopLine hop={hop} />
              </p>
            ) : null}
            <ol className={styles.steps}>
              {hop.steps.map((step, stepIndex) => (
                <li key={stepIndex} className={styles[`step_${step.outcome}`]}>
                  <span className={styles.stepKind}>{step.kind}</span> <span className={styles.stepAt}>[{step.at}]</span> {step.text}
                </li>
              ))}
            </ol>
          </div>
        ))}
      </details>
    </li>
  );
}
