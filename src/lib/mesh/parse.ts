/**
 * YAML → Istio resources for the simulator. Never throws: malformed YAML, unknown kinds and
 * unknown or mistyped fields come back as diagnostics with a 1-based line and column.
 */
import {isMap, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode} from 'yaml';
import {KINDS, KNOWN_UNSIMULATED_KINDS, MESH_CONFIG_SCHEMA, METADATA_SCHEMA, SPEC_SCHEMAS, type FieldSchema} from './schema';
import type {Diagnostic, Severity} from './types';
import type {IstioResource} from './resources';

interface Position {
  readonly line: number;
  readonly column: number;
}

/** Positions of every key and value in one document, by field path ("spec.http[0].route"). */
class Locations {
  readonly keys = new Map<string, Position>();
  readonly values = new Map<string, Position>();
  constructor(readonly fallback: Position) {}
  of(path: string): Position {
    return this.keys.get(path) ?? this.values.get(path) ?? this.fallback;
  }
}

/** Go-style durations as Istio accepts them: "1s", "0.5s", "250ms", "1m30s", "1h". */
export function parseDuration(text: string): number | undefined {
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

/** Converts a YAML node to plain data while recording where each key and value sits. */
function toData(node: unknown, path: string, locations: Locations, lineCounter: LineCounter): unknown {
  const position = (range: readonly number[] | null | undefined): Position | undefined => {
    if (!range || range[0] === undefined) return undefined;
    const {line, col} = lineCounter.linePos(range[0]);
    return {line, column: col};
  };
  if (node && typeof node === 'object' && 'range' in node) {
    const at = position((node as YamlNode).range);
    if (at) locations.values.set(path, at);
  }
  if (isMap(node)) {
    const result: Record<string, unknown> = {};
    for (const pair of node.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      const keyPath = childPath(path, key);
      const at = position(isScalar(pair.key) ? pair.key.range : undefined);
      if (at) locations.keys.set(keyPath, at);
      result[key] = toData(pair.value, keyPath, locations, lineCounter);
    }
    return result;
  }
  if (isSeq(node)) {
    return node.items.map((item, index) => toData(item, childPath(path, index), locations, lineCounter));
  }
  if (isScalar(node)) return node.value;
  return node ?? null;
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

/** Checks data against a field schema, adding located diagnostics. */
function check(
  value: unknown,
  schema: FieldSchema,
  path: string,
  locations: Locations,
  report: (severity: Severity, path: string, message: string, keyPosition?: boolean) => void,
): void {
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
      value.forEach((item, index) => check(item, schema.items, childPath(path, index), locations, report));
      return;
    case 'map':
      if (typeof value !== 'object' || Array.isArray(value)) {
        report('error', path, `${path}: expected a map, got ${describe(value)}.`);
        return;
      }
      for (const [key, item] of Object.entries(value as Record<string, unknown>))
        check(item, schema.items, childPath(path, key), locations, report);
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
        check(item, field, fieldPath, locations, report);
      }
    }
  }
}

type Report = (severity: Severity, path: string, message: string, keyPosition?: boolean) => void;

/**
 * The istio ConfigMap (istio-system/istio) carries meshConfig as YAML text in data.mesh; other
 * ConfigMaps are skipped. Problems inside the text are located on the data.mesh line.
 */
function readMeshConfig(object: Record<string, unknown>, metadata: Record<string, unknown>, locations: Locations, report: Report): unknown {
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
  let parsed: unknown;
  try {
    parsed = parseAllDocuments(text)[0]?.toJS() ?? {};
  } catch {
    parsed = undefined;
  }
  const nested = new Locations(locations.of('data.mesh'));
  if (parsed === undefined || typeof parsed !== 'object' || Array.isArray(parsed) || parsed === null) {
    report('error', 'data.mesh', 'data.mesh is not a YAML map of meshConfig fields.');
    return undefined;
  }
  check(parsed, MESH_CONFIG_SCHEMA, 'data.mesh', nested, (severity, _path, message) => report(severity, 'data.mesh', message));
  return parsed;
}

