/**
 * YAML → Istio resources for the simulator. Never throws: malformed YAML, unknown kinds and
 * unknown or mistyped fields come back as diagnostics with a 1-based line and column.
 */
import type {Problem, Severity} from '../problem';
import {parseYaml, pathFromString, type YamlDocument} from '../yaml';
import {KINDS, KNOWN_UNSIMULATED_KINDS, MESH_CONFIG_SCHEMA, METADATA_SCHEMA, SPEC_SCHEMAS, type FieldSchema} from './schema';
import type {IstioResource} from './resources';

/** The name problems in the playground's editor are reported under. */
export const PLAYGROUND_FILE = 'playground.yaml';

interface Position {
  readonly line: number;
  readonly column: number;
}

/** Go-style durations as Istio accepts them: "1s", "0.5s", "250ms", "1m30s", "1h". */
const durations = new Map<string, number | undefined>();

export function parseDuration(text: string): number | undefined {
  if (durations.has(text)) return durations.get(text);
  const value = readDuration(text);
  if (durations.size < 10_000) durations.set(text, value);
  return value;
}

function readDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^(\d+(\.\d+)?(h|m|s|ms|us|µs|ns))+$/.test(trimmed)) return undefined;
  const factors: Record<string, number> = {h: 3_600_000, m: 60_000, s: 1000, ms: 1, us: 0.001, µs: 0.001, ns: 0.000001};
  let total = 0;
  for (const part of trimmed.matchAll(/(\d+(?:\.\d+)?)(ms|us|µs|ns|h|m|s)/g)) {
    total += Number(part[1]) * (factors[part[2] ?? 's'] ?? 0);
  }
  return total;
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent === '' ? key : `${parent}.${key}`;
}

/** Levenshtein distance, for "did you mean" hints. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({length: b.length + 1}, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

type Report = (severity: Severity, path: string, message: string, keyPosition?: boolean) => void;

/** Checks data against a field schema, reporting located problems. */
function check(value: unknown, schema: FieldSchema, path: string, report: Report): void {
  if (value === null || value === undefined) return;
  if (schema.ignoredBecause) {
    report('warning', path, `${path}: accepted, but ${schema.ignoredBecause}.`, true);
    return;
  }
  switch (schema.type) {
    case 'any':
      return;
    case 'string':
      if (typeof value !== 'string')
        report('error', path, `${path}: expected a string, got ${describe(value)}${typeof value === 'number' ? ' (quote it)' : ''}.`);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value))
        report('error', path, `${path}: expected an integer, got ${describe(value)}.`);
      return;
    case 'number':
      if (typeof value !== 'number') report('error', path, `${path}: expected a number, got ${describe(value)}.`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') report('error', path, `${path}: expected true or false, got ${describe(value)}.`);
      return;
    case 'duration':
      if (typeof value !== 'string' || parseDuration(value) === undefined)
        report('error', path, `${path}: expected a duration such as "1s", "0.5s" or "250ms", got ${describe(value)}.`);
      return;
    case 'enum':
      if (typeof value !== 'string' || !schema.values.includes(value))
        report('error', path, `${path}: must be one of ${schema.values.join(', ')}; got ${describe(value)}.`);
      return;
    case 'labels':
      if (typeof value !== 'object' || Array.isArray(value)) {
        report('error', path, `${path}: expected a map of strings, got ${describe(value)}.`);
        return;
      }
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        if (typeof item !== 'string')
          report('error', childPath(path, key), `${childPath(path, key)}: label values are strings, got ${describe(item)} (quote it).`);
      }
      return;
    case 'list':
      if (!Array.isArray(value)) {
        report('error', path, `${path}: expected a list, got ${describe(value)}.`);
        return;
      }
      value.forEach((item, index) => check(item, schema.items, childPath(path, index), report));
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) {
        report('error', path, `${path}: expected a map, got ${describe(value)}.`);
        return;
      }
      for (const [key, item] of Object.entries(value as Record<string, unknown>))
        check(item, schema.items, childPath(path, key), report);
      return;
    case 'object': {
      if (typeof value !== 'object' || Array.isArray(value)) {
        report('error', path, `${path}: expected an object, got ${describe(value)}.`);
        return;
      }
      for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
        const field = schema.fields[key];
        const fieldPath = childPath(path, key);
        if (!field) {
          const near = Object.keys(schema.fields).find((candidate) => editDistance(candidate.toLowerCase(), key.toLowerCase()) <= 2);
          report(
            'error',
            fieldPath,
            `unknown field "${fieldPath}"${near ? ` (did you mean "${near}"?)` : ''}; known fields here: ${Object.keys(schema.fields).join(', ')}.`,
            true,
          );
          continue;
        }
        check(item, field, fieldPath, report);
      }
    }
  }
}

/**
 * The istio ConfigMap (istio-system/istio) carries meshConfig as YAML text in data.mesh; other
 * ConfigMaps are skipped. Problems inside the text are located on the data.mesh line.
 */
