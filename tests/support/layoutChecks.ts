/**
 * Layout checks that run inside a page (passed to page.evaluate, so each function is
 * self-contained: no imports, no helpers from outside its own body).
 * Each returns problems as "element: what is wrong" lines, plus numbers for the summary.
 */

export interface Finding {
  readonly problems: string[];
  /** Numbers for the test's summary (smallest diagram text, tables too wide…). */
  readonly metrics: Record<string, number>;
}

/** Elements that stick out of the viewport and make the document pan sideways. */
export function checkDocumentWidth(): Finding {
  const describe = (element: Element): string => {
    const parts: string[] = [];
    for (let node: Element | null = element; node && parts.length < 4; node = node.parentElement) {
      const id = node.id ? `#${node.id}` : '';
      const cls = typeof node.className === 'string' && node.className ? `.${node.className.trim().split(/\s+/)[0]}` : '';
      parts.unshift(`${node.tagName.toLowerCase()}${id}${cls}`);
      if (node.id) break;
    }
    return parts.join(' > ');
  };
  const width = document.documentElement.clientWidth;
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth <= width) return {problems: [], metrics: {overflowPx: 0}};
  const clips = (element: Element): boolean => getComputedStyle(element).overflowX !== 'visible';
  const culprits: string[] = [];
  const walk = (element: Element): void => {
    for (const child of Array.from(element.children)) {
      const rect = child.getBoundingClientRect();
      if (rect.right + window.scrollX > width + 0.5 && rect.width > 0) {
        const inner = Array.from(child.children).some(
          (grandchild) => grandchild.getBoundingClientRect().right + window.scrollX > width + 0.5,
        );
        // Report the deepest element that still sticks out, where the overflow starts.
        if (!inner || clips(child)) culprits.push(`${describe(child)} (right edge at ${Math.round(rect.right)} px)`);
        else walk(child);
      } else if (!clips(child)) {
        walk(child);
      }
      if (culprits.length >= 3) return;
    }
  };
  walk(document.body);
  return {
    problems: [`the document is ${scrollWidth} px wide in a ${width} px viewport: ${culprits.join('; ') || 'no single culprit found'}`],
    metrics: {overflowPx: scrollWidth - width},
  };
}

/** Tables in the page's content that are wider than their column (checked at desktop width). */
export function checkTableWidths(): Finding {
  const problems: string[] = [];
  const column = document.querySelector('article') ?? document.querySelector('main');
  const tables = Array.from(document.querySelectorAll('article table, main table'));
  if (!column) return {problems, metrics: {tables: 0, tooWide: 0}};
  const columnRect = column.getBoundingClientRect();
  let tooWide = 0;
  for (const table of tables) {
    if (table.closest('[hidden], details:not([open])')) continue;
    const rect = table.getBoundingClientRect();
    let scroller: Element | null = table;
    while (scroller && scroller !== column && getComputedStyle(scroller).overflowX === 'visible') scroller = scroller.parentElement;
    const hiddenWidth = scroller && scroller !== column ? scroller.scrollWidth - scroller.clientWidth : 0;
    const label = table.querySelector('caption')?.textContent?.trim() || table.querySelector('th')?.textContent?.trim() || '(no caption)';
    if (rect.width > columnRect.width + 1 || hiddenWidth > 1) {
      tooWide += 1;
      problems.push(
        `table "${label.slice(0, 60)}" needs ${Math.round(rect.width + Math.max(hiddenWidth, 0))} px in a ${Math.round(columnRect.width)} px column`,
      );
    }
  }
  return {problems, metrics: {tables: tables.length, tooWide}};
}

/**
 * Code blocks and lab commands must never wrap inside a token: either they do not wrap at all
 * (and scroll), or every piece of text that could break somewhere other than a space is kept
 * on one line.
 */
export function checkCodeWrapping(): Finding {
  const blocks = new Set<Element>(Array.from(document.querySelectorAll('pre')));
  for (const code of Array.from(document.querySelectorAll('code'))) {
    const parent = code.parentElement;
    const inFlexOrGrid = parent ? /flex|grid/.test(getComputedStyle(parent).display) : false;
    if (getComputedStyle(code).display === 'block' && !inFlexOrGrid && !code.closest('pre')) blocks.add(code);
  }
  // Characters after which a browser may break a line even without a space (UAX #14).
  const breakable = /[-/?!%})\]|,;:=.]\S/;
  const offenders = new Map<string, {count: number; example: string}>();
  for (const block of blocks) {
    if (block.closest('.cm-editor, [hidden]')) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      const text = node.textContent ?? '';
      if (!parent || text.trim() === '') continue;
      const style = getComputedStyle(parent);
      const wraps = style.textWrapMode ? style.textWrapMode === 'wrap' : !/^(pre|nowrap)$/.test(style.whiteSpace);
      if (!wraps) continue;
      const splitsWords = style.wordBreak === 'break-all' || style.wordBreak === 'break-word' || /anywhere|break-word/.test(style.overflowWrap);
      const token = text.split(/\s+/).find((word) => breakable.test(word));
      if (splitsWords || token) {
        const owner = block.closest('[class]')?.className.toString().split(/\s+/)[0] ?? 'page';
        const name = `${block.tagName.toLowerCase()}.${owner} (white-space ${style.whiteSpace}, word-break ${style.wordBreak}, overflow-wrap ${style.overflowWrap})`;
        const seen = offenders.get(name);
        offenders.set(name, {count: (seen?.count ?? 0) + 1, example: seen?.example ?? (token ?? text.trim()).slice(0, 30)});
        break;
      }
    }
  }
  const problems = Array.from(offenders, ([name, {count, example}]) => `${count} code block(s) ${name} can wrap inside a token such as "${example}"`);
  return {problems, metrics: {codeBlocks: blocks.size}};
}

