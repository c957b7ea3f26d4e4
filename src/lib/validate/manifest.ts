/**
 * YAML manifests → problems. Every document must parse; Istio and Gateway API kinds validate
 * against the pinned release's schemas (src/data/istio-reference/schemas.json, unknown fields
 * are errors); core Kubernetes kinds get basic checks.
 */
import Ajv, {type ErrorObject, type ValidateFunction} from 'ajv';
import {isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Document, type Node} from 'yaml';
import {SCHEMAS as schemas} from '../../data/istio-reference/reference';
import type {JsonSchema} from '../../data/istio-reference/schemaTypes';
import {kindInfo, kindsNamed} from './kinds';
import type {LocalProblem} from './types';


export interface ManifestOptions {
  /** `Kind.path.to.field`: the text is only that part of a resource. */
  readonly fragment?: string;
  /** The block deliberately shows an old API version or field: only syntax and kind are checked. */
  readonly outdated?: boolean;
}

export interface ManifestResult {
  readonly problems: LocalProblem[];
  /** Number of YAML documents checked. */
  readonly documents: number;
}

/**
 * Rules Istio's validating webhook enforces beyond the CRD's OpenAPI schema, plus course errata
 * that the API accepts but that never work. Paths are relative to the document root.
 */
export function semanticProblems(kind: string, data: Record<string, unknown>): {path: PathItem[]; message: string}[] {
  const out: {path: PathItem[]; message: string}[] = [];
  const spec = (data.spec ?? {}) as Record<string, unknown>;
  const list = (v: unknown): Record<string, unknown>[] => (Array.isArray(v) ? (v as Record<string, unknown>[]) : []);
  if (kind === 'VirtualService') {
    list(spec.http).forEach((route, i) => {
      if (route.redirect && route.route) out.push({path: ['spec', 'http', i, 'redirect'], message: 'VirtualService: an http route may redirect or route (forward), not both'});
      if (route.directResponse && route.route) out.push({path: ['spec', 'http', i, 'directResponse'], message: 'VirtualService: an http route may return a directResponse or route, not both'});
      if (route.redirect && route.directResponse) out.push({path: ['spec', 'http', i, 'redirect'], message: 'VirtualService: an http route may redirect or return a directResponse, not both'});
    });
  }
  if (kind === 'DestinationRule') {
    const policies: {policy: unknown; path: PathItem[]}[] = [{policy: spec.trafficPolicy, path: ['spec', 'trafficPolicy']}];
    list(spec.subsets).forEach((s, i) => policies.push({policy: s.trafficPolicy, path: ['spec', 'subsets', i, 'trafficPolicy']}));
    for (const {policy, path} of policies) {
      const lb = (policy as Record<string, unknown> | undefined)?.loadBalancer as Record<string, unknown> | undefined;
      const locality = lb?.localityLbSetting as Record<string, unknown> | undefined;
      if (locality?.distribute && locality?.failover) {
        out.push({path: [...path, 'loadBalancer', 'localityLbSetting'], message: 'DestinationRule: localityLbSetting may set distribute or failover, not both (rejected by validation)'});
      }
    }
  }
  if (kind === 'AuthorizationPolicy') {
    list(spec.rules).forEach((rule, i) => {
      list(rule.from).forEach((from, j) => {
        const source = (from.source ?? {}) as Record<string, unknown>;
        for (const field of ['principals', 'notPrincipals']) {
          const values = Array.isArray(source[field]) ? (source[field] as unknown[]) : [];
          if (values.some((v) => typeof v === 'string' && v.startsWith('spiffe://'))) {
            out.push({path: ['spec', 'rules', i, 'from', j, 'source', field], message: `AuthorizationPolicy: ${field} are written without the spiffe:// prefix (cluster.local/ns/NS/sa/SA); with it they never match`});
          }
        }
      });
    });
  }
  return out;
}

/** Hints for unknown fields that are common mistakes (errata). */
const FIELD_HINTS: Record<string, string> = {
  consecutiveErrors: 'Istio ignores it; use consecutive5xxErrors (or consecutiveGatewayErrors)',
};

const ajv = new Ajv({allErrors: true, strict: false});
const compiled = new Map<string, ValidateFunction>();

function validatorFor(key: string, schema: JsonSchema): ValidateFunction {
  let fn = compiled.get(key);
  if (!fn) {
    fn = ajv.compile(schema);
    compiled.set(key, fn);
  }
  return fn;
}

type PathItem = string | number;

