/**
 * `--set` paths, Helm values files and IstioOperator overlays → problems, checked against the
 * release's chart values and IstioOperator/meshConfig fields (src/data/istio-reference/values.json).
 */
import {isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node} from 'yaml';
import {ISTIO_MINOR} from '../../data/course';
import {CHART_VALUES, ISTIO_OPERATOR_FIELDS, type FieldTree} from '../../data/istio-reference/reference';
import {closest} from './similar';

/** A message at a 1-based line of the checked text (structurally the checker's LocalProblem). */
export interface LineProblem {
  readonly line: number;
  readonly message: string;
}
type LocalProblem = LineProblem;

/** Splits a --set path at unescaped dots and drops list indexes: `a.b[0].c\.d` → a, b, c.d. */
export function splitSetPath(path: string): string[] {
  return path
    .replace(/\[\d*\]/g, '')
    .split(/(?<!\\)\./)
    .map((p) => p.replace(/\\\./g, '.'))
    .filter(Boolean);
}

/** Null when the path exists; otherwise the message. */
export function fieldProblem(tree: FieldTree, path: readonly string[], what: string): string | null {
  let node: FieldTree = tree;
  for (let i = 0; i < path.length; i++) {
    if (node === 1) return null;
    const key = path[i]!;
    const done = path.slice(0, i).join('.');
    if (node === 0) return `${what}: "${done}" is a value on Istio ${ISTIO_MINOR}, it has no field "${key}"`;
    const next: FieldTree | undefined = node[key];
    if (next === undefined) {
      const near = closest(key, Object.keys(node));
      return `${what}: no field "${[...path.slice(0, i), key].join('.')}" on Istio ${ISTIO_MINOR}${near ? ` (closest: "${[...path.slice(0, i), near].join('.')}")` : ''}`;
    }
    node = next;
  }
  return null;
}

/** `istioctl install|upgrade|manifest generate --set PATH=…` (the IstioOperator spec). */
export function istioctlSetProblem(assignment: string): string | null {
  const path = splitSetPath(assignment.split('=')[0] ?? '');
  if (path[0] === 'spec') path.shift();
  return fieldProblem(ISTIO_OPERATOR_FIELDS, path, `--set ${assignment.split('=')[0]}`);
}

/** The chart a `helm install|upgrade|template` argument names: istio/istiod, ./manifests/charts/gateway, … */
export function chartOf(ref: string): string | undefined {
  const name = ref.replace(/\/$/, '').split('/').pop() ?? '';
  const aliases: Record<string, string> = {'istio-discovery': 'istiod', 'istio-cni': 'cni'};
  const chart = aliases[name] ?? name;
  return chart in CHART_VALUES ? chart : undefined;
}

export function helmSetProblem(chart: string, assignment: string): string | null {
  const tree = CHART_VALUES[chart];
  if (!tree) return null;
  return fieldProblem(tree, splitSetPath(assignment.split('=')[0] ?? ''), `helm --set ${assignment.split('=')[0]} (chart ${chart})`);
}

/** Problems of every key of a YAML mapping against a field tree, located by line. */
function treeProblems(node: unknown, tree: FieldTree, path: string[], lines: LineCounter, what: string, out: LocalProblem[]): void {
  if (tree === 1 || node === null || node === undefined) return;
  if (isSeq(node)) {
    for (const item of node.items) treeProblems(item, tree, path, lines, what, out);
    return;
  }
  if (!isMap(node)) return;
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const line = lines.linePos((pair.key as Node).range?.[0] ?? 0).line;
    const message = fieldProblem(tree, [key], '');
    if (message) {
      const near = typeof tree === 'object' ? closest(key, Object.keys(tree)) : undefined;
      const field = [...path, key].join('.');
      const detail = tree === 0 ? `"${path.join('.')}" is a value, it has no field "${key}"` : `no field "${field}"`;
      out.push({line, message: `${what} ${detail} on Istio ${ISTIO_MINOR}${near ? ` (closest: "${[...path, near].join('.')}")` : ''}`});
      continue;
    }
    treeProblems(pair.value, typeof tree === 'object' ? tree[key]! : tree, [...path, key], lines, what, out);
  }
}

/** A Helm values file for `chart`. */
export function checkValuesFile(text: string, chart: string): LocalProblem[] {
  const tree = CHART_VALUES[chart];
  if (!tree) return [{line: 1, message: `values="${chart}": no such Istio chart or IstioOperator (known: ${Object.keys(CHART_VALUES).join(', ')})`}];
  const lines = new LineCounter();
  const out: LocalProblem[] = [];
  for (const doc of parseAllDocuments(text, {lineCounter: lines})) treeProblems(doc.contents, tree, [], lines, `values for chart ${chart}:`, out);
  return dedupe(out);
}

/** Every IstioOperator document of a YAML text: its spec against the IstioOperator fields. */
export function checkIstioOperatorDocs(text: string): {problems: LocalProblem[]; overlays: number} {
  const lines = new LineCounter();
  const out: LocalProblem[] = [];
  let overlays = 0;
  for (const doc of parseAllDocuments(text, {lineCounter: lines})) {
    const root = doc.contents;
    if (!isMap(root) || (root.get('kind') as unknown) !== 'IstioOperator') continue;
    overlays++;
    treeProblems(root.get('spec', true), ISTIO_OPERATOR_FIELDS, [], lines, 'IstioOperator spec:', out);
  }
  return {problems: dedupe(out), overlays};
}

/** A YAML text that is an IstioOperator spec by itself (no apiVersion/kind around it). */
export function checkIstioOperatorSpec(text: string): LocalProblem[] {
  const lines = new LineCounter();
  const out: LocalProblem[] = [];
  for (const doc of parseAllDocuments(text, {lineCounter: lines})) treeProblems(doc.contents, ISTIO_OPERATOR_FIELDS, [], lines, 'IstioOperator spec:', out);
  return dedupe(out);
}

function dedupe(list: LocalProblem[]): LocalProblem[] {
  const seen = new Set<string>();
  return list.filter((p) => !seen.has(`${p.line}\n${p.message}`) && Boolean(seen.add(`${p.line}\n${p.message}`)));
}
