/** "Closest known string" for messages: edit distance on short keys, word overlap on long text. */

export function editDistance(a: string, b: string): number {
  const row = Array.from({length: b.length + 1}, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length]!;
}

/** The candidate nearest to `word` by edit distance (case-insensitive), if reasonably near. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let score = Infinity;
  for (const c of candidates) {
    const d = editDistance(word.toLowerCase(), c.toLowerCase());
    if (d < score) [best, score] = [c, d];
  }
  return best !== undefined && score <= Math.max(2, Math.floor(word.length / 2)) ? best : undefined;
}

const words = (s: string): string[] => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/** The candidate sharing the most words with `text` (for log lines and headers). */
export function closestText(text: string, candidates: readonly string[]): string | undefined {
  const mine = new Set(words(text));
  let best: string | undefined;
  let score = 0;
  for (const c of candidates) {
    const theirs = new Set(words(c));
    let common = 0;
    for (const w of theirs) if (mine.has(w)) common++;
    const s = common / (mine.size + theirs.size - common || 1);
    if (s > score) [best, score] = [c, s];
  }
  return best;
}
