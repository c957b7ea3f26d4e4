import AxeBuilder from '@axe-core/playwright';
import {expect} from 'vitest';
import type {BrowserContext, Page} from 'playwright-core';

export type ColourTheme = 'light' | 'dark';

/**
 * Opens a page in one colour theme, chosen before the page starts through the reader's system
 * preference, so every part of it — prism's inline code colours too — renders in that theme.
 * A theme stored by an earlier page of the context (Docusaurus keeps it under a namespaced
 * `theme…` key) would override the preference, so it is forgotten first.
 */
export async function openInTheme(context: BrowserContext, url: string, theme: ColourTheme): Promise<Page> {
  const page = await context.newPage();
  await page.emulateMedia({colorScheme: theme});
  await page.addInitScript(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('theme')) localStorage.removeItem(key);
  });
  await page.goto(url, {waitUntil: 'networkidle'});
  await expect(page.locator('html').getAttribute('data-theme')).resolves.toBe(theme);
  return page;
}

async function violations(page: Page, selector: string | undefined, impacts: readonly string[] | null): Promise<string[]> {
  const builder = new AxeBuilder({page});
  const results = await (selector ? builder.include(selector) : builder).analyze();
  return results.violations
    .filter((violation) => impacts === null || impacts.includes(violation.impact ?? ''))
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** Serious and critical axe violations on the page (or inside `selector`), one line each. */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  return violations(page, selector, ['serious', 'critical']);
}

/** Every axe violation on the page (or inside `selector`), minor and moderate ones included. */
export async function allViolations(page: Page, selector?: string): Promise<string[]> {
  return violations(page, selector, null);
}

/** Scrolls each diagram of the page into view and waits until it is drawn (they render on approach). */
export async function renderAllDiagrams(page: Page): Promise<void> {
  for (const figure of await page.locator('article figure[aria-describedby]').all()) {
    await figure.evaluate((node) => node.scrollIntoView({block: 'center'}));
    await figure.locator('.docusaurus-mermaid-container svg').waitFor({state: 'visible'});
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}
