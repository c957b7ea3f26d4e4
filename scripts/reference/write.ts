/** Writes one generated data file: compact JSON with a provenance header, byte-identical on re-runs. */
import {writeFileSync} from 'node:fs';
import {join} from 'node:path';
import type {Provenance} from './git';

export const OUT_DIR = join(process.cwd(), 'src', 'data', 'istio-reference');

/** `source` lists every repository (repository, ref, commit) the data was read from. */
export function writeData(name: string, sources: readonly Provenance[], data: Record<string, unknown>): void {
  const body = {generatedBy: 'npm run reference:update', source: sources, ...data};
  writeFileSync(join(OUT_DIR, name), `${JSON.stringify(body)}\n`);
  console.log(`wrote src/data/istio-reference/${name}`);
}