/** Source offset of the node at path (or of the key `key` inside it). */
function offsetOf(doc: Document, path: readonly PathItem[], key?: string): number | undefined {
  let node: unknown = doc.contents;
  let best: number | undefined = (node as Node | null)?.range?.[0];
  for (const item of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(item));
      if (!pair) break;
      best = (pair.key as Node).range?.[0] ?? best;
      node = pair.value;
    } else if (isSeq(node) && typeof item === 'number') {
      node = node.items[item];
      best = (node as Node | null)?.range?.[0] ?? best;
    } else break;
  }
  if (key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key);
    if (pair) best = (pair.key as Node).range?.[0] ?? best;
  }
  return best;
}

function pointerToPath(pointer: string): PathItem[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((s) => (/^\d+$/.test(s) ? Number(s) : s));
}

function describe(error: ErrorObject, where: string): string {
  const at = where === '' ? 'the document' : where;
  switch (error.keyword) {
    case 'additionalProperties': {
      const field = String((error.params as {additionalProperty: string}).additionalProperty);
      const hint = FIELD_HINTS[field];
      return `unknown field "${where ? `${where}.` : ''}${field}"${hint ? `: ${hint}` : ''}`;
    }
    case 'required':
      return `missing required field "${where ? `${where}.` : ''}${(error.params as {missingProperty: string}).missingProperty}"`;
    case 'enum':
      return `${at} must be one of ${((error.params as {allowedValues: string[]}).allowedValues ?? []).join(', ')}`;
    case 'type':
      return `${at} must be ${String((error.params as {type: string | string[]}).type)}`;
    default:
      return `${at} ${error.message ?? 'is invalid'}`;
  }
}

