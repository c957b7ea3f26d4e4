import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {launchChromium, openContext} from '../support/browser';
import {
  checkAnchorVisible,
  checkAnnouncementBar,
  checkCodeWrapping,
  checkDocumentWidth,
  checkTableWidths,
  markStickyElements,
  measureDiagram,
  type Finding,
} from '../support/layoutChecks';
import {BUILD_DIR} from '../support/site';

const siteUrl = inject('siteUrl');

/** A phone in dark mode and a laptop in light mode: every check runs at both sizes, colours in both themes. */
const VIEWPORTS = [
  {name: 'phone', width: 390, height: 844, theme: 'dark', minDiagramText: 11},
  {name: 'laptop', width: 1280, height: 800, theme: 'light', minDiagramText: 12},
] as const;
type Viewport = (typeof VIEWPORTS)[number];

/** Pages checked at once in one browser: enough to keep the run short on two cores. */
const PARALLEL_PAGES = 3;
/** Largest change of a diagram's box when the drawing arrives, and largest empty band around it (px). */
const MAX_DIAGRAM_SHIFT = 12;
const MAX_EMPTY_SPACE = 24;

/** Every page of the build: each directory's index.html, and the 404 page. */
function builtPages(dir = BUILD_DIR): string[] {
  const pages: string[] = [];
  for (const entry of readdirSync(dir, {withFileTypes: true})) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) pages.push(...builtPages(full));
    else if (entry.name.endsWith('.html') && /id="?__docusaurus[\s>"]/.test(readFileSync(full, 'utf8'))) {
      const relative = path.relative(BUILD_DIR, full).split(path.sep).join('/');
      pages.push(relative === 'index.html' ? './' : relative.replace(/(^|\/)index\.html$/, '$1'));
    }
  }
  return pages.sort();
}

interface PageResult {
  problems: string[];
  metrics: Record<string, number>;
}

async function checkDiagrams(page: Page, viewport: Viewport): Promise<Finding> {
  const problems: string[] = [];
  let smallest = Infinity;
  const count = await page.locator('article figure[aria-describedby]').count();
  for (let index = 0; index < count; index += 1) {
    const before = await page.evaluate((at) => {
      const figure = document.querySelectorAll('article figure[aria-describedby]')[at];
      const height = figure?.getBoundingClientRect().height ?? 0;
      figure?.scrollIntoView({block: 'center'});
      return height;
    }, index);
    const drawn = await page
      .waitForFunction(
        (at) => document.querySelectorAll('article figure[aria-describedby]')[at]?.querySelector('svg[viewBox]'),
        index,
        {timeout: 45_000},
      )
      .then(() => true, () => false);
    if (!drawn) {
      const shown = await page.evaluate((at) => document.querySelectorAll('article figure[aria-describedby]')[at]?.textContent ?? '', index);
      problems.push(`diagram ${index + 1} never rendered (the figure shows: "${shown.slice(0, 80)}")`);
      continue;
    }
    const measured = await page.evaluate(measureDiagram, index);
    if (!measured) continue;
    const name = `diagram ${index + 1}`;
    smallest = Math.min(smallest, measured.smallestText);
    if (measured.smallestText < viewport.minDiagramText) {
      problems.push(`${name}: text "${measured.text}" is ${measured.smallestText.toFixed(1)} px (minimum ${viewport.minDiagramText})`);
    }
    if (Math.abs(measured.height - before) > MAX_DIAGRAM_SHIFT) {
      problems.push(`${name}: the page shifts by ${Math.round(measured.height - before)} px when it renders (reserved ${Math.round(before)} px)`);
    }
    if (measured.emptySpace > MAX_EMPTY_SPACE) {
      problems.push(`${name}: ${Math.round(measured.emptySpace)} px of empty box around the drawing`);
    }
  }
  return {problems, metrics: count > 0 ? {diagrams: count, smallestDiagramText: smallest} : {}};
}

