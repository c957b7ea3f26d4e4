/**
 * One-off generator for src/data/istio-reference/schemas.json (run it by hand, not in tests):
 *
 *   npx tsx src/data/istio-reference/generate-schemas.ts
 *
 * It reads the TypeScript declarations that @kubernetes-models/istio and
 * @kubernetes-models/gateway-api ship (themselves generated from the upstream CRDs, see
 * README.md here for which releases), turns every kind's `spec` type into a strict JSON schema
 * (every object closed with additionalProperties: false, enums kept, required kept), and then
 * applies the documented differences between that upstream release and the pinned one
 * (overlay-1.31.ts). Descriptions are dropped: the checker needs structure only.
 */
import {writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import ts from 'typescript';
import {applyOverlay} from './overlay-1.31';
import type {JsonSchema} from './schemaTypes';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const istioRoot = dirname(require.resolve('@kubernetes-models/istio/package.json'));
const gatewayRoot = dirname(require.resolve('@kubernetes-models/gateway-api/package.json'));

interface Target {
  readonly apiVersion: string;
  readonly kind: string;
  readonly file: string;
}

const istio = (group: string, version: string, kind: string): Target => ({
  apiVersion: `${group}/${version}`,
  kind,
  file: join(istioRoot, group, version, `${kind}.d.ts`),
});
const gw = (version: string, kind: string, group = 'gateway.networking.k8s.io'): Target => ({
  apiVersion: `${group}/${version}`,
  kind,
  file: join(gatewayRoot, group, version, `${kind}.d.ts`),
});

const targets: Target[] = [
  ...['DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'VirtualService', 'WorkloadEntry', 'WorkloadGroup'].map(
    (k) => istio('networking.istio.io', 'v1', k),
  ),
  istio('networking.istio.io', 'v1alpha3', 'EnvoyFilter'),
  istio('networking.istio.io', 'v1beta1', 'ProxyConfig'),
  ...['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication'].map((k) =>
    istio('security.istio.io', 'v1', k),
  ),
  istio('telemetry.istio.io', 'v1', 'Telemetry'),
  istio('extensions.istio.io', 'v1alpha1', 'WasmPlugin'),
  ...['Gateway', 'GatewayClass', 'HTTPRoute', 'GRPCRoute', 'TLSRoute', 'BackendTLSPolicy', 'ListenerSet'].map((k) =>
    gw('v1', k),
  ),
  gw('v1beta1', 'ReferenceGrant'),
  gw('v1alpha2', 'TCPRoute'),
  gw('v1alpha2', 'UDPRoute'),
];

const program = ts.createProgram(
  targets.map((t) => t.file),
  {strict: true, noEmit: true, skipLibCheck: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext},
);
const checker = program.getTypeChecker();

interface ObjectShape {
  readonly props: Map<string, ts.Symbol>;
  readonly required: Set<string>;
  index?: ts.Type;
}

const isObjectLike = (t: ts.Type): boolean =>
  Boolean(t.flags & ts.TypeFlags.Object) && !checker.isArrayType(t)
    ? true
    : (t.isUnion() || t.isIntersection()) && t.types.every((p) => p.flags & ts.TypeFlags.Undefined || isObjectLike(p));

/** Merges a (possibly union / intersection of) object type(s): CRD oneOf variants become one object. */
function shapeOf(type: ts.Type): ObjectShape {
  if (type.isIntersection() || type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined)).map(shapeOf);
    const props = new Map<string, ts.Symbol>();
    for (const part of parts) for (const [k, v] of part.props) if (!props.has(k)) props.set(k, v);
    let required: Set<string>;
    if (type.isIntersection()) required = new Set(parts.flatMap((p) => [...p.required]));
    else required = new Set([...(parts[0]?.required ?? [])].filter((k) => parts.every((p) => p.required.has(k))));
    return {props, required, index: parts.find((p) => p.index)?.index};
  }
  const props = new Map<string, ts.Symbol>();
  const required = new Set<string>();
  for (const prop of checker.getPropertiesOfType(type)) {
    props.set(prop.name, prop);
    if (!(prop.flags & ts.SymbolFlags.Optional)) required.add(prop.name);
  }
  return {props, required, index: checker.getIndexInfoOfType(type, ts.IndexKind.String)?.type};
}

