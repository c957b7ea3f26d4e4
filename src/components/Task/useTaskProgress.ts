/**
 * The task's record in localStorage (`sml.task.v1.<id>`: passed, passedAt, elapsedSeconds) as
 * React state: the timer and the "I passed verify" toggle. Read after mount (the server HTML
 * shows a fresh task), corrupt or blocked storage tolerated, every write read-modify-write so the
 * timer and the toggle never overwrite each other. Writes that change progress dispatch
 * `sml-progress` so progress widgets on the page refresh.
 */
import {useCallback, useEffect, useRef, useState} from 'react';
import {readItem, writeItem} from '@site/src/lib/labs/progress';
import {decodeTaskProgress, encodeTaskProgress, taskProgressKey, type TaskProgress} from '@site/src/lib/tasks/progress';

function update(id: string, change: (progress: TaskProgress) => TaskProgress, notify: boolean): TaskProgress {
  const key = taskProgressKey(id);
  const next = change(decodeTaskProgress(readItem(key)));
  writeItem(key, encodeTaskProgress(next));
  if (notify) window.dispatchEvent(new Event('sml-progress'));
  return next;
}

export interface TaskTimer {
  readonly elapsed: number;
  readonly running: boolean;
  start(): void;
  pause(): void;
  reset(): void;
}

/** A stopwatch whose total survives reloads; it counts from wall-clock time, so it does not drift. */
export function useTaskTimer(id: string): TaskTimer {
  const [elapsed, setElapsed] = useState(0);
  const [running, setRunning] = useState(false);
  /** When running: the moment counting started and the total before it. */
  const origin = useRef<{at: number; base: number} | null>(null);

  useEffect(() => setElapsed(decodeTaskProgress(readItem(taskProgressKey(id))).elapsedSeconds ?? 0), [id]);

  useEffect(() => {
    if (!running) return undefined;
    let last = -1;
    const tick = () => {
      const start = origin.current;
      if (!start) return;
      const seconds = start.base + Math.floor((Date.now() - start.at) / 1000);
      if (seconds === last) return;
      last = seconds;
      setElapsed(seconds);
      update(id, (progress) => ({...progress, elapsedSeconds: seconds}), false);
    };
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [id, running]);

  const start = useCallback(() => {
    origin.current = {at: Date.now(), base: decodeTaskProgress(readItem(taskProgressKey(id))).elapsedSeconds ?? 0};
    setRunning(true);
  }, [id]);
  const pause = useCallback(() => {
    const start = origin.current;
    setRunning(false);
    origin.current = null;
    if (!start) return;
    const seconds = start.base + Math.floor((Date.now() - start.at) / 1000);
    setElapsed(seconds);
    update(id, (progress) => ({...progress, elapsedSeconds: seconds}), true);
  }, [id]);
  const reset = useCallback(() => {
    setRunning(false);
    origin.current = null;
    setElapsed(0);
    update(id, (progress) => ({...progress, elapsedSeconds: 0}), true);
  }, [id]);
  return {elapsed, running, start, pause, reset};
}

/** The learner's own "verify passed" mark, with its date. */
export function usePassed(id: string): {passed: boolean; passedAt?: string; setPassed(passed: boolean): void} {
  const [state, setState] = useState<TaskProgress>({passed: false});
  useEffect(() => setState(decodeTaskProgress(readItem(taskProgressKey(id)))), [id]);
  const setPassed = useCallback(
    (passed: boolean) => {
      const next = update(id, (progress) => ({...progress, passed, passedAt: passed ? new Date().toISOString() : undefined}), true);
      setState(next);
    },
    [id],
  );
  return {passed: state.passed, passedAt: state.passedAt, setPassed};
}
