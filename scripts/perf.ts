/**
 * Page-speed benchmark: Lighthouse's mobile preset (simulated 4× CPU slowdown and slow 4G) in
 * Debian Chromium against the test build, served gzipped on 127.0.0.1 like GitHub Pages serves
 * it. Three runs per page type; prints the medians and writes them to tests/perf/latest.json (not tracked).
 *
 *   npm run perf                 # builds build-test/ first when it is missing
 *   npm run perf -- --runs 5     # more runs per page
 *   npm run perf -- --build DIR  # measure another build made with BASE_URL=/service-mesh-labs/
 *
 * A benchmark, not a test: it prints figures and never fails on them.
 */
import {execFile, execFileSync} from 'node:child_process';
import {promisify} from 'node:util';
import {createRequire} from 'node:module';
import {existsSync, mkdirSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import {CHROMIUM_FLAGS, CHROMIUM_PATH} from '../tests/support/browser';
import {BASE_PATH, BUILD_DIR} from '../tests/support/site';
import {startStaticServer} from '../tests/support/staticServer';
import {median, summariseLighthouse, type LighthouseResultLike, type PageMetrics} from '../src/lib/perf';

const PAGE_TYPES: readonly {label: string; path: string}[] = [
  {label: 'landing', path: ''},
  {label: 'plain chapter', path: 'docs/install/istioctl/'},
  {label: 'diagram chapter', path: 'docs/architecture/data-plane-modes/'},
  {label: 'lab', path: 'docs/labs/request-routing/'},
  {label: 'playground', path: 'docs/playground/'},
  {label: 'search', path: 'search/'},
];

/**
 * Lighthouse runs as its own Node process (under tsx its page-side functions would carry the
 * transpiler's helpers into the page and fail there) and launches a fresh Chromium for each run,
 * so every run starts with a cold cache. It must run asynchronously: the static server lives in
 * this process, and a synchronous child would block the event loop that has to answer Chromium.
 */
const LIGHTHOUSE_CLI = createRequire(import.meta.url).resolve('lighthouse/cli/index.js');

const execFileAsync = promisify(execFile);

async function runLighthouse(url: string): Promise<LighthouseResultLike> {
  const {stdout} = await execFileAsync(
    process.execPath,
    [
      LIGHTHOUSE_CLI,
      url,
      '--only-categories=performance',
      '--output=json',
      '--output-path=stdout',
      '--quiet',
      `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
    ],
    {maxBuffer: 256 * 1024 * 1024, timeout: 240_000, encoding: 'utf8', env: {...process.env, CHROME_PATH: CHROMIUM_PATH}},
  );
  return JSON.parse(stdout) as LighthouseResultLike;
}

const RESULTS_FILE = path.join('tests', 'perf', 'latest.json');

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function runsFromArgs(): number {
  const runs = Number(argument('--runs') ?? 3);
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs takes a whole number ≥ 1');
  return runs;
}

async function main(): Promise<void> {
  const runs = runsFromArgs();
  const buildDir = path.resolve(argument('--build') ?? BUILD_DIR);
  if (!existsSync(path.join(buildDir, 'index.html'))) {
    if (buildDir !== BUILD_DIR) throw new Error(`No build in ${buildDir}`);
    console.log(`No build in ${BUILD_DIR}: running "npm run build:test" first.`);
    execFileSync('npm', ['run', 'build:test'], {stdio: 'inherit'});
  }
  const {server, origin} = await startStaticServer(buildDir, BASE_PATH, 0, {gzip: true});
  const rows: {label: string; path: string; medians: PageMetrics; runs: PageMetrics[]}[] = [];
  try {
    for (const page of PAGE_TYPES) {
      const url = `${origin}${BASE_PATH}${page.path}`;
      const samples: PageMetrics[] = [];
      for (let run = 0; run < runs; run += 1) {
        samples.push(summariseLighthouse(await runLighthouse(url)));
      }
      rows.push({...page, medians: median(samples), runs: samples});
      console.log(`measured ${page.label} (${runs} runs)`);
    }
  } finally {
    server.close();
  }
  console.log('\nLighthouse mobile preset, median of %d runs, Debian Chromium, served gzipped:\n', runs);
  console.log('| page | perf | LCP | TBT | CLS | JS gz |');
  console.log('|---|---|---|---|---|---|');
  for (const {label, medians: m} of rows) {
    console.log(
      `| ${label} | ${m.performance} | ${(m.lcpMs / 1000).toFixed(2)} s | ${(m.tbtMs / 1000).toFixed(2)} s | ${m.cls.toFixed(3)} | ${Math.round(m.scriptTransferBytes / 1024)} KiB |`,
    );
  }
  mkdirSync(path.dirname(RESULTS_FILE), {recursive: true});
  writeFileSync(RESULTS_FILE, `${JSON.stringify({runs, measuredAt: new Date().toISOString(), pages: rows}, null, 2)}\n`);
  console.log(`\nwritten to ${RESULTS_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
