/**
 * Which docs/ file serves a /docs/… route, and which heading anchors it has, computed the way
 * Docusaurus does it: number prefixes dropped (`04-traffic` → `traffic`), `index` is the folder's
 * route, a `slug:` in the front matter overrides, and anchors are github-slugger slugs of the
 * heading text (one slugger per page, so repeats get -1, -2) or an explicit `{#id}`.
 */
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import GithubSlugger from 'github-slugger';

export interface DocHeading {
  /** The heading as written, without the leading #s and without an explicit {#id}. */
  readonly text: string;
  readonly id: string;
}

export interface DocPage {
  readonly file: string;
  /** Route below /docs/, no slashes at either end. */
  readonly route: string;
  readonly headings: readonly DocHeading[];
}

const NUMBER_PREFIX = /^\d+-/;

function walk(dir: string): string[] {
  return readdirSync(dir, {withFileTypes: true}).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return walk(full);
    return /\.mdx?$/.test(entry.name) ? [full] : [];
  });
}

function frontMatterSlug(text: string): string | undefined {
  const front = /^---\n([\s\S]*?)\n---/.exec(text)?.[1] ?? '';
  const slug = /^slug:\s*["']?([^"'\n]+?)["']?\s*$/m.exec(front)?.[1];
  return slug;
}

function routeOf(relativeFile: string, text: string): string {
  const segments = relativeFile.replace(/\.mdx?$/, '').split('/').map((segment) => segment.replace(NUMBER_PREFIX, ''));
  const name = segments.pop() ?? '';
  const dir = segments.join('/');
  const slug = frontMatterSlug(text);
  if (slug !== undefined) {
    const target = slug.startsWith('/') ? slug : `${dir}/${slug}`;
    return target.replace(/^\/+|\/+$/g, '');
  }
  return name === 'index' ? dir : [dir, name].filter(Boolean).join('/');
}

/** Heading text as the reader sees it: inline code, emphasis and link markup removed. */
function visibleText(markdown: string): string {
  return markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|\W)[*_](\S(?:.*?\S)?)[*_](?=\W|$)/g, '$1$2');
}

export function headingsOf(text: string): DocHeading[] {
  const slugger = new GithubSlugger();
  const headings: DocHeading[] = [];
  let fence: string | null = null;
  for (const line of text.replace(/^---\n[\s\S]*?\n---\n/, '').split('\n')) {
    const fenceMatch = /^\s*(`{3,}|~{3,})/.exec(line);
    if (fenceMatch) {
      const marker = fenceMatch[1] ?? '';
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) fence = null;
      continue;
    }
    if (fence !== null) continue;
    const heading = /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const raw = heading[1] ?? '';
    const explicit = /\s*\{#([^}]+)\}$/.exec(raw);
    const written = explicit ? raw.slice(0, explicit.index) : raw;
    headings.push({text: written, id: explicit?.[1] ?? slugger.slug(visibleText(written))});
  }
  return headings;
}

/** Every page under docs/, keyed by route. */
export function docPages(siteDir: string): Map<string, DocPage> {
  const docsDir = path.join(siteDir, 'docs');
  const pages = new Map<string, DocPage>();
  for (const full of walk(docsDir)) {
    const file = path.relative(docsDir, full).split(path.sep).join('/');
    const text = readFileSync(full, 'utf8');
    pages.set(routeOf(file, text), {file: `docs/${file}`, route: routeOf(file, text), headings: headingsOf(text)});
  }
  return pages;
}
