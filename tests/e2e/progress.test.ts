import {readFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {stepsForMode} from '@site/src/lib/labs/model';
import {MODE_STORAGE_KEY, progressKey} from '@site/src/lib/labs/progress';
import {READ_KEY} from '@site/src/lib/progress';
import {loadLab} from '@site/src/plugins/labs/load';
import {launchChromium, openContext, trackPageErrors} from '../support/browser';

const siteUrl = inject('siteUrl');
const siteDir = fileURLToPath(new URL('../..', import.meta.url));
const CHAPTER = 'docs/traffic/virtual-service/';
const PART_INDEX = 'docs/traffic/';
const EXAM = 'docs/exam/';

let browser: Browser;
const contexts: BrowserContext[] = [];
const foreign: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

async function freshContext(): Promise<BrowserContext> {
  const {context, foreignRequests} = await openContext(browser, siteUrl, {acceptDownloads: true});
  contexts.push(context);
  context.on('close', () => foreign.push(...foreignRequests));
  return context;
}

async function open(context: BrowserContext, path: string): Promise<{page: Page; errors: string[]}> {
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(new URL(path, siteUrl).href, {waitUntil: 'networkidle'});
  return {page, errors};
}

/** The landing page's "n/m" for the traffic part, once hydrated. */
async function trafficReadCount(page: Page): Promise<string | null> {
  const item = page.locator('li', {has: page.getByRole('link', {name: '4. Traffic management'})});
  return item.locator('[data-part-read]').getAttribute('data-part-read');
}

/**
 * Scrolls to the end of a doc page, which counts it as read. Diagrams above may still grow as
 * they render and push the end out of view again, so it scrolls until the page says so.
 */
async function readToEnd(page: Page): Promise<void> {
  const marker = page.locator('[data-read-marker]');
  for (let attempt = 0; attempt < 20; attempt += 1) {
    await marker.scrollIntoViewIfNeeded();
    if ((await marker.getAttribute('data-read-marker')) === 'read') return;
    await page.waitForTimeout(500);
  }
  throw new Error('reaching the end of the page did not mark it read');
}

async function statusText(page: Page, selector: string): Promise<string> {
  await page.locator(`${selector}:not(:empty)`).waitFor();
  return (await page.locator(selector).textContent()) ?? '';
}

async function storedSiteKeys(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() =>
    Object.fromEntries(Object.entries(localStorage).filter(([key]) => key.startsWith('sml.'))),
  );
}

