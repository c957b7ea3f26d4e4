import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {launchChromium, openContext} from '../support/browser';

const siteUrl = inject('siteUrl');

/**
 * What a learner types and the page that must come first: API kinds and fields in their exact
 * spelling, tools, and plain words for a task. Chosen so each has one clearly right page.
 */
const QUERIES: readonly {query: string; firstPage: string}[] = [
  {query: 'outlierDetection', firstPage: 'docs/resilience/circuit-breaking/'},
  {query: 'PeerAuthentication', firstPage: 'docs/security/mutual-tls/'},
  {query: 'RequestAuthentication', firstPage: 'docs/security/request-authentication/'},
  {query: 'AuthorizationPolicy', firstPage: 'docs/security/authorization/'},
  {query: 'mirrorPercentage', firstPage: 'docs/traffic/mirroring/'},
  {query: 'perTryTimeout', firstPage: 'docs/resilience/timeouts-retries/'},
  {query: 'fault injection abort', firstPage: 'docs/resilience/fault-injection/'},
  {query: 'response flags', firstPage: 'docs/operations/response-flags/'},
  {query: 'ztunnel', firstPage: 'docs/architecture/ambient-internals/'},
  {query: 'istioctl proxy-config', firstPage: 'docs/operations/diagnostic-commands/'},
  {query: 'cacerts', firstPage: 'docs/security/custom-ca/'},
  {query: 'waypoint', firstPage: 'docs/traffic/waypoints/'},
];

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

async function resultLinks(page: Page): Promise<string[]> {
  const links = page.getByRole('list', {name: 'Search results'}).getByRole('link');
  await links.first().waitFor({state: 'visible', timeout: 30_000});
  return links.evaluateAll((anchors) => anchors.map((anchor) => (anchor as HTMLAnchorElement).href));
}

describe('course search', () => {
  it.each(QUERIES)('ranks $firstPage first for "$query"', async ({query, firstPage}) => {
    const page = await context.newPage();
    await page.goto(new URL(`search/?q=${encodeURIComponent(query)}`, siteUrl).href);
    const links = await resultLinks(page);
    expect(links[0]).toBe(new URL(firstPage, siteUrl).href);
    await page.close();
  });

  it('loads no search file with the search page until there is a query', async () => {
    const page = await context.newPage();
    const searchFiles: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/pagefind/')) searchFiles.push(request.url());
    });
    await page.goto(new URL('search/', siteUrl).href, {waitUntil: 'networkidle'});
    expect(searchFiles).toEqual([]);
    await page.getByRole('searchbox', {name: /words to find/i}).fill('istioctl');
    await resultLinks(page);
    expect(searchFiles.length).toBeGreaterThan(0);
    expect(new URL(page.url()).searchParams.get('q')).toBe('istioctl');
    await page.close();
  });

  it('lets a keyboard user pick a suggestion from the navbar box and open it', async () => {
    const page = await context.newPage();
    await page.goto(new URL('docs/why-mesh/', siteUrl).href, {waitUntil: 'networkidle'});
    const box = page.getByRole('combobox', {name: /search the course/i});
    await box.focus();
    await page.keyboard.type('outlierDetection');
    await page.getByRole('option').first().waitFor({state: 'visible', timeout: 30_000});
    await page.keyboard.press('ArrowDown');
    await expect(box.getAttribute('aria-activedescendant')).resolves.toBeTruthy();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/docs\/resilience\/circuit-breaking\//);
    await page.close();
  });

  it('says there is nothing, in words, for a query no page matches', async () => {
    const page = await context.newPage();
    await page.goto(new URL('search/?q=kumquat', siteUrl).href);
    await expect(page.getByRole('status').filter({hasText: /no page mentions/i}).waitFor({timeout: 30_000})).resolves.toBeUndefined();
    expect(foreignRequests).toEqual([]);
    await page.close();
  });
});
