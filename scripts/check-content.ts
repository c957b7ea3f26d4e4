/**
 * npm run check:content — checks every code block in docs/**\/*.md(x) and everything under labs/
 * (lab.yaml commands, labs/*\/manifests/*.yaml) against the pinned Istio release, prints each
 * problem as `file:line: message` and a summary line, and exits non-zero on any problem.
 *
 *   tsx scripts/check-content.ts [paths…]   (default: docs labs)
 */
import {spawnSync} from 'node:child_process';
import {existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {basename, dirname, join, relative, sep} from 'node:path';
import {LAB_CATALOG} from '../src/data/labCatalog';
import {formatProblems, type Problem} from '../src/lib/problem';
import {
  BASH_N_DRIVER,
  checkLabFile,
  checkManifestFile,
  checkMarkdownFile,
  emptyCounts,
  mergeCounts,
  parseBashErrors,
  type BashSnippet,
  type FileResult,
} from '../src/lib/validate';

const root = process.cwd();
const args = process.argv.slice(2);
const starts = args.length > 0 ? args : ['docs', 'labs'];

function walk(path: string): string[] {
  let st;
  try {
    st = statSync(path);
  } catch {
    return [];
  }
  if (st.isFile()) return [path];
  return readdirSync(path)
    .filter((name) => !name.startsWith('.') && name !== 'node_modules')
    .flatMap((name) => walk(join(path, name)))
    .sort();
}

/** What the lab reader needs to know about a lab's folder (as the site's lab plugin tells it). */
function labOptions(file: string) {
  const dir = dirname(file);
  const manifestDir = join(dir, 'manifests');
  const manifestFiles = existsSync(manifestDir) ? readdirSync(manifestDir).sort() : [];
  return {file, folderId: basename(dir), manifestFiles, knownLabIds: LAB_CATALOG.map((entry) => entry.id)};
}

const files = starts.flatMap(walk).map((f) => relative(root, f).split(sep).join('/'));
const counts = emptyCounts();
const problems: Problem[] = [];
const snippets: BashSnippet[] = [];
let scanned = 0;

for (const file of files) {
  const text = readFileSync(file, 'utf8');
  let result: FileResult | undefined;
  if (/\.(md|mdx)$/.test(file) && !/^labs\/README\.md$/.test(file)) {
    result = checkMarkdownFile(text, file);
  } else if (/(^|\/)labs\/[^/]+\/lab\.ya?ml$/.test(file)) {
    result = checkLabFile(text, labOptions(file));
  } else if (/(^|\/)labs\/[^/]+\/manifests\/[^/]+\.ya?ml$/.test(file)) {
    result = checkManifestFile(text, file);
  }
  if (!result) continue;
  scanned++;
  mergeCounts(counts, result.counts);
  problems.push(...result.problems);
  snippets.push(...result.snippets);
}

// bash -n: one small script per source file (all its snippets, lines mapped back); a file that
// fails is re-run one snippet per script so every broken snippet is reported, not only the first.
function bashN(groups: BashSnippet[][]): void {
  if (groups.length === 0) return;
  const dir = mkdtempSync(join(tmpdir(), 'check-content-'));
  try {
    const tables = groups.map((group, i) => {
      const lines: {snippet: BashSnippet; offset: number}[] = [];
      let text = '';
      for (const snippet of group) {
        const start = text.split('\n').length;
        lines.push({snippet, offset: start});
        text += `${snippet.text}\n`;
      }
      writeFileSync(join(dir, `${i}.sh`), text);
      return lines;
    });
    const run = spawnSync('bash', ['-c', BASH_N_DRIVER, 'bash', ...groups.map((_, i) => join(dir, `${i}.sh`))], {encoding: 'utf8'});
    if (run.error) {
      problems.push({file: 'scripts/check-content.ts', line: 1, message: `cannot run bash -n: ${run.error.message}`});
      return;
    }
    const failed = new Set<number>();
    const errors = parseBashErrors(run.stderr ?? '');
    for (const error of errors) failed.add(error.index);
    const retry: BashSnippet[][] = [];
    for (const index of failed) {
      const group = groups[index]!;
      if (group.length > 1) {
        retry.push(...group.map((s) => [s]));
        continue;
      }
      for (const error of errors.filter((e) => e.index === index)) {
        const table = tables[index]!;
        const entry = [...table].reverse().find((t) => t.offset <= error.line) ?? table[0]!;
        problems.push({
          file: entry.snippet.file,
          line: entry.snippet.startLine + error.line - entry.offset,
          message: `bash -n: ${error.message}`,
        });
      }
    }
    if (retry.length > 0) bashN(retry);
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
const byFile = new Map<string, BashSnippet[]>();
for (const snippet of snippets) byFile.set(snippet.file, [...(byFile.get(snippet.file) ?? []), snippet]);
bashN([...byFile.values()]);

if (problems.length > 0) console.log(formatProblems(problems));

const marked = Object.entries(counts.marked)
  .map(([marker, reasons]) => {
    const total = Object.values(reasons).reduce((a, b) => a + b, 0);
    const why = Object.entries(reasons)
      .map(([reason, n]) => `${n}× "${reason}"`)
      .join('; ');
    return `  marked ${marker}: ${total} (${why})`;
  })
  .join('\n');
const other = Object.entries(counts.other)
  .map(([lang, n]) => `${lang} ${n}`)
  .join(', ');
console.log(`scanned ${scanned} files`);
if (marked) console.log(marked);
if (other) console.log(`  not code to check: ${other}`);
console.log(
  `checked ${counts.manifests} manifests, ${counts.fragments} fragments, ${counts.commands} commands (${counts.istioctl} istioctl), ${counts.urls} URLs: ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
);
process.exitCode = problems.length > 0 ? 1 : 0;