export interface ParseResult {
  readonly resources: readonly IstioResource[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Parses a multi-document YAML string of Istio resources. Never throws. */
export function parseConfig(source: string): ParseResult {
  const diagnostics: Diagnostic[] = [];
  const resources: IstioResource[] = [];
  const lineCounter = new LineCounter();
  let documents;
  try {
    documents = parseAllDocuments(source, {lineCounter, uniqueKeys: true});
  } catch (error) {
    return {resources, diagnostics: [{severity: 'error', message: `YAML could not be read: ${String(error)}`, line: 1, column: 1}]};
  }
  const list = Array.isArray(documents) ? documents : [documents];
  for (const document of list) {
    if (document.errors.length > 0) {
      for (const error of document.errors) {
        const at = error.linePos?.[0] ?? lineCounter.linePos(error.pos[0]);
        const message = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? error.message;
        diagnostics.push({severity: 'error', message: `YAML syntax: ${message}`, line: at.line, column: at.col});
      }
      continue;
    }
    const start = lineCounter.linePos(document.range[0]);
    const locations = new Locations({line: start.line, column: start.col});
    const data = toData(document.contents, '', locations, lineCounter);
    if (data === null || data === undefined) continue; // an empty document, e.g. after a trailing ---
    const report = (severity: Severity, path: string, message: string, keyPosition = false): void => {
      const at = keyPosition ? locations.of(path) : (locations.values.get(path) ?? locations.of(path));
      diagnostics.push({severity, message, line: at.line, column: at.column, path});
    };
    if (typeof data !== 'object' || Array.isArray(data)) {
      report('error', '', `each document must be a Kubernetes resource (a map with apiVersion, kind, metadata, spec), got ${describe(data)}.`);
      continue;
    }
    const object = data as Record<string, unknown>;
    const kind = object.kind;
    if (typeof kind !== 'string') {
      report('error', 'kind', 'missing "kind": every resource needs apiVersion and kind.');
      continue;
    }
    const apiVersion = typeof object.apiVersion === 'string' ? object.apiVersion : '';
    const [apiGroup, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    const candidates = KINDS.filter((entry) => entry.kind === kind);
    if (candidates.length === 0) {
      if (KNOWN_UNSIMULATED_KINDS.includes(kind)) report('warning', 'kind', `kind ${kind} is not simulated by the playground; this document is ignored.`);
      else report('error', 'kind', `unknown kind "${kind}"; the playground reads ${[...new Set(KINDS.map((entry) => entry.kind))].join(', ')}.`);
      continue;
    }
    const entry = candidates.find((candidate) => candidate.group === apiGroup);
    if (!entry || !version || !entry.versions.includes(version)) {
      const served = candidates.map((candidate) => `${candidate.group ? `${candidate.group}/` : ''}${candidate.current}`).join(' or ');
      report('error', 'apiVersion', `apiVersion ${JSON.stringify(object.apiVersion ?? null)} does not serve ${kind}; use ${served}.`);
      continue;
    }
    if (version !== entry.current) report('info', 'apiVersion', `${entry.group}/${version} still works, but ${entry.group}/${entry.current} is the current version.`);
    let errorsBefore = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    const body = entry.internal === 'MeshConfig' ? 'data' : 'spec';
    for (const key of Object.keys(object)) {
      if (!['apiVersion', 'kind', 'metadata', body, 'status'].includes(key))
        report('error', key, `unknown top-level field "${key}"; a ${kind} has apiVersion, kind, metadata and ${body}.`, true);
    }
    check(object.metadata, METADATA_SCHEMA, 'metadata', locations, report);
    const metadata = (object.metadata ?? {}) as Record<string, unknown>;
    if (typeof metadata.name !== 'string' || metadata.name === '') report('error', 'metadata', 'metadata.name is required.', true);
    let spec: unknown = object.spec ?? {};
    if (entry.internal === 'MeshConfig') {
      spec = readMeshConfig(object, metadata, locations, report);
      if (spec === undefined) continue;
    }
    const specSchema = SPEC_SCHEMAS[entry.internal];
    if (specSchema) check(spec, specSchema, 'spec', locations, report);
    const errorsAfter = diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;
    if (errorsAfter > errorsBefore) {
      errorsBefore = errorsAfter;
      continue;
    }
    const labels = (metadata.labels ?? {}) as Record<string, string>;
    resources.push({
      kind: entry.internal,
      annotations: (metadata.annotations ?? {}) as Record<string, string>,
      name: String(metadata.name),
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
      labels,
      spec: spec as Record<string, unknown>,
      locate: (path: string) => locations.of(path === '' ? 'kind' : path),
    } as IstioResource);
  }
  return {resources, diagnostics};
}