/** Marks every sticky or fixed element of the page with data-layout-sticky, for checkAnchorVisible. */
export function markStickyElements(): number {
  let count = 0;
  for (const element of Array.from(document.body.querySelectorAll('*'))) {
    const position = getComputedStyle(element).position;
    if (position === 'sticky' || position === 'fixed') {
      element.setAttribute('data-layout-sticky', '');
      count += 1;
    }
  }
  return count;
}

/** Whether the element `id` (just navigated to) is fully visible below every sticky element over it. */
export function checkAnchorVisible(id: string): Finding {
  const target = document.getElementById(id);
  // A step of the other mode (sidecar / ambient) is not on the page: nothing to see.
  if (!target) return {problems: [], metrics: {}};
  const heading = target.getBoundingClientRect();
  const problems: string[] = [];
  for (const element of Array.from(document.querySelectorAll('[data-layout-sticky]'))) {
    const style = getComputedStyle(element);
    if (style.visibility === 'hidden' || style.display === 'none' || element.contains(target)) continue;
    const rect = element.getBoundingClientRect();
    if (rect.height === 0 || rect.top > heading.top || rect.height > window.innerHeight * 0.9) continue;
    const overlapsHorizontally = rect.left < heading.right && rect.right > heading.left;
    if (overlapsHorizontally && rect.bottom > heading.top + 1) {
      const name = `${element.tagName.toLowerCase()}.${element.className.toString().split(/\s+/)[0]}`;
      problems.push(`#${id} lands at ${Math.round(heading.top)} px, under the sticky ${name} (bottom ${Math.round(rect.bottom)} px)`);
    }
  }
  if (heading.bottom > window.innerHeight) problems.push(`#${id} is below the bottom of the viewport (${Math.round(heading.top)} px)`);
  return {problems, metrics: {}};
}

/**
 * One rendered diagram: its smallest text in CSS px as the reader sees it (font size times the
 * drawing's scale), the empty space around the drawing, and its size.
 */
export function measureDiagram(index: number): {smallestText: number; emptySpace: number; height: number; text: string} | null {
  const figure = document.querySelectorAll('article figure[aria-describedby]')[index];
  const svg = figure?.querySelector('svg[viewBox]');
  if (!figure || !(svg instanceof SVGSVGElement)) return null;
  // The box the drawing sits in, without a horizontal scrollbar if it has one.
  const boxHeight = figure.firstElementChild?.clientHeight ?? 0;
  const rect = svg.getBoundingClientRect();
  // The drawing is scaled to fit the SVG box in both directions (preserveAspectRatio "meet").
  const scale = Math.min(rect.width / svg.viewBox.baseVal.width, rect.height / svg.viewBox.baseVal.height);
  let smallestText = Infinity;
  let text = '';
  const walker = document.createTreeWalker(svg, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || (node.textContent ?? '').trim() === '' || parent.closest('style')) continue;
    const size = parseFloat(getComputedStyle(parent).fontSize) * scale;
    if (size < smallestText) {
      smallestText = size;
      text = (node.textContent ?? '').trim().slice(0, 30);
    }
  }
  return {smallestText, emptySpace: boxHeight - svg.viewBox.baseVal.height * scale, height: figure.getBoundingClientRect().height, text};
}

/** The announcement bar, when shown: every piece of its text at WCAG AA contrast, and a close button. */
export function checkAnnouncementBar(): Finding {
  const bar = document.querySelector('div[class*="announcementBar"]');
  if (!bar) return {problems: [], metrics: {}};
  const rgb = (colour: string): [number, number, number, number] => {
    const parts = colour.match(/[\d.]+/g)?.map(Number) ?? [0, 0, 0];
    return [parts[0] ?? 0, parts[1] ?? 0, parts[2] ?? 0, parts[3] ?? 1];
  };
  const luminance = ([r, g, b]: number[]): number => {
    const channel = (value: number): number => {
      const v = value / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    };
    return 0.2126 * channel(r ?? 0) + 0.7152 * channel(g ?? 0) + 0.0722 * channel(b ?? 0);
  };
  const background = (element: Element | null): number[] => {
    for (let node = element; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour[3] > 0) return colour;
    }
    return [255, 255, 255, 1];
  };
  const problems: string[] = [];
  for (const element of Array.from(bar.querySelectorAll('*')).concat(bar)) {
    const ownText = Array.from(element.childNodes).some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim());
    if (!ownText) continue;
    const a = luminance(rgb(getComputedStyle(element).color));
    const b = luminance(background(element));
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) problems.push(`announcement bar: ${element.tagName.toLowerCase()} text at contrast ${ratio.toFixed(2)} (AA needs 4.5)`);
  }
  if (!bar.querySelector('button')) problems.push('announcement bar: no button to close it');
  return {problems, metrics: {}};
}
