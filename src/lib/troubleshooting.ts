/**
 * Pure helpers for the troubleshooting pages (part 9): types for Envoy response flags and the
 * symptom playbook, and the search that the interactive lookups use. No React here.
 */

/** One Envoy response flag as it appears in an access log line (`%RESPONSE_FLAGS%`). */
export interface ResponseFlag {
  /** The short code Envoy prints, e.g. "UO". */
  readonly code: string;
  /** Envoy's long name for it, e.g. "upstream overflow". */
  readonly name: string;
  /** The HTTP status that usually accompanies it ("503", "504", "404", "0 / none"). */
  readonly status: string;
  readonly meaning: string;
  readonly typicalCause: string;
  readonly fix: string;
  /** Response bodies or log fragments that go with the flag, verbatim. */
  readonly messages: readonly string[];
}

/** One step of a diagnosis: a command to run and what to look for in its answer. */
export interface PlaybookCheck {
  readonly command: string;
  readonly lookFor: string;
}

/** One symptom of the symptom → cause → fix playbook. */
export interface PlaybookEntry {
  /** URL-safe id, used in the lookup's query string. */
  readonly id: string;
  readonly symptom: string;
  readonly causes: readonly string[];
  readonly checks: readonly PlaybookCheck[];
  readonly fixes: readonly string[];
}

/** Lower-case, collapse white space: so pasted log lines match however they were wrapped. */
export function normaliseQuery(text: string): string {
  return text.toLowerCase().replace(/\s+/g, ' ').trim();
}

/**
 * Flags that a query points at. A query may be a flag code ("uo", or a combination such as
 * "URX,UF" as Envoy prints several), a status code, or any fragment of an error message or
 * description. An empty query returns every flag.
 */
export function matchResponseFlags(flags: readonly ResponseFlag[], query: string): ResponseFlag[] {
  const q = normaliseQuery(query);
  if (q === '') return [...flags];
  const codes = q
    .toUpperCase()
    .split(/[\s,]+/)
    .filter((part) => part !== '');
  const byCode = flags.filter((flag) => codes.includes(flag.code));
  if (byCode.length > 0) return byCode;
  return flags.filter((flag) => {
    const haystack = normaliseQuery(
      [flag.code, flag.name, flag.status, flag.meaning, flag.typicalCause, flag.fix, ...flag.messages].join(' '),
    );
    if (haystack.includes(q)) return true;
    // A pasted message usually carries more than the stored fragment: match the other way too.
    return flag.messages.some((message) => {
      const m = normaliseQuery(message);
      return m.length >= 8 && q.includes(m);
    });
  });
}

/** Playbook entries whose symptom, causes, checks or fixes mention every word of the query. */
export function matchPlaybook(entries: readonly PlaybookEntry[], query: string): PlaybookEntry[] {
  const words = normaliseQuery(query)
    .split(' ')
    .filter((word) => word !== '');
  if (words.length === 0) return [...entries];
  return entries.filter((entry) => {
    const haystack = normaliseQuery(
      [
        entry.symptom,
        ...entry.causes,
        ...entry.fixes,
        ...entry.checks.flatMap((check) => [check.command, check.lookFor]),
      ].join(' '),
    );
    return words.every((word) => haystack.includes(word));
  });
}

/** Problems the type system cannot see: duplicate codes or ids, empty fields. Empty when sound. */
export function responseFlagProblems(flags: readonly ResponseFlag[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const flag of flags) {
    if (!/^[A-Z]{2,4}$/.test(flag.code)) problems.push(`flag "${flag.code}": code must be 2–4 capital letters`);
    if (seen.has(flag.code)) problems.push(`flag "${flag.code}" appears twice`);
    seen.add(flag.code);
    for (const [field, value] of Object.entries(flag)) {
      if (typeof value === 'string' && value.trim() === '') problems.push(`flag "${flag.code}": ${field} is empty`);
    }
    if (flag.messages.length === 0) problems.push(`flag "${flag.code}": give at least one message`);
  }
  return problems;
}

export function playbookProblems(entries: readonly PlaybookEntry[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    if (!/^[a-z0-9-]+$/.test(entry.id)) problems.push(`playbook id "${entry.id}" must be lowercase words joined by dashes`);
    if (seen.has(entry.id)) problems.push(`playbook id "${entry.id}" appears twice`);
    seen.add(entry.id);
    if (entry.causes.length === 0) problems.push(`playbook "${entry.id}": no causes`);
    if (entry.checks.length === 0) problems.push(`playbook "${entry.id}": no checks`);
    if (entry.fixes.length === 0) problems.push(`playbook "${entry.id}": no fixes`);
  }
  return problems;
}
