import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {QUIZZES} from '@site/src/data/quizzes';
import {encodeAnswers, parseDocLink, PART_SLUGS, quizKey, type QuizQuestion} from '@site/src/lib/quiz';
import {openInTheme, seriousViolations} from '../support/a11y';
import {launchChromium, openContext, trackPageErrors} from '../support/browser';
import {BUILD_DIR} from '../support/site';

const siteUrl = inject('siteUrl');
const PART = 'traffic';
const QUIZ_PATH = `docs/${PART}/check-yourself/`;
const QUESTIONS = QUIZZES[PART];
const KEY = quizKey(PART);

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

function nth(index: number): QuizQuestion {
  const question = QUESTIONS[index];
  if (!question) throw new Error(`the ${PART} quiz has no question ${index + 1}`);
  return question;
}

/** A wrong option of a question (the first one that is not the answer). */
function wrongOption(question: QuizQuestion): number {
  return question.answer === 0 ? 1 : 0;
}

/** Opens the quiz page, with `stored` in localStorage before any script runs (null: nothing stored). */
async function open(stored: string | null = null, viewport = {width: 1280, height: 800}): Promise<{page: Page; errors: string[]}> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const errors = trackPageErrors(page);
  await page.addInitScript(
    ([key, value]) => {
      // Only on the first load of this page: a reload must see what the quiz itself wrote.
      if (sessionStorage.getItem('quiz-test-seeded')) return;
      sessionStorage.setItem('quiz-test-seeded', '1');
      if (value === null) localStorage.removeItem(key as string);
      else localStorage.setItem(key as string, value);
    },
    [KEY, stored] as const,
  );
  await page.goto(new URL(QUIZ_PATH, siteUrl).href, {waitUntil: 'networkidle'});
  await page.locator(`[data-quiz="${PART}"][data-ready]`).waitFor();
  return {page, errors};
}

function fieldset(page: Page, question: QuizQuestion) {
  return page.locator(`fieldset[data-question-id="${question.id}"]`);
}

async function answer(page: Page, question: QuizQuestion, option: number): Promise<void> {
  const group = fieldset(page, question);
  await group.getByRole('radio').nth(option).check();
  await group.getByRole('button', {name: 'Check'}).click();
}

async function stored(page: Page): Promise<unknown> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw === null ? null : JSON.parse(raw);
  }, KEY);
}

