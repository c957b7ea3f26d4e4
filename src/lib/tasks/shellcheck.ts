/**
 * Maps shellcheck's gcc-format output (`FILE:LINE:COL: level: message [SCnnnn]`) for generated
 * task scripts back to the task.yaml they came from. Pure; check:content runs shellcheck.
 */
import type {Problem} from '../problem';

export interface GeneratedScript {
  /** The path shellcheck was given. */
  readonly path: string;
  /** The task.yaml it was generated from. */
  readonly source: string;
  /** The published name (setup.sh, verify.sh, …). */
  readonly name: string;
  readonly text: string;
}

/** The shellcheck arguments the course uses for generated scripts (as for run.sh). */
export const SHELLCHECK_ARGS = ['--shell=bash', '--format=gcc'] as const;

export function shellcheckProblems(output: string, scripts: readonly GeneratedScript[]): Problem[] {
  const byPath = new Map(scripts.map((script) => [script.path, script]));
  const problems: Problem[] = [];
  for (const line of output.split('\n')) {
    const match = /^(.*?):(\d+):(\d+): (\w+): (.*)$/.exec(line);
    if (!match) continue;
    const script = byPath.get(match[1] as string);
    if (!script) continue;
    const lineNumber = Number(match[2]);
    const code = (script.text.split('\n')[lineNumber - 1] ?? '').trim();
    problems.push({file: script.source, line: 0, message: `generated ${script.name} line ${lineNumber}: shellcheck ${match[4]}: ${match[5]} (in: ${code.slice(0, 100)})`});
  }
  return problems;
}
