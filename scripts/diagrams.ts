/**
 * Draws every <Diagram> chart of the course once, at authoring time, so readers never download
 * or run mermaid: `npm run diagrams` serves the test build (building it when missing), opens each
 * page that has diagrams in Debian Chromium with the drawings hidden (so the page falls back to
 * mermaid, with the site's own mermaid theme and fonts), and saves what mermaid drew, in light and
 * in dark, as static/diagrams/<id>.<mode>.svg (src/lib/diagrams.ts). Drawings no chart uses any
 * more are deleted. Run it after editing a chart and commit the SVGs; tests/unit/diagrams.test.ts
 * fails until then. Needs no network and no browser download.
 *
 *   npm run diagrams               # redraw from build-test/ (after "npm run build:test")
 *   npm run diagrams -- --build    # build first
 */
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {launchChromium} from '../tests/support/browser';
import {docPages} from '../tests/support/docRoutes';
import {BASE_PATH, BUILD_DIR} from '../tests/support/site';
import {startStaticServer} from '../tests/support/staticServer';
import {DIAGRAM_MODES, DIAGRAMS_DIR, diagramFile} from '../src/lib/diagrams';

const SITE_DIR = process.cwd();
const OUT_DIR = path.join(SITE_DIR, 'static', DIAGRAMS_DIR);

/** Routes (below /docs/) of the pages whose source has a <Diagram>. */
function routesWithDiagrams(): string[] {
  return [...docPages(SITE_DIR).values()]
    .filter((page) => readFileSync(page.file, 'utf8').includes('<Diagram'))
    .map((page) => page.route)
    .sort();
}

/**
 * Mermaid names its SVG with an id taken from the page's React tree, and its <style> rules hang
 * off that id. Rename it after the drawing itself, so two drawings on one page never share one.
 */
function withOwnId(svg: string, id: string, mode: string): string {
  const original = /^<svg[^>]*\sid="([^"]+)"/.exec(svg)?.[1];
  if (!original) throw new Error(`drawing ${id} (${mode}) has no id on its <svg>`);
  return `${svg.split(original).join(`diagram-${id}-${mode}`)}\n`;
}

async function main(): Promise<void> {
  if (process.argv.includes('--build') || !existsSync(path.join(BUILD_DIR, 'index.html'))) {
    execFileSync('npm', ['run', 'build:test'], {stdio: 'inherit'});
  }
  const routes = routesWithDiagrams();
  const {server, origin} = await startStaticServer(BUILD_DIR, BASE_PATH);
  const browser = await launchChromium();
  const written = new Set<string>();
  mkdirSync(OUT_DIR, {recursive: true});
  try {
    for (const mode of DIAGRAM_MODES) {
      const context = await browser.newContext({viewport: {width: 1280, height: 800}});
      // Without its drawings the site draws each chart with mermaid, as it does while a chart is edited.
      await context.route(`**/${DIAGRAMS_DIR}/*.svg`, (route) => route.fulfill({status: 404, body: ''}));
      const page = await context.newPage();
      for (const route of routes) {
        await page.goto(`${origin}${BASE_PATH}docs/${route}/?docusaurus-theme=${mode}`, {waitUntil: 'networkidle'});
        const figures = await page.locator('article figure [data-diagram]').all();
        if (figures.length === 0) throw new Error(`docs/${route}: its source has a <Diagram> but the page shows none`);
        for (const canvas of figures) {
          await canvas.evaluate((node) => node.scrollIntoView({block: 'center'}));
          const svg = canvas.locator('svg[viewBox]').first();
          await svg.waitFor({state: 'attached', timeout: 30_000});
          const id = (await canvas.getAttribute('data-diagram')) ?? '';
          const markup = await svg.evaluate((node) => node.outerHTML);
          const file = diagramFile(id, mode);
          writeFileSync(path.join(SITE_DIR, 'static', file), withOwnId(markup, id, mode));
          written.add(path.basename(file));
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  const stale = readdirSync(OUT_DIR).filter((name) => !written.has(name));
  for (const name of stale) rmSync(path.join(OUT_DIR, name));
  console.log(`drew ${written.size / DIAGRAM_MODES.length} diagrams from ${routes.length} pages in ${DIAGRAM_MODES.join(' and ')} into static/${DIAGRAMS_DIR}/; removed ${stale.length} unused`);
  console.log('Run "npm run build:test" again so the test build carries them.');
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
