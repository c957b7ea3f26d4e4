/**
 * Fuzzing the playground: 10,000 inputs generated from the examples by a seeded generator —
 * keys deleted, duplicated and retyped, huge and negative numbers, deep nesting, unicode,
 * tabs, truncation, many documents — go through parse and simulate. Nothing may throw, and
 * every problem must carry a line and a column.
 */
import {describe, expect, it} from 'vitest';
import {parse, stringify} from 'yaml';
import {PLAYGROUND_EXAMPLES} from '@site/src/data/playgroundExamples';
import {presetMesh, seededRandom, simulate} from '@site/src/lib/mesh';

const INPUTS = 10_000;
const BATCHES = 10;
const random = seededRandom(20261126);
const pick = <T>(items: readonly T[]): T => items[random.below(items.length)]!;

const WEIRD_VALUES: unknown[] = [
  null, '', 0, -1, -2147483649, 1e308, Number.MAX_SAFE_INTEGER + 2, 0.5, true, [], {}, 'ünïcødé ✓ 🚀', '\u0000', '${x}',
  '*', '/', '.*', '((', '1s', '-1s', '9999999h', 'spiffe://cluster.local/ns/x/sa/y', [[[[]]]], {a: {b: {c: {}}}},
];

type Data = Record<string, unknown> | unknown[];

function paths(value: unknown, prefix: (string | number)[] = [], out: (string | number)[][] = []): (string | number)[][] {
  if (out.length > 400) return out;
  if (Array.isArray(value)) value.forEach((item, index) => (out.push([...prefix, index]), paths(item, [...prefix, index], out)));
  else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) out.push([...prefix, key]), paths(item, [...prefix, key], out);
  return out;
}

function parentOf(root: Data, path: (string | number)[]): Data | undefined {
  let node: unknown = root;
  for (const part of path.slice(0, -1)) node = (node as Record<string | number, unknown>)?.[part];
  return node && typeof node === 'object' ? (node as Data) : undefined;
}

function deepNest(depth: number): unknown {
  let value: unknown = 'deep';
  for (let level = 0; level < depth; level += 1) value = random.percent(50) ? {[`k${level}`]: value} : [value];
  return value;
}

/** One structural mutation of a parsed document. */
function mutateData(doc: Data): void {
  const all = paths(doc);
  if (all.length === 0) return;
  const path = pick(all);
  const parent = parentOf(doc, path) as Record<string | number, unknown> | undefined;
  if (!parent) return;
  const key = path[path.length - 1]!;
  switch (random.below(6)) {
    case 0:
      if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
      else delete parent[key];
      break;
    case 1:
      parent[key] = pick(WEIRD_VALUES);
      break;
    case 2:
      parent[key] = typeof parent[key] === 'number' ? String(parent[key]) : typeof parent[key] === 'string' ? Number(parent[key]) || -7 : [parent[key]];
      break;
    case 3:
      parent[key] = deepNest(10 + random.below(60));
      break;
    case 4:
      if (!Array.isArray(parent)) parent[`${String(key)}${pick(['', 's', 'X', '_'])}`] = parent[key];
      break;
    default:
      parent[key] = pick([1e9, -1e9, 2 ** 53, -0, 101, -50, 65536]);
  }
}

/** One text-level mutation: what a person typing makes of YAML. */
function mutateText(text: string): string {
  const lines = text.split('\n');
  const at = random.below(Math.max(1, lines.length));
  switch (random.below(8)) {
    case 0:
      lines.splice(at, 1);
      break;
    case 1:
      lines.splice(at, 0, lines[at] ?? '');
      break;
    case 2:
      lines[at] = `\t${lines[at] ?? ''}`;
      break;
    case 3:
      lines[at] = `${lines[at] ?? ''} ${pick(['ü', '🚀', ':', '- ', '{', '[', '&a', '*a', '!!binary', '"', "'", '#', '|'])}`;
      break;
    case 4:
      return text.slice(0, random.below(text.length + 1));
    case 5:
      return Array.from({length: 2 + random.below(10)}, () => text).join('\n---\n');
    case 6:
      lines[at] = (lines[at] ?? '').replace(/^(\s*)/, '$1  ');
      break;
    default:
      lines.splice(at, 0, `${' '.repeat(random.below(8))}${pick(['key: value', '- item', 'spec:', '---', '...', '? complex', 'a: b: c'])}`);
  }
  return lines.join('\n');
}

function generate(seedYaml: string): string {
  let text = seedYaml;
  if (random.percent(35)) {
    try {
      const documents = text.split(/^---$/m).map((part) => parse(part) as unknown);
      for (const doc of documents) if (doc && typeof doc === 'object') for (let n = 1 + random.below(3); n > 0; n -= 1) mutateData(doc as Data);
      text = documents.map((doc) => stringify(doc)).join('---\n');
    } catch {
      // a seed the previous round broke: mutate its text instead
    }
  }
  for (let n = random.below(3); n > 0; n -= 1) text = mutateText(text);
  return text;
}

describe('fuzzing parse and simulate with generated and mutated inputs', () => {
  const perBatch = INPUTS / BATCHES;
  for (let batch = 0; batch < BATCHES; batch += 1) {
    it(`batch ${batch + 1}/${BATCHES}: ${perBatch} inputs, no exception, every problem located`, () => {
      for (let index = 0; index < perBatch; index += 1) {
        const example = pick(PLAYGROUND_EXAMPLES);
        const yaml = generate(example.yaml);
        const run = () => simulate(presetMesh(example.preset, example.presetOptions), yaml, example.request, {count: 1 + random.below(2), seed: index, concurrency: 1 + random.below(4)});
        let result: ReturnType<typeof run> | undefined;
        expect(() => (result = run()), yaml).not.toThrow();
        for (const problem of result!.problems) {
          expect(problem.line, problem.message).toBeGreaterThanOrEqual(1);
          expect(problem.column, problem.message).toBeGreaterThanOrEqual(1);
        }
      }
    }, 60_000);
  }
});