describe('a check-yourself page', () => {
  it('renders every question as a fieldset of labelled radio buttons, readable without JavaScript', async () => {
    const noScript = await browser.newContext({javaScriptEnabled: false});
    const page = await noScript.newPage();
    await page.goto(new URL(QUIZ_PATH, siteUrl).href);
    await expect(page.getByRole('heading', {level: 1, name: 'Check yourself: Traffic management'}).count()).resolves.toBe(1);
    await expect(page.getByRole('group').count()).resolves.toBe(QUESTIONS.length);
    const first = nth(0);
    const group = page.getByRole('group', {name: new RegExp(`^Question 1 of ${QUESTIONS.length}`)});
    await expect(group.getByRole('radio').count()).resolves.toBe(first.options.length);
    await expect(group.getByRole('radio', {name: first.options[1]?.replace(/`/g, '')}).count()).resolves.toBe(1);
    await noScript.close();
  });

  it('shows the verdict, the explanation and a Read more link after Check, and keeps the score', async () => {
    const {page, errors} = await open();
    await page.evaluate(() => {
      (window as unknown as {progressEvents: number}).progressEvents = 0;
      window.addEventListener('sml-progress', () => {
        (window as unknown as {progressEvents: number}).progressEvents += 1;
      });
    });
    const [first, second] = [nth(0), nth(1)];
    const feedback = fieldset(page, first).locator('[data-feedback]');
    await expect(feedback.count()).resolves.toBe(0);

    await answer(page, first, first.answer);
    await expect(feedback.textContent()).resolves.toContain('Correct.');
    await expect(feedback.textContent()).resolves.toContain(first.explanation.replace(/`/g, '').slice(0, 40));
    const readMore = feedback.getByRole('link', {name: /^Read more:/});
    const link = parseDocLink(first.link);
    expect(await readMore.getAttribute('href')).toBe(new URL(`docs/${link?.path}/#${link?.anchor}`, siteUrl).pathname + `#${link?.anchor}`);

    await answer(page, second, wrongOption(second));
    const wrong = fieldset(page, second);
    await expect(wrong.getAttribute('data-result')).resolves.toBe('incorrect');
    // Not by colour alone: the verdict and the right answer are written out.
    await expect(wrong.locator('[data-feedback]').textContent()).resolves.toContain('Not quite. The answer is:');
    await expect(wrong.getByText('— right answer').count()).resolves.toBe(1);
    await expect(wrong.getByText('— your answer').count()).resolves.toBe(1);

    const score = page.getByRole('status');
    await expect(score.textContent()).resolves.toBe(`1 of ${QUESTIONS.length} correct (${QUESTIONS.length - 2} still to answer).`);
    expect(await stored(page)).toEqual({answers: {[first.id]: first.answer, [second.id]: wrongOption(second)}});
    expect(await page.evaluate(() => (window as unknown as {progressEvents: number}).progressEvents)).toBe(2);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.close();
  });

  it('keeps the answers across a reload, and Reset answers clears them', async () => {
    const {page} = await open();
    const first = nth(0);
    await answer(page, first, wrongOption(first));
    await page.reload({waitUntil: 'networkidle'});
    await page.locator(`[data-quiz="${PART}"][data-ready]`).waitFor();
    const group = fieldset(page, first);
    await expect(group.getByRole('radio').nth(wrongOption(first)).isChecked()).resolves.toBe(true);
    await expect(group.getAttribute('data-result')).resolves.toBe('incorrect');
    await expect(page.getByRole('status').textContent()).resolves.toBe(`0 of ${QUESTIONS.length} correct (${QUESTIONS.length - 1} still to answer).`);

    await page.getByRole('button', {name: 'Reset answers'}).click();
    await expect(group.getByRole('radio').nth(wrongOption(first)).isChecked()).resolves.toBe(false);
    await expect(group.locator('[data-feedback]').count()).resolves.toBe(0);
    expect(await stored(page)).toBeNull();
    await page.close();
  });

  it.each([
    ['broken JSON', '{"answers": {'],
    ['a JSON array', '[0, 1, 2]'],
    ['answers out of range and of the wrong type', JSON.stringify({answers: {[QUIZZES.traffic[0]?.id ?? '']: 99, x: 'y'}})],
  ])('works with %s in storage, and overwrites it with a valid record', async (_, corrupt) => {
    const {page, errors} = await open(corrupt);
    await expect(page.getByRole('status').textContent()).resolves.toBe(`No answers yet: ${QUESTIONS.length} questions to go.`);
    const first = nth(0);
    await answer(page, first, first.answer);
    await expect(fieldset(page, first).getAttribute('data-result')).resolves.toBe('correct');
    expect(await stored(page)).toEqual(JSON.parse(encodeAnswers({[first.id]: first.answer})));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('can be answered with the keyboard alone', async () => {
    const {page} = await open();
    const first = nth(0);
    // Start from the page title, as a reader who tabs through the page would.
    await page.locator('article h1').evaluate((heading) => {
      heading.setAttribute('tabindex', '-1');
      (heading as HTMLElement).focus();
    });
    const inFirstGroup = () =>
      page.evaluate((id) => {
        const active = document.activeElement;
        return active instanceof HTMLInputElement && active.type === 'radio' && active.closest('fieldset')?.getAttribute('data-question-id') === id;
      }, first.id);
    for (let presses = 0; presses < 40 && !(await inFirstGroup()); presses += 1) await page.keyboard.press('Tab');
    expect(await inFirstGroup()).toBe(true);
    await page.keyboard.press('Space');
    for (let step = 0; step < first.answer; step += 1) await page.keyboard.press('ArrowDown');
    // Moving through the options only selects: nothing is revealed before Check.
    await expect(fieldset(page, first).locator('[data-feedback]').count()).resolves.toBe(0);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Check');
    await page.keyboard.press('Enter');
    await expect(fieldset(page, first).getAttribute('data-result')).resolves.toBe('correct');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Read more:/);
    await page.close();
  });

  it('sends every Read more link of the page to an element with that id', async () => {
    const all = Object.fromEntries(QUESTIONS.map((question) => [question.id, question.answer]));
    const {page} = await open(encodeAnswers(all));
    const hrefs = await page.locator('[data-feedback] a').evaluateAll((links) => links.map((link) => (link as HTMLAnchorElement).href));
    expect(hrefs).toHaveLength(QUESTIONS.length);
    // Each target page is loaded once, however many links point into it.
    const byPage = new Map<string, string[]>();
    for (const href of hrefs) {
      const url = new URL(href);
      byPage.set(url.pathname, [...(byPage.get(url.pathname) ?? []), decodeURIComponent(url.hash.slice(1))]);
    }
    const missing: string[] = [];
    const target = await context.newPage();
    for (const [pathname, ids] of byPage) {
      await target.goto(new URL(pathname, siteUrl).href, {waitUntil: 'domcontentloaded'});
      for (const id of ids) if ((await target.locator(`[id="${id}"]`).count()) === 0) missing.push(`${pathname}#${id}`);
    }
    await target.close();
    expect(missing).toEqual([]);
    await page.close();
  }, 120_000);

  it('fits a 390 px phone with every answer shown', async () => {
    const all = Object.fromEntries(QUESTIONS.map((question) => [question.id, wrongOption(question)]));
    const {page} = await open(encodeAnswers(all), {width: 390, height: 844});
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await page.close();
  });

  describe('has no serious or critical accessibility violation with answers shown', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`in ${theme} mode`, async () => {
        const page = await openInTheme(context, new URL(QUIZ_PATH, siteUrl).href, theme);
        await page.locator(`[data-quiz="${PART}"][data-ready]`).waitFor();
        await answer(page, nth(0), nth(0).answer);
        await answer(page, nth(1), wrongOption(nth(1)));
        await expect(seriousViolations(page, '[data-quiz]')).resolves.toEqual([]);
        await page.evaluate((key) => localStorage.removeItem(key), KEY);
        await page.close();
      }, 120_000);
    }
  });
});

/** Whether built HTML has an element with this id (minified HTML may leave it unquoted: id=anchor>). */
function hasId(html: string, id: string): boolean {
  return new RegExp(`\\sid=(?:"${id}"|'${id}'|${id}(?=[\\s>]))`).test(html);
}

describe('every check-yourself link in the built site', () => {
  it('points at a heading id that the built page has', () => {
    const missing: string[] = [];
    for (const part of PART_SLUGS) {
      for (const question of QUIZZES[part]) {
        const link = parseDocLink(question.link);
        const file = path.join(BUILD_DIR, 'docs', link?.path ?? '', 'index.html');
        if (!link || !existsSync(file) || !hasId(readFileSync(file, 'utf8'), link.anchor)) missing.push(`${question.id}: ${question.link}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('each part has its check-yourself page', () => {
    for (const part of PART_SLUGS) expect(existsSync(path.join(BUILD_DIR, 'docs', part, 'check-yourself', 'index.html')), part).toBe(true);
  });
});
