import React, {Suspense, lazy, useCallback, useEffect, useId, useMemo, useState} from 'react';
import {MAX_CONCURRENCY, MAX_REQUESTS, presetMesh, simulate, type RequestTrace, type RunResult} from '@site/src/lib/mesh';
import type {PlaygroundExample} from '@site/src/data/playgroundExamples';
import {editorHeight} from './StaticPlayground';
import styles from './styles.module.css';

const YamlEditor = lazy(() => import('./YamlEditor'));

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];
/** Traces shown in full; the rest are summarised in the table. */
const TRACE_LIMIT = 50;

function headersToText(headers: Readonly<Record<string, string>> | undefined): string {
  return Object.entries(headers ?? {})
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
}

function textToHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf(':');
    if (at <= 0) continue;
    headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

function statusText(status: number): string {
  return status === 0 ? 'reset' : String(status);
}

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.max(low, Math.min(high, Math.floor(value))) : low;
}

interface Settings {
  readonly source: string;
  readonly host: string;
  readonly port: string;
  readonly method: string;
  readonly path: string;
  readonly headers: string;
  readonly count: number;
  readonly concurrency: number;
  readonly seed: number;
  readonly waypoint: boolean;
}

function initialSettings(example: PlaygroundExample): Settings {
  return {
    source: example.request.source,
    host: example.request.host,
    port: example.request.port ? String(example.request.port) : '',
    method: example.request.method,
    path: example.request.path,
    headers: headersToText(example.request.headers),
    count: example.count,
    concurrency: example.concurrency ?? 1,
    seed: example.seed,
    waypoint: (example.presetOptions?.waypointFor ?? []).length > 0,
  };
}

