/**
 * Field documentation for the playground editor, read from the same CRD schemas the content
 * checker uses (src/data/istio-reference/schemas.json). This is the one place that knows the
 * file's format: the editor asks "which fields can go here?" and "what is this field?" with a
 * YAML text and a position, and gets plain data back. Pure TypeScript, no DOM, no CodeMirror.
 */
import schemasJson from '../data/istio-reference/schemas.json';
import type {JsonSchema} from '../data/istio-reference/schemaTypes';

/** A schema node as stored; descriptions are read when the generator keeps them. */
interface SchemaNode extends Omit<JsonSchema, 'properties' | 'items' | 'additionalProperties' | 'anyOf'> {
  readonly description?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly additionalProperties?: boolean | SchemaNode;
  readonly anyOf?: readonly SchemaNode[];
}

/**
 * `apiVersion/kind` → schema of the resource. The file is either that map itself or, as the
 * reference generator writes it for the 1.31 CRDs, `{schemas, sameAs}` where `sameAs` names
 * versions that share another's schema.
 */
function readSchemas(json: unknown): Readonly<Record<string, SchemaNode>> {
  const file = json as {schemas?: Record<string, SchemaNode>; sameAs?: Record<string, string>};
  if (!file.schemas) return json as Readonly<Record<string, SchemaNode>>;
  const aliases = Object.entries(file.sameAs ?? {}).flatMap(([key, same]) => (file.schemas?.[same] ? [[key, file.schemas[same]] as const] : []));
  return {...file.schemas, ...Object.fromEntries(aliases)};
}

const SCHEMAS = readSchemas(schemasJson);

export interface FieldDoc {
  readonly name: string;
  /** "object", "list of object", "string", "number", "boolean", "map of string", "one of: A, B". */
  readonly type: string;
  readonly description?: string;
  readonly values?: readonly string[];
  /** Names of the fields inside an object (or inside each list item). */
  readonly children?: readonly string[];
}

/** Fields every Kubernetes object has, outside `spec`; written for this course. */
const OBJECT_FIELDS: Readonly<Record<string, SchemaNode>> = {
  apiVersion: {type: 'string', description: 'API group and version of the kind, e.g. networking.istio.io/v1.'},
  kind: {type: 'string', description: 'Kind of resource: VirtualService, DestinationRule, AuthorizationPolicy…'},
  metadata: {
    type: 'object',
    description: 'Name, namespace, labels and annotations of the resource.',
    properties: {
      name: {type: 'string', description: 'Name of the resource, unique per kind in its namespace.'},
      namespace: {type: 'string', description: 'Namespace of the resource; the Istio root namespace makes a policy mesh-wide.'},
      labels: {type: 'object', additionalProperties: {type: 'string'}},
      annotations: {type: 'object', additionalProperties: {type: 'string'}},
    },
  },
};

/** "apiVersion/kind" keys known to the schemas, e.g. "networking.istio.io/v1/VirtualService". */
export function knownKinds(): readonly {apiVersion: string; kind: string}[] {
  return Object.keys(SCHEMAS).map((key) => {
    const at = key.lastIndexOf('/');
    return {apiVersion: key.slice(0, at), kind: key.slice(at + 1)};
  });
}

function typeName(schema: SchemaNode): string {
  if (schema.enum) return `one of: ${schema.enum.join(', ')}`;
  const type = Array.isArray(schema.type) ? schema.type.join(' or ') : (schema.type ?? 'any');
  if (type === 'array') return `list of ${schema.items ? typeName(schema.items) : 'any'}`;
  if (type === 'object' && !schema.properties && typeof schema.additionalProperties === 'object')
    return `map of ${typeName(schema.additionalProperties)}`;
  return type;
}

/** Object properties of a node, looking through lists and anyOf branches. */
function propertiesOf(schema: SchemaNode | undefined): Readonly<Record<string, SchemaNode>> {
  if (!schema) return {};
  if (schema.items) return propertiesOf(schema.items);
  const merged: Record<string, SchemaNode> = {...schema.properties};
  for (const branch of schema.anyOf ?? []) Object.assign(merged, propertiesOf(branch));
  return merged;
}

