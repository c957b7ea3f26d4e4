/**
 * Compares what a lab's run.sh printed with each step's expected output, using the same matchers
 * as the page. Used by the Labs-on-kind workflow (scripts/labs-run.sh) in two ways:
 *
 *   verify-outputs.ts match KIND EXPECTED-FILE ACTUAL-FILE
 *       run.sh's LAB_MATCHER: exits 0 when the output matches, else prints expected vs actual
 *       and exits 1 (run.sh retries the step until it matches or its time is up)
 *   verify-outputs.ts <lab-id> <output-dir> <sidecar|ambient>
 *       after a run: every step of that mode with an expected output, against DIR/<step>.txt;
 *       exits 1 when one does not match or left no file, or the lab has no such mode
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describeMismatch, matchOutput} from '../../lib/labs/matchers';
import {LAB_MODES, MATCHERS, type LabMode, type MatcherKind} from '../../lib/labs/model';
import {loadLab} from './load';

export interface StepVerdict {
  readonly step: string;
  readonly ok: boolean;
  readonly reason: string;
}

/** Verdicts for every step of `mode` with an expected output; a mode the lab lacks is an error. */
export function verifyOutputs(siteDir: string, labId: string, outputDir: string, mode: LabMode): StepVerdict[] {
  const {lab} = loadLab(siteDir, labId);
  if (!lab.modes.includes(mode)) return [{step: '(mode)', ok: false, reason: `lab ${labId} has no ${mode} mode (it has ${lab.modes.join(', ')})`}];
  return lab.steps.flatMap((step) => {
    if (!step.expect || (step.mode && step.mode !== mode)) return [];
    const file = path.join(outputDir, `${step.id}.txt`);
    if (!existsSync(file)) return [{step: step.id, ok: false, reason: `no output saved (${file})`}];
    const actual = readFileSync(file, 'utf8');
    const result = matchOutput(step.expect, actual);
    return [{step: step.id, ok: result.ok, reason: result.ok ? '' : describeMismatch(step.expect, actual, result)}];
  });
}

/** run.sh's LAB_MATCHER: 0 when ACTUAL matches EXPECTED, else 1 with expected vs actual on stdout. */
export function matchFiles(kind: MatcherKind, expectedFile: string, actualFile: string): {ok: boolean; text: string} {
  const expect = {match: kind, output: readFileSync(expectedFile, 'utf8')};
  const actual = existsSync(actualFile) ? readFileSync(actualFile, 'utf8') : '';
  const result = matchOutput(expect, actual);
  return {ok: result.ok, text: result.ok ? '' : describeMismatch(expect, actual, result)};
}

function main(argv: readonly string[]): number {
  if (argv[0] === 'match') {
    const [, kind, expectedFile, actualFile] = argv;
    if (!kind || !(MATCHERS as readonly string[]).includes(kind) || !expectedFile || !actualFile) {
      console.error(`usage: verify-outputs.ts match ${MATCHERS.join('|')} EXPECTED-FILE ACTUAL-FILE`);
      return 2;
    }
    const {ok, text} = matchFiles(kind as MatcherKind, expectedFile, actualFile);
    if (!ok) console.log(text);
    return ok ? 0 : 1;
  }
  const [labId, outputDir, mode] = argv;
  if (!labId || !outputDir || !mode || !(LAB_MODES as readonly string[]).includes(mode)) {
    console.error('usage: verify-outputs.ts <lab-id> <output-dir> <sidecar|ambient> | match KIND EXPECTED ACTUAL');
    return 2;
  }
  const verdicts = verifyOutputs(process.cwd(), labId, outputDir, mode as LabMode);
  for (const verdict of verdicts) {
    console.log(`${verdict.ok ? 'ok  ' : 'FAIL'} ${labId}/${verdict.step}${verdict.ok ? '' : `: ${verdict.reason}`}`);
  }
  return verdicts.every((verdict) => verdict.ok) ? 0 : 1;
}

// Run as a script (tsx), not when imported by tests.
if (typeof __filename !== 'undefined' && process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  process.exitCode = main(process.argv.slice(2));
}
