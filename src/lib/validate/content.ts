/**
 * Whole files → problems: Markdown/MDX chapters (every code block), lab.yaml (every command and
 * check) and lab manifests. The `bash -n` pass is left to the caller (it needs a process): each
 * function returns the shell snippets to check.
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node} from 'yaml';
import {frontMatter, extractCodeBlocks} from './markdown';
import {fragmentSchema, validateManifest} from './manifest';
import {kindsNamed} from './kinds';
import {checkShell, replacePlaceholders} from './shell';
import {checkUrls} from './urls';
import type {BashSnippet} from './bash';
import {emptyCounts, mark, type Counts, type LocalProblem, type Problem} from './types';

export interface FileResult {
  readonly problems: Problem[];
  readonly counts: Counts;
  readonly snippets: BashSnippet[];
}

const SHELL = new Set(['bash', 'sh', 'shell', 'console', 'zsh']);
const YAML = new Set(['yaml', 'yml']);
const MARKERS = ['invalid', 'outdated', 'nocheck'] as const;

const located = (file: string, offset: number, list: readonly LocalProblem[]): Problem[] =>
  list.map((p) => ({file, line: offset + p.line - 1, message: p.message}));

export function checkMarkdownFile(text: string, file: string): FileResult {
  const problems: Problem[] = [];
  const counts = emptyCounts();
  const snippets: BashSnippet[] = [];
  const front = frontMatter(text);
  const pageUpgradeFrom = front['upgrade-from'];

  const urls = checkUrls(text);
  counts.urls += urls.urls;
  problems.push(...located(file, 1, urls.problems));

  for (const block of extractCodeBlocks(text)) {
    const {lang, meta, body, startLine} = block;
    const marker = MARKERS.find((m) => m in meta);
    if (marker && meta[marker] === '') {
      problems.push({file, line: block.fenceLine, message: `${marker}= needs a reason in quotes: ${marker}="why"`});
    }
    const upgradeFrom = meta['upgrade-from'] ?? pageUpgradeFrom;
    if (YAML.has(lang)) {
      if (meta.values !== undefined && !marker) continue; // Helm values / IstioOperator input: checked by outputs.ts (values.ts)
      if (marker === 'nocheck') {
        mark(counts, 'nocheck', meta.nocheck ?? '');
        // still must be YAML: a syntax error is a problem even in a nocheck block
        const parsed = validateManifest(body, {outdated: true});
        problems.push(...located(file, startLine, parsed.problems.filter((p) => p.message.startsWith('YAML:'))));
        continue;
      }
      const result = validateManifest(body, {fragment: meta.fragment, outdated: marker === 'outdated'});
      if (meta.fragment && !fragmentSchema(meta.fragment).hasOwnProperty('schema') && kindsNamed(meta.fragment.split('.')[0] ?? '').some((k) => k.family === 'core')) {
        mark(counts, 'fragment of a core kind (YAML syntax only)', meta.fragment);
      } else if (meta.fragment) counts.fragments += result.documents;
      else counts.manifests += result.documents;
      if (marker === 'outdated') mark(counts, 'outdated', meta.outdated ?? '');
      if (marker === 'invalid') {
        mark(counts, 'invalid', meta.invalid ?? '');
        if (result.problems.length === 0) {
          problems.push({file, line: block.fenceLine, message: `block marked invalid="${meta.invalid}" validates cleanly: the example is not actually invalid`});
        }
        continue;
      }
      problems.push(...located(file, startLine, result.problems));
      continue;
    }
    if (SHELL.has(lang)) {
      if (marker === 'nocheck') {
        mark(counts, 'nocheck', meta.nocheck ?? '');
        continue;
      }
      if (upgradeFrom) mark(counts, 'upgrade-from', upgradeFrom);
      const result = checkShell(body, {upgradeFrom});
      counts.commands += result.commands;
      counts.istioctl += result.istioctl;
      problems.push(...located(file, startLine, result.problems));
      snippets.push({file, startLine, text: replacePlaceholders(body.replace(/^(\s*)\$ /gm, '$1'))});
      continue;
    }
    const key = lang === '' ? '(no language)' : lang;
    counts.other[key] = (counts.other[key] ?? 0) + 1;
  }
  return {problems, counts, snippets};
}

/** The 1-based line of a scalar's first content line (block scalars start on the next line). */
function contentLine(node: Node, lineCounter: LineCounter): number {
  const start = lineCounter.linePos(node.range?.[0] ?? 0).line;
  if (isScalar(node) && (node.type === Scalar.BLOCK_LITERAL || node.type === Scalar.BLOCK_FOLDED)) return start + 1;
  return start;
}

/**
 * Commands of a lab.yaml: steps[].commands[].run, steps[].check and cleanup[].run, with lines.
 * (The lab engine in src/lib/labs/ has its own full parser; this one only needs the commands.)
 */
export function labCommands(text: string): {command: string; line: number}[] | {error: string; line: number} {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {lineCounter, prettyErrors: false});
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    return {error: `YAML: ${e.message.split('\n')[0]}`, line: lineCounter.linePos(e.pos[0]).line};
  }
  const out: {command: string; line: number}[] = [];
  const root = doc.contents;
  if (!isMap(root)) return out;
  const take = (node: unknown): void => {
    if (isScalar(node) && typeof node.value === 'string') out.push({command: node.value, line: contentLine(node, lineCounter)});
  };
  const steps = root.get('steps', true);
  if (isSeq(steps)) {
    for (const step of steps.items) {
      if (!isMap(step)) continue;
      const commands = step.get('commands', true);
      if (isSeq(commands)) for (const c of commands.items) if (isMap(c)) take(c.get('run', true));
      take(step.get('check', true));
    }
  }
  const cleanup = root.get('cleanup', true);
  if (isSeq(cleanup)) for (const c of cleanup.items) if (isMap(c)) take(c.get('run', true));
  return out;
}

export function checkLabFile(text: string, file: string): FileResult {
  const problems: Problem[] = [];
  const counts = emptyCounts();
  const snippets: BashSnippet[] = [];
  const urls = checkUrls(text);
  counts.urls += urls.urls;
  problems.push(...located(file, 1, urls.problems));
  const commands = labCommands(text);
  if ('error' in commands) {
    problems.push({file, line: commands.line, message: commands.error});
    return {problems, counts, snippets};
  }
  for (const {command, line} of commands) {
    const result = checkShell(command, {lab: true});
    counts.commands += result.commands;
    counts.istioctl += result.istioctl;
    problems.push(...located(file, line, result.problems));
    snippets.push({file, startLine: line, text: replacePlaceholders(command)});
  }
  return {problems, counts, snippets};
}

export function checkManifestFile(text: string, file: string): FileResult {
  const counts = emptyCounts();
  const result = validateManifest(text);
  counts.manifests += result.documents;
  const urls = checkUrls(text);
  counts.urls += urls.urls;
  return {problems: [...located(file, 1, result.problems), ...located(file, 1, urls.problems)], counts, snippets: []};
}
