/** Finds fenced code blocks in Markdown/MDX, with their meta attributes and line numbers. */

export interface CodeBlock {
  /** Language after the fence (`yaml`, `bash`, … or '' when none). */
  readonly lang: string;
  /** key="value" attributes from the fence's meta (`fragment`, `invalid`, `nocheck`, …). */
  readonly meta: Readonly<Record<string, string>>;
  /** The block's text (without the fences). */
  readonly body: string;
  /** 1-based line of the opening fence. */
  readonly fenceLine: number;
  /** 1-based line of the first body line. */
  readonly startLine: number;
}

const FENCE = /^( {0,3})(`{3,}|~{3,})\s*([^\s`{]*)\s*(.*)$/;

/** Parses `key="value"`, `key='value'`, `key=value` and bare `key` words of a fence's meta. */
export function parseMeta(meta: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /([A-Za-z][\w-]*)(?:=(?:"([^"]*)"|'([^']*)'|(\S+)))?/g;
  for (const m of meta.matchAll(re)) {
    out[m[1]!] = m[2] ?? m[3] ?? m[4] ?? '';
  }
  return out;
}

export function extractCodeBlocks(text: string): CodeBlock[] {
  const lines = text.split('\n');
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = FENCE.exec(lines[i]!);
    if (!open) continue;
    const fence = open[2]!;
    const body: string[] = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const line = lines[j]!;
      const close = /^ {0,3}(`{3,}|~{3,})\s*$/.exec(line);
      if (close && close[1]![0] === fence[0] && close[1]!.length >= fence.length) break;
      body.push(line);
    }
    blocks.push({
      lang: open[3]!.toLowerCase(),
      meta: parseMeta(open[4] ?? ''),
      body: body.join('\n'),
      fenceLine: i + 1,
      startLine: i + 2,
    });
    i = j;
  }
  return blocks;
}

/** Front matter keys (flat `key: value` lines only) of a Markdown file. */
export function frontMatter(text: string): Record<string, string> {
  const m = /^---\n([\s\S]*?)\n---/.exec(text);
  const out: Record<string, string> = {};
  if (!m) return out;
  for (const line of m[1]!.split('\n')) {
    const kv = /^([\w-]+):\s*(.*)$/.exec(line);
    if (kv) out[kv[1]!] = kv[2]!.replace(/^["']|["']$/g, '');
  }
  return out;
}

/** The lines of a page outside front matter and code blocks, with their 1-based numbers. */
export function proseLines(text: string): {line: number; text: string}[] {
  const lines = text.split('\n');
  const skip = new Set<number>();
  const front = /^---\n[\s\S]*?\n---/.exec(text);
  const frontLines = front ? front[0].split('\n').length : 0;
  for (let line = 1; line <= frontLines; line++) skip.add(line);
  for (const block of extractCodeBlocks(text)) {
    const closing = block.startLine + (block.body === '' ? 0 : block.body.split('\n').length);
    for (let line = block.fenceLine; line <= closing; line++) skip.add(line);
  }
  return lines.flatMap((lineText, index) => (skip.has(index + 1) ? [] : [{line: index + 1, text: lineText}]));
}
