/**
 * Just enough Go source handling for reading cobra command definitions: comments removed,
 * imports, top-level functions (with receiver and parameters), string constants, build tags,
 * and bracket matching that respects strings and runes. Not a Go parser: a pragmatic reader of
 * the code shapes istioctl uses, checked by the command tree it produces (tests/unit/reference*).
 */

export interface GoFunc {
  readonly dir: string;
  readonly name: string;
  /** Receiver type name without `*`, for methods. */
  readonly receiver?: string;
  /** Parameter names with their type text, in order. */
  readonly params: readonly {name: string; type: string}[];
  readonly results: string;
  readonly body: string;
  readonly file: GoFile;
}

export interface GoFile {
  readonly path: string;
  readonly dir: string;
  readonly text: string;
  /** import alias → directory inside the repository (external imports are left out). */
  readonly imports: ReadonlyMap<string, string>;
}

/** Blanks out comments (keeps newlines and string contents). */
export function stripComments(src: string): string {
  let out = '';
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '"' || c === '`' || c === "'") {
      const end = stringEnd(src, i);
      out += src.slice(i, end + 1);
      i = end;
    } else if (c === '/' && src[i + 1] === '/') {
      while (i < src.length && src[i] !== '\n') i++;
      out += '\n';
    } else if (c === '/' && src[i + 1] === '*') {
      const end = src.indexOf('*/', i + 2);
      out += src.slice(i, end + 2).replace(/[^\n]/g, ' ');
      i = end + 1;
    } else out += c;
  }
  return out;
}

/** Index of the closing quote of the string or rune starting at i. */
export function stringEnd(src: string, i: number): number {
  const q = src[i]!;
  for (let j = i + 1; j < src.length; j++) {
    if (q !== '`' && src[j] === '\\') j++;
    else if (src[j] === q) return j;
  }
  return src.length - 1;
}

/** Index of the bracket closing the one at `open` (one of ( [ {). */
export function matching(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i]!;
    if (c === '"' || c === '`' || c === "'") i = stringEnd(src, i);
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return src.length - 1;
}

/** Splits at top-level commas (outside brackets and strings). */
export function splitTopLevel(src: string, separator = ','): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '"' || c === '`' || c === "'") i = stringEnd(src, i);
    else if (c === '(' || c === '[' || c === '{') depth++;
    else if (c === ')' || c === ']' || c === '}') depth--;
    else if (c === separator && depth === 0) {
      parts.push(src.slice(start, i).trim());
      start = i + 1;
    }
  }
  const last = src.slice(start).trim();
  if (last) parts.push(last);
  return parts;
}

/** The value of a Go string literal ("…" with escapes, or `raw`). */
export function goString(literal: string): string | undefined {
  const t = literal.trim();
  if (/^`[^`]*`$/.test(t)) return t.slice(1, -1);
  if (/^"(?:[^"\\]|\\.)*"$/.test(t)) {
    try {
      return JSON.parse(t.replace(/\\'/g, "'")) as string;
    } catch {
      return t.slice(1, -1);
    }
  }
  return undefined;
}

/** True when a `//go:build` line admits a plain linux/amd64 build without extra tags. */
export function buildIncluded(text: string): boolean {
  const line = /^\/\/go:build (.+)$/m.exec(text)?.[1];
  if (!line) return true;
  const on = new Set(['linux', 'amd64', 'unix', 'gc', 'cgo']);
  const expr = line.replace(/[A-Za-z0-9_.]+/g, (tag) => (on.has(tag) || /^go1\.\d+$/.test(tag) ? 'true' : 'false'));
  if (!/^[truefals!&|() ]+$/.test(expr)) return true;
  return Boolean(new Function(`return (${expr});`)());
}

const REPO_MODULE = 'istio.io/istio/';

function parseImports(text: string): Map<string, string> {
  const imports = new Map<string, string>();
  const block = /^import\s*\(([\s\S]*?)^\)/m.exec(text)?.[1] ?? '';
  const singles = [...text.matchAll(/^import\s+(\w+\s+)?("[^"]+")/gm)].map((m) => `${m[1] ?? ''}${m[2]}`);
  for (const line of [...block.split('\n'), ...singles]) {
    const m = /^\s*(\w+|\.|_)?\s*"([^"]+)"/.exec(line);
    if (!m || !m[2]!.startsWith(REPO_MODULE)) continue;
    const dir = m[2]!.slice(REPO_MODULE.length);
    imports.set(m[1] ?? dir.split('/').pop()!, dir);
  }
  return imports;
}

function parseParams(text: string): {name: string; type: string}[] {
  const out: {name: string; type: string}[] = [];
  let pending: string[] = [];
  for (const part of splitTopLevel(text)) {
    const m = /^(\w+)\s+(.+)$/s.exec(part);
    if (!m) {
      pending.push(part);
      continue;
    }
    for (const name of pending) out.push({name, type: m[2]!});
    pending = [];
    out.push({name: m[1]!, type: m[2]!});
  }
  return out;
}

export class GoPackages {
  readonly funcs: GoFunc[] = [];
  /** `dir:Name` and `Name` → string constant value. */
  readonly consts = new Map<string, string>();
  readonly files: GoFile[] = [];

  add(path: string, source: string): void {
    if (!buildIncluded(source)) return;
    const text = stripComments(source);
    const dir = path.slice(0, path.lastIndexOf('/'));
    const file: GoFile = {path, dir, text, imports: parseImports(text)};
    this.files.push(file);
    for (const m of text.matchAll(/^\s*(?:const\s+)?(\w+)\s*(?:string\s*)?=\s*("(?:[^"\\\n]|\\.)*"|`[^`]*`)\s*$/gm)) {
      const value = goString(m[2]!);
      if (value === undefined) continue;
      this.consts.set(`${dir}:${m[1]}`, value);
      if (!this.consts.has(m[1]!)) this.consts.set(m[1]!, value);
    }
    for (const m of text.matchAll(/^func\s+(?:\(\s*\w*\s*\*?(\w+)(?:\[[^\]]*\])?\s*\)\s*)?(\w+)\s*\(/gm)) {
      const paramsOpen = m.index! + m[0].length - 1;
      const paramsClose = matching(text, paramsOpen);
      const bodyOpen = text.indexOf('{\n', paramsClose);
      if (bodyOpen === -1) continue;
      const bodyClose = matching(text, bodyOpen);
      this.funcs.push({
        dir,
        name: m[2]!,
        receiver: m[1],
        params: parseParams(text.slice(paramsOpen + 1, paramsClose)),
        results: text.slice(paramsClose + 1, bodyOpen).trim(),
        body: text.slice(bodyOpen + 1, bodyClose),
        file,
      });
    }
  }

  /** A package-level function of a directory. */
  func(dir: string, name: string): GoFunc | undefined {
    return this.funcs.find((f) => f.dir === dir && f.name === name && !f.receiver);
  }

  /** A method by receiver type (when known) or by name alone when only one has that name. */
  method(name: string, receiver?: string): GoFunc | undefined {
    const all = this.funcs.filter((f) => f.name === name && f.receiver);
    if (receiver) {
      const exact = all.find((f) => f.receiver === receiver);
      if (exact) return exact;
    }
    return all.length === 1 ? all[0] : undefined;
  }
}
