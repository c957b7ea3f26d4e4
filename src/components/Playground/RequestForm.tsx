import React, {useId} from 'react';
import {BROWSER, MAX_CONCURRENCY, MAX_REQUESTS, type Mesh} from '@site/src/lib/mesh';
import {PLAYGROUND_EXAMPLES} from '@site/src/data/playgroundExamples';
import type {SharedSettings} from '@site/src/lib/share';
import styles from './styles.module.css';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function clamp(value: number, low: number, high: number): number {
  return Number.isFinite(value) ? Math.max(low, Math.min(high, Math.floor(value))) : low;
}

interface RequestFormProps {
  /** Names the form among several playgrounds on one page. */
  readonly title: string;
  readonly mesh: Mesh;
  readonly exampleId: string;
  readonly settings: SharedSettings;
  readonly ambient: boolean;
  readonly onExample: (id: string) => void;
  readonly onChange: (settings: SharedSettings) => void;
  readonly onRun: () => void;
  readonly onShare: () => void;
  readonly onReset: () => void;
}

/** The example to start from, the request to simulate and the run settings. */
export function RequestForm({title, mesh, exampleId, settings, ambient, onExample, onChange, onRun, onShare, onReset}: RequestFormProps): React.JSX.Element {
  const id = useId();
  const update = <K extends keyof SharedSettings>(key: K, value: SharedSettings[K]) => onChange({...settings, [key]: value});
  return (
    <form
      className={styles.controls}
      aria-label={`Request to simulate: ${title}`}
      onSubmit={(event) => {
        event.preventDefault();
        onRun();
      }}
    >
      <label>
        Start from example
        <select value={exampleId} onChange={(event) => onExample(event.target.value)}>
          {PLAYGROUND_EXAMPLES.map((example) => (
            <option key={example.id} value={example.id}>
              {example.title}
            </option>
          ))}
        </select>
      </label>
      <label>
        Source workload
        <select value={settings.source} onChange={(event) => update('source', event.target.value)}>
          <option value={BROWSER}>a browser outside the cluster (through the ingress gateway)</option>
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
          <input inputMode="numeric" value={settings.port} placeholder={String(mesh.services[0]?.ports[0]?.port ?? '')} onChange={(event) => update('port', event.target.value.replace(/\D/g, '').slice(0, 5))} />
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
        <button type="button" className="button button--secondary" onClick={onShare}>
          Share link
        </button>
        <button type="button" className="button button--secondary" onClick={onReset}>
          Reset
        </button>
      </div>
    </form>
  );
}
