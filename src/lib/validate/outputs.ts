/**
 * Checks what the course claims Istio prints and accepts, per file:
 * - a `text` block right after a shell block with an istioctl command or `kubectl logs` of
 *   istiod / istio-proxy / ztunnel: table headers, analyzer lines and log lines must be ones
 *   Istio prints (printed.ts);
 * - `kubectl logs <Istio component> | grep PATTERN` in chapters and labs: some log message of
 *   that component must be able to contain PATTERN;
 * - lab steps running such commands: the `expect.output` lines, like text blocks;
 * - `--set` paths (istioctl install/upgrade/manifest, helm install/upgrade/template), YAML blocks
 *   marked `values="CHART"` (Helm values) or `values="IstioOperator"` (an overlay, or just its
 *   spec), and every IstioOperator document (values.ts).
 * Exceptions: a fence meta `outdated="why"` (text blocks), or a `# outdated="why"` comment in a
 * lab step; they are counted. Messages: `"…" is not printed by Istio 1.31 (closest: "…")`.
 */
import {isMap, isScalar, isSeq, LineCounter, parseDocument, type Node} from 'yaml';
import {ISTIO_MINOR} from '../../data/course';
import {extractCodeBlocks} from './markdown';
import {analyzerVerdict, grepVerdict, headerVerdict, headerWords, logLineVerdict, type LogSource, type Verdict} from './printed';
import {parseShell} from './shellSyntax';
import {chartOf, checkIstioOperatorDocs, checkIstioOperatorSpec, checkValuesFile, helmSetProblem, istioctlSetProblem, type LineProblem} from './values';

type LocalProblem = LineProblem;
/** A message at a line of a file (structurally the checker's Problem). */
export interface FileProblem {
  readonly file: string;
  readonly line: number;
  readonly message: string;
}
type Problem = FileProblem;

export interface ClaimCounts {
  outputBlocks: number;
  headers: number;
  analyzerLines: number;
  logLines: number;
  greps: number;
  setPaths: number;
  valuesFiles: number;
  overlays: number;
  /** reason → number of blocks or steps marked outdated. */
  outdated: Record<string, number>;
}

export const emptyClaimCounts = (): ClaimCounts => ({outputBlocks: 0, headers: 0, analyzerLines: 0, logLines: 0, greps: 0, setPaths: 0, valuesFiles: 0, overlays: 0, outdated: {}});

export function mergeClaimCounts(into: ClaimCounts, from: ClaimCounts): void {
  for (const key of ['outputBlocks', 'headers', 'analyzerLines', 'logLines', 'greps', 'setPaths', 'valuesFiles', 'overlays'] as const) into[key] += from[key];
  for (const [why, n] of Object.entries(from.outdated)) into.outdated[why] = (into.outdated[why] ?? 0) + n;
}

export interface ClaimResult {
  readonly problems: Problem[];
  readonly counts: ClaimCounts;
}

/** What produced an output: istioctl (only istioctl commands before it?) or an Istio component's log. */
interface Producer {
  readonly istioctl: boolean;
  readonly onlyIstioctl: boolean;
  readonly logs?: LogSource;
}

const SHELL = new Set(['bash', 'sh', 'shell', 'console', 'zsh']);
const ISTIO_COMPONENT = /istiod|istio-proxy|ztunnel|istio-cni|ingressgateway|waypoint/;

/** The Istio component a `kubectl logs …` command reads, if any. */
function logsSource(words: readonly string[]): LogSource | undefined {
  const text = words.join(' ');
  if (/ztunnel/.test(text)) return 'ztunnel';
  if (/istiod|istio-cni/.test(text)) return 'istio';
  return ISTIO_COMPONENT.test(text) ? 'proxy' : undefined;
}

function producerOf(shell: string): Producer | undefined {
  let istioctl = false;
  let others = false;
  let logs: LogSource | undefined;
  for (const {words} of parseShell(shell).commands) {
    const w = [...words];
    while (w.length > 0 && /^[A-Za-z_]\w*=/.test(w[0]!)) w.shift();
    if (w[0]?.endsWith('istioctl')) istioctl = true;
    else if (w[0] === 'kubectl' && w.includes('logs')) logs = logsSource(w) ?? logs;
    else if (w[0] && !['grep', 'head', 'tail', 'export', 'echo', 'sort', 'jq', 'cat', 'sleep'].includes(w[0])) others = true;
  }
  if (!istioctl && !logs) return undefined;
  return {istioctl, onlyIstioctl: istioctl && !others && !logs, logs};
}

