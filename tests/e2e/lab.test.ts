import {fileURLToPath} from 'node:url';
import AxeBuilder from '@axe-core/playwright';
import type {Browser, BrowserContext, Page} from 'playwright-core';
import {afterAll, beforeAll, describe, expect, inject, it} from 'vitest';
import {commandsForMode, stepsForMode, type LabMode} from '@site/src/lib/labs/model';
import {renderForPage} from '@site/src/lib/labs/placeholders';
import {MODE_STORAGE_KEY, progressKey} from '@site/src/lib/labs/progress';
import {labIds, loadLab} from '@site/src/plugins/labs/load';
import {openInTheme, seriousViolations} from '../support/a11y';
import {launchChromium, openContext, trackPageErrors} from '../support/browser';

const siteUrl = inject('siteUrl');
const siteDir = fileURLToPath(new URL('../..', import.meta.url));
const LAB_ID = 'sidecar-install';
const LAB_PATH = `docs/labs/${LAB_ID}/`;
const {lab, manifests} = loadLab(siteDir, LAB_ID);
const KEY = progressKey(LAB_ID);

let browser: Browser;
let context: BrowserContext;
let foreignRequests: string[];

beforeAll(async () => {
  browser = await launchChromium();
  ({context, foreignRequests} = await openContext(browser, siteUrl, {permissions: ['clipboard-read', 'clipboard-write']}));
});

afterAll(async () => {
  await browser?.close();
});

async function open(path = LAB_PATH): Promise<{page: Page; errors: string[]}> {
  const page = await context.newPage();
  const errors = trackPageErrors(page);
  await page.goto(new URL(path, siteUrl).href, {waitUntil: 'networkidle'});
  // Hydrated once React has read the stored progress (the lab root gets data-mode).
  await page.locator('[data-lab][data-mode]').waitFor();
  return {page, errors};
}

/** The deployed site's URL the build baked into manifest links (siteConfig.url + baseUrl). */
async function deployedBase(page: Page): Promise<string> {
  const canonical = await page.locator('link[rel="canonical"]').getAttribute('href');
  if (!canonical) throw new Error('no canonical link on the lab page');
  return canonical.slice(0, canonical.indexOf(LAB_PATH));
}

function expectedCommands(values: Record<string, string>, base: string): string[] {
  return lab.steps.flatMap((step) =>
    commandsForMode(step.commands, 'sidecar').map((command) =>
      renderForPage(command.run, {values, manifestUrl: (file) => `${base}labs/${LAB_ID}/${file}`}),
    ),
  );
}

const DEFAULTS = Object.fromEntries((lab.variables ?? []).map((variable) => [variable.name, variable.default]));

async function clipboard(page: Page): Promise<string> {
  return page.evaluate(() => navigator.clipboard.readText());
}

