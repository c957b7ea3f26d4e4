/**
 * Pure helpers for the production checklist (part 10): the item type and a tolerant,
 * versioned format for remembering which items a reader has ticked. No React here.
 */

export interface ChecklistItem {
  /** Stable, URL-safe id: what is stored, so renaming an item's title keeps its tick. */
  readonly id: string;
  readonly group: string;
  readonly title: string;
  readonly why: string;
  /** How to do or verify it, in one or two sentences. */
  readonly how: string;
  /** A course route (with trailing slash) where the topic is taught. */
  readonly learnMore: string;
}

/** localStorage key; the version is part of the key so a future format never misreads this one. */
export const CHECKLIST_STORAGE_KEY = 'sml:production-checklist:v1';

interface StoredChecklist {
  readonly version: 1;
  readonly done: readonly string[];
}

/**
 * Reads what was stored. Anything unexpected — missing, not JSON, wrong shape, unknown ids —
 * yields only the valid ids, never an exception: storage is under the user's control.
 */
export function parseChecklistState(raw: string | null, knownIds: readonly string[]): Set<string> {
  if (raw === null) return new Set();
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return new Set();
  }
  if (typeof value !== 'object' || value === null) return new Set();
  const record = value as {version?: unknown; done?: unknown};
  if (record.version !== 1 || !Array.isArray(record.done)) return new Set();
  const known = new Set(knownIds);
  return new Set(record.done.filter((id): id is string => typeof id === 'string' && known.has(id)));
}

/** The stored form: sorted so the same state always gives the same string. */
export function serialiseChecklistState(done: ReadonlySet<string>): string {
  const stored: StoredChecklist = {version: 1, done: [...done].sort()};
  return JSON.stringify(stored);
}

export function toggleItem(done: ReadonlySet<string>, id: string): Set<string> {
  const next = new Set(done);
  if (next.has(id)) next.delete(id);
  else next.add(id);
  return next;
}

/** Items grouped in first-appearance order of their group. */
export function groupItems(items: readonly ChecklistItem[]): {group: string; items: ChecklistItem[]}[] {
  const groups: {group: string; items: ChecklistItem[]}[] = [];
  for (const item of items) {
    const existing = groups.find((entry) => entry.group === item.group);
    if (existing) existing.items.push(item);
    else groups.push({group: item.group, items: [item]});
  }
  return groups;
}

export function checklistProblems(items: readonly ChecklistItem[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const item of items) {
    if (!/^[a-z0-9-]+$/.test(item.id)) problems.push(`checklist id "${item.id}" must be lowercase words joined by dashes`);
    if (seen.has(item.id)) problems.push(`checklist id "${item.id}" appears twice`);
    seen.add(item.id);
    if (!/^\/docs\/[a-z0-9-/]+\/$/.test(item.learnMore))
      problems.push(`checklist "${item.id}": learnMore must be a /docs/…/ route with a trailing slash`);
    for (const field of ['group', 'title', 'why', 'how'] as const) {
      if (item[field].trim() === '') problems.push(`checklist "${item.id}": ${field} is empty`);
    }
  }
  return problems;
}
