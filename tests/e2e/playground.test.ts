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

async function replaceYaml(page: Page, section: ReturnType<Page['locator']>, yaml: string): Promise<void> {
  await section.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(yaml);
}

describe('the mesh playground', () => {
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
    await expect.poll(() => diagnostics.textContent()).toMatch(/error at line 4, column 1: YAML syntax/);
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

  describe('has no serious or critical accessibility violation', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`on the playground page in ${theme} mode`, async () => {
        const page = await openInTheme(context, new URL(PLAYGROUND_PAGE, siteUrl).href, theme);
        const section = await playground(page);
        await section.locator('details summary').first().click();
        await expect(seriousViolations(page)).resolves.toEqual([]);
        await page.close();
      });
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
