import type {Browser, BrowserContext} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {ISTIO_VERSION} from '@site/src/data/course';
import {allViolations, openInTheme, renderAllDiagrams} from '../support/a11y';
import {loadsLibrary} from '../support/heavyLibraries';
import {launchChromium, openContext, openRecordingScripts} from '../support/browser';

const siteUrl = inject('siteUrl');

let browser: Browser;
let context: BrowserContext;
let foreignRequests: string[];

beforeAll(async () => {
  browser = await launchChromium();
  ({context, foreignRequests} = await openContext(browser, siteUrl));
});

afterAll(async () => {
  await browser?.close();
});

function open(path: string): ReturnType<typeof openRecordingScripts> {
  return openRecordingScripts(context, new URL(path, siteUrl).href);
}

function loadsMermaid(scripts: Map<string, string>): boolean {
  return loadsLibrary(scripts.values(), 'mermaid');
}

describe('the course site', () => {
  it('renders the landing page with the course outline and the pinned Istio release', async () => {
    const {page, errors, scripts} = await open('./');
    await expect(page.getByRole('heading', {level: 1, name: 'Service Mesh Labs'}).isVisible()).resolves.toBe(true);
    const outline = page.getByRole('heading', {name: 'Course outline'});
    await expect(outline.isVisible()).resolves.toBe(true);
    expect(await page.locator('ol li').count()).toBeGreaterThan(0);
    expect(await page.textContent('body')).toContain(`Istio ${ISTIO_VERSION}`);
    expect(loadsMermaid(scripts)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('navigates from the landing page to a chapter', async () => {
    const {page, errors} = await open('./');
    await page.getByRole('link', {name: 'Start with part 1'}).click();
    await page.waitForURL(/\/docs\/why-mesh\/$/);
    await page.getByRole('heading', {level: 1, name: 'Why a service mesh'}).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws a diagram only when the reader scrolls to it, from its pre-rendered drawing, in exactly the space kept for it', async () => {
    const {page, errors, scripts} = await open('docs/architecture/request-flow/');
    const figures = page.locator('article figure[aria-describedby]');
    const last = figures.last();
    // A diagram far down the page is not drawn on load.
    await expect(last.locator('svg').count()).resolves.toBe(0);
    const reserved = await last.evaluate((node) => node.getBoundingClientRect().height);
    expect(reserved).toBeGreaterThan(100);
    await last.evaluate((node) => node.scrollIntoView({block: 'center'}));
    const svg = last.locator('.docusaurus-mermaid-container svg');
    await svg.waitFor({state: 'visible'});
    const drawn = await last.evaluate((node) => node.getBoundingClientRect().height);
    expect(Math.abs(drawn - reserved)).toBeLessThan(2);
    // The drawing npm run diagrams made, named after the chart: mermaid never reaches the reader.
    const id = await last.locator('[data-diagram]').getAttribute('data-diagram');
    await expect(svg.getAttribute('id')).resolves.toBe(`diagram-${id}-light`);
    expect(loadsMermaid(scripts)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('swaps a drawing for its dark version when the reader switches to dark mode', async () => {
    const {page, errors, scripts} = await open('docs/architecture/data-plane-modes/?docusaurus-theme=light');
    await renderAllDiagrams(page);
    const first = page.locator('article figure[aria-describedby]').first();
    const id = await first.locator('[data-diagram]').getAttribute('data-diagram');
    const toggle = page.getByRole('button', {name: /dark and light mode|switch between/i});
    for (let press = 0; press < 3 && (await page.locator('html').getAttribute('data-theme')) !== 'dark'; press += 1) {
      await toggle.click();
    }
    await first.locator(`svg#diagram-${id}-dark`).waitFor({state: 'visible'});
    expect(loadsMermaid(scripts)).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('opens a diagram full size in a zoomable dialog with the keyboard', async () => {
    const {page, errors} = await open('docs/architecture/data-plane-modes/');
    await renderAllDiagrams(page);
    const button = page.getByRole('button', {name: /^Open full size: Where the proxy sits/});
    await button.focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', {name: 'Where the proxy sits in each model'});
    await dialog.waitFor({state: 'visible'});
    const drawing = dialog.locator('svg');
    const before = await drawing.evaluate((node) => node.getBoundingClientRect().width);
    await dialog.getByRole('button', {name: 'Zoom in'}).click();
    const after = await drawing.evaluate((node) => node.getBoundingClientRect().width);
    expect(after).toBeGreaterThan(before * 1.2);
    await expect(dialog.locator('output').textContent()).resolves.toBe('125 %');
    await page.keyboard.press('Escape');
    await dialog.waitFor({state: 'hidden'});
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toMatch(/^Open full size/);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows each diagram as its drawing, with the text description at hand, when JavaScript is off', async () => {
    const noScript = await browser.newContext({javaScriptEnabled: false});
    const page = await noScript.newPage();
    await page.goto(new URL('docs/architecture/data-plane-modes/', siteUrl).href);
    const figure = page.locator('article figure').first();
    const drawing = figure.locator('img');
    await expect(drawing.isVisible()).resolves.toBe(true);
    await expect.poll(() => drawing.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth > 0)).toBe(true);
    await figure.getByText('Text description').click();
    await expect(figure.getByText(/^Sidecar: each pod contains the app/).isVisible()).resolves.toBe(true);
    await noScript.close();
  });

  it('finds a word from a chapter with the offline search', async () => {
    const {page} = await open('./');
    const input = page.getByRole('combobox').or(page.locator('input.navbar__search-input')).first();
    await input.click();
    await input.fill('microservices');
    const suggestion = page.locator('.aa-suggestion, [role="option"]').filter({hasText: /service mesh/i}).first();
    await suggestion.waitFor({state: 'visible', timeout: 15_000});
    await page.close();
  });

  it('on a phone, prefetches the closed menu drawer\'s pages only once the drawer opens', async () => {
    const phone = await openContext(browser, siteUrl, {viewport: {width: 390, height: 844}});
    const page = await phone.context.newPage();
    await page.goto(new URL('docs/install/istioctl/', siteUrl).href, {waitUntil: 'networkidle'});
    await page.locator('html[data-has-hydrated="true"]').waitFor({state: 'attached'});
    const prefetched = () => page.locator('link[rel="prefetch"]').count();
    // Only the links really on screen (navbar, breadcrumbs, the page's own): a few dozen files,
    // where the closed drawer's ~25 sidebar links used to add about 320.
    const onLoad = await prefetched();
    expect(onLoad).toBeLessThan(60);
    await page.getByRole('button', {name: /toggle navigation/i}).click();
    const drawerLink = page.locator('.navbar-sidebar').getByRole('link', {name: 'Install with Helm'});
    await drawerLink.waitFor({state: 'visible'});
    await expect.poll(prefetched).toBeGreaterThan(onLoad);
    expect(phone.foreignRequests).toEqual([]);
    await phone.context.close();
  });

  it('switches between light and dark mode', async () => {
    const {page} = await open('docs/why-mesh/');
    const html = page.locator('html');
    const toggle = page.getByRole('button', {name: /dark and light mode|switch between/i});
    const before = await html.getAttribute('data-theme');
    // The toggle cycles system → light → dark; within three presses the theme must change.
    let after = before;
    for (let press = 0; press < 3 && after === before; press += 1) {
      await toggle.click();
      after = await html.getAttribute('data-theme');
    }
    expect(after).not.toBe(before);
    expect(['light', 'dark']).toContain(after);
    await page.reload({waitUntil: 'networkidle'});
    expect(await html.getAttribute('data-theme')).toBe(after);
    await page.close();
  });

  it('answers an unknown address with the course 404 page', async () => {
    const {page} = await open('docs/no-such-page/');
    await expect(page.getByRole('heading', {level: 1}).textContent()).resolves.toBe('Page not found');
    await page.close();
  });

  describe('has no accessibility violation of any impact', () => {
    const pages = {
      landing: './',
      chapter: 'docs/why-mesh/',
      'chapter with manifests and tables': 'docs/traffic/destination-rule/',
      'chapter with diagrams': 'docs/architecture/data-plane-modes/',
      'profile picker': 'docs/install/profiles/',
      'response-flag lookup': 'docs/operations/response-flags/',
      'symptom playbook': 'docs/operations/symptom-playbook/',
      'production checklist': 'docs/practice/production-checklist/',
      lab: 'docs/labs/request-routing/',
      'labs index': 'docs/labs/',
      'practice task': 'docs/exam/tasks/traffic-header-routing/',
      'practice tasks index': 'docs/exam/tasks/',
      playground: 'docs/playground/',
      'exam map': 'docs/exam/',
      'not found': 'docs/no-such-page/',
      search: 'search/?q=mesh',
    } as const;
    for (const [kind, path] of Object.entries(pages)) {
      for (const theme of ['light', 'dark'] as const) {
        it(`on the ${kind} page in ${theme} mode`, async () => {
          const page = await openInTheme(context, new URL(path, siteUrl).href, theme);
          // Diagrams render as they come into view: audit them as the reader finally sees them.
          await renderAllDiagrams(page);
          await expect(allViolations(page)).resolves.toEqual([]);
          await page.close();
        });
      }
    }
  });

  it('makes no request outside the site while the tests run', () => {
    expect(foreignRequests).toEqual([]);
  });
});
