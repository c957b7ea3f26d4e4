/**
 * Export and import of everything this site keeps in localStorage (every key starting with
 * `sml.`), as a JSON file the learner downloads and later chooses in another browser.
 * Parsing an import never throws and never half-succeeds: it returns either every item to
 * write, or one message that says what is wrong with the file.
 */

export const EXPORT_FORMAT = 'service-mesh-labs-progress';
export const EXPORT_VERSION = 1;
export const KEY_PREFIX = 'sml.';

export interface ProgressExport {
  readonly format: typeof EXPORT_FORMAT;
  readonly version: typeof EXPORT_VERSION;
  readonly exportedAt: string;
  readonly items: Readonly<Record<string, string>>;
}

export type ImportResult =
  | {readonly ok: true; readonly items: Readonly<Record<string, string>>}
  | {readonly ok: false; readonly message: string};

/** The site's own items among `entries` (key → value), sorted by key. */
export function siteItems(entries: Iterable<readonly [string, string]>): Record<string, string> {
  const items: Record<string, string> = {};
  for (const [key, value] of [...entries].sort(([a], [b]) => a.localeCompare(b))) {
    if (key.startsWith(KEY_PREFIX)) items[key] = value;
  }
  return items;
}

export function createExport(entries: Iterable<readonly [string, string]>, now: Date): ProgressExport {
  return {format: EXPORT_FORMAT, version: EXPORT_VERSION, exportedAt: now.toISOString(), items: siteItems(entries)};
}

/** `service-mesh-labs-progress-2026-11-26.json` */
export function exportFileName(now: Date): string {
  return `${EXPORT_FORMAT}-${now.toISOString().slice(0, 10)}.json`;
}

function fail(message: string): ImportResult {
  return {ok: false, message};
}

function jsonProblem(text: string): string {
  try {
    JSON.parse(text);
    return '';
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return `The file is not valid JSON (${detail}).`;
  }
}

export function parseImport(text: string): ImportResult {
  if (text.trim() === '') return fail('The file is empty.');
  const problem = jsonProblem(text);
  if (problem) return fail(problem);
  const data: unknown = JSON.parse(text);
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return fail('The file holds JSON, but not an object: it is not a progress export.');
  }
  const record = data as Record<string, unknown>;
  if (record.format !== EXPORT_FORMAT) {
    return fail(`Field "format" is ${JSON.stringify(record.format) ?? 'missing'}; a progress export has "${EXPORT_FORMAT}".`);
  }
  if (record.version !== EXPORT_VERSION) {
    return fail(
      `Field "version" is ${JSON.stringify(record.version) ?? 'missing'}; this site reads version ${EXPORT_VERSION}.`,
    );
  }
  const {items} = record;
  if (items === null || typeof items !== 'object' || Array.isArray(items)) {
    return fail('Field "items" is missing or not an object of key → text.');
  }
  const result: Record<string, string> = {};
  for (const [key, value] of Object.entries(items)) {
    if (!key.startsWith(KEY_PREFIX)) return fail(`Item "${key}" does not belong to this site (keys start with "${KEY_PREFIX}").`);
    if (typeof value !== 'string') return fail(`Item "${key}" is not text.`);
    result[key] = value;
  }
  return {ok: true, items: result};
}
