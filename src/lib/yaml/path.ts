/**
 * Paths into parsed YAML/JSON data, in the three spellings the code meets: a list of keys and
 * indexes (`['spec', 'http', 0]`), a JSON pointer (`/spec/http/0`, what ajv reports) and a dotted
 * path (`spec.http[0]`, what messages show).
 */

export type PathItem = string | number;
export type YamlPath = readonly PathItem[];

/** `/spec/http/0` → `['spec', 'http', 0]` (RFC 6901 escapes `~1` and `~0` undone). */
export function pointerToPath(pointer: string): PathItem[] {
  if (pointer === '' || pointer === '/') return [];
  return pointer
    .replace(/^\//, '')
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** `['spec', 'http', 0]` → `/spec/http/0`. */
export function pathToPointer(path: YamlPath): string {
  return path.map((part) => `/${String(part).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** `['spec', 'http', 0, 'route']` → `spec.http[0].route` ('' for the root). */
export function pathToString(path: YamlPath): string {
  return path.map((part, index) => (typeof part === 'number' ? `[${part}]` : index === 0 ? part : `.${part}`)).join('');
}

/** `spec.http[0].route` → `['spec', 'http', 0, 'route']`. Keys containing dots cannot be written this way. */
export function pathFromString(text: string): PathItem[] {
  const path: PathItem[] = [];
  for (const match of text.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    path.push(match[2] !== undefined ? Number(match[2]) : (match[1] as string));
  }
  return path;
}