const notPrinted = (text: string, v: Verdict): string =>
  `"${text.trim().slice(0, 160)}" is not printed by Istio ${ISTIO_MINOR}${v.closest ? ` (closest: "${v.closest.slice(0, 160)}")` : ''}`;

/** Lines of an output (text block or lab expectation) produced by `producer`. */
export function checkOutput(text: string, producer: Producer, counts: ClaimCounts, fragments = false): LocalProblem[] {
  const problems: LocalProblem[] = [];
  text.split('\n').forEach((line, i) => {
    if (producer.istioctl) {
      const analyzer = analyzerVerdict(line);
      if (analyzer) {
        counts.analyzerLines++;
        if (!analyzer.ok) problems.push({line: i + 1, message: notPrinted(line, analyzer)});
        return;
      }
      const words = headerWords(line);
      // in a block mixing istioctl with kubectl, kubectl's own tables (READY/AGE columns) may be shown
      if (words && (producer.onlyIstioctl || !words.some((w) => w === 'AGE' || w === 'READY'))) {
        counts.headers++;
        const v = headerVerdict(words);
        if (!v.ok) problems.push({line: i + 1, message: notPrinted(line, v)});
        return;
      }
    }
    if (producer.logs) {
      const {kind, verdict} = logLineVerdict(line, producer.logs);
      if (kind === 'other' && fragments && line.trim()) {
        // a lab expectation holds a piece of a log line (match: contains / like)
        counts.logLines++;
        const v = grepVerdict(line.trim(), producer.logs);
        if (!v.ok) problems.push({line: i + 1, message: notPrinted(line, v)});
        return;
      }
      if (kind !== 'log') return;
      counts.logLines++;
      if (verdict && !verdict.ok) problems.push({line: i + 1, message: notPrinted(line, verdict)});
    }
  });
  return problems;
}

/** `kubectl logs … <component> … | grep [-opts] PATTERN` and `--set` paths in one shell text. */
export function checkCommands(shell: string, counts: ClaimCounts): LocalProblem[] {
  const problems: LocalProblem[] = [];
  const lines = shell.split('\n');
  lines.forEach((line, i) => {
    for (const m of line.matchAll(/kubectl\s+logs\b([^|]*)\|\s*grep\s+((?:-[A-Za-z]+\s+)*)(?:"([^"]*)"|'([^']*)'|([^\s|;&)]+))/g)) {
      const source = logsSource([m[1]!]);
      if (!source) continue;
      const pattern = m[3] ?? m[4] ?? m[5] ?? '';
      if (pattern.startsWith('$') || pattern === '') continue;
      counts.greps++;
      const v = grepVerdict(pattern, source, /i/.test(m[2]!));
      if (!v.ok) problems.push({line: i + 1, message: notPrinted(pattern, v)});
    }
  });
  for (const {words, line} of parseShell(shell).commands) {
    for (const message of setProblems(words, counts)) problems.push({line, message});
  }
  return problems;
}

const ISTIOCTL_SET_COMMANDS = /^(install|apply|upgrade|manifest|uninstall)$/;

function setProblems(words: readonly string[], counts: ClaimCounts): string[] {
  const tool = words[0]?.split('/').pop();
  const assignments: string[] = [];
  words.forEach((w, i) => {
    if ((w === '--set' || w === '-s' || w === '--set-string') && words[i + 1]) assignments.push(words[i + 1]!);
    else if (/^--set(-string)?=/.test(w)) assignments.push(w.slice(w.indexOf('=') + 1));
  });
  const usable = assignments.filter((a) => a.includes('=') && !a.startsWith('$') && !a.startsWith('placeholder'));
  if (tool === 'istioctl' && words.slice(1).some((w) => ISTIOCTL_SET_COMMANDS.test(w))) {
    counts.setPaths += usable.length;
    return usable.flatMap((a) => istioctlSetProblem(a) ?? []);
  }
  if (tool === 'helm' && /^(install|upgrade|template)$/.test(words[1] ?? '')) {
    const chart = helmChartArg(words.slice(2));
    if (!chart) return [];
    counts.setPaths += usable.length;
    return usable.flatMap((a) => (a.split(',').map((part) => helmSetProblem(chart, part)).filter((p): p is string => p !== null)));
  }
  return [];
}

