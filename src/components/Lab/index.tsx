import React, {useCallback, useEffect, useId, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import Link from '@docusaurus/Link';
import CodeBlock from '@theme/CodeBlock';
import useBaseUrl from '@docusaurus/useBaseUrl';
import useDocusaurusContext from '@docusaurus/useDocusaurusContext';
import {usePluginData} from '@docusaurus/useGlobalData';
import {LAB_CATALOG} from '@site/src/data/labCatalog';
import {parseBody, type Block, type Inline} from '@site/src/lib/labs/markdown';
import {commandsForMode, type LabCommand, type LabMode, type LabPageData, type LabStep, type LabSummary} from '@site/src/lib/labs/model';
import {renderForPage} from '@site/src/lib/labs/placeholders';
import {
  decodeProgress,
  EMPTY_PROGRESS,
  encodeProgress,
  MODE_STORAGE_KEY,
  progressKey,
  readItem,
  writeItem,
  type LabProgress,
} from '@site/src/lib/labs/progress';
import styles from './styles.module.css';

interface LabProps {
  /** The lab's id (folder under labs/). */
  readonly id: string;
  /** Injected at build time by src/plugins/labs/remark.ts; never written by hand. */
  readonly data?: LabPageData;
}

const MODE_EVENT = 'sml-lab-mode-change';
const MATCH_EXPLAINED: Record<string, string> = {
  exact: 'Your output should be exactly this.',
  contains: 'Your output should contain this.',
  'not-contains': 'Your output should not contain this.',
  like: 'Your output should look like this; ages, IP addresses and pod-name suffixes will differ, and "..." stands for lines left out.',
};

// ---------------------------------------------------------------------------------------------
// State kept in localStorage

function subscribeMode(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(MODE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(MODE_EVENT, onChange);
  };
}

/** The remembered sidecar/ambient choice, shared by every lab page and every open tab. */
function useLabMode(modes: readonly LabMode[]): [LabMode, (mode: LabMode) => void] {
  const fallback = modes[0] ?? 'sidecar';
  const stored = useSyncExternalStore(
    subscribeMode,
    () => readItem(MODE_STORAGE_KEY),
    () => null,
  );
  const mode = modes.find((candidate) => candidate === stored) ?? fallback;
  const setMode = useCallback((next: LabMode) => {
    writeItem(MODE_STORAGE_KEY, next);
    window.dispatchEvent(new Event(MODE_EVENT));
  }, []);
  return [mode, setMode];
}

/** Done steps and variable values, loaded after hydration so the server HTML always matches. */
function useProgress(labId: string, stepIds: readonly string[], variableNames: readonly string[]) {
  const key = progressKey(labId);
  const [progress, setProgress] = useState<LabProgress>(EMPTY_PROGRESS);
  const idsRef = useRef({stepIds, variableNames});
  idsRef.current = {stepIds, variableNames};

  useEffect(() => {
    const load = () => setProgress(decodeProgress(readItem(key), idsRef.current.stepIds, idsRef.current.variableNames));
    load();
    const onStorage = (event: StorageEvent) => {
      if (event.key === key || event.key === null) load();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [key]);

  const update = useCallback(
    (change: (current: LabProgress) => LabProgress) => {
      setProgress((current) => {
        const next = change(current);
        writeItem(key, next.done.length === 0 && Object.keys(next.values).length === 0 ? null : encodeProgress(next));
        return next;
      });
    },
    [key],
  );
  return {progress, update};
}

// ---------------------------------------------------------------------------------------------
// Clipboard

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // Fall through to the selection-based copy.
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

function CopyButton({text, label, children}: {text: string; label: string; children?: React.ReactNode}) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => {
    if (timer.current) clearTimeout(timer.current);
  }, []);
  const onClick = async () => {
    const ok = await copyText(text);
    setState(ok ? 'copied' : 'failed');
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => setState('idle'), 2000);
  };
  return (
    <button type="button" className={styles.copyButton} onClick={onClick} aria-label={label}>
      {state === 'copied' ? 'Copied' : state === 'failed' ? 'Copy failed' : (children ?? 'Copy')}
      <span className="visually-hidden" aria-live="polite">
        {state === 'copied' ? 'Copied to the clipboard' : state === 'failed' ? 'Could not copy; select the text instead' : ''}
      </span>
    </button>
  );
}

