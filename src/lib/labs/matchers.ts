/**
 * Expected-output matchers, shared by the page's "you should see" box and the scripted checks.
 *
 *   exact         output equals the expectation (trailing spaces and blank edges ignored)
 *   contains      the expectation occurs in the output
 *   not-contains  the expectation does not occur in the output
 *   like          line by line; a line `...` skips any number of lines; other lines compare
 *                 column by column after masking ages (5s, 3m2s, 2d), IP addresses and
 *                 pod-name hash suffixes (productpage-v1-6b746f74dc-9stvs → productpage-v1)
 *
 * Terminal colour and cursor codes (ANSI escapes, as `kubectl cluster-info` prints when it thinks
 * it writes to a terminal) are removed from the output before any comparison.
 */
import type {LabExpect} from './model';

export interface MatchResult {
  readonly ok: boolean;
  /** Why it did not match (empty when it did). */
  readonly reason: string;
}

const OK: MatchResult = {ok: true, reason: ''};

/** ESC [ … final byte (colours, cursor moves) and ESC ] … BEL/ST (titles, links). */
// eslint-disable-next-line no-control-regex -- matching the escape character is the point
const ANSI = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(\u0007|\u001b\\)/g;

/** The text without terminal escape codes. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

function lines(text: string): string[] {
  const all = stripAnsi(text).replace(/\r\n?/g, '\n').split('\n').map((line) => line.replace(/\s+$/, ''));
  while (all.length > 0 && all[0] === '') all.shift();
  while (all.length > 0 && all[all.length - 1] === '') all.pop();
  return all;
}

/** Characters Kubernetes uses for generated name suffixes (no vowels, no 0/1/3). */
const K8S_RANDOM = '[bcdfghjklmnpqrstvwxz2456789]';
const POD_FROM_REPLICASET = new RegExp(`^(.+)-${K8S_RANDOM}{6,10}-${K8S_RANDOM}{5}$`);
const POD_FROM_OTHER = new RegExp(`^(.+)-${K8S_RANDOM}{5}$`);
const AGE = /^(\d+(\.\d+)?(ms|s|m|h|d|y))+$/;
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(:\d+)?(\/\d+)?$/;
const IPV6 = /^[0-9a-f]*:[0-9a-f:]+$/i;

/** One column of a `kubectl get` style line, with the run-to-run noise masked. */
export function normaliseToken(token: string): string {
  if (AGE.test(token)) return '<age>';
  if (IPV4.test(token) || (IPV6.test(token) && token.includes('::'))) return '<ip>';
  const fromReplicaSet = POD_FROM_REPLICASET.exec(token);
  if (fromReplicaSet) return `${fromReplicaSet[1]}-<pod>`;
  // A 5-character suffix alone (DaemonSet, Job pods) only when the token has a digit in it,
  // so ordinary words like "details-pages" are not mistaken for pod names.
  const fromOther = POD_FROM_OTHER.exec(token);
  if (fromOther && /\d/.test(token.slice(-5))) return `${fromOther[1]}-<pod>`;
  return token;
}

function normaliseLine(line: string): string {
  return line.trim().split(/\s+/).map(normaliseToken).join(' ');
}

/** Where a `like` comparison got furthest before it failed (0-based line numbers). */
interface LikeFailure {
  readonly expectedLine: number;
  readonly actualLine: number;
}

function likeLines(expected: readonly string[], actual: readonly string[]): LikeFailure | null {
  // memo[i][j]: expected[i..] matches actual[j..]
  const memo = new Map<string, boolean>();
  let furthest: LikeFailure = {expectedLine: 0, actualLine: 0};
  const fail = (i: number, j: number): false => {
    if (i > furthest.expectedLine || (i === furthest.expectedLine && j > furthest.actualLine)) furthest = {expectedLine: i, actualLine: j};
    return false;
  };
  const match = (i: number, j: number): boolean => {
    const key = `${i},${j}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    let result: boolean;
    if (i === expected.length) result = j === actual.length || fail(i, j);
    else if ((expected[i] as string).trim() === '...') {
      result = false;
      for (let skip = j; skip <= actual.length && !result; skip += 1) result = match(i + 1, skip);
    } else if (j < actual.length && normaliseLine(expected[i] as string) === normaliseLine(actual[j] as string)) {
      result = match(i + 1, j + 1);
    } else {
      result = fail(i, j);
    }
    memo.set(key, result);
    return result;
  };
  return match(0, 0) ? null : furthest;
}

function likeReason(expected: readonly string[], actual: readonly string[], failure: LikeFailure): string {
  const want = expected[failure.expectedLine];
  const got = actual[failure.actualLine];
  if (want === undefined) return `output does not look like the expected table: extra line ${failure.actualLine + 1}: ${got ?? ''}`;
  return [
    `output does not look like the expected table: expected line ${failure.expectedLine + 1}`,
    `  expected: ${want.trim()}`,
    `  actual:   ${got === undefined ? '(no more lines)' : got.trim()}`,
    ...(got === undefined ? [] : [`  compared as: "${normaliseLine(want)}" vs "${normaliseLine(got)}"`]),
  ].join('\n');
}

/** Does `actual` output satisfy the expectation? */
export function matchOutput(expect: LabExpect, actual: string): MatchResult {
  const want = lines(expect.output);
  const got = lines(actual);
  switch (expect.match) {
    case 'exact':
      return want.join('\n') === got.join('\n') ? OK : {ok: false, reason: 'output differs from the expected text'};
    case 'contains':
      return got.join('\n').includes(want.join('\n'))
        ? OK
        : {ok: false, reason: `output does not contain:\n${want.join('\n')}`};
    case 'not-contains':
      return got.join('\n').includes(want.join('\n'))
        ? {ok: false, reason: `output contains what it must not:\n${want.join('\n')}`}
        : OK;
    case 'like': {
      const failure = likeLines(want, got);
      return failure ? {ok: false, reason: likeReason(want, got, failure)} : OK;
    }
  }
}

/** A failed match for a person: the reason, then what was expected and what came out. */
export function describeMismatch(expect: LabExpect, actual: string, result: MatchResult): string {
  const indent = (text: string) => (lines(text).length > 0 ? lines(text).map((line) => `  | ${line}`).join('\n') : '  | (nothing)');
  return [
    `${expect.match} match failed: ${result.reason}`,
    `--- expected (${expect.match}):`,
    indent(expect.output),
    '--- actual:',
    indent(actual),
  ].join('\n');
}
