import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {openInTheme, seriousViolations} from '../support/a11y';
import {loadsLibrary} from '../support/heavyLibraries';
import {launchChromium, openContext, openRecordingScripts} from '../support/browser';

const siteUrl = inject('siteUrl');
const PLAYGROUND_PAGE = 'docs/playground/traffic/';
const CHAPTER_WITHOUT_PLAYGROUND = 'docs/why-mesh/';

let browser: Browser;
let context: BrowserContext;
let foreignRequests: string[];
const allRequests: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  ({context, foreignRequests} = await openContext(browser, siteUrl));
  context.on('request', (request) => allRequests.push(request.url()));
});

afterAll(async () => {
  await browser?.close();
});

function open(path: string): ReturnType<typeof openRecordingScripts> {
  return openRecordingScripts(context, new URL(path, siteUrl).href);
}

/** The first playground on the page, once its editor has loaded. */
async function playground(page: Page, id = 'request-routing') {
  const section = page.locator(`section[data-playground="${id}"]`);
  await section.locator('.cm-editor').waitFor({state: 'visible', timeout: 20_000});
  return section;
}

const REVIEWS_SUBSETS = `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
  - name: v3
    labels:
      version: v3
`;

const REQUEST_ROUTING_V3 = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v3
${REVIEWS_SUBSETS}`;

async function replaceYaml(page: Page, section: ReturnType<Page['locator']>, yaml: string): Promise<void> {
  await section.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(yaml);
}

describe('the mesh playground', () => {
  it('leaves the simulator and the editor until the browser is idle after load, so they never delay the chapter', async () => {
    // A browser that never gets idle: the chapter must still be whole, with the plain-text playground.
    const busy = await openContext(browser, siteUrl);
    await busy.context.addInitScript(() => {
      window.requestIdleCallback = () => 0;
    });
    const page = await busy.context.newPage();
    const scripts: string[] = [];
    page.on('response', async (response) => {
      if (response.request().resourceType() === 'script') scripts.push(await response.text().catch(() => ''));
    });
    await page.goto(new URL(PLAYGROUND_PAGE, siteUrl).href, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor({state: 'attached'});
    await page.waitForTimeout(1000);
    await expect(page.getByRole('region', {name: /^Mesh playground/}).first().locator('pre').isVisible()).resolves.toBe(true);
    expect(await page.locator('.cm-editor').count()).toBe(0);
    expect(scripts.some((source) => source.includes('scenario could not be opened') || loadsLibrary([source], 'codemirror'))).toBe(false);
    await busy.context.close();
  });

  it('renders the playground with its first run and the YAML in the editor', async () => {
    const {page, errors, scripts} = await open(PLAYGROUND_PAGE);
    const section = await playground(page);
    await expect(section.locator('.cm-content').textContent()).resolves.toContain('subset: v2');
    const results = section.getByTestId('results');
    await expect(results.textContent()).resolves.toContain('reviews-v2');
    await expect(section.getByRole('table', {name: 'Where the requests went'}).isVisible()).resolves.toBe(true);
    expect(loadsLibrary(scripts.values(), 'codemirror')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('runs the edited YAML and shows different results', async () => {
    const {page, errors} = await open(PLAYGROUND_PAGE);
    const section = await playground(page);
    const original = (await section.locator('.cm-content').textContent()) ?? '';
    expect(original).toContain('subset: v2');
    const edited = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v3
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v3
    labels:
      version: v3
`;
    await replaceYaml(page, section, edited);
    await section.getByRole('button', {name: 'Run'}).click();
    const results = section.getByTestId('results');
    await expect.poll(() => results.textContent()).toContain('reviews-v3');
    expect(await results.textContent()).not.toContain('reviews-v2');
    // Open one request's trace and read why it went there.
    await results.locator('details summary').first().click();
    await expect(results.locator('details[open]').first().textContent()).resolves.toMatch(/has no match, so it takes every request/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a located message for malformed YAML and keeps the page alive', async () => {
    const {page, errors} = await open(PLAYGROUND_PAGE);
    const section = await playground(page);
    await replaceYaml(page, section, 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: broken\nspec: {}\n');
    await section.getByRole('button', {name: 'Run'}).click();
    const diagnostics = section.getByTestId('diagnostics');
    await expect.poll(() => diagnostics.textContent()).toMatch(/error at line \d+, column \d+: YAML: /);
    await expect(section.getByTestId('results').textContent()).resolves.toMatch(/No requests were sent/);
    await expect(page.getByRole('heading', {level: 1}).isVisible()).resolves.toBe(true);
    // An unknown field is located too.
    await replaceYaml(page, section, 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: x\nspec:\n  hots:\n  - reviews\n');
    await expect.poll(() => diagnostics.textContent()).toMatch(/line 6, column 3: unknown field "spec.hots"/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the YAML as plain text, in the same space, before the playground loads', async () => {
    const noScript = await browser.newContext({javaScriptEnabled: false});
    const page = await noScript.newPage();
    await page.goto(new URL(PLAYGROUND_PAGE, siteUrl).href);
    const staticSection = page.locator('section[aria-label^="Mesh playground"]').first();
    await expect(staticSection.locator('pre').textContent()).resolves.toContain('subset: v2');
    const frame = staticSection.locator('pre').locator('xpath=..');
    const staticHeight = await frame.evaluate((node) => node.getBoundingClientRect().height);
    await noScript.close();

    const {page: live} = await open(PLAYGROUND_PAGE);
    const section = await playground(live);
    const liveHeight = await section.locator('.cm-editor').evaluate((node) => {
      let frameNode: HTMLElement | null = node as HTMLElement;
      while (frameNode && !frameNode.style.height) frameNode = frameNode.parentElement;
      return frameNode?.getBoundingClientRect().height ?? 0;
    });
    expect(staticHeight).toBeGreaterThan(100);
    expect(Math.abs(liveHeight - staticHeight)).toBeLessThan(2);
    await live.close();
  });

  it('does not download the editor on a chapter without a playground', async () => {
    const {page, scripts, errors} = await open(CHAPTER_WITHOUT_PLAYGROUND);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForLoadState('networkidle');
    expect(scripts.size).toBeGreaterThan(0);
    expect(loadsLibrary(scripts.values(), 'codemirror')).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('indents like a YAML editor: a fault block typed line by line has no YAML error', async () => {
    const {page, errors} = await open(PLAYGROUND_PAGE);
    const section = await playground(page);
    await replaceYaml(page, section, `${REVIEWS_SUBSETS}---\napiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts:\n  - reviews\n  http:`);
    await page.keyboard.press('ControlOrMeta+End');
    // Only the text of each line is typed: Enter indents, Shift+Tab steps back out of a block.
    const lines: [string, number][] = [
      ['- fault:', 0],
      ['abort:', 0],
      ['percentage:', 0],
      ['value: 100', 0],
      ['httpStatus: 503', 1],
      ['route:', 2],
      ['- destination:', 0],
      ['host: reviews', 0],
      ['subset: v1', 0],
    ];
    for (const [text, outdent] of lines) {
      await page.keyboard.press('Enter');
      for (let step = 0; step < outdent; step += 1) await page.keyboard.press('Shift+Tab');
      await page.keyboard.type(text);
    }
    await page.keyboard.press('Escape');
    const diagnostics = section.getByTestId('diagnostics');
    await expect.poll(() => diagnostics.textContent()).toContain('No problems found');
    await expect.poll(() => section.getByTestId('results').textContent()).toMatch(/× 503/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a keyboard user leave the editor with Escape then Tab, and says so under it', async () => {
    const {page} = await open(PLAYGROUND_PAGE);
    const section = await playground(page);
    await expect(section.getByText('To leave the editor press Escape, then Tab').isVisible()).resolves.toBe(true);
    await section.locator('.cm-content').click();
    const insideEditor = () => page.evaluate(() => Boolean(document.activeElement?.closest('[data-testid="yaml-editor"]')));
    await page.keyboard.press('Tab');
    await expect(insideEditor()).resolves.toBe(true);
    await page.keyboard.press('Escape');
    await page.keyboard.press('Tab');
    await expect(insideEditor()).resolves.toBe(false);
    await page.close();
  });

  it('reports one missing ] as one problem, in plain words', async () => {
    const {page} = await open(PLAYGROUND_PAGE);
    const section = await playground(page);
    await replaceYaml(page, section, 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts: [reviews\n  http:\n  - route:\n    - destination:\n        host: reviews\n');
    const problems = section.getByTestId('problem');
    await expect.poll(() => problems.count()).toBe(1);
    await expect(problems.first().textContent()).resolves.toMatch(/line \d+, column \d+/);
    await page.close();
  });

  it('reports a percentage over 100 and a subset that does not exist before anything is run', async () => {
    const {page} = await open(PLAYGROUND_PAGE);
    const section = await playground(page);
    await replaceYaml(
      page,
      section,
      `apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata:\n  name: reviews\nspec:\n  hosts:\n  - reviews\n  http:\n  - fault:\n      abort:\n        percentage:\n          value: 150\n        httpStatus: 503\n    route:\n    - destination:\n        host: reviews\n        subset: v9\n${REVIEWS_SUBSETS}`,
    );
    const diagnostics = section.getByTestId('diagnostics');
    await expect.poll(() => diagnostics.textContent()).toMatch(/150/);
    await expect(diagnostics.textContent()).resolves.toMatch(/v9/);
    await expect(section.getByTestId('results').textContent()).resolves.toMatch(/No requests were sent/);
    await page.close();
  });

  it('completes Istio field names with their documentation: outlierD offers outlierDetection', async () => {
    const {page} = await open(PLAYGROUND_PAGE);
    const section = await playground(page);
    await replaceYaml(page, section, 'apiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata:\n  name: reviews\nspec:\n  host: reviews\n  trafficPolicy:\n    ');
    await page.keyboard.press('ControlOrMeta+End');
    await page.keyboard.type('outlierD');
    const popup = section.locator('.cm-tooltip-autocomplete');
    await popup.waitFor({state: 'visible'});
    await expect(popup.textContent()).resolves.toContain('outlierDetection');
    await expect.poll(() => section.locator('.cm-completionInfo').textContent()).toMatch(/outlierDetection: object[\s\S]*baseEjectionTime/);
    // CodeMirror ignores keys for its interactionDelay (75 ms) after the list opens or updates, so
    // a key pressed at once would type a newline; a person never presses that fast.
    await page.waitForTimeout(250);
    await page.keyboard.press('Enter');
    await expect(section.locator('.cm-content').textContent()).resolves.toContain('outlierDetection:');
    await page.close();
  });

  it('puts the scenario in a link that opens it elsewhere, and Back returns to the previous scenario', async () => {
    const {page, errors} = await open(PLAYGROUND_PAGE);
    const section = await playground(page);
    await replaceYaml(page, section, REQUEST_ROUTING_V3);
    await section.getByRole('button', {name: 'Share link'}).click();
    const link = await section.getByTestId('share-url').inputValue();
    expect(link).toMatch(/[?&]scenario=[A-Za-z0-9+\-$]+/);
    expect(page.url()).toBe(link);

    const {page: other} = await open(link);
    const opened = await playground(other);
    await expect.poll(() => opened.locator('.cm-content').textContent()).toContain('subset: v3');
    await expect.poll(() => opened.getByTestId('results').textContent()).toContain('reviews-v3');
    await other.close();

    await section.getByLabel('Start from example').selectOption('fault-abort');
    await expect.poll(() => section.locator('.cm-content').textContent()).toContain('abort');
    await page.goBack();
    await expect.poll(() => section.locator('.cm-content').textContent()).toContain('subset: v3');
    await page.goBack();
    await expect.poll(() => section.locator('.cm-content').textContent()).toContain('subset: v2');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a broken or hostile link with a located message and the example, never a crash', async () => {
    const hostile = [
      ['%3Cscript%3Ealert(1)%3C%2Fscript%3E', /character 1 of the scenario parameter/],
      ['A'.repeat(13_000), /characters long/],
      ['N4IgdghgtgpiBcIDKAXA', /does not decompress|not valid JSON|not an object|format version/],
    ] as const;
    for (const [value, message] of hostile) {
      const {page, errors} = await open(`${PLAYGROUND_PAGE}?scenario=${value}`);
      page.on('dialog', (dialog) => void dialog.dismiss().then(() => errors.push('a dialog opened')));
      const section = await playground(page);
      await expect(section.getByTestId('link-problem').textContent()).resolves.toMatch(message);
      await expect(section.locator('.cm-content').textContent()).resolves.toContain('subset: v2');
      expect(errors).toEqual([]);
      await page.close();
    }
  });

  it('shows share bars in proportion at 390 px, inside a table that fits the screen', async () => {
    const phone = await browser.newContext({viewport: {width: 390, height: 844}});
    const page = await phone.newPage();
    await page.goto(new URL(PLAYGROUND_PAGE, siteUrl).href, {waitUntil: 'networkidle'});
    const section = await playground(page, 'traffic-shifting');
    const table = section.getByRole('table', {name: 'Where the requests went'});
    await table.scrollIntoViewIfNeeded();
    const rows = await table.locator('tbody tr').evaluateAll((nodes) =>
      nodes.map((row) => {
        const track = row.querySelector('[class*="track"]')?.getBoundingClientRect();
        const bar = row.querySelector('[class*="bar_"]')?.getBoundingClientRect();
        const label = row.querySelector('[class*="barLabel"]')?.textContent ?? '';
        return {track: track?.width ?? 0, bar: bar?.width ?? 0, percent: Number.parseInt(label, 10)};
      }),
    );
    expect(rows.length).toBe(2);
    for (const row of rows) {
      expect(row.track).toBeGreaterThan(60);
      expect(Math.abs(row.bar / row.track - row.percent / 100)).toBeLessThan(0.03);
    }
    const widths = await page.evaluate(() => ({page: document.documentElement.scrollWidth, table: document.querySelector('section[data-playground="traffic-shifting"] table')?.getBoundingClientRect().right ?? 0}));
    expect(widths.page).toBeLessThanOrEqual(390);
    expect(widths.table).toBeLessThanOrEqual(390);
    await phone.close();
  });

  describe('has no serious or critical accessibility violation', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`on the playground page in ${theme} mode`, async () => {
        const page = await openInTheme(context, new URL(PLAYGROUND_PAGE, siteUrl).href, theme);
        const section = await playground(page);
        await section.locator('details summary').first().click();
        await expect(seriousViolations(page)).resolves.toEqual([]);
        await page.close();
        // axe reads four playgrounds with their editors: over a minute on a loaded two-core machine.
      }, 180_000);
    }
  });

  it('sends no request outside 127.0.0.1 and none to Sandpack or CodeSandbox', () => {
    expect(allRequests.length).toBeGreaterThan(0);
    expect(foreignRequests).toEqual([]);
    for (const url of allRequests) {
      const {hostname} = new URL(url);
      if (url.startsWith('data:') || url.startsWith('blob:')) continue;
      expect(hostname).toBe('127.0.0.1');
      expect(url).not.toMatch(/sandpack|codesandbox|csb\.app/i);
    }
  });
});