function readMeshConfig(object: Record<string, unknown>, metadata: Record<string, unknown>, report: Report): unknown {
  if (metadata.name !== 'istio' || (metadata.namespace ?? 'istio-system') !== 'istio-system') {
    report('warning', 'kind', 'only the istio ConfigMap in istio-system (meshConfig) is read; this ConfigMap is ignored.');
    return undefined;
  }
  const data = object.data;
  const text = data && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).mesh : undefined;
  if (typeof text !== 'string') {
    report('error', 'data', 'the istio ConfigMap needs data.mesh: meshConfig written as YAML text (mesh: |).', true);
    return undefined;
  }
  const inner = parseYaml(text);
  const parsed = inner.documents[0]?.data ?? {};
  if (inner.problems.length > 0 || typeof parsed !== 'object' || Array.isArray(parsed) || parsed === null) {
    report('error', 'data.mesh', `data.mesh is not a YAML map of meshConfig fields${inner.problems[0] ? `: ${inner.problems[0].message}` : ''}.`);
    return undefined;
  }
  check(parsed, MESH_CONFIG_SCHEMA, 'data.mesh', (severity, _path, message) => report(severity, 'data.mesh', message));
  return parsed;
}

export interface ParseResult {
  readonly resources: readonly IstioResource[];
  readonly problems: readonly Problem[];
}

/** Places a field path ("spec.http[0].route" or a list of keys) in the document. */
function locator(document: YamlDocument) {
  return (path: string | readonly (string | number)[]) => document.locate(typeof path === 'string' ? pathFromString(path === '' ? 'kind' : path) : path);
}

/** Reads one document into a resource, or reports why it cannot be simulated. */
function readResource(document: YamlDocument, report: Report): IstioResource | undefined {
  const data = document.data;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    report('error', '', `each document must be a Kubernetes resource (a map with apiVersion, kind, metadata, spec), got ${describe(data)}.`);
    return undefined;
  }
  const object = data as Record<string, unknown>;
  const kind = object.kind;
  if (typeof kind !== 'string') {
    report('error', 'kind', 'missing "kind": every resource needs apiVersion and kind.');
    return undefined;
  }
  const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
  const [apiGroup, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  const candidates = KINDS.filter((entry) => entry.kind === kind);
  if (candidates.length === 0) {
    if (KNOWN_UNSIMULATED_KINDS.includes(kind)) report('warning', 'kind', `kind ${kind} is not simulated by the playground; this document is ignored.`);
    else report('error', 'kind', `unknown kind "${kind}"; the playground reads ${[...new Set(KINDS.map((entry) => entry.kind))].join(', ')}.`);
    return undefined;
  }
  const entry = candidates.find((candidate) => candidate.group === apiGroup);
  if (!entry || !version || !entry.versions.includes(version)) {
    const served = candidates.map((candidate) => `${candidate.group ? `${candidate.group}/` : ''}${candidate.current}`).join(' or ');
    report('error', 'apiVersion', `apiVersion ${JSON.stringify(object.apiVersion ?? null)} does not serve ${kind}; use ${served}.`);
    return undefined;
  }
  if (version !== entry.current) report('info', 'apiVersion', `${entry.group}/${version} still works, but ${entry.group}/${entry.current} is the current version.`);
  const body = entry.internal === 'MeshConfig' ? 'data' : 'spec';
  for (const key of Object.keys(object))
    if (!['apiVersion', 'kind', 'metadata', body, 'status'].includes(key)) report('error', key, `unknown top-level field "${key}"; a ${kind} has apiVersion, kind, metadata and ${body}.`, true);
  check(object.metadata, METADATA_SCHEMA, 'metadata', report);
  const metadata = (object.metadata ?? {}) as Record<string, unknown>;
  if (typeof metadata.name !== 'string' || metadata.name === '') report('error', 'metadata', 'metadata.name is required.', true);
  const spec = entry.internal === 'MeshConfig' ? readMeshConfig(object, metadata, report) : (object.spec ?? {});
  if (spec === undefined) return undefined;
  const specSchema = SPEC_SCHEMAS[entry.internal];
  if (specSchema) check(spec, specSchema, 'spec', report);
  return {
    kind: entry.internal,
    name: String(metadata.name ?? ''),
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    labels: (metadata.labels ?? {}) as Record<string, string>,
    annotations: (metadata.annotations ?? {}) as Record<string, string>,
    spec,
    locate: locator(document),
  } as IstioResource;
}

/** Parses a multi-document YAML string of Istio resources. Never throws. */
export function parseConfig(source: string): ParseResult {
  const {documents, problems: syntax} = parseYaml(source);
  const problems: Problem[] = syntax.map((problem) => ({...problem, file: PLAYGROUND_FILE, severity: 'error'}));
  const resources: IstioResource[] = [];
  for (const document of documents) {
    let errors = 0;
    const report: Report = (severity, path, message, keyPosition = false) => {
      const at = keyPosition || path === '' ? locator(document)(path) : document.valueAt(pathFromString(path));
      problems.push({file: PLAYGROUND_FILE, line: at.line, column: at.column, message, severity});
      if (severity === 'error') errors += 1;
    };
    const resource = readResource(document, report);
    if (resource && errors === 0) resources.push(resource);
  }
  return {resources, problems};
}
