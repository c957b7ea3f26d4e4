/**
 * Compares what a lab's run.sh printed (LAB_OUTPUT_DIR=DIR ./run.sh) with each step's expected
 * output, using the same matchers as the page. Used by .github/workflows/labs-kind.yml:
 *
 *   npx tsx src/plugins/labs/verify-outputs.ts <lab-id> <output-dir> [sidecar|ambient]
 *
 * Exits 1 when a step's output does not match or a step with an expected output left no file.
 */
import {existsSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {matchOutput} from '../../lib/labs/matchers';
import {LAB_MODES, type LabMode} from '../../lib/labs/model';
import {loadLab} from './load';

export interface StepVerdict {
  readonly step: string;
  readonly ok: boolean;
  readonly reason: string;
}

export function verifyOutputs(siteDir: string, labId: string, outputDir: string, mode?: LabMode): StepVerdict[] {
  const {lab} = loadLab(siteDir, labId);
  const chosen = mode && lab.modes.includes(mode) ? mode : lab.modes[0];
  return lab.steps.flatMap((step) => {
    if (!step.expect || (step.mode && step.mode !== chosen)) return [];
    const file = path.join(outputDir, `${step.id}.txt`);
    if (!existsSync(file)) return [{step: step.id, ok: false, reason: `no output saved (${file})`}];
    const result = matchOutput(step.expect, readFileSync(file, 'utf8'));
    return [{step: step.id, ok: result.ok, reason: result.reason}];
  });
}

function main(argv: readonly string[]): number {
  const [labId, outputDir, mode] = argv;
  if (!labId || !outputDir || (mode !== undefined && !(LAB_MODES as readonly string[]).includes(mode))) {
    console.error('usage: verify-outputs.ts <lab-id> <output-dir> [sidecar|ambient]');
    return 2;
  }
  const verdicts = verifyOutputs(process.cwd(), labId, outputDir, mode as LabMode | undefined);
  for (const verdict of verdicts) {
    console.log(`${verdict.ok ? 'ok  ' : 'FAIL'} ${labId}/${verdict.step}${verdict.ok ? '' : `: ${verdict.reason}`}`);
  }
  return verdicts.every((verdict) => verdict.ok) ? 0 : 1;
}

// Run as a script (tsx), not when imported by tests.
if (typeof __filename !== 'undefined' && process.argv[1] && path.resolve(process.argv[1]) === path.resolve(__filename)) {
  process.exitCode = main(process.argv.slice(2));
}