function convert(type: ts.Type, stack: ts.Type[]): JsonSchema {
  if (stack.includes(type)) return {};
  if (type.flags & ts.TypeFlags.Any || type.flags & ts.TypeFlags.Unknown) return {};
  if (type.isUnion()) {
    const parts = type.types.filter((t) => !(t.flags & ts.TypeFlags.Undefined) && !(t.flags & ts.TypeFlags.Null));
    if (parts.length > 0 && parts.every((t) => t.isStringLiteral())) {
      return {type: 'string', enum: parts.map((t) => (t as ts.StringLiteralType).value)};
    }
    if (parts.length > 0 && parts.every((t) => t.flags & ts.TypeFlags.BooleanLiteral)) return {type: 'boolean'};
    if (parts.length === 1) return convert(parts[0]!, stack);
    if (parts.every(isObjectLike)) return objectSchema(type, stack);
    const kinds = new Set(parts.map((t) => convert(t, stack).type));
    if (kinds.size === 2 && kinds.has('number') && kinds.has('string')) return {type: ['integer', 'string']};
    return {anyOf: parts.map((t) => convert(t, stack))};
  }
  if (type.flags & ts.TypeFlags.String) return {type: 'string'};
  if (type.isStringLiteral()) return {type: 'string', enum: [type.value]};
  if (type.flags & ts.TypeFlags.Number) return {type: 'number'};
  if (type.flags & ts.TypeFlags.Boolean || type.flags & ts.TypeFlags.BooleanLiteral) return {type: 'boolean'};
  if (checker.isArrayType(type)) {
    const [item] = checker.getTypeArguments(type as ts.TypeReference);
    return {type: 'array', items: item ? convert(item, [...stack, type]) : {}};
  }
  if (type.isIntersection() || type.flags & ts.TypeFlags.Object) return objectSchema(type, stack);
  return {};
}

function objectSchema(type: ts.Type, stack: ts.Type[]): JsonSchema {
  const next = [...stack, type];
  const shape = shapeOf(type);
  if (shape.props.size === 0) {
    if (shape.index) return {type: 'object', additionalProperties: convert(shape.index, next)};
    return {type: 'object'}; // `{}`: a free-form object (x-kubernetes-preserve-unknown-fields)
  }
  const properties: Record<string, JsonSchema> = {};
  for (const [name, prop] of [...shape.props].sort(([a], [b]) => a.localeCompare(b))) {
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    properties[name] = decl ? convert(checker.getTypeOfSymbolAtLocation(prop, decl), next) : {};
  }
  const schema: JsonSchema = {
    type: 'object',
    properties,
    additionalProperties: shape.index ? convert(shape.index, next) : false,
  };
  if (shape.required.size > 0) schema.required = [...shape.required].sort();
  return schema;
}

const out: Record<string, JsonSchema> = {};
for (const target of targets) {
  const source = program.getSourceFile(target.file);
  if (!source) throw new Error(`cannot read ${target.file}`);
  let found: ts.InterfaceDeclaration | undefined;
  source.forEachChild((node) => {
    if (ts.isInterfaceDeclaration(node) && node.name.text === `I${target.kind}`) found = node;
  });
  if (!found) throw new Error(`no interface I${target.kind} in ${target.file}`);
  const type = checker.getTypeAtLocation(found);
  const root: JsonSchema = {type: 'object', properties: {}, required: []};
  for (const name of ['spec'] as const) {
    const prop = type.getProperty(name);
    if (!prop) continue;
    const decl = prop.valueDeclaration ?? prop.declarations?.[0];
    if (!decl) continue;
    root.properties![name] = convert(checker.getTypeOfSymbolAtLocation(prop, decl), []);
    if (!(prop.flags & ts.SymbolFlags.Optional)) root.required!.push(name);
  }
  out[`${target.apiVersion}/${target.kind}`] = root;
}

applyOverlay(out);

const sorted = Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
writeFileSync(join(here, 'schemas.json'), `${JSON.stringify(sorted)}\n`);
console.log(`wrote ${Object.keys(sorted).length} schemas to schemas.json`);
