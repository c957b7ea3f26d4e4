import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {describe, expect, it} from 'vitest';
import {PLAIN_LANGUAGES, PRISM_LANGUAGES} from '@site/src/plugins/prism-languages/languages';

const siteDir = fileURLToPath(new URL('../..', import.meta.url));

function mdxFiles(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return mdxFiles(full);
    return /\.mdx?$/.test(entry.name) ? [full] : [];
  });
}

/** `file: language` for every fenced code block in docs/ (the language is the info string's first word). */
function fenceLanguages(): string[] {
  return mdxFiles(path.join(siteDir, 'docs')).flatMap((file) =>
    [...readFileSync(file, 'utf8').matchAll(/^\s*(`{3,}|~{3,})([\w-]+)/gm)].map(
      (match) => `${path.relative(siteDir, file)}: ${match[2] ?? ''}`,
    ),
  );
}

describe('code highlighting', () => {
  it('has a Prism grammar registered (or plain text on purpose) for every code fence language in docs/', () => {
    const known = new Set<string>([...PRISM_LANGUAGES, ...PLAIN_LANGUAGES]);
    const fences = fenceLanguages();
    expect(fences.length).toBeGreaterThan(100);
    expect(fences.filter((fence) => !known.has(fence.split(': ')[1] ?? ''))).toEqual([]);
  });
});
