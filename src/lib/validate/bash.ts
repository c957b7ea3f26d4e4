/**
 * Pure helpers for the `bash -n` pass: the CLI writes each snippet to a file, runs one bash over
 * all of them, and maps bash's "FILE: line N: message" lines back to the source.
 */

export interface BashSnippet {
  /** Source file the snippet came from. */
  readonly file: string;
  /** 1-based source line of the snippet's first line. */
  readonly startLine: number;
  /** Shell text with placeholders already replaced. */
  readonly text: string;
}

export interface BashError {
  readonly index: number;
  readonly line: number;
  readonly message: string;
}

/** Parses bash -n stderr for snippet files named `<index>.sh`. */
export function parseBashErrors(stderr: string): BashError[] {
  const out: BashError[] = [];
  for (const raw of stderr.split('\n')) {
    const m = /(?:^|\/)(\d+)\.sh: (?:line (\d+): )?(.*)$/.exec(raw);
    if (!m) continue;
    if (/^`[\s\S]*'$/.test(m[3]!.trim())) continue; // bash echoes the offending line after the error
    out.push({index: Number(m[1]), line: m[2] ? Number(m[2]) : 1, message: m[3]!.trim()});
  }
  return out;
}

/** The bash program that syntax-checks every file given as an argument, printing errors only. */
export const BASH_N_DRIVER = 'for f in "$@"; do bash -n "$f"; done';
