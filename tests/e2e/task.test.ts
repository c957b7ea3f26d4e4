import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {taskPaths} from '@site/src/lib/tasks/paths';
import {taskProgressKey} from '@site/src/lib/tasks/progress';
import {loadTask} from '@site/src/plugins/tasks/load';
import {launchChromium, openContext, trackPageErrors} from '../support/browser';
import {BUILD_DIR} from '../support/site';

const siteUrl = inject('siteUrl');
const siteDir = fileURLToPath(new URL('../..', import.meta.url));
const TASK_ID = 'traffic-header-routing';
const TASK_PATH = `docs/exam/tasks/${TASK_ID}/`;
const {task} = loadTask(siteDir, TASK_ID);
const KEY = taskProgressKey(TASK_ID);

let browser: Browser;
let context: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  ({context} = await openContext(browser, siteUrl, {permissions: ['clipboard-read', 'clipboard-write']}));
});

afterAll(async () => {
  await browser?.close();
});

async function open(): Promise<{page: Page; errors: string[]}> {
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(new URL(TASK_PATH, siteUrl).href, {waitUntil: 'networkidle'});
  await page.locator('[data-task][data-ready]').waitFor();
  return {page, errors};
}

/** The deployed site's URL the build baked into the commands (siteConfig.url + baseUrl). */
async function deployedBase(page: Page): Promise<string> {
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  if (!canonical) throw new Error('no canonical link on the task page');
  return canonical.slice(0, canonical.indexOf(TASK_PATH));
}

const elapsed = (page: Page) => page.getByTestId('task-elapsed').textContent();

