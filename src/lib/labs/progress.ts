/**
 * A learner's progress through a lab, as kept in localStorage. Reading never throws: missing,
 * corrupt or blocked storage gives an empty record.
 */

export const PROGRESS_VERSION = 1;
/** Remembered data-plane mode, shared by every lab page (like tabs with a groupId). */
export const MODE_STORAGE_KEY = 'sml.lab-mode';

export function progressKey(labId: string): string {
  return `sml.lab.v${PROGRESS_VERSION}.${labId}`;
}

export interface LabProgress {
  /** Ids of the steps ticked as done. */
  readonly done: readonly string[];
  /** The learner's variable values (only the ones that differ from the defaults need be kept). */
  readonly values: Readonly<Record<string, string>>;
}

export const EMPTY_PROGRESS: LabProgress = {done: [], values: {}};

/** Parses a stored record, keeping only what is well-formed and still meaningful for the lab. */
export function decodeProgress(
  raw: string | null | undefined,
  stepIds: readonly string[],
  variableNames: readonly string[],
): LabProgress {
  if (!raw) return EMPTY_PROGRESS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY_PROGRESS;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return EMPTY_PROGRESS;
  const record = data as {done?: unknown; values?: unknown};
  const done = Array.isArray(record.done)
    ? [...new Set(record.done.filter((id): id is string => typeof id === 'string' && stepIds.includes(id)))]
    : [];
  const values: Record<string, string> = {};
  if (record.values !== null && typeof record.values === 'object' && !Array.isArray(record.values)) {
    for (const [name, value] of Object.entries(record.values as Record<string, unknown>)) {
      if (variableNames.includes(name) && typeof value === 'string') values[name] = value;
    }
  }
  return {done, values};
}

export function encodeProgress(progress: LabProgress): string {
  return JSON.stringify({done: progress.done, values: progress.values});
}

/** localStorage, or null when the browser blocks it (private mode, sandboxed frames, SSR). */
export function safeStorage(): Storage | null {
  try {
    if (typeof window === 'undefined') return null;
    const storage = window.localStorage;
    return storage ?? null;
  } catch {
    return null;
  }
}

export function readItem(key: string): string | null {
  try {
    return safeStorage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Writes, or quietly does nothing when storage is full or blocked. */
export function writeItem(key: string, value: string | null): void {
  try {
    const storage = safeStorage();
    if (!storage) return;
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
  } catch {
    // Storage full or blocked: progress simply is not remembered.
  }
}
