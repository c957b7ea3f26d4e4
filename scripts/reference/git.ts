/** Read-only access to one commit of a git repository (bare git dir or checkout) through `git`. */
import {execFileSync} from 'node:child_process';

export interface Provenance {
  readonly repository: string;
  readonly ref: string;
  readonly commit: string;
}

export class GitTree {
  readonly commit: string;
  private listing?: string[];

  constructor(
    readonly dir: string,
    readonly ref: string,
    readonly repository: string,
  ) {
    this.commit = this.git('rev-parse', `${ref}^{commit}`).trim();
  }

  private git(...args: string[]): string {
    return execFileSync('git', ['-C', this.dir, ...args], {encoding: 'utf8', maxBuffer: 256 * 1024 * 1024});
  }

  get provenance(): Provenance {
    return {repository: this.repository, ref: this.ref, commit: this.commit};
  }

  /** Every file path of the commit, sorted. */
  files(): string[] {
    this.listing ??= this.git('ls-tree', '-r', '--name-only', this.commit).split('\n').filter(Boolean).sort();
    return this.listing;
  }

  /** Paths under a folder (no trailing slash needed). */
  filesUnder(prefix: string): string[] {
    const p = prefix.endsWith('/') ? prefix : `${prefix}/`;
    return this.files().filter((f) => f.startsWith(p));
  }

  read(path: string): string {
    return this.git('show', `${this.commit}:${path}`);
  }

  /** Many files at once (one `git cat-file --batch`), path → text. */
  readMany(paths: readonly string[]): Map<string, string> {
    const out = new Map<string, string>();
    if (paths.length === 0) return out;
    const input = paths.map((p) => `${this.commit}:${p}`).join('\n') + '\n';
    const raw = execFileSync('git', ['-C', this.dir, 'cat-file', '--batch'], {input, maxBuffer: 512 * 1024 * 1024});
    let at = 0;
    for (const path of paths) {
      const nl = raw.indexOf(10, at);
      const header = raw.subarray(at, nl).toString('utf8');
      const size = Number(header.split(' ')[2]);
      if (!/ blob /.test(header)) throw new Error(`git cat-file: ${header}`);
      out.set(path, raw.subarray(nl + 1, nl + 1 + size).toString('utf8'));
      at = nl + 1 + size + 1;
    }
    return out;
  }

  /** Files containing a fixed string (git grep -l -F). */
  grep(text: string, ...paths: string[]): string[] {
    try {
      return this.git('grep', '-l', '-F', text, this.commit, '--', ...paths)
        .split('\n')
        .filter(Boolean)
        .map((l) => l.slice(this.commit.length + 1))
        .sort();
    } catch {
      return []; // git grep exits 1 when nothing matches
    }
  }
}