// ---------------------------------------------------------------------------------------------
// Pieces

function InlineText({content}: {content: readonly Inline[]}): React.JSX.Element {
  return (
    <>
      {content.map((node, index) => {
        switch (node.kind) {
          case 'text':
            return <React.Fragment key={index}>{node.text}</React.Fragment>;
          case 'code':
            return <code key={index}>{node.text}</code>;
          case 'strong':
            return (
              <strong key={index}>
                <InlineText content={node.children} />
              </strong>
            );
          case 'em':
            return (
              <em key={index}>
                <InlineText content={node.children} />
              </em>
            );
          case 'link':
            return (
              <Link key={index} to={node.href}>
                <InlineText content={node.children} />
              </Link>
            );
        }
      })}
    </>
  );
}

function Markdown({text}: {text: string}): React.JSX.Element {
  const blocks: Block[] = useMemo(() => parseBody(text), [text]);
  return (
    <>
      {blocks.map((block, index) =>
        block.kind === 'paragraph' ? (
          <p key={index}>
            <InlineText content={block.content} />
          </p>
        ) : (
          <ul key={index}>
            {block.items.map((item, itemIndex) => (
              <li key={itemIndex}>
                <InlineText content={item} />
              </li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

function Command({text, label, mode}: {text: string; label: string; mode?: LabMode}) {
  return (
    <div className={styles.command}>
      {mode && <span className={styles.modeBadge}>{mode} mode only</span>}
      <div className={styles.commandRow}>
        <pre className={styles.commandText}>
          <code>{text}</code>
        </pre>
        <CopyButton text={text} label={`Copy ${label.charAt(0).toLowerCase()}${label.slice(1)}`} />
      </div>
    </div>
  );
}

const DIFFICULTY_LABEL: Record<string, string> = {beginner: 'Beginner', intermediate: 'Intermediate', advanced: 'Advanced'};

function usePublishedLabs(): readonly LabSummary[] {
  const data = usePluginData('labs') as {labs?: readonly LabSummary[]} | undefined;
  return data?.labs ?? [];
}

// ---------------------------------------------------------------------------------------------
// The lab

/**
 * A lab page: header (time, difficulty, modes, prerequisites, mode switch), variables, every
 * step with copyable commands, expected output, hint, check, manifests and a done box, a progress
 * bar, and the cleanup. Everything is in the server HTML; JavaScript adds copying, live
 * variables and remembered progress.
 */
export default function Lab({id, data}: LabProps): React.JSX.Element {
  if (!data) {
    throw new Error(
      `<Lab id="${id}">: no lab data. The remark plugin src/plugins/labs/remark.ts injects it; is it registered for this page?`,
    );
  }
  if (data.lab.id !== id) throw new Error(`<Lab id="${id}"> received the data of lab "${data.lab.id}"`);
  const {lab, manifests} = data;
  const uid = useId();
  const {siteConfig} = useDocusaurusContext();
  const labsBase = useBaseUrl(`/labs/${lab.id}/`);
  const bundleUrl = useBaseUrl(`/labs/${lab.id}.tar.gz`);
  const scriptUrl = useBaseUrl(`/labs/${lab.id}/run.sh`);
  const published = usePublishedLabs();
  const variables = lab.variables ?? [];
  const [mode, setMode] = useLabMode(lab.modes);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const {progress, update} = useProgress(
    lab.id,
    lab.steps.map((step) => step.id),
    variables.map((variable) => variable.name),
  );

  const values = useMemo(() => {
    const result: Record<string, string> = {};
    for (const variable of variables) result[variable.name] = progress.values[variable.name] ?? variable.default;
    return result;
  }, [variables, progress.values]);
  const render = useCallback(
    (command: string) =>
      renderForPage(command, {values, manifestUrl: (file) => `${siteConfig.url}${labsBase}${file}`}),
    [values, siteConfig.url, labsBase],
  );

  // Before hydration every mode's commands are shown (readable without JavaScript); after, only the chosen mode's.
  const stepVisible = (step: LabStep) => !hydrated || !step.mode || step.mode === mode;
  const visibleCommands = (commands: readonly LabCommand[]) => (hydrated ? commandsForMode(commands, mode) : [...commands]);
  const steps = lab.steps.filter(stepVisible);
  const doneCount = steps.filter((step) => progress.done.includes(step.id)).length;
  const allCommands = lab.steps
    .filter((step) => !step.mode || step.mode === mode)
    .flatMap((step) => commandsForMode(step.commands, mode).map((command) => render(command.run)))
    .join('\n');
  const cleanupCommands = commandsForMode(lab.cleanup, mode).map((command) => render(command.run)).join('\n');

  const toggleStep = (stepId: string, done: boolean) =>
    update((current) => ({
      ...current,
      done: done ? [...new Set([...current.done, stepId])] : current.done.filter((item) => item !== stepId),
    }));
  const setValue = (name: string, value: string) =>
    update((current) => ({...current, values: {...current.values, [name]: value}}));

  return (
    <div className={styles.lab} data-lab={lab.id} data-mode={hydrated ? mode : undefined}>
      <p className={styles.summary}>{lab.summary}</p>
      <dl className={styles.facts}>
        <div>
          <dt>Time</dt>
          <dd>about {lab.minutes} min</dd>
        </div>
        <div>
          <dt>Difficulty</dt>
          <dd>{DIFFICULTY_LABEL[lab.difficulty]}</dd>
        </div>
        <div>
          <dt>Modes</dt>
          <dd>{lab.modes.join(', ')}</dd>
        </div>
        <div>
          <dt>Before you start</dt>
          <dd>
            {(lab.prerequisites ?? []).length === 0
              ? 'a local cluster (minikube or kind) with kubectl'
              : (lab.prerequisites ?? []).map((prerequisite, index) => {
                  const separator = index > 0 ? '; ' : '';
                  if ('doc' in prerequisite) {
                    return (
                      <React.Fragment key={index}>
                        {separator}
                        <Link to={prerequisite.doc}>{prerequisite.label}</Link>
                      </React.Fragment>
                    );
                  }
                  const other = published.find((entry) => entry.id === prerequisite.lab);
                  const planned = LAB_CATALOG.find((entry) => entry.id === prerequisite.lab);
                  const label = planned ? `Lab ${planned.number}: ${other?.title ?? planned.title}` : `Lab ${prerequisite.lab}`;
                  return (
                    <React.Fragment key={index}>
                      {separator}
                      {other?.path ? <Link to={other.path}>{label}</Link> : label}
                    </React.Fragment>
                  );
                })}
          </dd>
        </div>
      </dl>

      {lab.modes.length > 1 && (
        <fieldset className={styles.modeSwitch}>
          <legend>Data-plane mode</legend>
          {lab.modes.map((candidate) => (
            <label key={candidate} className={styles.modeOption}>
              <input
                type="radio"
                name={`${uid}-mode`}
                value={candidate}
                checked={mode === candidate}
                onChange={() => setMode(candidate)}
              />{' '}
              {candidate === 'sidecar' ? 'Sidecar' : 'Ambient'}
            </label>
          ))}
          <p className={styles.note}>Your choice is remembered on every lab page.</p>
        </fieldset>
      )}

      {variables.length > 0 && (
        <fieldset className={styles.variables}>
          <legend>Your values</legend>
          <p className={styles.note}>Change a value and every command below uses it, quoted for the shell.</p>
          {variables.map((variable) => {
            const inputId = `${uid}-var-${variable.name}`;
            return (
              <div key={variable.name} className={styles.variable}>
                <label htmlFor={inputId}>
                  <code>{variable.name}</code>
                </label>
                <input
                  id={inputId}
                  type="text"
                  spellCheck={false}
                  autoComplete="off"
                  value={values[variable.name] ?? variable.default}
                  onChange={(event) => setValue(variable.name, event.target.value)}
                  aria-describedby={`${inputId}-help`}
                />
                <span id={`${inputId}-help`} className={styles.note}>
                  {variable.description} Default: <code>{variable.default}</code>.
                </span>
              </div>
            );
          })}
          <button
            type="button"
            className={styles.secondaryButton}
            onClick={() => update((current) => ({...current, values: {}}))}
          >
            Restore default values
          </button>
        </fieldset>
      )}

      <div className={styles.toolbar}>
        <div className={styles.progress}>
          <label htmlFor={`${uid}-progress`}>
            Progress: {doneCount} of {steps.length} steps done
          </label>
          <progress id={`${uid}-progress`} max={steps.length} value={doneCount} />
        </div>
        <CopyButton text={allCommands} label="Copy all commands of this lab">
          Copy all commands
        </CopyButton>
        <button type="button" className={styles.secondaryButton} onClick={() => update((current) => ({...current, done: []}))}>
          Reset progress
        </button>
        <a className={styles.download} href={bundleUrl} download>
          Download the lab (run.sh + manifests, .tar.gz)
        </a>
      </div>

      <ol className={styles.steps}>
        {steps.map((step) => {
          const number = lab.steps.indexOf(step) + 1;
          const headingId = `step-${step.id}`;
          const done = progress.done.includes(step.id);
          const commands = visibleCommands(step.commands);
          return (
            <li key={step.id} className={done ? `${styles.step} ${styles.stepDone}` : styles.step}>
              <h3 id={headingId} className={styles.stepTitle}>
                Step {number}: {step.title}
                {step.mode && <span className={styles.modeBadge}>{step.mode} mode only</span>}
              </h3>
              {step.body && <Markdown text={step.body} />}
              {commands.map((command, index) => (
                <Command
                  key={index}
                  text={render(command.run)}
                  mode={!hydrated && lab.modes.length > 1 ? command.mode : undefined}
                  label={commands.length > 1 ? `Command ${index + 1} of step ${number}` : `Command of step ${number}`}
                />
              ))}
              {(step.manifests ?? []).map((file) => (
                <div key={file} className={styles.manifest}>
                  <CodeBlock language="yaml" title={`manifests/${file}`}>
                    {manifests[file] ?? ''}
                  </CodeBlock>
                  <a href={`${labsBase}${file}`} download={file} className={styles.download}>
                    Download {file}
                  </a>
                </div>
              ))}
              {step.expect && (
                <details className={styles.details}>
                  <summary>Expected output</summary>
                  <p className={styles.note}>{MATCH_EXPLAINED[step.expect.match]}</p>
                  <pre className={styles.output} tabIndex={0}>
                    <code>{step.expect.output.replace(/\n$/, '')}</code>
                  </pre>
                </details>
              )}
              {step.check && (
                <details className={styles.details}>
                  <summary>Check that it worked</summary>
                  <p className={styles.note}>This command succeeds (exit status 0) once the step has worked.</p>
                  <Command text={render(step.check)} label={`Check of step ${number}`} />
                </details>
              )}
              <details className={styles.details}>
                <summary>Hint</summary>
                <Markdown text={step.hint} />
              </details>
              <div className={styles.doneRow}>
                <input
                  id={`${uid}-done-${step.id}`}
                  type="checkbox"
                  checked={done}
                  onChange={(event) => toggleStep(step.id, event.target.checked)}
                />
                <label htmlFor={`${uid}-done-${step.id}`}>Step {number} done</label>
              </div>
            </li>
          );
        })}
      </ol>

      <section className={styles.cleanup} aria-labelledby={`${uid}-cleanup`}>
        <h3 id={`${uid}-cleanup`}>Clean up</h3>
        <p>These commands remove what the lab created.</p>
        {visibleCommands(lab.cleanup).map((command, index, all) => (
          <Command
            key={index}
            text={render(command.run)}
            mode={!hydrated && lab.modes.length > 1 ? command.mode : undefined}
            label={all.length > 1 ? `Cleanup command ${index + 1}` : 'Cleanup command'}
          />
        ))}
        {visibleCommands(lab.cleanup).length > 1 && (
          <CopyButton text={cleanupCommands} label="Copy all cleanup commands">
            Copy all cleanup commands
          </CopyButton>
        )}
        <p className={styles.note}>
          The downloaded <a href={scriptUrl}>run.sh</a> runs every step and checks each one;{' '}
          <code>./run.sh --cleanup</code> also cleans up at the end.
        </p>
      </section>
    </div>
  );
}
