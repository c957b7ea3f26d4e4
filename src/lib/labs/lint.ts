/**
 * Lab lint: expectations that can fail, checks that test the step, and steps a learner (or CI)
 * can run twice. Runs on the parsed lab plus the lab.yaml text (for line numbers); called by
 * `npm run check:content`. Each finding is `file:line: [rule] message`.
 *
 * Rules
 *   trivial-expect      a `contains`/`not-contains` text any output would match: empty, under
 *                       three characters, one generic word ("Running", "created", "failed" …)
 *                       unless the command prints it itself as a result (`&& echo failed`),
 *                       or made only of words the step's command itself prints (`echo failed`)
 *   check-no-effect     a check that cannot fail (`true`, `… || true`) or names nothing the
 *                       step's commands or expected output name
 *   not-idempotent      `kubectl create` / `kind create cluster` / `helm install` without a guard,
 *                       `kubectl label|annotate k=v` without --overwrite (unless the cleanup
 *                       removes the label), `mkdir` without -p
 *   bare-sleep          `sleep N` outside a loop: wait for the condition instead (rollout status,
 *                       kubectl wait, a loop, or the step's check, which run.sh retries)
 *   background-no-pid   a command sent to the background (`&`) whose PID is not written to a file
 *                       (`& echo $! > /tmp/istio-labs-NAME.pid`), so the cleanup cannot stop it
 *   istioctl-no-path    istioctl used in a step before any step puts it on PATH (or checks it is
 *                       there with `command -v istioctl`)
 *   log-grep-no-retry   `kubectl logs … | grep` in a step command outside a retry loop, unless it
 *                       is the step's expected-output command (run.sh re-runs that one until it
 *                       matches): logs are flushed late, so the first read may miss the line
 */
import type {Problem} from '../problem';
import type {Lab, LabCommand, LabStep} from './model';

export type LintRule =
  | 'trivial-expect'
  | 'check-no-effect'
  | 'not-idempotent'
  | 'bare-sleep'
  | 'background-no-pid'
  | 'istioctl-no-path'
  | 'log-grep-no-retry';

/** Words that occur in almost any output of a cluster command. */
const GENERIC_WORDS = new Set([
  'running', 'ready', 'ok', 'created', 'configured', 'unchanged', 'deleted', 'done', 'failed', 'error',
  'true', 'false', 'yes', 'no', 'success', 'successful', 'active', 'complete', 'completed', 'pending', '200',
]);

/** Words a check shares with its step that say nothing about the step's effect. */
const COMMON_WORDS = new Set([
  'kubectl', 'istioctl', 'get', 'grep', 'awk', 'exit', 'wait', 'true', 'false', 'jsonpath', 'items', 'metadata',
  'name', 'names', 'namespace', 'namespaces', 'pods', 'deployment', 'deploy', 'status', 'condition', 'timeout',
  'output', 'print', 'echo', 'curl', 'http', 'https', 'with', 'head', 'tail', 'null', 'then', 'done', 'more',
  'headers', 'no-headers', 'field', 'selector', 'phase', 'running', 'ready', 'local', 'cluster', 'type', 'spec', 'data',
]);

const LOOP = /\b(until|while|for)\b[\s\S]*\bdo\b/;

function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9][a-z0-9._/-]*[a-z0-9]|[a-z0-9]/g) ?? [];
}

/** A finder of 1-based lines in the lab.yaml text, searching forward from a step's start. */
function lineFinder(text: string): (needle: string, from?: number) => number {
  const lines = text.split('\n');
  return (needle, from = 0) => {
    const probe = needle.split('\n')[0]?.trim().slice(0, 60) ?? '';
    if (!probe) return from || 0;
    for (let index = Math.max(from - 1, 0); index < lines.length; index += 1) {
      if ((lines[index] as string).includes(probe)) return index + 1;
    }
    const anywhere = lines.findIndex((line) => line.includes(probe));
    return anywhere >= 0 ? anywhere + 1 : from || 0;
  };
}

type Report = (rule: LintRule, message: string, needle: string) => void;

/** Words the command prints whatever happens: echo/printf/awk print literals, and the names a
 *  lone `kubectl get` is asked for (its NotFound error repeats them). */
