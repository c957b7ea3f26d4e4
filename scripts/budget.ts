/**
 * Page-weight budget: opens pages of the test build (build-test/, from `npm run build:test`) in
 * Chromium and measures the JavaScript each one downloads, gzipped as a static host would serve
 * it. Fails when a page goes over its budget or downloads a heavy library it does not use.
 *
 *   npm run budget            # prints a table; exit 1 on any overrun
 */
import {gzipSync} from 'node:zlib';
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {launchChromium, openContext} from '../tests/support/browser';
import {BASE_PATH, BUILD_DIR} from '../tests/support/site';
import {startStaticServer} from '../tests/support/staticServer';
import {HEAVY_LIBRARIES, loadsLibrary, type HeavyLibrary} from '../tests/support/heavyLibraries';

interface PageBudget {
  readonly label: string;
  readonly path: string;
  /** Gzipped JavaScript the page may download, in KiB. */
  readonly maxScriptKiB: number;
  /** Heavy libraries this page has no use for. */
  readonly mustNotLoad: readonly HeavyLibrary[];
}

const PAGES: readonly PageBudget[] = [
  {label: 'landing page', path: '', maxScriptKiB: 200, mustNotLoad: ['mermaid', 'codemirror']},
  {label: 'chapter with diagrams', path: 'docs/why-mesh/', maxScriptKiB: 500, mustNotLoad: ['codemirror']},
  {label: 'search page', path: 'search/', maxScriptKiB: 200, mustNotLoad: ['mermaid', 'codemirror']},
  {label: 'chapter without diagrams', path: 'docs/operations/response-flags/', maxScriptKiB: 250, mustNotLoad: ['mermaid', 'codemirror']},
  {label: 'lab page', path: 'docs/labs/sidecar-install/', maxScriptKiB: 300, mustNotLoad: ['mermaid', 'codemirror']},
  {label: 'chapter with a playground', path: 'docs/traffic/request-routing/', maxScriptKiB: 850, mustNotLoad: []},
];

/**
 * The offline search index is fetched whole, once, when the reader first uses the search box
 * (never on page load). With all parts and labs it measured 792 KiB: lunr's index of the whole
 * course text, spread evenly over the pages, so no one kind of block is worth leaving out
 * (code blocks saved 15 %, lab outputs and manifests 3 %). The budget leaves room to grow.
 */
const MAX_SEARCH_INDEX_KIB = 1000;

interface Measurement {
  readonly page: PageBudget;
  readonly scriptBytes: number;
  readonly gzipBytes: number;
  readonly loaded: readonly HeavyLibrary[];
}

async function main(): Promise<void> {
  if (!existsSync(path.join(BUILD_DIR, 'index.html'))) {
    throw new Error(`No build in ${BUILD_DIR}: run "npm run build:test" first.`);
  }
  const {server, origin} = await startStaticServer(BUILD_DIR, BASE_PATH);
  const browser = await launchChromium();
  const siteUrl = `${origin}${BASE_PATH}`;
  const results: Measurement[] = [];
  try {
    const {context} = await openContext(browser, siteUrl);
    for (const page of PAGES) {
      const tab = await context.newPage();
      const bodies: Buffer[] = [];
      tab.on('response', async (response) => {
        if (response.request().resourceType() !== 'script') return;
        bodies.push(await response.body().catch(() => Buffer.alloc(0)));
      });
      const response = await tab.goto(new URL(page.path, siteUrl).href, {waitUntil: 'networkidle'});
      if (!response?.ok()) throw new Error(`${page.label}: ${page.path} answered ${response?.status()}`);
      // Scroll through the page so anything loaded on demand is counted too.
      await tab.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
      await tab.waitForLoadState('networkidle');
      const text = bodies.map((body) => body.toString('utf8'));
      results.push({
        page,
        scriptBytes: bodies.reduce((sum, body) => sum + body.length, 0),
        gzipBytes: bodies.reduce((sum, body) => sum + gzipSync(body, {level: 9}).length, 0),
        loaded: (Object.keys(HEAVY_LIBRARIES) as HeavyLibrary[]).filter((library) => loadsLibrary(text, library)),
      });
      await tab.close();
    }
  } finally {
    await browser.close();
    server.close();
  }

  const kib = (bytes: number): string => (bytes / 1024).toFixed(1);
  const problems: string[] = [];
  console.log('page                          JS raw KiB   JS gzip KiB   budget KiB   heavy libraries');
  for (const {page, scriptBytes, gzipBytes, loaded} of results) {
    console.log(
      `${page.label.padEnd(30)}${kib(scriptBytes).padStart(10)}${kib(gzipBytes).padStart(14)}${String(page.maxScriptKiB).padStart(13)}   ${loaded.join(', ') || '-'}`,
    );
    if (gzipBytes / 1024 > page.maxScriptKiB)
      problems.push(`${page.label} (${page.path || '/'}): ${kib(gzipBytes)} KiB of gzipped JS, budget ${page.maxScriptKiB} KiB`);
    for (const library of loaded.filter((name) => page.mustNotLoad.includes(name)))
      problems.push(`${page.label} (${page.path || '/'}): downloads ${library}, which it does not use`);
  }
  const indexFiles = readdirSync(BUILD_DIR).filter((name) => /^search-index.*\.json$/.test(name));
  const indexGzip = indexFiles.reduce(
    (sum, name) => sum + gzipSync(readFileSync(path.join(BUILD_DIR, name)), {level: 9}).length,
    0,
  );
  console.log(`search index (${indexFiles.length} file${indexFiles.length === 1 ? '' : 's'}): ${kib(indexGzip)} KiB gzip, budget ${MAX_SEARCH_INDEX_KIB} KiB`);
  if (indexFiles.length === 0) problems.push('no search index in the build');
  if (indexGzip / 1024 > MAX_SEARCH_INDEX_KIB)
    problems.push(`search index: ${kib(indexGzip)} KiB gzipped, budget ${MAX_SEARCH_INDEX_KIB} KiB`);
  for (const problem of problems) console.error(`over budget: ${problem}`);
  console.log(`${results.length} pages measured: ${problems.length} over budget`);
  if (problems.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
