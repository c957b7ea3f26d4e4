/**
 * YAML manifests → problems. Every document must parse; Istio and Gateway API kinds validate
 * against the pinned release's schemas (src/data/istio-reference/schemas.json, unknown fields
 * are errors); core Kubernetes kinds get basic checks.
 */
import Ajv, {type ErrorObject, type ValidateFunction} from 'ajv';
import schemasJson from '../../data/istio-reference/schemas.json';
import type {JsonSchema} from '../../data/istio-reference/schemaTypes';
import type {LocalProblem} from '../problem';
import {checkResource, ruleResource, type Finding} from '../rules';
import {parseYaml, pathToString, pointerToPath, type PathItem, type YamlDocument} from '../yaml';
import {kindInfo, kindsNamed} from './kinds';

const schemas = schemasJson as unknown as Record<string, JsonSchema>;

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

function basicChecks(data: Record<string, unknown>, problem: (path: readonly PathItem[], message: string) => void): {apiVersion: string; kind: string} | undefined {
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

/** Reports problems at paths of one document, and runs schemas over parts of it. */
interface DocumentCheck {
  readonly doc: YamlDocument;
  problem(path: readonly PathItem[], message: string): void;
  runSchema(schemaKey: string, schema: JsonSchema, value: unknown, label: string): void;
}

function documentCheck(doc: YamlDocument, problems: LocalProblem[]): DocumentCheck {
  const problem = (path: readonly PathItem[], message: string): void => {
    problems.push({line: doc.lineOf(path), message});
  };
  return {
    doc,
    problem,
    runSchema(schemaKey, schema, value, label) {
      const validate = validatorFor(schemaKey, schema);
      if (validate(value)) return;
      const seen = new Set<string>();
      for (const error of validate.errors ?? []) {
        const path = pointerToPath(error.instancePath);
        const message = `${label}: ${describe(error, pathToString(path))}`;
        if (seen.has(message)) continue;
        seen.add(message);
        // an unknown field is shown at its own key
        const key = error.keyword === 'additionalProperties' ? [String((error.params as {additionalProperty: string}).additionalProperty)] : [];
        problem([...path, ...key], message);
      }
    },
  };
}

/** The rules of src/lib/rules that say something is wrong (notes are for the playground). */
const reportable = (findings: readonly Finding[]): Finding[] => findings.filter((finding) => finding.severity !== 'info');

/** A document that is only part of a resource (`fragment="Kind.path"`). */
function checkFragment(check: DocumentCheck, fragment: string): void {
  const [kind = '', ...fieldPath] = fragment.split('.');
  if (kindsNamed(kind).some((k) => k.family === 'core') && !kindsNamed(kind).some((k) => k.schema)) {
    return; // core kinds carry no schema: a fragment of one is checked for YAML syntax only
  }
  const found = fragmentSchema(fragment);
  if (typeof found === 'string') {
    check.problem([], found);
    return;
  }
  const data = check.doc.data;
  // A single item of a list (e.g. one http route) is validated as an item.
  const oneItem = found.schema.type === 'array' && !Array.isArray(data);
  if (oneItem) check.runSchema(`${found.key}[]`, found.schema.items ?? {}, data, `${kind} fragment`);
  else check.runSchema(found.key, found.schema, data, `${kind} fragment`);
  // The rules read whole resources: wrap the fragment where it sits, then map paths back.
  let spec: unknown = oneItem ? [data] : data;
  for (const segment of fieldPath.slice(1).reverse()) spec = {[segment]: spec};
  const skip = fieldPath.length + (oneItem ? 1 : 0);
  for (const finding of reportable(checkResource({kind, spec}))) check.problem(finding.path.slice(skip), finding.message);
}

/** Deployments and Services carry no schema: the few checks that catch a broken one. */
function checkCoreKind(check: DocumentCheck, kind: string, obj: Record<string, unknown>): void {
  const spec = obj.spec as Record<string, unknown> | undefined;
  if (kind === 'Deployment' || kind === 'StatefulSet' || kind === 'DaemonSet') {
    if (!spec || typeof spec !== 'object') check.problem([], `${kind}: missing spec`);
    else {
      if (!spec.selector) check.problem(['spec'], `${kind}: missing spec.selector`);
      if (!spec.template) check.problem(['spec'], `${kind}: missing spec.template`);
    }
  }
  if (kind === 'Service' && spec && spec.type !== 'ExternalName' && spec.ports !== undefined && !Array.isArray(spec.ports)) {
    check.problem(['spec', 'ports'], 'Service: spec.ports must be a list');
  }
}

/** A document that is a whole resource. */
function checkResourceDocument(check: DocumentCheck, options: ManifestOptions): void {
  const data = check.doc.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    check.problem([], 'a manifest document must be a mapping (apiVersion, kind, metadata, …)');
    return;
  }
  const obj = data as Record<string, unknown>;
  const head = basicChecks(obj, (path, message) => check.problem(path, message));
  if (!head) return;
  const {apiVersion, kind} = head;
  const info = kindInfo(apiVersion, kind);
  if (!info) {
    const others = kindsNamed(kind);
    if (others.length > 0) {
      const right = others.map((o) => o.apiVersion).join(' or ');
      check.problem(['apiVersion'], `${kind}: apiVersion "${apiVersion}" is wrong on the pinned release; use ${right}`);
    } else {
      check.problem(['kind'], `unknown kind "${kind}" (${apiVersion}): the checker has no schema for it; if it is not a Kubernetes resource, mark the block nocheck="why"`);
    }
    return;
  }
  if (apiVersion !== info.apiVersion) {
    if (options.outdated) return;
    const served = info.older.includes(apiVersion);
    check.problem(
      ['apiVersion'],
      `${kind}: use apiVersion ${info.apiVersion}${served ? ` (${apiVersion} is still served but is not the current version)` : ` ("${apiVersion}" is not served)`}; mark the block outdated="why" if the old version is the point`,
    );
    return;
  }
  if (options.outdated) return;
  if (info.schema) {
    const schema = schemas[info.schema];
    if (schema) check.runSchema(info.schema, schema, {spec: obj.spec}, `${kind} (${apiVersion})`);
    const resource = ruleResource(obj);
    for (const finding of resource ? reportable(checkResource(resource)) : []) check.problem(finding.path, `${kind}: ${finding.message}`);
  } else if (info.family === 'core') {
    checkCoreKind(check, kind, obj);
  }
}

/** Validates every YAML document in text. Lines in the result are 1-based within text. */
export function validateManifest(text: string, options: ManifestOptions = {}): ManifestResult {
  const parsed = parseYaml(text);
  const problems: LocalProblem[] = [...parsed.problems];
  for (const doc of parsed.documents) {
    const check = documentCheck(doc, problems);
    if (options.fragment) checkFragment(check, options.fragment);
    else checkResourceDocument(check, options);
  }
  return {problems, documents: parsed.documents.length};
}