function wordsPrintedAnyway(command: string): Set<string> {
  // A literal printed under a condition (`grep -q … && echo failed`, awk's `x ? "a" : "b"`) is a result.
  const unconditional = (match: RegExpMatchArray) =>
    !/(&&|\|\||\bthen|\belse)\s*$/.test(command.slice(0, match.index)) && !/\?/.test(match[2] as string);
  const printed = [...command.matchAll(/\b(echo|printf|print)\s+([^;|}\n]*)/g)].filter(unconditional).flatMap((match) => words(match[2] as string));
  const lone = /^\s*kubectl get ([^|;&]*)$/.exec(command);
  return new Set([...printed, ...(lone ? words(lone[1] as string) : [])]);
}

/** Words the command prints only under a condition (`grep -q … && echo failed || echo ok`): its own result markers. */
function printedOnCondition(command: string): Set<string> {
  return new Set([...command.matchAll(/(&&|\|\|)\s*(echo|printf)\s+([^;|&}\n]*)/g)].flatMap((match) => words(match[3] as string)));
}

function lintExpect(step: LabStep, report: Report): void {
  const expect = step.expect;
  if (!expect || (expect.match !== 'contains' && expect.match !== 'not-contains')) return;
  const text = expect.output.trim();
  const last = step.commands[step.commands.length - 1]?.run ?? '';
  const printed = wordsPrintedAnyway(last);
  // A number the command itself is given (`seq 1 20`) says nothing about the result either.
  for (const word of words(last)) if (/^\d+$/.test(word)) printed.add(word);
  const expected = words(text);
  const meaningful = expected;
  if (text.replace(/\s/g, '').length < 3) {
    report('trivial-expect', `"${text}" is too short to tell one output from another`, expect.output || step.id);
  } else if (expected.length === 1 && GENERIC_WORDS.has(expected[0] as string) && !printedOnCondition(last).has(expected[0] as string)) {
    report('trivial-expect', `"${text}" is in almost any output: expect a line only a correct result prints`, text);
  } else if (expect.match === 'contains' && meaningful.some((word) => !/^\d+$/.test(word)) && meaningful.every((word) => printed.has(word))) {
    report('trivial-expect', `the step's command prints "${text}" whatever the result (a literal it echoes, or the name a NotFound error repeats): expect the result itself`, text);
  }
}