describe('course progress', () => {
  it('counts a page read when its end is reached, shows it on the landing page and the part index, and keeps it after reload', async () => {
    const context = await freshContext();
    const {page, errors} = await open(context, CHAPTER);
    const marker = page.locator('[data-read-marker]');
    await expect(marker.getAttribute('data-read-marker')).resolves.toBe('unread');
    await readToEnd(page);
    await expect(page.getByText('You have read this page.').isVisible()).resolves.toBe(true);

    await page.goto(new URL('./', siteUrl).href, {waitUntil: 'networkidle'});
    await expect(trafficReadCount(page)).resolves.toMatch(/^1\/\d+$/);
    await expect(page.locator('[data-part-read]').count()).resolves.toBe(10);

    await page.goto(new URL(PART_INDEX, siteUrl).href, {waitUntil: 'networkidle'});
    const progress = page.locator('[data-part-progress]');
    await expect(progress.getAttribute('data-part-progress')).resolves.toBe('1');
    await expect(progress.getByRole('listitem').filter({hasText: '(read)'}).textContent()).resolves.toMatch(/VirtualService/);

    await page.reload({waitUntil: 'networkidle'});
    await expect(page.locator('[data-part-progress]').getAttribute('data-part-progress')).resolves.toBe('1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the reader mark a page read and unread by hand, and the end of the page does not overrule an unmark', async () => {
    const context = await freshContext();
    const {page} = await open(context, CHAPTER);
    await readToEnd(page);
    await page.getByRole('button', {name: 'Mark as unread'}).click();
    await page.locator('[data-read-marker="unread"]').waitFor();
    await page.mouse.wheel(0, -400);
    await page.mouse.wheel(0, 400);
    await page.waitForTimeout(300);
    await expect(page.locator('[data-read-marker]').getAttribute('data-read-marker')).resolves.toBe('unread');
    await expect(page.evaluate((key) => localStorage.getItem(key), READ_KEY)).resolves.toBe('{"pages":{}}');
    await page.getByRole('button', {name: 'Mark as read'}).click();
    await page.locator('[data-read-marker="read"]').waitFor();
    await context.close();
  });

  it('shows an empty, working course when stored progress is corrupt', async () => {
    const context = await freshContext();
    await context.addInitScript(() => {
      if (sessionStorage.getItem('seeded')) return;
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('sml.read.v1', '{not json');
      localStorage.setItem('sml.lab.v1.request-routing', 'garbage');
      localStorage.setItem('sml.task.v1.traffic-header-routing', '{"passed":');
      localStorage.setItem('sml.lab-mode', '42');
    });
    const {page, errors} = await open(context, './');
    await expect(trafficReadCount(page)).resolves.toMatch(/^0\/\d+$/);
    await expect(page.locator('[data-labs-completed]').getAttribute('data-labs-completed')).resolves.toBe('0');

    await page.goto(new URL(EXAM, siteUrl).href, {waitUntil: 'networkidle'});
    await expect(page.locator('#traffic-routing [data-competency-progress]').getAttribute('data-competency-progress')).resolves.toMatch(/^0\//);

    await page.goto(new URL(PART_INDEX, siteUrl).href, {waitUntil: 'networkidle'});
    await expect(page.locator('[data-part-progress]').getAttribute('data-part-progress')).resolves.toBe('0');
    await page.goto(new URL(CHAPTER, siteUrl).href, {waitUntil: 'networkidle'});
    await readToEnd(page);
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), READ_KEY)) ?? '')).toMatchObject({
      pages: {'/docs/traffic/virtual-service/': expect.any(String)},
    });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('reflects a completed lab on the exam map', async () => {
    const context = await freshContext();
    const {page, errors} = await open(context, EXAM);
    const cell = page.locator('#traffic-routing [data-competency-progress]');
    const before = (await cell.getAttribute('data-competency-progress')) ?? '';
    expect(before).toMatch(/^0\/\d+$/);
    const {lab} = loadLab(siteDir, 'request-routing');
    const done = stepsForMode(lab, 'sidecar').map((step) => step.id);
    await page.evaluate(
      ([labKey, record, modeKey]) => {
        localStorage.setItem(labKey as string, record as string);
        localStorage.setItem(modeKey as string, 'sidecar');
      },
      [progressKey('request-routing'), JSON.stringify({done, values: {}}), MODE_STORAGE_KEY],
    );
    await page.reload({waitUntil: 'networkidle'});
    await expect(cell.getAttribute('data-competency-progress')).resolves.toBe(before.replace(/^0\//, '1/'));
    await expect(page.locator('#traffic-routing').getByText('done', {exact: true}).count()).resolves.toBe(1);

    await page.goto(new URL('./', siteUrl).href, {waitUntil: 'networkidle'});
    await expect(page.locator('[data-labs-completed]').getAttribute('data-labs-completed')).resolves.toBe('1');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('moves progress to a fresh browser through Download and Import', async () => {
    const source = await freshContext();
    const {page} = await open(source, CHAPTER);
    await readToEnd(page);
    await page.evaluate(() => localStorage.setItem('sml.task.v1.traffic-header-routing', '{"passed":true}'));
    await page.goto(new URL('./', siteUrl).href, {waitUntil: 'networkidle'});
    const exported = await storedSiteKeys(page);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', {name: 'Download my progress'}).click()]);
    expect(download.suggestedFilename()).toMatch(/^service-mesh-labs-progress-\d{4}-\d{2}-\d{2}\.json$/);
    // Read before the context closes: Playwright deletes downloads with their context.
    const text = readFileSync(await download.path(), 'utf8');
    const file = {name: download.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text)};
    const data = JSON.parse(text) as {format: string; version: number; items: Record<string, string>};
    expect(data).toMatchObject({format: 'service-mesh-labs-progress', version: 1, items: exported});
    await source.close();

    const target = await freshContext();
    const {page: fresh, errors} = await open(target, './');
    await expect(trafficReadCount(fresh)).resolves.toMatch(/^0\//);
    await fresh.getByLabel('Import progress:').setInputFiles(file);
    await expect(statusText(fresh, '[data-transfer-message]')).resolves.toMatch(
      new RegExp(`^Imported ${Object.keys(exported).length} items from `),
    );
    await expect(trafficReadCount(fresh)).resolves.toMatch(/^1\//);
    await expect(storedSiteKeys(fresh)).resolves.toEqual(exported);
    expect(errors).toEqual([]);
    await target.close();
  });

  it('refuses an invalid import file with a message naming the file and the problem, and writes nothing', async () => {
    const context = await freshContext();
    const {page, errors} = await open(context, EXAM);
    const input = page.getByLabel('Import progress:');
    const status = '[data-transfer-message]';
    await input.setInputFiles({name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"other","version":1,"items":{}}')});
    await expect(statusText(page, status)).resolves.toBe(
      'notes.json: Field "format" is "other"; a progress export has "service-mesh-labs-progress". Nothing was imported.',
    );
    await input.setInputFiles({name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format": ')});
    await expect(page.locator(status, {hasText: 'broken.json'}).textContent()).resolves.toMatch(/^broken\.json: The file is not valid JSON \(.+\)\. Nothing was imported\.$/);
    const wrongVersion = JSON.stringify({format: 'service-mesh-labs-progress', version: 7, items: {'sml.read.v1': '{}'}});
    await input.setInputFiles({name: 'future.json', mimeType: 'application/json', buffer: Buffer.from(wrongVersion)});
    await expect(page.locator(status, {hasText: 'future.json'}).textContent()).resolves.toMatch(/^future\.json: Field "version" is 7; this site reads version 1\./);
    // Only what the page itself keeps may be stored (it marks itself read once its end shows).
    const {[READ_KEY]: read, ...others} = await storedSiteKeys(page);
    expect(others).toEqual({});
    expect(read).not.toBe('{}');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('makes no request outside the site', () => {
    expect(foreign).toEqual([]);
  });
});
