import type {Browser, BrowserContext} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {ISTIO_VERSION} from '@site/src/data/course';
import {openInTheme, seriousViolations} from '../support/a11y';
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

  it('renders a mermaid diagram as SVG and reserves its space before it loads', async () => {
    const {page, errors, scripts} = await open('docs/why-mesh/');
    const svg = page.locator('figure .docusaurus-mermaid-container svg').first();
    await svg.waitFor({state: 'visible'});
    expect(await svg.evaluate((node) => node.getBoundingClientRect().height)).toBeGreaterThan(100);
    expect(loadsMermaid(scripts)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
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

  describe('has no serious or critical accessibility violation', () => {
    const pages = {
      landing: './',
      chapter: 'docs/why-mesh/',
      'chapter with manifests and tables': 'docs/traffic/destination-rule/',
      'profile picker': 'docs/install/profiles/',
      'response-flag lookup': 'docs/operations/response-flags/',
      'production checklist': 'docs/practice/production-checklist/',
      'labs index': 'docs/labs/',
      'not found': 'docs/no-such-page/',
      search: 'search/?q=mesh',
    } as const;
    for (const [kind, path] of Object.entries(pages)) {
      for (const theme of ['light', 'dark'] as const) {
        it(`on the ${kind} page in ${theme} mode`, async () => {
          const page = await openInTheme(context, new URL(path, siteUrl).href, theme);
          // Diagrams render after load: audit them as the reader finally sees them.
          for (const diagram of await page.locator('figure .docusaurus-mermaid-container').all()) {
            await diagram.locator('svg').waitFor({state: 'visible'});
          }
          await expect(seriousViolations(page)).resolves.toEqual([]);
          await page.close();
        });
      }
    }
  });

  it('makes no request outside the site while the tests run', () => {
    expect(foreignRequests).toEqual([]);
  });
});
