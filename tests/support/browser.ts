import {existsSync} from 'node:fs';
import {chromium, type Browser, type BrowserContext, type Page} from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Flags that keep Chromium from calling home: this machine has no network but the registries. */
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests need Debian's chromium: ` +
        'run "sudo apt-get update && sudo apt-get install -y chromium" (or set CHROMIUM_PATH).',
    );
  }
  return chromium.launch({executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true});
}

/**
 * A browser context that records every request leaving the site's origin, so each test can
 * assert the site makes no third-party call.
 */
export async function openContext(
  browser: Browser,
  siteUrl: string,
  options: Parameters<Browser['newContext']>[0] = {},
): Promise<{context: BrowserContext; foreignRequests: string[]}> {
  const context = await browser.newContext(options);
  const origin = new URL(siteUrl).origin;
  const foreignRequests: string[] = [];
  context.on('request', (request) => {
    const url = request.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    if (new URL(url).origin !== origin) foreignRequests.push(url);
  });
  // Anything external is answered locally with an error, so a leak fails fast instead of hanging.
  await context.route(
    (url) => url.origin !== origin && url.protocol !== 'data:' && url.protocol !== 'blob:',
    (route) => route.abort('blockedbyclient'),
  );
  return {context, foreignRequests};
}

/** Collects uncaught page errors so a test can assert none happened. */
export function trackPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Opens a page of the site and records its uncaught errors and the source of every script it loads. */
export async function openRecordingScripts(
  context: BrowserContext,
  url: string,
): Promise<{page: Page; errors: string[]; scripts: Map<string, string>}> {
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  const scripts = new Map<string, string>();
  page.on('response', async (response) => {
    if (response.request().resourceType() !== 'script') return;
    scripts.set(response.url(), await response.text().catch(() => ''));
  });
  await page.goto(url, {waitUntil: 'networkidle'});
  return {page, errors, scripts};
}