describe('a lab page', () => {
  it('shows every step and every command without JavaScript', async () => {
    const noScript = await browser.newContext({javaScriptEnabled: false});
    const page = await noScript.newPage();
    await page.goto(new URL(LAB_PATH, siteUrl).href);
    for (const [index, step] of lab.steps.entries()) {
      await expect(page.getByRole('heading', {level: 2, name: `Step ${index + 1}: ${step.title}`}).count()).resolves.toBe(1);
    }
    const shown = await page.locator('[data-lab] li pre code').allTextContents();
    const base = await deployedBase(page);
    for (const command of expectedCommands(DEFAULTS, base)) expect(shown).toContain(command);
    await expect(page.getByText('Clean up', {exact: true}).count()).resolves.toBe(1);
    await noScript.close();
  });

  it('copies a command exactly as it must be pasted, and the manifest it names is published', async () => {
    const {page, errors} = await open();
    const base = await deployedBase(page);
    const stepIndex = lab.steps.findIndex((step) => step.manifests?.length);
    const step = lab.steps[stepIndex];
    if (!step) throw new Error('the proof lab has a step with a manifest');
    await page.getByRole('button', {name: `Copy command 1 of step ${stepIndex + 1}`}).click();
    const file = step.manifests?.[0] as string;
    const manifestUrl = `${base}labs/${LAB_ID}/${file}`;
    expect(await clipboard(page)).toBe(`kubectl apply -f ${manifestUrl}`);

    // The manifest is shown highlighted, and the published file is the manifest itself.
    await expect(page.locator('.prism-code').filter({hasText: 'istio-injection: enabled'}).count()).resolves.toBeGreaterThan(0);
    const published = await page.request.get(new URL(`labs/${LAB_ID}/${file}`, siteUrl).href);
    expect(published.status()).toBe(200);
    expect(await published.text()).toBe(manifests[file]);
    const download = page.getByRole('link', {name: `Download ${file}`});
    expect(await download.getAttribute('href')).toBe(new URL(`labs/${LAB_ID}/${file}`, siteUrl).pathname);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('links a downloadable bundle and run.sh', async () => {
    const {page} = await open();
    const bundle = page.getByRole('link', {name: /Download the lab/});
    const href = await bundle.getAttribute('href');
    expect(href).toBe(new URL(`labs/${LAB_ID}.tar.gz`, siteUrl).pathname);
    const archive = await page.request.get(new URL(href as string, siteUrl).href);
    expect(archive.status()).toBe(200);
    expect((await archive.body()).subarray(0, 2).toString('hex')).toBe('1f8b');
    const script = await page.request.get(new URL(`labs/${LAB_ID}/run.sh`, siteUrl).href);
    expect(await script.text()).toContain('set -euo pipefail');
    await page.close();
  });

  it('copies all commands of the lab at once', async () => {
    const {page} = await open();
    await page.getByRole('button', {name: 'Copy all commands of this lab'}).click();
    expect(await clipboard(page)).toBe(expectedCommands(DEFAULTS, await deployedBase(page)).join('\n'));
    await page.close();
  });

  it('substitutes a changed variable into every command, shell-quoted, and remembers it', async () => {
    const {page} = await open();
    const variable = lab.variables?.[0];
    if (!variable) throw new Error('the proof lab declares a variable');
    const stepIndex = lab.steps.findIndex((step) => step.commands.some((command) => command.run.includes(`{{${variable.name}}}`)));
    const commandIndex = lab.steps[stepIndex]?.commands.findIndex((command) => command.run.includes(`{{${variable.name}}}`)) ?? 0;
    const input = page.getByLabel(variable.name, {exact: true});
    const copy = page.getByRole('button', {name: new RegExp(`^Copy command ${commandIndex + 1} of step ${stepIndex + 1}$`)});
    const base = await deployedBase(page);
    const expected = (value: string) =>
      renderForPage(lab.steps[stepIndex]?.commands[commandIndex]?.run ?? '', {
        values: {...DEFAULTS, [variable.name]: value},
        manifestUrl: (file) => `${base}labs/${LAB_ID}/${file}`,
      });

    await input.fill('9090');
    await copy.click();
    expect(await clipboard(page)).toBe(expected('9090'));
    expect(await clipboard(page)).toContain('9090');

    await input.fill(`90 '90'`);
    await copy.click();
    expect(await clipboard(page)).toBe(expected(`90 '90'`));
    expect(await clipboard(page)).toContain(`'90 '\\''90'\\'''`);

    await input.fill('7070');
    await page.reload({waitUntil: 'networkidle'});
    await page.locator('[data-lab][data-mode]').waitFor();
    await expect(page.getByLabel(variable.name, {exact: true}).inputValue()).resolves.toBe('7070');
    await page.getByRole('button', {name: 'Restore default values'}).click();
    await expect(page.getByLabel(variable.name, {exact: true}).inputValue()).resolves.toBe(variable.default);
    await page.close();
  });

  it('keeps ticked steps across a reload, and resets them on request', async () => {
    const {page} = await open();
    const total = lab.steps.length;
    await page.getByLabel('Step 1 done').check();
    await page.getByLabel('Step 3 done').check();
    await expect(page.getByText(`Progress: 2 of ${total} steps done`).count()).resolves.toBe(1);
    await page.reload({waitUntil: 'networkidle'});
    await page.locator('[data-lab][data-mode]').waitFor();
    await expect(page.getByLabel('Step 1 done').isChecked()).resolves.toBe(true);
    await expect(page.getByLabel('Step 2 done').isChecked()).resolves.toBe(false);
    await expect(page.getByLabel('Step 3 done').isChecked()).resolves.toBe(true);
    expect(await page.locator('progress').first().getAttribute('value')).toBe('2');
    expect(JSON.parse((await page.evaluate((key) => localStorage.getItem(key), KEY)) ?? '{}')).toMatchObject({done: [lab.steps[0]?.id, lab.steps[2]?.id]});

    await page.getByRole('button', {name: 'Reset progress'}).click();
    await expect(page.getByLabel('Step 1 done').isChecked()).resolves.toBe(false);
    await expect(page.getByText(`Progress: 0 of ${total} steps done`).count()).resolves.toBe(1);
    await page.close();
  });

  it('tolerates corrupt or foreign data in localStorage', async () => {
    const {page, errors} = await open();
    await page.evaluate(
      ([key, modeKey]) => {
        localStorage.setItem(key as string, '{"done": [oops');
        localStorage.setItem(modeKey as string, 'warp-drive');
      },
      [KEY, MODE_STORAGE_KEY],
    );
    await page.reload({waitUntil: 'networkidle'});
    await page.locator('[data-lab][data-mode="sidecar"]').waitFor();
    await expect(page.getByLabel('Step 1 done').isChecked()).resolves.toBe(false);
    await page.getByLabel('Step 2 done').check();
    await expect(page.getByText(`Progress: 1 of ${lab.steps.length} steps done`).count()).resolves.toBe(1);

    await page.evaluate((key) => localStorage.setItem(key, '{"done": "all", "values": [1]}'), KEY);
    await page.reload({waitUntil: 'networkidle'});
    await page.locator('[data-lab][data-mode]').waitFor();
    await expect(page.getByLabel('Step 2 done').isChecked()).resolves.toBe(false);
    expect(errors).toEqual([]);
    await page.evaluate(() => localStorage.clear());
    await page.close();
  });

  it('still works when the browser blocks localStorage', async () => {
    const blocked = await browser.newContext();
    await blocked.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', {
        get() {
          throw new DOMException('blocked', 'SecurityError');
        },
      });
    });
    const page = await blocked.newPage();
    const errors = trackPageErrors(page);
    await page.goto(new URL(LAB_PATH, siteUrl).href, {waitUntil: 'networkidle'});
    await page.locator('[data-lab][data-mode]').waitFor();
    await page.getByLabel('Step 1 done').check();
    await expect(page.getByText(`Progress: 1 of ${lab.steps.length} steps done`).count()).resolves.toBe(1);
    expect(errors).toEqual([]);
    await blocked.close();
  });

  it('lets a keyboard user tick a step without the mouse', async () => {
    const {page} = await open();
    const target = page.getByLabel('Step 2 done');
    const targetId = await target.getAttribute('id');
    let reached = false;
    for (let press = 0; press < 300 && !reached; press += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate((id) => document.activeElement?.id === id, targetId);
    }
    expect(reached).toBe(true);
    await page.keyboard.press('Space');
    await expect(target.isChecked()).resolves.toBe(true);
    // Focus is visible on the control the keyboard reached.
    const outline = await target.evaluate((node) => getComputedStyle(node).outlineStyle);
    expect(outline).not.toBe('none');
    await page.keyboard.press('Space');
    await expect(target.isChecked()).resolves.toBe(false);
    await page.close();
  });

  it('remembers the sidecar/ambient choice across lab pages', async () => {
    const twoModeLabs = labIds(siteDir).filter((id) => {
      try {
        return loadLab(siteDir, id).lab.modes.length > 1;
      } catch {
        return false;
      }
    });
    if (twoModeLabs.length < 2) return;
    const [first, second] = twoModeLabs as [string, string];
    const {page} = await open(`docs/labs/${first}/`);
    await page.getByRole('radio', {name: 'Ambient'}).check();
    await page.locator('[data-lab][data-mode="ambient"]').waitFor();
    await page.goto(new URL(`docs/labs/${second}/`, siteUrl).href, {waitUntil: 'networkidle'});
    await page.locator('[data-lab][data-mode="ambient"]').waitFor();
    await expect(page.getByRole('radio', {name: 'Ambient'}).isChecked()).resolves.toBe(true);
    await page.getByRole('radio', {name: 'Sidecar'}).check();
    await page.close();
  });

  it('lists every lab with time and difficulty on the labs index', async () => {
    const {page} = await (async () => {
      const tab = await context.newPage();
      await tab.goto(new URL('docs/labs/', siteUrl).href, {waitUntil: 'networkidle'});
      return {page: tab};
    })();
    const row = page.getByRole('row').filter({has: page.getByRole('link', {name: lab.title})});
    await expect(row.count()).resolves.toBe(1);
    await expect(row.textContent()).resolves.toContain(`${lab.minutes} min`);
    await expect(row.textContent()).resolves.toContain('Beginner');
    await page.close();
  });

  describe('has no serious or critical accessibility violation', () => {
    for (const theme of ['light', 'dark'] as const) {
      it(`in ${theme} mode, with every detail open`, async () => {
        const page = await openInTheme(context, new URL(LAB_PATH, siteUrl).href, theme);
        await page.locator('[data-lab][data-mode]').waitFor();
        await page.getByLabel('Step 1 done').check();
        await page.evaluate(() => document.querySelectorAll('[data-lab] details').forEach((node) => node.setAttribute('open', '')));
        await expect(seriousViolations(page)).resolves.toEqual([]);
        await page.close();
        // axe over a long lab page with every detail open takes up to a minute on a loaded 2-core machine.
      }, 120_000);
    }
  });
});

