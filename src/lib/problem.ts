/**
 * The one located-message type of the course: what the content checker prints, what a bad lab
 * fails the build with, what the playground shows under its editor, and what the tests compare.
 */

/**
 * How serious a problem is. `error`: the release rejects it (or the course's rules do).
 * `warning`: accepted, but it never does what it says (e.g. a principal that can never match).
 * `info`: worth knowing, nothing is wrong. Without a severity a problem is an error.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Shown as written, e.g. `labs/request-routing/lab.yaml` or `docs/04-traffic/index.mdx`. */
  readonly file: string;
  /** 1-based; 0 when the whole file is at fault. */
  readonly line: number;
  /** 1-based, when known. */
  readonly column?: number;
  readonly message: string;
  readonly severity?: Severity;
}

/** A problem located inside a piece of text (a code block, a command), before it has a file. */
export interface LocalProblem {
  /** 1-based line within the text. */
  readonly line: number;
  readonly column?: number;
  readonly message: string;
  readonly severity?: Severity;
}

/** `file:line[:column]: message`, or `file: message` when the whole file is at fault. */
export function formatProblem(problem: Problem): string {
  const where = problem.line > 0 ? `${problem.file}:${problem.line}${problem.column ? `:${problem.column}` : ''}` : problem.file;
  const label = problem.severity === 'warning' || problem.severity === 'info' ? `${problem.severity}: ` : '';
  return `${where}: ${label}${problem.message}`;
}

/** One problem per line, in file then line then column order. */
export function formatProblems(problems: readonly Problem[]): string {
  return sortProblems(problems).map(formatProblem).join('\n');
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || (a.column ?? 0) - (b.column ?? 0),
  );
}

/** Places problems found in a piece of text at their place in a file (text starts at `firstLine`). */
export function inFile(file: string, firstLine: number, problems: readonly LocalProblem[]): Problem[] {
  return problems.map((problem) => ({...problem, file, line: firstLine + problem.line - 1}));
}
