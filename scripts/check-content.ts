/**
 * npm run check:content — checks every code block in docs/**\/*.md(x) and everything under labs/
 * (lab.yaml commands, labs/*\/manifests/*.yaml, and the practice tasks: labs/tasks/*\/task.yaml,
 * their manifests, and their generated setup/solution/verify/cleanup scripts through shellcheck)
 * against the pinned Istio release, prints each problem as `file:line: message` and a summary
 * line, and exits non-zero on any problem.
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
  checkTaskFile,
  emptyCounts,
  mergeCounts,
  parseBashErrors,
  type BashSnippet,
  type FileResult,
} from '../src/lib/validate';
import {checkClaimsOfFile, claimSummary, emptyClaimCounts, mergeClaimCounts} from '../src/lib/validate/outputs';
import {readTask} from '../src/lib/tasks/parse';
import {taskPaths} from '../src/lib/tasks/paths';
import {generateTaskScripts} from '../src/lib/tasks/script';
import {SHELLCHECK_ARGS, shellcheckProblems, type GeneratedScript} from '../src/lib/tasks/shellcheck';
import {taskReadOptions} from '../src/plugins/tasks/load';

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

/** A practice task's folder id, from labs/tasks/<id>/task.yaml. */
const TASK_FILE = /(^|\/)labs\/tasks\/([^/]+)\/task\.yaml$/;
const TASK_MANIFEST = /(^|\/)labs\/tasks\/[^/]+\/manifests\/[^/]+\.ya?ml$/;
const taskFiles: {file: string; id: string; text: string}[] = [];

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
  } else if (TASK_FILE.test(file)) {
    const id = TASK_FILE.exec(file)![2]!;
    taskFiles.push({file, id, text});
    result = checkTaskFile(text, {...taskReadOptions(root, id), file});
  } else if (/(^|\/)labs\/[^/]+\/manifests\/[^/]+\.ya?ml$/.test(file) || TASK_MANIFEST.test(file)) {
    result = checkManifestFile(text, file);
  }
  if (!result) continue;
  scanned++;
  mergeCounts(counts, result.counts);
  problems.push(...result.problems);
  snippets.push(...result.snippets);
}

// What the course claims Istio prints and accepts: outputs, log greps, --set paths, values files
const claims = emptyClaimCounts();
for (const file of files) {
  const result = checkClaimsOfFile(readFileSync(file, 'utf8'), file);
  if (!result) continue;
  mergeClaimCounts(claims, result.counts);
  problems.push(...result.problems);
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

// The scripts each valid task publishes (setup, solution, verify, cleanup) through shellcheck.
function shellcheckTasks(): number {
  const dir = mkdtempSync(join(tmpdir(), 'check-tasks-'));
  try {
    const scripts: GeneratedScript[] = [];
    for (const {file, id, text} of taskFiles) {
      let generated;
      try {
        const task = readTask(text, {...taskReadOptions(root, id), file});
        generated = generateTaskScripts(task, {filesUrl: taskPaths(id, 'https://service-mesh-labs.github.io/').files});
      } catch {
        continue; // its problems are already reported
      }
      for (const [name, content] of Object.entries(generated)) {
        const path = join(dir, `${id}-${name}`);
        writeFileSync(path, content);
        scripts.push({path, source: file, name, text: content});
      }
    }
    if (scripts.length === 0) return 0;
    const run = spawnSync('shellcheck', [...SHELLCHECK_ARGS, ...scripts.map((script) => script.path)], {encoding: 'utf8'});
    if (run.error) {
      problems.push({file: 'scripts/check-content.ts', line: 1, message: `cannot run shellcheck on the task scripts: ${run.error.message}`});
      return 0;
    }
    problems.push(...shellcheckProblems(run.stdout ?? '', scripts));
    return scripts.length;
  } finally {
    rmSync(dir, {recursive: true, force: true});
  }
}
const taskScripts = shellcheckTasks();

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
console.log(claimSummary(claims));
console.log(
  `checked ${counts.manifests} manifests, ${counts.fragments} fragments, ${counts.commands} commands (${counts.istioctl} istioctl), ${counts.urls} URLs, ${taskFiles.length} task${taskFiles.length === 1 ? '' : 's'} (${taskScripts} generated scripts shellchecked): ${problems.length} problem${problems.length === 1 ? '' : 's'}`,
);
process.exitCode = problems.length > 0 ? 1 : 0;