const PHONE = {width: 390, height: 844};
const DESKTOP = {width: 1280, height: 800};
const VIEWPORTS = {phone: PHONE, desktop: DESKTOP} as const;
/** Labs with sidecar and ambient steps: an ambient-only step sits between sidecar ones. */
const TWO_MODE_LABS = ['request-routing', 'fault-injection'] as const;

/** Opens a lab page at a viewport size, with the remembered mode set before the page starts. */
async function openAt(path: string, viewport: {width: number; height: number}, mode?: LabMode): Promise<Page> {
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  await page.addInitScript(
    ([key, value]) => {
      if (value) localStorage.setItem(key as string, value);
      else localStorage.removeItem(key as string);
    },
    [MODE_STORAGE_KEY, mode ?? ''],
  );
  await page.goto(new URL(path, siteUrl).href, {waitUntil: 'networkidle'});
  await page.locator('[data-lab][data-mode]').waitFor();
  return page;
}

/**
 * Where the heading with this id sits, and the lowest bottom edge of the sticky or fixed
 * elements at the top of the viewport that overlap it horizontally (navbar, lab toolbar).
 */
async function headingAndCover(page: Page, id: string): Promise<{top: number; bottom: number; cover: number; viewport: number}> {
  return page.evaluate((headingId) => {
    const heading = document.getElementById(headingId);
    if (!heading) throw new Error(`no element #${headingId}`);
    const box = heading.getBoundingClientRect();
    let cover = 0;
    for (const node of Array.from(document.querySelectorAll('body *'))) {
      const style = getComputedStyle(node);
      if (style.position !== 'sticky' && style.position !== 'fixed') continue;
      if (style.visibility === 'hidden' || style.display === 'none') continue;
      const rect = node.getBoundingClientRect();
      const overlaps = rect.width > 0 && rect.height > 0 && rect.left < box.right && rect.right > box.left;
      if (overlaps && rect.top < window.innerHeight / 2) cover = Math.max(cover, rect.bottom);
    }
    return {top: box.top, bottom: box.bottom, cover, viewport: window.innerHeight};
  }, id);
}

