/**
 * Labs completed and practice tasks passed, derived from the keys the lab and task pages write
 * (`sml.lab.v1.<id>`, `sml.task.v1.<id>`). Pure: the caller reads storage and passes the text.
 */
import type {LabMode} from '../labs/model';
import {decodeProgress} from '../labs/progress';

/** What completion needs to know of a lab (a subset of the labs plugin's global summary). */
export interface LabSteps {
  readonly id: string;
  readonly modes: readonly LabMode[];
  /** Every step id, in order. */
  readonly steps: readonly string[];
  /** Steps shown in one mode only (absent when every step applies to every mode). */
  readonly stepModes?: Readonly<Record<string, LabMode>>;
}

export const TASK_KEY_PREFIX = 'sml.task.v1.';

export function taskKey(taskId: string): string {
  return `${TASK_KEY_PREFIX}${taskId}`;
}

/** The learner's mode if the lab offers it, else the lab's first mode (as the lab page does). */
export function effectiveMode(lab: LabSteps, stored: string | null): LabMode {
  return lab.modes.find((mode) => mode === stored) ?? lab.modes[0] ?? 'sidecar';
}

export function stepsOfMode(lab: LabSteps, mode: LabMode): string[] {
  return lab.steps.filter((id) => {
    const only = lab.stepModes?.[id];
    return only === undefined || only === mode;
  });
}

/** A lab is complete when every step of the learner's mode is ticked. */
export function isLabComplete(lab: LabSteps, raw: string | null, storedMode: string | null): boolean {
  const needed = stepsOfMode(lab, effectiveMode(lab, storedMode));
  if (needed.length === 0) return false;
  const {done} = decodeProgress(raw, lab.steps, []);
  return needed.every((id) => done.includes(id));
}

/** `{passed: true}` and nothing less counts; corrupt text counts as not passed. */
export function isTaskPassed(raw: string | null): boolean {
  if (!raw) return false;
  try {
    const data: unknown = JSON.parse(raw);
    return data !== null && typeof data === 'object' && (data as {passed?: unknown}).passed === true;
  } catch {
    return false;
  }
}
