/**
 * The small markdown subset a step's `body` may use: paragraphs, "- " bullet lists, `code`,
 * **bold**, *emphasis* and [links](/docs/…). Parsed into plain data so the component renders it
 * with React elements (no HTML strings, nothing to sanitise).
 */

export type Inline =
  | {readonly kind: 'text'; readonly text: string}
  | {readonly kind: 'code'; readonly text: string}
  | {readonly kind: 'strong'; readonly children: readonly Inline[]}
  | {readonly kind: 'em'; readonly children: readonly Inline[]}
  | {readonly kind: 'link'; readonly href: string; readonly children: readonly Inline[]};

export type Block =
  | {readonly kind: 'paragraph'; readonly content: readonly Inline[]}
  | {readonly kind: 'list'; readonly items: readonly (readonly Inline[])[]};

const INLINE = /`([^`]+)`|\*\*(.+?)\*\*|\*([^*\s][^*]*?)\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  let last = 0;
  for (const match of text.matchAll(INLINE)) {
    const index = match.index ?? 0;
    if (index > last) out.push({kind: 'text', text: text.slice(last, index)});
    if (match[1] !== undefined) out.push({kind: 'code', text: match[1]});
    else if (match[2] !== undefined) out.push({kind: 'strong', children: parseInline(match[2])});
    else if (match[3] !== undefined) out.push({kind: 'em', children: parseInline(match[3])});
    else out.push({kind: 'link', href: match[5] as string, children: parseInline(match[4] as string)});
    last = index + match[0].length;
  }
  if (last < text.length) out.push({kind: 'text', text: text.slice(last)});
  return out;
}

export function parseBody(body: string): Block[] {
  const blocks: Block[] = [];
  for (const chunk of body.replace(/\r\n?/g, '\n').split(/\n\s*\n/)) {
    const lines = chunk.split('\n').filter((line) => line.trim() !== '');
    if (lines.length === 0) continue;
    if (lines.every((line) => /^\s*[-*] /.test(line) || /^\s{2,}\S/.test(line))) {
      const items: string[] = [];
      for (const line of lines) {
        if (/^\s*[-*] /.test(line)) items.push(line.replace(/^\s*[-*] /, ''));
        else items[items.length - 1] += ` ${line.trim()}`;
      }
      blocks.push({kind: 'list', items: items.map((item) => parseInline(item.trim()))});
    } else {
      blocks.push({kind: 'paragraph', content: parseInline(lines.map((line) => line.trim()).join(' '))});
    }
  }
  return blocks;
}