export default function PlaygroundApp({example}: {readonly example: PlaygroundExample}): React.JSX.Element {
  const id = useId();
  const [yaml, setYaml] = useState(example.yaml);
  const [settings, setSettings] = useState<Settings>(() => initialSettings(example));
  const ambient = example.presetOptions?.mode === 'ambient';
  const mesh = useMemo(() => {
    const host = settings.host.split('.')[0] ?? '';
    return presetMesh(example.preset, {
      ...example.presetOptions,
      waypointFor: ambient && settings.waypoint ? [host] : [],
    });
  }, [example, ambient, settings.waypoint, settings.host]);
  const run = useCallback(
    (currentYaml: string, current: Settings): RunResult =>
      simulate(
        mesh,
        currentYaml,
        {
          source: current.source,
          host: current.host,
          port: current.port ? Number(current.port) : undefined,
          method: current.method,
          path: current.path,
          headers: textToHeaders(current.headers),
        },
        {count: current.count, seed: current.seed, concurrency: current.concurrency},
      ),
    [mesh],
  );
  const [result, setResult] = useState<RunResult>(() => run(example.yaml, initialSettings(example)));
  const [runs, setRuns] = useState(1);
  const [editorKey, setEditorKey] = useState(0);
  // Problems in the YAML are shown as the learner types; requests run on demand.
  const [liveDiagnostics, setLiveDiagnostics] = useState(result.problems);
  useEffect(() => {
    const timer = window.setTimeout(() => setLiveDiagnostics(run(yaml, {...settings, count: 0}).problems), 250);
    return () => window.clearTimeout(timer);
  }, [yaml, settings, run]);

  const update = <K extends keyof Settings>(key: K, value: Settings[K]) => setSettings((previous) => ({...previous, [key]: value}));
  const onSubmit = (event: React.FormEvent) => {
    event.preventDefault();
    const next = run(yaml, settings);
    setResult(next);
    setLiveDiagnostics(next.problems);
    setRuns((count) => count + 1);
  };
  const reset = () => {
    setYaml(example.yaml);
    setSettings(initialSettings(example));
    setResult(run(example.yaml, initialSettings(example)));
    setRuns((count) => count + 1);
    setEditorKey((key) => key + 1);
  };
  const labelId = `${id}-yaml`;
  const problems = liveDiagnostics;
  const hasErrors = result.problems.some((diagnostic) => diagnostic.severity === 'error');

  return (
    <section className={styles.playground} aria-label={`Mesh playground: ${example.title}`} data-playground={example.id}>
      <h3 className={styles.title}>{example.title}</h3>
      <p className={styles.summary}>{example.summary}</p>
      <div className={styles.grid}>
        <div className={styles.editorColumn}>
          <p className={styles.label} id={labelId}>
            Istio configuration (YAML)
          </p>
          <div className={styles.editorFrame} style={{height: editorHeight(example.yaml)}}>
            <Suspense fallback={<pre className={styles.pre}>{yaml}</pre>}>
              <YamlEditor key={editorKey} code={yaml} onChange={setYaml} diagnostics={liveDiagnostics} labelId={labelId} />
            </Suspense>
          </div>
          <div className={styles.diagnostics} aria-live="polite" data-testid="diagnostics">
            {problems.length === 0 ? (
              <p className={styles.ok}>No problems found in the YAML.</p>
            ) : (
              <ul>
                {problems.map((diagnostic, index) => (
                  <li key={index} className={styles[diagnostic.severity ?? "error"]}>
                    <strong>
                      {diagnostic.severity} at line {diagnostic.line}, column {diagnostic.column}:
                    </strong>{' '}
                    {diagnostic.message}
                  </li>
                ))}
              </ul>
            )}
          </div>
        </div>
        <form className={styles.controls} onSubmit={onSubmit} aria-label="Request to simulate">
          <label>
            Source workload
            <select value={settings.source} onChange={(event) => update('source', event.target.value)}>
              {mesh.workloads.map((workload) => (
                <option key={workload.name} value={workload.name}>
                  {workload.name} ({workload.namespace}, {workload.mode === 'outside' ? 'no proxy' : workload.mode})
                </option>
              ))}
            </select>
          </label>
          <div className={styles.row}>
            <label className={styles.grow}>
              Host
              <input value={settings.host} onChange={(event) => update('host', event.target.value)} list={`${id}-hosts`} />
            </label>
            <label className={styles.narrow}>
              Port
              <input inputMode="numeric" value={settings.port} placeholder={String(mesh.services[0]?.ports[0]?.port ?? '')} onChange={(event) => update('port', event.target.value.replace(/\D/g, ''))} />
            </label>
          </div>
          <datalist id={`${id}-hosts`}>
            {mesh.services.map((service) => (
              <option key={service.name} value={service.name} />
            ))}
          </datalist>
          <div className={styles.row}>
            <label className={styles.narrow}>
              Method
              <select value={settings.method} onChange={(event) => update('method', event.target.value)}>
                {METHODS.map((method) => (
                  <option key={method}>{method}</option>
                ))}
              </select>
            </label>
            <label className={styles.grow}>
              Path
              <input value={settings.path} onChange={(event) => update('path', event.target.value)} />
            </label>
          </div>
          <label>
            <span>
              Headers (one <code>name: value</code> per line)
            </span>
            <textarea rows={2} value={settings.headers} onChange={(event) => update('headers', event.target.value)} />
          </label>
          <div className={styles.row}>
            <label>
              Requests
              <input type="number" min={1} max={MAX_REQUESTS} value={settings.count} onChange={(event) => update('count', clamp(Number(event.target.value), 1, MAX_REQUESTS))} />
            </label>
            <label>
              At once
              <input type="number" min={1} max={MAX_CONCURRENCY} value={settings.concurrency} onChange={(event) => update('concurrency', clamp(Number(event.target.value), 1, MAX_CONCURRENCY))} />
            </label>
            <label>
              Seed
              <input type="number" value={settings.seed} onChange={(event) => update('seed', clamp(Number(event.target.value), 0, 2 ** 31))} />
            </label>
          </div>
          {ambient ? (
            <label className={styles.checkbox}>
              <input type="checkbox" checked={settings.waypoint} onChange={(event) => update('waypoint', event.target.checked)} />
              The destination Service uses a waypoint (istio.io/use-waypoint)
            </label>
          ) : null}
          <div className={styles.buttons}>
            <button type="submit" className="button button--primary">
              Run
            </button>
            <button type="button" className="button button--secondary" onClick={reset}>
              Reset example
            </button>
          </div>
        </form>
      </div>
      <Results result={result} hasErrors={hasErrors} runs={runs} />
    </section>
  );
}

function Results({result, hasErrors, runs}: {readonly result: RunResult; readonly hasErrors: boolean; readonly runs: number}): React.JSX.Element {
  const {summary} = result;
  if (hasErrors) {
    return (
      <div className={styles.results} aria-live="polite" data-testid="results">
        <p className={styles.blocked}>No requests were sent: fix the errors in the YAML (listed under the editor) and run again.</p>
      </div>
    );
  }
  const top = Math.max(1, ...summary.byDestination.map((row) => row.count));
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
            <th scope="col">Requests</th>
            <th scope="col">Share</th>
          </tr>
        </thead>
        <tbody>
          {summary.byDestination.map((row) => (
            <tr key={row.destination}>
              <th scope="row">{row.destination}</th>
              <td>{row.count}</td>
              <td className={styles.barCell}>
                <span className={styles.bar} style={{width: `${(100 * row.count) / top}%`}} aria-hidden="true" />
                <span className={styles.barLabel}>{Math.round((100 * row.count) / Math.max(1, summary.total))}%</span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h4 className={styles.tracesTitle}>Per-request trace{result.samples.length > TRACE_LIMIT ? ` (first ${TRACE_LIMIT})` : ''}</h4>
      <ol className={styles.traces}>
        {result.samples.slice(0, TRACE_LIMIT).map((trace) => (
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
