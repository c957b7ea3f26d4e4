/**
 * A learner's record of one practice task in localStorage: key `sml.task.v1.<id>`, value
 * `{passed, passedAt?, elapsedSeconds?}` (EXAM-PLAN.md). Reading never throws: missing, corrupt or
 * odd values give a fresh record. Pure; the page and the progress views both decode with this.
 */

export const TASK_PROGRESS_VERSION = 1;

export function taskProgressKey(taskId: string): string {
  return `sml.task.v${TASK_PROGRESS_VERSION}.${taskId}`;
}

export interface TaskProgress {
  readonly passed: boolean;
  /** ISO date of the moment the learner said verify passed. */
  readonly passedAt?: string;
  /** Time spent on the task by the timer, in whole seconds. */
  readonly elapsedSeconds?: number;
}

export const EMPTY_TASK_PROGRESS: TaskProgress = {passed: false};

export function decodeTaskProgress(raw: string | null | undefined): TaskProgress {
  if (!raw) return EMPTY_TASK_PROGRESS;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY_TASK_PROGRESS;
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return EMPTY_TASK_PROGRESS;
  const record = data as {passed?: unknown; passedAt?: unknown; elapsedSeconds?: unknown};
  const passed = record.passed === true;
  const passedAt = passed && typeof record.passedAt === 'string' && !Number.isNaN(Date.parse(record.passedAt)) ? record.passedAt : undefined;
  const elapsed = record.elapsedSeconds;
  const elapsedSeconds = typeof elapsed === 'number' && Number.isFinite(elapsed) && elapsed >= 0 ? Math.floor(elapsed) : undefined;
  return {passed, ...(passedAt ? {passedAt} : {}), ...(elapsedSeconds !== undefined ? {elapsedSeconds} : {})};
}

export function encodeTaskProgress(progress: TaskProgress): string {
  return JSON.stringify({
    passed: progress.passed,
    ...(progress.passed && progress.passedAt ? {passedAt: progress.passedAt} : {}),
    ...(progress.elapsedSeconds !== undefined ? {elapsedSeconds: progress.elapsedSeconds} : {}),
  });
}

/** `m:ss` under an hour would read oddly next to "6 minutes": always two-digit minutes, `mm:ss`. */
export function formatElapsed(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  const minutes = Math.floor(whole / 60);
  return `${String(minutes).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}

/** What a screen reader is told as the timer runs: only at whole minutes and when time is up. */
export function timerAnnouncement(seconds: number, suggestedMinutes: number): string | null {
  if (seconds <= 0 || seconds % 60 !== 0) return null;
  const minutes = seconds / 60;
  if (minutes === suggestedMinutes) return `${minutes} minutes: the suggested time is up.`;
  if (minutes > suggestedMinutes) return `${minutes} minutes, ${minutes - suggestedMinutes} over the suggested time.`;
  return `${minutes} minute${minutes === 1 ? '' : 's'} of ${suggestedMinutes}.`;
}
