/**
 * Pages read, as kept in localStorage under `sml.read.v1`: `{pages: {[docPath]: ISO date}}`.
 * A doc path is the page's route without the site's baseUrl (`/docs/traffic/egress/`), so an
 * exported record means the same on every deployment. Decoding never throws: corrupt storage
 * gives an empty record, and entries that are not path → string are dropped.
 */

export const READ_KEY = 'sml.read.v1';

export interface ReadRecord {
  readonly pages: Readonly<Record<string, string>>;
}

export const EMPTY_READ: ReadRecord = {pages: {}};

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function decodeRead(raw: string | null | undefined): ReadRecord {
  if (!raw) return EMPTY_READ;
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return EMPTY_READ;
  }
  if (!isPlainObject(data) || !isPlainObject(data.pages)) return EMPTY_READ;
  const pages: Record<string, string> = {};
  for (const [path, date] of Object.entries(data.pages)) {
    if (path.startsWith('/') && typeof date === 'string') pages[path] = date;
  }
  return {pages};
}

export function encodeRead(record: ReadRecord): string {
  return JSON.stringify({pages: record.pages});
}

/** The record with `path` marked read at `when` (an earlier date is kept) or unread. */
export function setRead(record: ReadRecord, path: string, read: boolean, when: Date): ReadRecord {
  const pages = {...record.pages};
  if (!read) delete pages[path];
  else pages[path] ??= when.toISOString();
  return {pages};
}

export function isRead(record: ReadRecord, path: string): boolean {
  return Object.hasOwn(record.pages, path);
}

/**
 * The route of a page without the site's baseUrl, with a trailing slash: the key of `pages`.
 * `/service-mesh-labs/docs/traffic/` with baseUrl `/service-mesh-labs/` gives `/docs/traffic/`.
 */
export function docPathOf(pathname: string, baseUrl: string): string {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const rest = pathname.startsWith(base) ? pathname.slice(base.length - 1) : pathname;
  const clean = rest.split(/[?#]/, 1)[0] ?? rest;
  return clean.endsWith('/') ? clean : `${clean}/`;
}
