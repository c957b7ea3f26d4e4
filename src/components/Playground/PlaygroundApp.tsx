import React, {Suspense, lazy, useCallback, useEffect, useId, useMemo, useState} from 'react';
import {presetMesh, simulate, type Mesh, type RunResult} from '@site/src/lib/mesh';
import {playgroundExample, type PlaygroundExample} from '@site/src/data/playgroundExamples';
import type {SharedSettings} from '@site/src/lib/share';
import {editorHeight} from './StaticPlayground';
import {Problems, distinctProblems, severityOf} from './Problems';
import {RequestForm} from './RequestForm';
import {Results} from './Results';
import {initialScenario, useScenario, type Scenario} from './useScenario';
import styles from './styles.module.css';

const YamlEditor = lazy(() => import('./YamlEditor'));

/** Quiet time after the last keystroke before the YAML is checked and the requests run again. */
const DEBOUNCE_MS = 300;

function textToHeaders(text: string): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const line of text.split('\n')) {
    const at = line.indexOf(':');
    if (at <= 0) continue;
    headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
  }
  return headers;
}

function meshFor(example: PlaygroundExample, settings: SharedSettings): Mesh {
  const ambient = example.presetOptions?.mode === 'ambient';
  const host = settings.host.split('.')[0] ?? '';
  return presetMesh(example.preset, {...example.presetOptions, waypointFor: ambient && settings.waypoint ? [host] : []});
}

function runScenario(mesh: Mesh, {yaml, settings}: Scenario, count = settings.count): RunResult {
  return simulate(
    mesh,
    yaml,
    {
      source: settings.source,
      host: settings.host,
      port: settings.port ? Number(settings.port) : undefined,
      method: settings.method,
      path: settings.path,
      headers: textToHeaders(settings.headers),
    },
    {count, seed: settings.seed, concurrency: settings.concurrency},
  );
}

/** The value once it has stopped changing for `ms`, and a way to take the current value at once. */
function useDebounced<T>(value: T, ms: number): readonly [T, () => void] {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(value), ms);
    return () => window.clearTimeout(timer);
  }, [value, ms]);
  return [settled, () => setSettled(value)];
}

function isDefault(scenario: Scenario, host: PlaygroundExample): boolean {
  const initial = initialScenario(host);
  return scenario.example.id === host.id && scenario.yaml === initial.yaml && JSON.stringify(scenario.settings) === JSON.stringify(initial.settings);
}

export default function PlaygroundApp({example: host}: {readonly example: PlaygroundExample}): React.JSX.Element {
  const id = useId();
  const {scenario, setScenario, linkProblem, revision, record, replace} = useScenario(host);
  const [shareUrl, setShareUrl] = useState<string | undefined>();
  const [runs, setRuns] = useState(0);
  // Editing re-checks and re-runs once typing pauses; Run applies at once and records the scenario.
  const [settled, applyNow] = useDebounced(scenario, DEBOUNCE_MS);
  const mesh = useMemo(() => meshFor(settled.example, settled.settings), [settled.example, settled.settings]);
  const result = useMemo(() => runScenario(mesh, settled), [mesh, settled]);
  // The simulator checks the YAML with the course's shared rules (src/lib/yaml, src/lib/rules):
  // what Istio would reject is an error and stops the run; a reference to a subset or host that
  // does not exist is a warning (Istio applies it; istioctl analyze warns) and the run shows its effect.
  const problems = useMemo(() => distinctProblems(result.problems), [result]);
  const rejected = problems.some((problem) => severityOf(problem) === 'error');

  const setYaml = useCallback((yaml: string) => setScenario((previous) => ({...previous, yaml})), [setScenario]);
  const onRun = () => {
    record(scenario, isDefault(scenario, host));
    applyNow();
    setRuns((count) => count + 1);
  };
  const onShare = () => {
    const url = record(scenario, isDefault(scenario, host));
    setShareUrl(url);
    void navigator.clipboard?.writeText(url).catch(() => undefined);
  };
  const onExample = (exampleId: string) => {
    const chosen = playgroundExample(exampleId);
    if (chosen) replace(initialScenario(chosen), chosen.id === host.id);
  };
  const labelId = `${id}-yaml`;
  const helpId = `${id}-help`;

  return (
    <section className={styles.playground} aria-label={`Mesh playground: ${host.title}`} data-playground={host.id}>
      <h3 className={styles.title}>{host.title}</h3>
      <p className={styles.summary}>{scenario.example.id === host.id ? host.summary : `Started from the example "${scenario.example.title}": ${scenario.example.summary}`}</p>
      {linkProblem ? (
        <p className={styles.linkProblem} role="alert" data-testid="link-problem">
          This link&apos;s scenario could not be opened: {linkProblem} The example is shown instead.
        </p>
      ) : null}
      <div className={styles.grid}>
        <div className={styles.editorColumn}>
          <p className={styles.label} id={labelId}>
            Istio configuration (YAML)
          </p>
          <div className={styles.editorFrame} style={{height: editorHeight(host.yaml)}}>
            <Suspense fallback={<pre className={styles.pre} tabIndex={0}>{scenario.yaml}</pre>}>
              <YamlEditor key={revision} code={scenario.yaml} onChange={setYaml} errorLines={problems.filter((problem) => severityOf(problem) === 'error').map((problem) => problem.line)} labelId={labelId} helpId={helpId} />
            </Suspense>
          </div>
          <p className={styles.help} id={helpId}>
            Tab indents. To leave the editor press Escape, then Tab (Enter returns to it). Ctrl+Space lists the fields allowed at the cursor.
          </p>
          <Problems problems={problems} />
        </div>
        <div>
          <RequestForm
            title={host.title}
            mesh={mesh}
            exampleId={scenario.example.id}
            settings={scenario.settings}
            ambient={scenario.example.presetOptions?.mode === 'ambient'}
            onExample={onExample}
            onChange={(settings) => setScenario((previous) => ({...previous, settings}))}
            onRun={onRun}
            onShare={onShare}
            onReset={() => replace(initialScenario(host), true)}
          />
          {shareUrl ? (
            <label className={styles.shareUrl}>
              Link to this scenario (copied if the browser allowed it)
              <input readOnly value={shareUrl} onFocus={(event) => event.target.select()} data-testid="share-url" />
            </label>
          ) : null}
        </div>
      </div>
      <Results result={result} blocked={rejected} runs={runs} idPrefix={id.replace(/:/g, '')} />
    </section>
  );
}