/** Helm flags that take no value (every other `--flag word` consumes the word). */
const HELM_SWITCHES = new Set(['--create-namespace', '--wait', '--atomic', '--install', '--dry-run', '--debug', '--devel', '--reuse-values', '--reset-values', '--skip-crds', '--force', '--wait-for-jobs', '--generate-name', '--dependency-update', '--rollback-on-failure']);

/** The chart of `helm install|upgrade|template [flags] RELEASE CHART`: its second positional word. */
function helmChartArg(args: readonly string[]): string | undefined {
  const positional: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const w = args[i]!;
    if (w.startsWith('-')) {
      if (!w.includes('=') && !HELM_SWITCHES.has(w)) i++;
      continue;
    }
    positional.push(w);
  }
  return positional.length >= 2 ? chartOf(positional[1]!) : undefined;
}

const located = (file: string, offset: number, list: readonly LocalProblem[]): Problem[] =>
  list.map((p) => ({file, line: offset + p.line - 1, message: p.message}));

export function checkMarkdownClaims(text: string, file: string): ClaimResult {
  const counts = emptyClaimCounts();
  const problems: Problem[] = [];
  const blocks = extractCodeBlocks(text);
  blocks.forEach((block, i) => {
    const {lang, meta, body, startLine} = block;
    if (SHELL.has(lang) && !('nocheck' in meta)) problems.push(...located(file, startLine, checkCommands(body, counts)));
    if (lang === 'yaml' || lang === 'yml') {
      const values = meta.values;
      if (values !== undefined && values !== 'IstioOperator') {
        counts.valuesFiles++;
        problems.push(...located(file, startLine, checkValuesFile(body, values)));
      } else if (values === 'IstioOperator' && !/^kind:\s*IstioOperator\b/m.test(body)) {
        counts.overlays++;
        problems.push(...located(file, startLine, checkIstioOperatorSpec(body)));
      } else {
        const operator = checkIstioOperatorDocs(body);
        counts.overlays += operator.overlays;
        problems.push(...located(file, startLine, operator.problems));
      }
    }
    if (lang !== 'text') return;
    const prev = blocks[i - 1];
    const producer = prev && SHELL.has(prev.lang) ? producerOf(prev.body) : undefined;
    if (!producer) return;
    if (meta.outdated !== undefined) {
      counts.outdated[meta.outdated] = (counts.outdated[meta.outdated] ?? 0) + 1;
      return;
    }
    counts.outputBlocks++;
    problems.push(...located(file, startLine, checkOutput(body, producer, counts)));
  });
  return {problems, counts};
}

