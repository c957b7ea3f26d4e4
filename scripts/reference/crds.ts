/**
 * CustomResourceDefinitions → strict JSON schemas of each served version's `spec`: every object
 * that declares properties is closed (additionalProperties: false) unless the CRD preserves unknown
 * fields; descriptions, formats and CEL rules are dropped (the checker needs structure only).
 */
import {parseAllDocuments} from 'yaml';
import type {JsonSchema} from '../../src/data/istio-reference/schemaTypes';

type Raw = Record<string, unknown>;

const KEEP_NUMBERS = ['minimum', 'maximum', 'minItems', 'maxItems', 'minLength', 'maxLength', 'minProperties', 'maxProperties'] as const;

function patternWorks(pattern: string): boolean {
  try {
    new RegExp(pattern, 'u');
    return true;
  } catch {
    return false;
  }
}

/** One openAPIV3Schema node → the strict subset. */
export function strictSchema(raw: Raw): JsonSchema {
  const out: JsonSchema = {};
  const intOrString = raw['x-kubernetes-int-or-string'] === true;
  if (intOrString) out.type = ['integer', 'string'];
  else if (typeof raw.type === 'string') out.type = raw.nullable === true ? [raw.type, 'null'] : raw.type;
  if (Array.isArray(raw.enum)) out.enum = raw.enum;
  for (const key of KEEP_NUMBERS) if (typeof raw[key] === 'number') out[key] = raw[key] as number;
  if (typeof raw.pattern === 'string' && patternWorks(raw.pattern)) out.pattern = raw.pattern;
  if (raw.items && typeof raw.items === 'object') out.items = strictSchema(raw.items as Raw);
  for (const key of ['anyOf', 'oneOf', 'allOf'] as const) {
    if (Array.isArray(raw[key])) out[key] = (raw[key] as Raw[]).map(strictSchema);
  }
  if (raw.not && typeof raw.not === 'object') out.not = strictSchema(raw.not as Raw);
  if (Array.isArray(raw.required) && raw.required.length > 0) out.required = [...(raw.required as string[])];
  const props = raw.properties as Record<string, Raw> | undefined;
  if (props) {
    out.properties = {};
    for (const name of Object.keys(props).sort()) out.properties[name] = strictSchema(props[name]!);
  }
  const preserve = raw['x-kubernetes-preserve-unknown-fields'] === true;
  if (raw.additionalProperties && typeof raw.additionalProperties === 'object') {
    out.additionalProperties = strictSchema(raw.additionalProperties as Raw);
  } else if (props && !preserve && raw.type === 'object') {
    out.additionalProperties = false;
  }
  return out;
}

export interface CrdSchemas {
  /** `group/version/Kind` → schema of the whole object (only `spec` is described). */
  readonly schemas: Record<string, JsonSchema>;
  /** `group/Kind` → served versions, storage version first. */
  readonly versions: Record<string, string[]>;
}

/** Every CRD document of a multi-document YAML file (other kinds are skipped). */
export function crdSchemas(text: string, into: CrdSchemas = {schemas: {}, versions: {}}): CrdSchemas {
  for (const doc of parseAllDocuments(text)) {
    const crd = doc.toJS() as Raw | null;
    if (!crd || crd.kind !== 'CustomResourceDefinition') continue;
    const spec = crd.spec as Raw;
    const group = spec.group as string;
    const kind = (spec.names as Raw).kind as string;
    const served: string[] = [];
    for (const version of spec.versions as Raw[]) {
      if (version.served === false) continue;
      const name = version.name as string;
      if (version.storage === true) served.unshift(name);
      else served.push(name);
      const open = ((version.schema as Raw | undefined)?.openAPIV3Schema ?? {}) as Raw;
      const specSchema = (open.properties as Record<string, Raw> | undefined)?.spec;
      const root: JsonSchema = {type: 'object', properties: {}};
      if (specSchema) root.properties!.spec = strictSchema(specSchema);
      if (Array.isArray(open.required) && open.required.includes('spec')) root.required = ['spec'];
      into.schemas[`${group}/${name}/${kind}`] = root;
    }
    into.versions[`${group}/${kind}`] = served;
  }
  return into;
}
