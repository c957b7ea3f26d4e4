/**
 * Reports what a lab left behind (logic: src/lib/labs/leftovers.ts; snapshots are folders written
 * by `snapshot` in scripts/labs-run.sh).
 *
 *   tsx scripts/labs-leftovers.ts diff BEFORE-DIR AFTER-DIR   what changed between the two
 *   tsx scripts/labs-leftovers.ts judge AFTER-DIR             what the cleanup lab must not leave
 *
 * Prints one line per leftover and exits 1 when there is any. The downloaded Istio release
 * folder (istio-<version>/) is kept on purpose: later labs use it.
 */
import {existsSync, readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {diffSnapshots, judgeCleanedCluster, parseSnapshot, type Leftover, type Snapshot} from '../src/lib/labs/leftovers';

export const ALLOWED_FILES: readonly RegExp[] = [/(^|\/)istio-\d+\.\d+\.\d+$/];

export function readSnapshot(dir: string): Snapshot {
  if (!existsSync(dir)) throw new Error(`no snapshot at ${dir}`);
  const files: Record<string, string> = {};
  for (const name of readdirSync(dir)) files[name] = readFileSync(path.join(dir, name), 'utf8');
  return parseSnapshot(files);
}

function report(leftovers: readonly Leftover[], what: string): number {
  if (leftovers.length === 0) {
    console.log(`leftovers: none (${what})`);
    return 0;
  }
  console.log(`leftovers: ${leftovers.length} (${what})`);
  for (const leftover of leftovers) console.log(`  ${leftover.kind}: ${leftover.message.replace(/\n/g, '\n    ')}`);
  return 1;
}

function main(argv: readonly string[]): number {
  const [command, first, second] = argv;
  if (command === 'diff' && first && second) {
    return report(diffSnapshots(readSnapshot(first), readSnapshot(second), ALLOWED_FILES), `${first} → ${second}`);
  }
  if (command === 'judge' && first && !second) {
    return report(judgeCleanedCluster(readSnapshot(first), ALLOWED_FILES), `what the cleanup lab left in ${first}`);
  }
  console.error('usage: labs-leftovers.ts diff BEFORE-DIR AFTER-DIR | judge AFTER-DIR');
  return 2;
}

process.exitCode = main(process.argv.slice(2));
