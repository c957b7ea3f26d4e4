/** What a content-checker run counted (its problems use the one type in src/lib/problem.ts). */

/** What a run checked and what it was told not to check, for the summary line. */
export interface Counts {
  manifests: number;
  fragments: number;
  commands: number;
  istioctl: number;
  urls: number;
  /** meta marker → reason → number of blocks (invalid / outdated / nocheck / upgrade-from). */
  marked: Record<string, Record<string, number>>;
  /** Blocks that are not code to check (text, json, …): language → number. */
  other: Record<string, number>;
}

export function emptyCounts(): Counts {
  return {manifests: 0, fragments: 0, commands: 0, istioctl: 0, urls: 0, marked: {}, other: {}};
}

export function mark(counts: Counts, marker: string, reason: string): void {
  const byReason = (counts.marked[marker] ??= {});
  byReason[reason] = (byReason[reason] ?? 0) + 1;
}

export function mergeCounts(into: Counts, from: Counts): void {
  into.manifests += from.manifests;
  into.fragments += from.fragments;
  into.commands += from.commands;
  into.istioctl += from.istioctl;
  into.urls += from.urls;
  for (const [marker, reasons] of Object.entries(from.marked)) {
    for (const [reason, n] of Object.entries(reasons)) {
      const byReason = (into.marked[marker] ??= {});
      byReason[reason] = (byReason[reason] ?? 0) + n;
    }
  }
  for (const [lang, n] of Object.entries(from.other)) into.other[lang] = (into.other[lang] ?? 0) + n;
}
