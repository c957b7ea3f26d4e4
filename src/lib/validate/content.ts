/**
 * Whole files → problems: Markdown/MDX chapters (every code block), lab.yaml (read by the one
 * lab reader, src/lib/labs/parse.ts, which applies the command rulebook) and lab manifests. The
 * `bash -n` pass is left to the caller (it needs a process): each function returns the shell
 * snippets to check.
 */
import {renderForScript} from '../labs/placeholders';
import {lintLab} from '../labs/lint';
import {readLab, type ParseOptions} from '../labs/parse';
import {lintTask} from '../tasks/lint';
import {inspectTask, type TaskReadOptions} from '../tasks/parse';
import {inFile, type LocalProblem, type Problem} from '../problem';
import type {BashSnippet} from './bash';
import {kindsNamed} from './kinds';
import {GATEWAY_API_VERSION, ISTIO_VERSION} from '../../data/course';
import {extractCodeBlocks, frontMatter, proseLines} from './markdown';
import {fragmentSchema, validateManifest} from './manifest';
import {checkShell, PROMPT_LINE} from './shell';
import {parseShell} from './shellSyntax';
import {checkUrls} from './urls';
import {emptyCounts, mark, type Counts} from './types';

export interface FileResult {
  readonly problems: Problem[];
  readonly counts: Counts;
  readonly snippets: BashSnippet[];
}

const SHELL = new Set(['bash', 'sh', 'shell', 'console', 'zsh']);
const YAML = new Set(['yaml', 'yml']);
const MARKERS = ['invalid', 'outdated', 'nocheck'] as const;

export function checkMarkdownFile(text: string, file: string): FileResult {
  const problems: Problem[] = [];
  const counts = emptyCounts();
  const snippets: BashSnippet[] = [];
  const front = frontMatter(text);
  const pageUpgradeFrom = front['upgrade-from'];

  const urls = checkUrls(text);
  counts.urls += urls.urls;
  problems.push(...inFile(file, 1, urls.problems));

  problems.push(...inFile(file, 1, pinnedVersionsInProse(text)));

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
        problems.push(...inFile(file, startLine, parsed.problems.filter((p) => p.message.startsWith('YAML:'))));
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
      problems.push(...inFile(file, startLine, result.problems));
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
      problems.push(...inFile(file, startLine, result.problems));
      snippets.push({file, startLine, text: body.replace(PROMPT_LINE, '$1')});
      continue;
    }
    const key = lang === '' ? '(no language)' : lang;
    counts.other[key] = (counts.other[key] ?? 0) + 1;
  }
  return {problems, counts, snippets};
}

/** The pinned versions, typed by hand in a page's prose instead of imported from course.ts. */
const PINNED = [
  {value: ISTIO_VERSION, constant: 'ISTIO_VERSION'},
  {value: GATEWAY_API_VERSION, constant: 'GATEWAY_API_VERSION'},
];

function pinnedVersionsInProse(text: string): LocalProblem[] {
  return proseLines(text).flatMap(({line, text: lineText}) =>
    PINNED.filter(({value}) => new RegExp(`(^|[^\\w.])v?${value.replace(/^v/, '').replace(/\./g, '\\.')}(?![\\w.])`).test(lineText)).map(({value, constant}) => ({
      line,
      message: `${value} typed by hand: import {${constant}} from '@site/src/data/course' and write {${constant}}, so it follows the pinned release`,
    })),
  );
}

/**
 * A lab.yaml, read by the lab reader: its problems are exactly what the site's lab plugin
 * reports. Commands bash cannot parse are already reported; the others go to `bash -n`, with
 * placeholders rendered as run.sh renders them.
 */
export function checkLabFile(text: string, options: ParseOptions): FileResult {
  const reading = readLab(text, options);
  // A lab that has the lab's shape is also linted: expectations that can fail, checks of the
  // step's effect, steps safe to run twice (src/lib/labs/lint.ts).
  const lint = reading.lab && reading.problems.length === 0 ? lintLab(reading.lab, text, options.file) : [];
  return readingResult(reading, options.file, lint);
}

/** A lab's or task's reading as the checker's result: counts, problems, and the snippets for `bash -n`. */
function readingResult(
  reading: {problems: readonly Problem[]; commands: readonly {text: string; line: number}[]; counted: {commands: number; istioctl: number; urls: number}},
  file: string,
  lint: readonly Problem[],
): FileResult {
  const counts = emptyCounts();
  counts.commands += reading.counted.commands;
  counts.istioctl += reading.counted.istioctl;
  counts.urls += reading.counted.urls;
  const snippets = reading.commands
    .filter((command) => !parseShell(command.text).syntaxError)
    .map((command): BashSnippet => ({file, startLine: command.line, text: renderForScript(command.text)}));
  return {problems: [...reading.problems, ...lint], counts, snippets};
}

export function checkManifestFile(text: string, file: string): FileResult {
  const counts = emptyCounts();
  const result = validateManifest(text);
  counts.manifests += result.documents;
  const urls = checkUrls(text);
  counts.urls += urls.urls;
  return {problems: [...inFile(file, 1, result.problems), ...inFile(file, 1, urls.problems)], counts, snippets: []};
}

/**
 * A practice task's task.yaml, read by the task reader (the same command rulebook as labs) and
 * linted by the lab lint; its commands and checks go to `bash -n` as the scripts render them.
 * The generated scripts' shellcheck pass is the caller's (it needs a process).
 */
export function checkTaskFile(text: string, options: TaskReadOptions): FileResult {
  const reading = inspectTask(text, options);
  const lint = reading.task && reading.problems.length === 0 ? lintTask(reading.task, text, options.file) : [];
  return readingResult(reading, options.file, lint);
}
