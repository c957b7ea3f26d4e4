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

/** Serious and critical axe violations on the page (or inside `selector`), one line each. */
export async function seriousViolations(page: Page, selector?: string): Promise<string[]> {
  const builder = new AxeBuilder({page});
  const results = await (selector ? builder.include(selector) : builder).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}