const dotted = (path: readonly PathItem[]): string =>
  path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${p}`)).join('');

/** The sub-schema a fragment path names, e.g. VirtualService.spec.http. */
export function fragmentSchema(fragment: string): {schema: JsonSchema; key: string} | string {
  const [kind, ...path] = fragment.split('.');
  const infos = kindsNamed(kind ?? '').filter((i) => i.schema);
  // Istio kinds win over Gateway API ones for the shared name "Gateway"; write
  // `HTTPRoute.spec…` / `gateway.networking.k8s.io/Gateway.spec…` is not supported: keep it simple.
  const info = infos.find((i) => i.family === 'istio') ?? infos[0];
  if (!info?.schema) return `fragment="${fragment}": no schema is carried for kind "${kind}" (see src/data/istio-reference/README.md)`;
  let schema: JsonSchema | undefined = schemas[info.schema];
  for (const segment of path) {
    if (schema?.type === 'array') schema = schema.items;
    schema = schema?.properties?.[segment];
    if (!schema) return `fragment="${fragment}": ${kind} has no field "${segment}" on the pinned release`;
  }
  if (!schema) return `fragment="${fragment}": no such schema`;
  return {schema, key: `fragment:${info.schema}:${path.join('.')}`};
}

function basicChecks(data: Record<string, unknown>, problem: (path: PathItem[], message: string, key?: string) => void): {apiVersion: string; kind: string} | undefined {
  const apiVersion = data.apiVersion;
  const kind = data.kind;
  if (typeof apiVersion !== 'string' || apiVersion === '') {
    problem([], 'missing apiVersion (a yaml block is a complete resource unless its meta says fragment="Kind.path", nocheck="why", …)');
    return undefined;
  }
  if (typeof kind !== 'string' || kind === '') {
    problem([], 'missing kind');
    return undefined;
  }
  const metadata = data.metadata;
  if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) {
    problem([], `${kind}: missing metadata`);
  } else {
    const meta = metadata as Record<string, unknown>;
    if (typeof meta.name !== 'string' && typeof meta.generateName !== 'string') {
      problem(['metadata'], `${kind}: missing metadata.name`);
    }
  }
  return {apiVersion, kind};
}

/** Validates every YAML document in text. Lines in the result are 1-based within text. */
export function validateManifest(text: string, options: ManifestOptions = {}): ManifestResult {
  const lineCounter = new LineCounter();
  const docs = parseAllDocuments(text, {lineCounter, prettyErrors: false, uniqueKeys: true});
  const problems: LocalProblem[] = [];
  const lineAt = (offset: number | undefined): number => (offset === undefined ? 1 : lineCounter.linePos(offset).line);
  if (!Array.isArray(docs)) {
    // An empty stream parses to an EmptyStream: nothing to check.
    return {problems, documents: 0};
  }
  let documents = 0;
  for (const doc of docs) {
    const errors = [...doc.errors, ...doc.warnings];
    for (const error of errors) {
      problems.push({line: lineAt(error.pos[0]), message: `YAML: ${error.message.split('\n')[0]}`});
    }
    if (errors.length > 0) continue;
    if (doc.contents === null) continue; // empty document (e.g. trailing ---)
    documents++;
    const data: unknown = doc.toJS();
    const problem = (path: PathItem[], message: string, key?: string): void => {
      problems.push({line: lineAt(offsetOf(doc, path, key)), message});
    };
    const runSchema = (schemaKey: string, schema: JsonSchema, value: unknown, base: PathItem[], label: string): void => {
      const validate = validatorFor(schemaKey, schema);
      if (validate(value)) return;
      const seen = new Set<string>();
      for (const error of validate.errors ?? []) {
        const path = [...base, ...pointerToPath(error.instancePath)];
        const key = error.keyword === 'additionalProperties' ? String((error.params as {additionalProperty: string}).additionalProperty) : undefined;
        const message = `${label}: ${describe(error, dotted(path))}`;
        if (seen.has(message)) continue;
        seen.add(message);
        problem(path, message, key);
      }
    };

    if (options.fragment) {
      const fragKind = options.fragment.split('.')[0] ?? '';
      if (kindsNamed(fragKind).some((k) => k.family === 'core') && !kindsNamed(fragKind).some((k) => k.schema)) {
        continue; // core kinds carry no schema: a fragment of one is checked for YAML syntax only
      }
      const found = fragmentSchema(options.fragment);
      if (typeof found === 'string') {
        problem([], found);
        continue;
      }
      const [kind, ...fieldPath] = options.fragment.split('.');
      const label = `${kind} fragment`;
      if (found.schema.type === 'array' && !Array.isArray(data)) {
        // A single item of a list (e.g. one http route): validate it as an item.
        runSchema(`${found.key}[]`, found.schema.items ?? {}, data, [], label);
      } else {
        runSchema(found.key, found.schema, data, [], label);
      }
      // wrap the fragment into a resource so the semantic rules see it where they expect it
      let wrapped: unknown = data;
      for (const segment of [...fieldPath].reverse()) wrapped = {[segment]: wrapped};
      if (found.schema.type === 'array' && !Array.isArray(data) && fieldPath.length > 0) {
        wrapped = data;
        for (const [n, segment] of [...fieldPath].reverse().entries()) wrapped = {[segment]: n === 0 ? [wrapped] : wrapped};
      }
      for (const p of semanticProblems(kind ?? '', wrapped as Record<string, unknown>)) {
        problem(p.path.slice(fieldPath.length).filter((x) => typeof x !== 'number' || !(found.schema.type === 'array' && !Array.isArray(data))), p.message);
      }
      continue;
    }

    if (data === null || typeof data !== 'object' || Array.isArray(data)) {
      problem([], 'a manifest document must be a mapping (apiVersion, kind, metadata, …)');
      continue;
    }
    const head = basicChecks(data as Record<string, unknown>, problem);
    if (!head) continue;
    const {apiVersion, kind} = head;
    const info = kindInfo(apiVersion, kind);
    if (!info) {
      const others = kindsNamed(kind);
      if (others.length > 0) {
        const right = others.map((o) => o.apiVersion).join(' or ');
        problem(['apiVersion'], `${kind}: apiVersion "${apiVersion}" is wrong on the pinned release; use ${right}`);
      } else {
        problem(['kind'], `unknown kind "${kind}" (${apiVersion}): the checker has no schema for it; if it is not a Kubernetes resource, mark the block nocheck="why"`);
      }
      continue;
    }
    if (apiVersion !== info.apiVersion) {
      if (options.outdated) continue;
      const served = info.older.includes(apiVersion);
      problem(
        ['apiVersion'],
        `${kind}: use apiVersion ${info.apiVersion}${served ? ` (${apiVersion} is still served but is not the current version)` : ` ("${apiVersion}" is not served)`}; mark the block outdated="why" if the old version is the point`,
      );
      continue;
    }
    if (options.outdated) continue;
    const obj = data as Record<string, unknown>;
    if (info.schema) {
      const schema = schemas[info.schema];
      if (schema) runSchema(info.schema, schema, {spec: obj.spec}, [], `${kind} (${apiVersion})`);
      for (const p of semanticProblems(kind, obj)) problem(p.path, p.message);
    } else if (info.family === 'core') {
      if (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet') {
        const spec = obj.spec as Record<string, unknown> | undefined;
        if (!spec || typeof spec !== 'object') problem([], `${kind}: missing spec`);
        else {
          if (!spec.selector) problem(['spec'], `${kind}: missing spec.selector`);
          if (!spec.template) problem(['spec'], `${kind}: missing spec.template`);
        }
      }
      if (kind === 'Service') {
        const spec = obj.spec as Record<string, unknown> | undefined;
        if (spec && spec.type !== 'ExternalName' && spec.ports !== undefined && !Array.isArray(spec.ports)) {
          problem(['spec', 'ports'], 'Service: spec.ports must be a list');
        }
      }
    }
  }
  return {problems, documents};
}