function docOf(name: string, schema: SchemaNode): FieldDoc {
  const children = Object.keys(propertiesOf(schema));
  return {
    name,
    type: typeName(schema),
    ...(schema.description ? {description: schema.description} : {}),
    ...(schema.enum ? {values: schema.enum.map(String)} : {}),
    ...(children.length ? {children} : {}),
  };
}

/** The schema node at a path of keys (lists are looked through), or undefined. */
function nodeAt(apiVersion: string, kind: string, path: readonly string[]): SchemaNode | undefined {
  const root: SchemaNode = {type: 'object', properties: {...OBJECT_FIELDS, ...propertiesOf(SCHEMAS[`${apiVersion}/${kind}`])}};
  let node: SchemaNode | undefined = root;
  for (const key of path) {
    const properties = propertiesOf(node);
    const next: SchemaNode | undefined = properties[key] ?? (typeof node?.additionalProperties === 'object' ? node.additionalProperties : undefined);
    if (!next) return undefined;
    node = next;
  }
  return node;
}

/** Fields allowed inside the object at `path` of a kind ([] = the document's top level). */
export function fieldsAt(apiVersion: string, kind: string, path: readonly string[]): readonly FieldDoc[] {
  return Object.entries(propertiesOf(nodeAt(apiVersion, kind, path))).map(([name, schema]) => docOf(name, schema));
}

/** The field at `path` (its last element is the field's own name). */
export function fieldDoc(apiVersion: string, kind: string, path: readonly string[]): FieldDoc | undefined {
  const name = path.at(-1);
  const node = name === undefined ? undefined : nodeAt(apiVersion, kind, path);
  return name === undefined || !node ? undefined : docOf(name, node);
}

export interface YamlContext {
  readonly apiVersion?: string;
  readonly kind?: string;
  /** Keys of the mappings that enclose the line, outermost first. */
  readonly path: readonly string[];
  /** The key (possibly half typed) under the position, and where it starts (0-based offset). */
  readonly key?: {readonly text: string; readonly from: number};
  /** When the position is in a value: the key it belongs to, and where the value starts. */
  readonly value?: {readonly key: string; readonly from: number; readonly text: string};
}

const KEY_LINE = /^(\s*(?:-\s+)*)([A-Za-z_$][\w.$-]*)\s*:(?:\s|$)/;
const KEY_AT = /^([A-Za-z_$][\w.$-]*)?(\s*:\s*)?/;

/**
 * Where a position sits in a multi-document YAML text, read from indentation alone so that it
 * works while the text is half typed and not yet valid YAML: a key's parents are the nearest
 * lines above whose key starts further left.
 */
export function yamlContext(text: string, offset: number): YamlContext {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const lineText = text.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
  const docStart = text.lastIndexOf('\n---', offset - 1) + 1;
  const docEnd = text.indexOf('\n---', offset);
  const documentText = text.slice(docStart, docEnd === -1 ? undefined : docEnd);
  const topLevel = (name: string) => new RegExp(`^${name}:[ \\t]*["']?([^"'\\s#]+)`, 'm').exec(documentText)?.[1];

  const cursor = offset - lineStart;
  const column = Math.min(cursor, /^\s*(?:-\s+)*/.exec(lineText)?.[0].length ?? 0);
  const [, word = '', colon = ''] = KEY_AT.exec(lineText.slice(column)) ?? [];
  const path: string[] = [];
  let limit = column;
  for (const line of text.slice(docStart, lineStart).split('\n').reverse()) {
    if (limit === 0) break;
    const match = KEY_LINE.exec(line);
    const keyColumn = match?.[1]?.length ?? Infinity;
    if (match && keyColumn < limit) {
      path.unshift(match[2] ?? '');
      limit = keyColumn;
    }
  }
  const base = {apiVersion: topLevel('apiVersion'), kind: topLevel('kind'), path};
  if (cursor <= column + word.length) return {...base, key: {text: word, from: lineStart + column}};
  if (colon.includes(':') && cursor >= column + word.length + colon.length) {
    const from = lineStart + column + word.length + colon.length;
    return {...base, value: {key: word, from, text: text.slice(from, offset)}};
  }
  return base;
}