describe('a practice task page', () => {
  it('copies the setup and verify commands: curl of the published scripts piped to bash', async () => {
    const {page, errors} = await open();
    const published = taskPaths(TASK_ID, await deployedBase(page));
    await page.getByRole('button', {name: 'Copy setup command'}).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`curl -fsSL ${published.setup} | bash`);
    await page.getByRole('button', {name: 'Copy verify command'}).click();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(`curl -fsSL ${published.verify} | bash`);
    await expect(page.getByText(`curl -fsSL ${published.cleanup} | bash`, {exact: true}).count()).resolves.toBe(1);
    for (const criterion of task.verify) await expect(page.getByText(criterion.criterion, {exact: true}).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs a timer that counts, pauses, and keeps its time across a reload', async () => {
    const {page, errors} = await open();
    await page.evaluate((key) => localStorage.removeItem(key), KEY);
    await page.reload({waitUntil: 'networkidle'});
    await page.locator('[data-task][data-ready]').waitFor();
    await expect(elapsed(page)).resolves.toBe('00:00');
    await expect(page.getByText(`of ${task.minutes}:00 suggested`).count()).resolves.toBe(1);
    await page.getByRole('button', {name: 'Start'}).click();
    await page.waitForFunction(() => document.querySelector('[data-testid="task-elapsed"]')?.textContent === '00:02', undefined, {timeout: 5000});
    await page.getByRole('button', {name: 'Pause'}).click();
    const paused = await elapsed(page);
    await page.waitForTimeout(1500);
    await expect(elapsed(page)).resolves.toBe(paused);
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{}').elapsedSeconds).toBe(Number(paused!.slice(3)));
    await page.reload({waitUntil: 'networkidle'});
    await page.locator('[data-task][data-ready]').waitFor();
    await expect(elapsed(page)).resolves.toBe(paused);
    await page.getByRole('button', {name: 'Reset'}).click();
    await expect(elapsed(page)).resolves.toBe('00:00');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says when the suggested time is over', async () => {
    const {page} = await open();
    await page.evaluate(([key, seconds]) => localStorage.setItem(key as string, JSON.stringify({passed: false, elapsedSeconds: seconds})), [KEY, task.minutes * 60 + 75] as const);
    await page.reload({waitUntil: 'networkidle'});
    await page.locator('[data-task][data-ready]').waitFor();
    await expect(page.getByText('Over the suggested time by 01:15.').count()).resolves.toBe(1);
    await page.evaluate((key) => localStorage.removeItem(key), KEY);
    await page.close();
  });

  it('keeps the solution hidden until asked, then shows its explanation, commands and manifests', async () => {
    const {page} = await open();
    const solutionText = page.getByText('kubectl apply -n task-routing -f', {exact: false});
    await expect(solutionText.isVisible()).resolves.toBe(false);
    await expect(page.getByText('Two resources do it.', {exact: false}).isVisible()).resolves.toBe(false);
    await page.getByText('Show solution', {exact: true}).click();
    await expect(page.getByText('Two resources do it.', {exact: false}).isVisible()).resolves.toBe(true);
    await expect(solutionText.first().isVisible()).resolves.toBe(true);
    await expect(page.getByText('manifests/solution.yaml').isVisible()).resolves.toBe(true);
    await page.close();
  });

  it('remembers "I passed verify" across a reload and tells progress widgets', async () => {
    const {page, errors} = await open();
    // Count only the events the click itself dispatches (React handles it synchronously): the
    // page's own read marker may dispatch one too when the short page's end comes into view.
    const eventsFromClick = await page.getByLabel('I passed verify').evaluate((box) => {
      let events = 0;
      const count = () => (events += 1);
      window.addEventListener('sml-progress', count);
      (box as HTMLInputElement).click();
      window.removeEventListener('sml-progress', count);
      return events;
    });
    expect(eventsFromClick).toBe(1);
    await expect(page.getByLabel('I passed verify').isChecked()).resolves.toBe(true);
    const stored = JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{}');
    expect(stored.passed).toBe(true);
    expect(Number.isNaN(Date.parse(stored.passedAt))).toBe(false);
    await page.reload({waitUntil: 'networkidle'});
    await page.locator('[data-task][data-ready]').waitFor();
    await expect(page.getByLabel('I passed verify').isChecked()).resolves.toBe(true);
    await page.goto(new URL('docs/exam/tasks/', siteUrl).href, {waitUntil: 'networkidle'});
    // The index reads the same record once hydrated.
    await page.locator(`tr[data-task="${TASK_ID}"] td[data-label="Passed"]`, {hasText: '✓ passed'}).waitFor({timeout: 15_000});
    await expect(page.getByTestId('tasks-passed').textContent()).resolves.toBe('1');
    await page.evaluate((key) => localStorage.removeItem(key), KEY);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('works with corrupt stored data', async () => {
    const {page, errors} = await open();
    for (const corrupt of ['{"passed": tru', '[1,2]', '{"passed":"yes","elapsedSeconds":"many"}']) {
      await page.evaluate(([key, value]) => localStorage.setItem(key as string, value as string), [KEY, corrupt]);
      await page.reload({waitUntil: 'networkidle'});
      await page.locator('[data-task][data-ready]').waitFor();
      await expect(elapsed(page)).resolves.toBe('00:00');
      await expect(page.getByLabel('I passed verify').isChecked()).resolves.toBe(false);
    }
    await page.getByLabel('I passed verify').check();
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{}').passed).toBe(true);
    await page.evaluate((key) => localStorage.removeItem(key), KEY);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is readable without JavaScript: scenario, commands, and the solution behind a native disclosure', async () => {
    const noScript = await browser.newContext({javaScriptEnabled: false});
    const page = await noScript.newPage();
    await page.goto(new URL(TASK_PATH, siteUrl).href);
    await expect(page.getByRole('heading', {level: 2, name: 'Scenario'}).count()).resolves.toBe(1);
    await expect(page.getByText('| bash', {exact: false}).count()).resolves.toBeGreaterThanOrEqual(3);
    await page.getByText('Show solution', {exact: true}).click();
    await expect(page.getByText('Two resources do it.', {exact: false}).isVisible()).resolves.toBe(true);
    await noScript.close();
  });
});

describe('the published task files', () => {
  it('are in the built site: the four scripts and every manifest, manifests read from the published folder', () => {
    const folder = path.join(BUILD_DIR, 'tasks', TASK_ID);
    for (const name of ['setup.sh', 'solution.sh', 'verify.sh', 'cleanup.sh', 'solution.yaml']) expect(existsSync(path.join(folder, name)), name).toBe(true);
    const solution = readFileSync(path.join(folder, 'solution.sh'), 'utf8');
    expect(solution).toMatch(/LAB_MANIFESTS="\$\{LAB_MANIFESTS:-https?:\/\/[^"]*\/tasks\/traffic-header-routing\}"/);
    expect(solution).toContain('kubectl apply -n task-routing -f "${LAB_MANIFESTS}"/solution.yaml');
    const verify = readFileSync(path.join(folder, 'verify.sh'), 'utf8');
    for (const criterion of task.verify) expect(verify).toContain(criterion.criterion);
  });
});