/** The 1-based line where a scalar's text starts (block scalars: the next line). */
function scalarLine(node: Node, lines: LineCounter): number {
  const line = lines.linePos(node.range?.[0] ?? 0).line;
  return isScalar(node) && (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') ? line + 1 : line;
}

export function checkLabClaims(text: string, file: string): ClaimResult {
  const counts = emptyClaimCounts();
  const problems: Problem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, {lineCounter: lines});
  const root = doc.contents;
  if (doc.errors.length > 0 || !isMap(root)) return {problems, counts};
  const textLines = text.split('\n');
  const shells: {text: string; line: number}[] = [];
  const take = (node: unknown): string | undefined => {
    if (!isScalar(node) || typeof node.value !== 'string') return undefined;
    shells.push({text: node.value, line: scalarLine(node, lines)});
    return node.value;
  };
  const steps = root.get('steps', true);
  for (const step of isSeq(steps) ? steps.items : []) {
    if (!isMap(step)) continue;
    const [from, to] = [lines.linePos(step.range?.[0] ?? 0).line, lines.linePos(step.range?.[2] ?? 0).line];
    const mark = textLines.slice(from - 1, to).join('\n').match(/#\s*outdated="([^"]+)"/);
    const commands = step.get('commands', true);
    const runs = (isSeq(commands) ? commands.items : []).map((c) => (isMap(c) ? take(c.get('run', true)) : undefined)).filter((c): c is string => c !== undefined);
    take(step.get('check', true));
    const expect = step.get('expect', true);
    const output = isMap(expect) ? expect.get('output', true) : undefined;
    const producer = producerOf(runs.join('\n'));
    if (!producer || !isScalar(output) || typeof output.value !== 'string') continue;
    if (mark) {
      counts.outdated[mark[1]!] = (counts.outdated[mark[1]!] ?? 0) + 1;
      continue;
    }
    counts.outputBlocks++;
    problems.push(...located(file, scalarLine(output, lines), checkOutput(output.value, producer, counts, true)));
  }
  const cleanup = root.get('cleanup', true);
  for (const c of isSeq(cleanup) ? cleanup.items : []) if (isMap(c)) take(c.get('run', true));
  for (const shell of shells) problems.push(...located(file, shell.line, checkCommands(shell.text, counts)));
  return {problems, counts};
}

/**
 * A practice task (labs/tasks/NAME/task.yaml): its setup, solution and cleanup commands and its
 * verify checks make the same claims as lab commands (--set paths, values files, log greps).
 */
export function checkTaskClaims(text: string, file: string): ClaimResult {
  const counts = emptyClaimCounts();
  const problems: Problem[] = [];
  const lines = new LineCounter();
  const doc = parseDocument(text, {lineCounter: lines});
  const root = doc.contents;
  if (doc.errors.length > 0 || !isMap(root)) return {problems, counts};
  const solution = root.get('solution', true);
  const lists: [unknown, string][] = [
    [root.get('setup', true), 'run'],
    [isMap(solution) ? solution.get('commands', true) : undefined, 'run'],
    [root.get('verify', true), 'check'],
    [root.get('cleanup', true), 'run'],
  ];
  for (const [list, key] of lists) {
    for (const item of isSeq(list) ? list.items : []) {
      const node = isMap(item) ? item.get(key, true) : undefined;
      if (!isScalar(node) || typeof node.value !== 'string') continue;
      problems.push(...located(file, scalarLine(node, lines), checkCommands(node.value, counts)));
    }
  }
  return {problems, counts};
}

/** Lab manifests (labs/NAME/manifests/*.yaml): IstioOperator overlays among them. */
export function checkManifestClaims(text: string, file: string): ClaimResult {
  const counts = emptyClaimCounts();
  const operator = checkIstioOperatorDocs(text);
  counts.overlays += operator.overlays;
  return {problems: located(file, 1, operator.problems), counts};
}

/** The claim checks for one file of the course, chosen by its path (undefined: nothing to check). */
export function checkClaimsOfFile(text: string, file: string): ClaimResult | undefined {
  if (/\.(md|mdx)$/.test(file) && !/^labs\/README\.md$/.test(file)) return checkMarkdownClaims(text, file);
  if (/(^|\/)labs\/[^/]+\/lab\.ya?ml$/.test(file)) return checkLabClaims(text, file);
  if (/(^|\/)labs\/tasks\/[^/]+\/task\.ya?ml$/.test(file)) return checkTaskClaims(text, file);
  if (/(^|\/)labs\/(tasks\/)?[^/]+\/manifests\/[^/]+\.ya?ml$/.test(file)) return checkManifestClaims(text, file);
  return undefined;
}

/** Summary lines for the checker's report. */
export function claimSummary(c: ClaimCounts): string {
  const outdated = Object.entries(c.outdated);
  const total = outdated.reduce((n, [, k]) => n + k, 0);
  const marked = total > 0 ? `\n  marked outdated output: ${total} (${outdated.map(([why, n]) => `${n}× "${why}"`).join('; ')})` : '';
  return (
    `  Istio ${ISTIO_MINOR} claims: ${c.outputBlocks} outputs (${c.headers} table headers, ${c.analyzerLines} analyzer lines, ${c.logLines} log lines), ` +
    `${c.greps} log greps, ${c.setPaths} --set paths, ${c.valuesFiles} values files, ${c.overlays} IstioOperator overlays${marked}`
  );
}
