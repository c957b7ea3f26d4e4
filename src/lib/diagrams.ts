/**
 * Pre-rendered diagrams: `npm run diagrams` (scripts/diagrams.ts) draws every <Diagram> chart
 * with mermaid in Chromium, in both colour modes, and writes the SVGs to static/diagrams/. The
 * Diagram component then fetches the drawing instead of downloading mermaid (about 200 KiB of
 * gzipped JS) and running it on the reader's main thread. A chart is named by a hash of its
 * source, so an edited chart has no drawing until the script runs again: meanwhile the component
 * falls back to mermaid in the browser, and tests/unit/diagrams.test.ts fails.
 */
export type DiagramMode = 'light' | 'dark';

export const DIAGRAM_MODES: readonly DiagramMode[] = ['light', 'dark'];

/** Folder under static/ (and under the site's base URL) that holds the drawings. */
export const DIAGRAMS_DIR = 'diagrams';

/**
 * A short, stable name for a chart: 32-bit FNV-1a of its source as 8 hex digits, taken line by
 * line without indentation or blank lines. MDX strips the indentation inside a JSX attribute, and
 * mermaid's charts do not depend on it, so the page and the .mdx text give the same name.
 */
export function diagramId(chart: string): string {
  const normalised = chart
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join('\n');
  let hash = 0x811c9dc5;
  for (const char of normalised) {
    hash ^= char.codePointAt(0) ?? 0;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash.toString(16).padStart(8, '0');
}

/** Path of a drawing below the site root (or below static/). */
export function diagramFile(id: string, mode: DiagramMode): string {
  return `${DIAGRAMS_DIR}/${id}.${mode}.svg`;
}

/** Whether a fetched body is a drawing (a dev server answers a missing file with its HTML page). */
export function isSvgMarkup(text: string): boolean {
  return /^\s*<svg[\s>]/.test(text);
}
