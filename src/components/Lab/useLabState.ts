/**
 * A lab page's state: the sidecar/ambient choice (shared by every lab page and every open tab),
 * the ticked steps and the learner's variable values (per lab), all kept in localStorage through
 * src/lib/labs/progress.ts. Read after hydration, so the server HTML always matches the first
 * render; corrupt or blocked storage gives an empty record.
 */
import {useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import {commandsForMode, stepsForMode, type Lab, type LabMode, type LabStep} from '@site/src/lib/labs/model';
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

const MODE_EVENT = 'sml-lab-mode-change';

function subscribeMode(onChange: () => void): () => void {
  window.addEventListener('storage', onChange);
  window.addEventListener(MODE_EVENT, onChange);
  return () => {
    window.removeEventListener('storage', onChange);
    window.removeEventListener(MODE_EVENT, onChange);
  };
}

function useLabMode(modes: readonly LabMode[]): [LabMode, (mode: LabMode) => void] {
  const stored = useSyncExternalStore(subscribeMode, () => readItem(MODE_STORAGE_KEY), () => null);
  const mode = modes.find((candidate) => candidate === stored) ?? modes[0] ?? 'sidecar';
  const setMode = useCallback((next: LabMode) => {
    writeItem(MODE_STORAGE_KEY, next);
    window.dispatchEvent(new Event(MODE_EVENT));
  }, []);
  return [mode, setMode];
}

function useProgress(lab: Lab): [LabProgress, (change: (current: LabProgress) => LabProgress) => void] {
  const key = progressKey(lab.id);
  const [progress, setProgress] = useState<LabProgress>(EMPTY_PROGRESS);
  const labRef = useRef(lab);
  labRef.current = lab;

  useEffect(() => {
    const load = () => {
      const {steps, variables = []} = labRef.current;
      setProgress(decodeProgress(readItem(key), steps.map((step) => step.id), variables.map((variable) => variable.name)));
    };
    load();
    const onStorage = (event: StorageEvent) => {
      if (event.key === key || event.key === null) load();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [key]);

  const update = useCallback(
    (change: (current: LabProgress) => LabProgress) =>
      setProgress((current) => {
        const next = change(current);
        const empty = next.done.length === 0 && Object.keys(next.values).length === 0;
        writeItem(key, empty ? null : encodeProgress(next));
        return next;
      }),
    [key],
  );
  return [progress, update];
}

export interface LabState {
  readonly mode: LabMode;
  readonly setMode: (mode: LabMode) => void;
  /**
   * The mode whose steps and commands are shown, or null before hydration: the server HTML shows
   * every mode's (readable without JavaScript), the page then narrows to the chosen one.
   */
  readonly shownMode: LabMode | null;
  /** The steps on the page, numbered 1… in this order. */
  readonly steps: readonly LabStep[];
  readonly isDone: (stepId: string) => boolean;
  /** How many of `steps` are ticked. */
  readonly doneCount: number;
  readonly setDone: (stepId: string, done: boolean) => void;
  readonly resetProgress: () => void;
  /** Every variable's value: the learner's, or the default. */
  readonly values: Readonly<Record<string, string>>;
  readonly setValue: (name: string, value: string) => void;
  readonly resetValues: () => void;
}

export function useLabState(lab: Lab): LabState {
  const [mode, setMode] = useLabMode(lab.modes);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [progress, update] = useProgress(lab);
  const shownMode = hydrated ? mode : null;
  const steps = useMemo(() => (shownMode ? stepsForMode(lab, shownMode) : lab.steps), [lab, shownMode]);

  const values = useMemo(() => {
    const result: Record<string, string> = {};
    for (const variable of lab.variables ?? []) result[variable.name] = progress.values[variable.name] ?? variable.default;
    return result;
  }, [lab.variables, progress.values]);

  const setDone = useCallback(
    (stepId: string, done: boolean) =>
      update((current) => ({
        ...current,
        done: done ? [...new Set([...current.done, stepId])] : current.done.filter((item) => item !== stepId),
      })),
    [update],
  );
  const setValue = useCallback(
    (name: string, value: string) => update((current) => ({...current, values: {...current.values, [name]: value}})),
    [update],
  );
  const resetProgress = useCallback(() => update((current) => ({...current, done: []})), [update]);
  const resetValues = useCallback(() => update((current) => ({...current, values: {}})), [update]);
  const isDone = (stepId: string) => progress.done.includes(stepId);

  return {
    mode,
    setMode,
    shownMode,
    steps,
    isDone,
    doneCount: steps.filter((step) => isDone(step.id)).length,
    setDone,
    resetProgress,
    values,
    setValue,
    resetValues,
  };
}

/**
 * Commands as the learner pastes them: the learner's values, shell-quoted, and manifests as
 * absolute URLs under `manifestBase`; `allCommands` is every command of the chosen mode, in order.
 */
export function useRenderedCommands(
  lab: Lab,
  state: Pick<LabState, 'mode' | 'values'>,
  manifestBase: string,
): {render: (command: string) => string; allCommands: string} {
  const {mode, values} = state;
  const render = useCallback(
    (command: string) => renderForPage(command, {values, manifestUrl: (file) => `${manifestBase}${file}`}),
    [values, manifestBase],
  );
  const allCommands = useMemo(
    () =>
      stepsForMode(lab, mode)
        .flatMap((step) => commandsForMode(step.commands, mode).map((command) => render(command.run)))
        .join('\n'),
    [lab, mode, render],
  );
  return {render, allCommands};
}