async function checkStepAnchors(page: Page): Promise<Finding> {
  const ids = await page.evaluate(() =>
    Array.from(document.querySelectorAll('[id^="step-"]'))
      .filter((element) => element.getClientRects().length > 0)
      .map((element) => element.id),
  );
  const problems: string[] = [];
  if (ids.length > 0) await page.evaluate(markStickyElements);
  for (const id of ids) {
    await page.evaluate((target) => {
      window.location.hash = target;
    }, id);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    problems.push(...(await page.evaluate(checkAnchorVisible, id)).problems);
  }
  return {problems, metrics: {stepAnchors: ids.length}};
}

async function checkPage(context: BrowserContext, pagePath: string, viewport: Viewport): Promise<PageResult> {
  const page = await context.newPage();
  try {
    await page.goto(new URL(pagePath, siteUrl).href, {waitUntil: 'networkidle'});
    const findings: Finding[] = [
      await page.evaluate(checkAnnouncementBar),
      await page.evaluate(checkCodeWrapping),
      ...(viewport.width >= 1000 ? [await page.evaluate(checkTableWidths)] : []),
      await checkDiagrams(page, viewport),
      await checkStepAnchors(page),
    ];
    // Last, once every diagram has rendered: the page's width as the reader finally gets it.
    await page.evaluate(() => window.scrollTo(0, 0));
    findings.push(await page.evaluate(checkDocumentWidth));
    return {
      problems: findings.flatMap((finding) => finding.problems),
      metrics: Object.assign({}, ...findings.map((finding) => finding.metrics)) as Record<string, number>,
    };
  } catch (error) {
    return {problems: [`could not be checked: ${String(error).split('\n')[0]}`], metrics: {}};
  } finally {
    await page.close();
  }
}

/** Runs `work` over `items`, `parallel` at a time. */
async function inPool<T, R>(items: readonly T[], parallel: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({length: parallel}, worker));
  return results;
}

function summarise(pages: readonly string[], results: readonly PageResult[], viewport: Viewport): string {
  const sum = (key: string): number => results.reduce((total, result) => total + (result.metrics[key] ?? 0), 0);
  const smallest = Math.min(...results.map((result) => result.metrics.smallestDiagramText ?? Infinity));
  const wide = results.filter((result) => (result.metrics.overflowPx ?? 0) > 0).length;
  return [
    `${viewport.name} ${viewport.width}×${viewport.height} ${viewport.theme}: ${pages.length} pages`,
    `wider than the viewport: ${wide}`,
    viewport.width >= 1000 ? `tables wider than their column: ${sum('tooWide')} of ${sum('tables')}` : '',
    `diagrams: ${sum('diagrams')}, smallest text ${smallest.toFixed(1)} px`,
    `step anchors: ${sum('stepAnchors')}`,
    `pages with a problem: ${results.filter((result) => result.problems.length > 0).length}`,
  ]
    .filter(Boolean)
    .join('; ');
}

const pages = builtPages();
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('every built page reads well on a phone and a laptop', () => {
  it('finds the whole site in the build', () => {
    expect(pages).toContain('./');
    expect(pages).toContain('404.html');
    expect(pages.filter((page) => page.startsWith('docs/labs/')).length).toBeGreaterThan(1);
  });

  for (const viewport of VIEWPORTS) {
    it(
      `at ${viewport.width}×${viewport.height} in ${viewport.theme} mode: no sideways panning, tables in their column, readable diagrams, visible step anchors, unbroken commands`,
      async () => {
        const {context} = await openContext(browser, siteUrl, {
          viewport: {width: viewport.width, height: viewport.height},
          colorScheme: viewport.theme,
          reducedMotion: 'reduce',
        });
        const started = Date.now();
        const results = await inPool(pages, PARALLEL_PAGES, (pagePath) => checkPage(context, pagePath, viewport));
        await context.close();
        console.log(`${summarise(pages, results, viewport)}; ${((Date.now() - started) / 1000).toFixed(0)} s`);
        const failures = results.flatMap((result, index) =>
          result.problems.map((problem) => `${pages[index]} at ${viewport.width} px: ${problem}`),
        );
        expect(failures).toEqual([]);
      },
      15 * 60_000,
    );
  }
});