describe('a two-mode lab page', () => {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    for (const stepId of ['all-v1', 'anonymous']) {
      it(`shows a linked step's heading (#step-${stepId}) fully below the navbar and the toolbar on a ${size}`, async () => {
        const page = await openAt(`docs/labs/request-routing/#step-${stepId}`, viewport, 'sidecar');
        await expect
          .poll(async () => {
            const place = await headingAndCover(page, `step-${stepId}`);
            return place.top >= place.cover && place.bottom <= place.viewport;
          }, {timeout: 5_000})
          .toBe(true);
        const place = await headingAndCover(page, `step-${stepId}`);
        // Not merely on screen: the heading sits just below the sticky bar, where the reader looks.
        expect(place.top - place.cover).toBeLessThan(40);
        await page.close();
      });
    }
  }

  for (const labId of TWO_MODE_LABS) {
    const twoModeLab = loadLab(siteDir, labId).lab;
    for (const mode of twoModeLab.modes) {
      it(`numbers ${labId}'s steps 1, 2, 3… without gaps in ${mode} mode, and counts the same steps`, async () => {
        const page = await openAt(`docs/labs/${labId}/`, DESKTOP, mode);
        const steps = stepsForMode(twoModeLab, mode);
        const headings = await page.locator('[data-lab] ol > li > h2').allTextContents();
        expect(headings).toEqual(steps.map((step, index) => `Step ${index + 1}: ${step.title}${step.mode ? `${step.mode} mode only` : ''}`));
        await expect(page.getByText(`Progress: 0 of ${steps.length} steps done`).count()).resolves.toBe(1);
        await page.getByLabel(`Step ${steps.length} done`).check();
        await expect(page.getByText(`Progress: 1 of ${steps.length} steps done`).count()).resolves.toBe(1);
        await page.getByRole('button', {name: 'Reset progress'}).click();
        await page.close();
      });
    }
  }

  it('keeps the sticky toolbar within 15 % of a phone screen, its actions one keypress away', async () => {
    const page = await openAt(LAB_PATH, PHONE);
    const toolbar = page.getByRole('group', {name: 'Lab progress'});
    const height = (await toolbar.boundingBox())?.height ?? Infinity;
    expect(height).toBeLessThanOrEqual(0.15 * PHONE.height);
    const copyAll = page.getByRole('button', {name: 'Copy all commands of this lab'});
    const toggle = page.getByRole('button', {name: 'Actions'});
    await expect(copyAll.isVisible()).resolves.toBe(false);
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    await page.keyboard.press('Tab');
    await expect(copyAll.evaluate((node) => node === document.activeElement)).resolves.toBe(true);
    await page.keyboard.press('Enter');
    expect(await clipboard(page)).toBe(expectedCommands(DEFAULTS, await deployedBase(page)).join('\n'));
    await toggle.click();
    await expect(copyAll.isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('shows the actions without a toggle on a desktop', async () => {
    const page = await openAt(LAB_PATH, DESKTOP);
    await expect(page.getByRole('button', {name: 'Copy all commands of this lab'}).isVisible()).resolves.toBe(true);
    await expect(page.getByRole('button', {name: 'Actions'}).isVisible()).resolves.toBe(false);
    await page.close();
  });

  it('never breaks a command or an output inside a word on a phone, and the page stays 390 px wide', async () => {
    const page = await openAt('docs/labs/request-routing/', PHONE, 'sidecar');
    await page.evaluate(() => document.querySelectorAll('[data-lab] details').forEach((node) => node.setAttribute('open', '')));
    const blocks = await page.locator('[data-lab] pre').evaluateAll((nodes) =>
      nodes.map((node) => ({
        text: node.textContent?.slice(0, 40),
        whiteSpace: [node, ...Array.from(node.querySelectorAll('*'))].map((inner) => getComputedStyle(inner).whiteSpace),
        wrapAnywhere: [node, ...Array.from(node.querySelectorAll('*'))].some((inner) => {
          const style = getComputedStyle(inner);
          return style.overflowWrap === 'anywhere' || style.wordBreak === 'break-all';
        }),
        scrolls: node.scrollWidth > node.clientWidth,
      })),
    );
    expect(blocks.length).toBeGreaterThan(10);
    for (const block of blocks) {
      expect(block, block.text).toMatchObject({wrapAnywhere: false});
      for (const whiteSpace of block.whiteSpace) expect(['pre', 'nowrap'], block.text).toContain(whiteSpace);
    }
    // The long kubectl apply URLs do not fit 390 px: they scroll inside their box, not the page.
    expect(blocks.some((block) => block.scrolls)).toBe(true);
    await expect(page.evaluate(() => document.documentElement.scrollWidth)).resolves.toBeLessThanOrEqual(PHONE.width);

    // Inline code in the prose (`-o`, `istio-system`) keeps each short word on one line.
    const splitWords = await page.locator('[data-lab] li :not(pre) > code').evaluateAll((nodes) =>
      nodes.flatMap((node) => {
        const text = node.textContent ?? '';
        const split: string[] = [];
        for (const match of text.matchAll(/\S+/g)) {
          if (match[0].length > 30) continue;
          const range = document.createRange();
          const start = match.index ?? 0;
          const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
          let offset = 0;
          let startSet = false;
          for (let textNode = walker.nextNode(); textNode; textNode = walker.nextNode()) {
            const length = textNode.textContent?.length ?? 0;
            if (!startSet && start < offset + length) {
              range.setStart(textNode, start - offset);
              startSet = true;
            }
            if (startSet && start + match[0].length <= offset + length) {
              range.setEnd(textNode, start + match[0].length - offset);
              break;
            }
            offset += length;
          }
          const lines = new Set(Array.from(range.getClientRects()).map((rect) => Math.round(rect.top)));
          if (lines.size > 1) split.push(match[0]);
        }
        return split;
      }),
    );
    expect(splitWords).toEqual([]);
    await page.close();
  });

  // heading-order does not depend on the colour theme, so one theme is enough.
  it('has headings in order (no step heading skips a level)', async () => {
    const page = await openAt('docs/labs/request-routing/', DESKTOP);
    const results = await new AxeBuilder({page}).withRules(['heading-order']).analyze();
    expect(results.violations.map((violation) => violation.nodes.map((node) => node.target.join(' ')))).toEqual([]);
    await page.close();
  });
});

describe('every lab page visited', () => {
  it('makes no request outside the site', () => {
    expect(foreignRequests).toEqual([]);
  });
});
