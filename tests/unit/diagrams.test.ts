/**
 * Every <Diagram> chart in docs/ has its drawings in static/diagrams/ (light and dark), drawn from
 * its current source, and no drawing is left over from a chart that changed or went away. When
 * this fails: "npm run build:test && npm run diagrams", then commit static/diagrams/.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {DIAGRAM_MODES, DIAGRAMS_DIR, diagramFile, diagramId, isSvgMarkup} from '@site/src/lib/diagrams';

const siteDir = fileURLToPath(new URL('../..', import.meta.url));
const drawingsDir = path.join(siteDir, 'static', DIAGRAMS_DIR);

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mdxFiles(full);
    return entry.name.endsWith('.mdx') ? [full] : [];
  });
}

/** Each chart as the component receives it: the template literal of a <Diagram chart={`…`}>. */
function charts(): {file: string; chart: string}[] {
  return mdxFiles(path.join(siteDir, 'docs')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/<Diagram\b[^>]*?\bchart=\{`([^`]*)`\}/g)].map((match) => ({
      file: path.relative(siteDir, file),
      chart: match[1] as string,
    })),
  );
}

describe('pre-rendered diagrams', () => {
  const all = charts();

  it('finds the course\'s charts, written so their text is their value', () => {
    expect(all.length).toBeGreaterThanOrEqual(29);
    // A backslash or ${…} would make the literal's value differ from its text, and the id with it.
    expect(all.filter(({chart}) => /\\|\$\{/.test(chart)).map(({file}) => file)).toEqual([]);
  });

  it('has a light and a dark drawing for every chart as it is now', () => {
    const missing = all.flatMap(({file, chart}) =>
      DIAGRAM_MODES.filter((mode) => !isDrawing(diagramFile(diagramId(chart), mode))).map(
        (mode) => `${file}: no ${mode} drawing for chart ${diagramId(chart)} ("${chart.trim().split('\n')[0]}…")`,
      ),
    );
    expect(missing, 'run "npm run build:test && npm run diagrams" and commit static/diagrams/').toEqual([]);
  });

  it('keeps no drawing that no chart uses', () => {
    const used = new Set(all.flatMap(({chart}) => DIAGRAM_MODES.map((mode) => path.basename(diagramFile(diagramId(chart), mode)))));
    expect(readdirSync(drawingsDir).filter((name) => !used.has(name))).toEqual([]);
  });

  it('names a chart by its source, whatever its indentation and blank lines (MDX strips them)', () => {
    expect(diagramId('graph LR\n  a --> b')).toBe(diagramId('\n graph LR\n\na --> b\n'));
    expect(diagramId('graph LR\n  a --> b')).not.toBe(diagramId('graph LR\n  a --> c'));
    expect(diagramId('')).toMatch(/^[0-9a-f]{8}$/);
  });

  it('tells a drawing from the HTML page a dev server sends for a missing file', () => {
    expect(isSvgMarkup('<svg id="x" viewBox="0 0 1 1"></svg>')).toBe(true);
    expect(isSvgMarkup('<!DOCTYPE html><html>…')).toBe(false);
    expect(isSvgMarkup('')).toBe(false);
  });
});

function isDrawing(file: string): boolean {
  try {
    return isSvgMarkup(readFileSync(path.join(siteDir, 'static', file), 'utf8'));
  } catch {
    return false;
  }
}