/** Lower-case words, plurals folded (nodes → node), without durations and plain numbers. */
function significant(text: string): string[] {
  return words(text.replace(/\//g, ' '))
    .filter((word) => word.length >= 4 && !COMMON_WORDS.has(word) && !/^\d+[smh]?$/.test(word))
    .map((word) => word.replace(/s$/, ''));
}

function lintCheck(step: LabStep, report: Report): void {
  const check = step.check?.trim();
  if (!check) return;
  if (/^(true|:)$/.test(check) || /\|\|\s*(true|:)\s*$/.test(check)) {
    report('check-no-effect', 'the check cannot fail', check);
    return;
  }
  // Waiting for what the step started to be ready is testing its effect.
  if (/^kubectl (-n \S+ )?(rollout status|wait)\b/.test(check)) return;
  const about = [step.title, step.body ?? '', step.expect?.output ?? '', ...step.commands.map((command) => command.run)].join('\n');
  const stepWords = new Set(significant(about));
  const checkWords = significant(check);
  if (checkWords.length > 0 && !checkWords.some((word) => stepWords.has(word))) {
    report('check-no-effect', `the check names nothing the step does or talks about (${checkWords.slice(0, 3).join(', ')}): check the step's effect`, check);
  }
}

/** `retried`: run.sh re-runs this command until its output matches (the last one of a step with `expect`). */
function lintCommand(command: LabCommand, lab: Lab, report: Report, retried: boolean): void {
  const run = command.run;
  const removedInCleanup = (key: string) => lab.cleanup.some((cleanup) => new RegExp(`\\s${key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}-(\\s|$)`).test(cleanup.run));
  const guarded = /\|\||\bif\b|--dry-run=client|kubectl get [^|&;]*&&/.test(run);
  if (/\bkubectl create (?!token\b)/.test(run) && !guarded) {
    report('not-idempotent', '`kubectl create` fails the second time: use `kubectl apply`, or `kubectl create … --dry-run=client -o yaml | kubectl apply -f -`', run);
  }
  if (/\bkind create cluster\b/.test(run) && !guarded) report('not-idempotent', '`kind create cluster` fails when the cluster exists: guard it with `kind get clusters | grep -qx NAME ||`', run);
  if (/\bhelm install\b/.test(run) && !guarded) report('not-idempotent', '`helm install` fails the second time: use `helm upgrade --install`', run);
  if (/\bmkdir\s+(?!-p\b)/.test(run) && !/\bmkdir\b[^;&|]*\s-p\b/.test(run)) report('not-idempotent', '`mkdir` fails when the folder exists: use `mkdir -p`', run);
  for (const match of run.matchAll(/\bkubectl (label|annotate)\b([^;&|\n]*)/g)) {
    const args = match[2] as string;
    if (/--overwrite\b/.test(args)) continue;
    const set = [...args.matchAll(/\s([A-Za-z0-9./-]+)=\S*/g)].map((pair) => pair[1] as string).filter((key) => !key.startsWith('--'));
    const kept = set.filter((key) => !removedInCleanup(key));
    if (kept.length > 0) report('not-idempotent', `\`kubectl ${match[1]} ${kept.join(', ')}=…\` without --overwrite fails the second time (or remove it in the cleanup)`, run);
  }
  const looped = LOOP.test(run);
  if (!looped && /(^|[;&|]\s*|\n\s*)sleep\s+\d+(\.\d+)?\s*($|[;&|\n])/.test(run)) {
    report('bare-sleep', 'a fixed sleep: wait for the condition instead (rollout status, kubectl wait, a retry loop, or the check run.sh retries)', run);
  }
  const unquoted = run.replace(/'[^']*'|"(\\.|[^"\\])*"/g, "''");
  if (/(^|[^&|>])&\s*($|[^&>])/.test(unquoted.replace(/&>|>&|2>&1|&&/g, ''))) {
    if (!/&\s*echo\s+"?\$!"?\s*>\s*\S+/.test(run)) report('background-no-pid', 'a background process whose PID is not saved to a file: add `& echo $! > /tmp/istio-labs-NAME.pid` so the cleanup can stop it', run);
  }
  if (/\bkubectl logs\b[^\n]*\|\s*grep\b/.test(run) && !looped && !retried) {
    report('log-grep-no-retry', 'a log read that runs once: logs arrive late, so read them in a retry loop (`until kubectl logs … | grep -q …; do sleep 2; done`)', run);
  }
}

const PUTS_ISTIOCTL_ON_PATH = /export PATH=[^\n]*istio[^\n]*\/bin|command -v istioctl|type istioctl|which istioctl/;

/** Every finding for one lab; `text` is its lab.yaml (for lines), `file` its path. */
export function lintLab(lab: Lab, text: string, file: string): Problem[] {
  const find = lineFinder(text);
  const issues: Problem[] = [];
  let istioctlReady = false;
  for (const step of lab.steps) {
    const stepLine = find(`id: ${step.id}`);
    const report: Report = (rule, message, needle) => issues.push({file, line: find(needle, stepLine), message: `[${rule}] ${message}`});
    lintExpect(step, report);
    lintCheck(step, report);
    step.commands.forEach((command, index) => {
      const last = !step.commands.slice(index + 1).some((later) => !later.mode || !command.mode || later.mode === command.mode);
      lintCommand(command, lab, report, Boolean(step.expect) && last);
      if (PUTS_ISTIOCTL_ON_PATH.test(command.run)) istioctlReady = true;
      else if (/(^|[\s;&|(])istioctl\s/.test(command.run) && !istioctlReady) {
        report('istioctl-no-path', 'istioctl is used before any step puts it on PATH: add the download/`export PATH=…/istio-VERSION/bin:$PATH` step (or a `command -v istioctl` check) first', command.run);
        istioctlReady = true;
      }
    });
  }
  return issues;
}
