/**
 * Field trees: which keys a configuration accepts, nested. A node is an object of keys, `0` for a
 * scalar (nothing below it) or `1` for an open map or free-form value (any key below it).
 * Sources: protobuf messages (.proto text), Go structs with json tags, and Helm values.yaml files.
 */
import {parse} from 'yaml';
import {matching, stripComments} from './golang';

export type FieldTree = {[key: string]: FieldTree} | 0 | 1;

// ---------------------------------------------------------------- protobuf

interface ProtoField {
  readonly name: string;
  readonly type: string;
  readonly map: boolean;
}

interface ProtoMessage {
  readonly fullName: string;
  readonly fields: ProtoField[];
}

const PROTO_SCALARS = new Set([
  'string', 'bool', 'bytes', 'double', 'float', 'int32', 'int64', 'uint32', 'uint64', 'sint32', 'sint64', 'fixed32',
  'fixed64', 'sfixed32', 'sfixed64',
]);
/** Well-known types: wrappers and Duration are scalars in JSON; Struct/Value/Any hold anything. */
const WELL_KNOWN: Record<string, 0 | 1> = {
  'google.protobuf.Duration': 0, 'google.protobuf.Timestamp': 0, 'google.protobuf.BoolValue': 0,
  'google.protobuf.StringValue': 0, 'google.protobuf.Int32Value': 0, 'google.protobuf.UInt32Value': 0,
  'google.protobuf.Int64Value': 0, 'google.protobuf.UInt64Value': 0, 'google.protobuf.DoubleValue': 0,
  'google.protobuf.FloatValue': 0, 'google.protobuf.Struct': 1, 'google.protobuf.Value': 1, 'google.protobuf.Any': 1,
  'google.protobuf.ListValue': 1,
};

const camel = (name: string): string => name.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

export class ProtoSet {
  private readonly messages = new Map<string, ProtoMessage>();
  private readonly enums = new Set<string>();

  add(source: string): void {
    const text = stripComments(source);
    const pkg = /^package\s+([\w.]+)\s*;/m.exec(text)?.[1] ?? '';
    this.block(text, pkg);
  }

  private block(text: string, scope: string): ProtoField[] {
    const fields: ProtoField[] = [];
    let i = 0;
    const def = /\b(message|enum|oneof)\s+(\w+)\s*\{/g;
    for (;;) {
      def.lastIndex = i;
      const m = def.exec(text);
      const chunk = text.slice(i, m ? m.index : text.length);
      for (const f of chunk.matchAll(/(?:^|[;{}\s])(?:repeated\s+|optional\s+)?(map\s*<\s*\w+\s*,\s*([\w.]+)\s*>|[\w.]+)\s+(\w+)\s*=\s*\d+/g)) {
        const isMap = f[1]!.startsWith('map');
        fields.push({name: f[3]!, type: isMap ? f[2]! : f[1]!, map: isMap});
      }
      if (!m) break;
      const open = m.index + m[0].length - 1;
      const close = matching(text, open);
      const inner = text.slice(open + 1, close);
      const full = `${scope}.${m[2]}`;
      if (m[1] === 'message') this.messages.set(full, {fullName: full, fields: this.block(inner, full)});
      else if (m[1] === 'enum') this.enums.add(full);
      else fields.push(...this.block(inner, scope)); // oneof fields belong to the message
      i = close + 1;
    }
    return fields;
  }

  /** The full name a type reference in `scope` means (inner scopes first, then outward). */
  private resolve(type: string, scope: string): string | undefined {
    const parts = scope.split('.');
    for (let n = parts.length; n >= 0; n--) {
      const candidate = [...parts.slice(0, n), type].join('.');
      if (this.messages.has(candidate) || this.enums.has(candidate)) return candidate;
    }
    const bySuffix = [...this.messages.keys(), ...this.enums].filter((k) => k.endsWith(`.${type}`));
    return bySuffix.length === 1 ? bySuffix[0] : undefined;
  }

  /** The field tree of a message (by full name); recursion stops at types already on the path. */
  tree(fullName: string, path: readonly string[] = []): FieldTree {
    const message = this.messages.get(fullName);
    if (!message) throw new Error(`proto message ${fullName} not found`);
    const out: {[key: string]: FieldTree} = {};
    for (const field of message.fields) {
      const sub = this.fieldTree(field, fullName, [...path, fullName]);
      out[camel(field.name)] = sub;
      if (camel(field.name) !== field.name) out[field.name] = sub;
    }
    return sortTree(out);
  }

  private fieldTree(field: ProtoField, scope: string, path: readonly string[]): FieldTree {
    if (field.map) return 1;
    if (PROTO_SCALARS.has(field.type)) return 0;
    const known = WELL_KNOWN[field.type.replace(/^\./, '')];
    if (known !== undefined) return known;
    const full = this.resolve(field.type.replace(/^\./, ''), scope);
    if (!full) return 1; // a type from a file that was not read: accept anything below it
    if (this.enums.has(full)) return 0;
    if (path.includes(full)) return 1;
    return this.tree(full, path);
  }
}

// ---------------------------------------------------------------- Go structs

/**
 * The field tree of a Go struct type from json tags; types from other packages (Kubernetes
 * core types and the like) are open, raw JSON fields are replaced by `subtrees`.
 */
export function goStructTree(source: string, typeName: string, subtrees: Record<string, FieldTree>, seen: string[] = []): FieldTree {
  const text = stripComments(source);
  const m = new RegExp(`^type\\s+${typeName}\\s+struct\\s*\\{`, 'm').exec(text);
  if (!m) throw new Error(`Go struct ${typeName} not found`);
  const body = text.slice(m.index + m[0].length, matching(text, m.index + m[0].length - 1));
  const out: {[key: string]: FieldTree} = {};
  for (const embedded of body.matchAll(/^\s*\*?([A-Z]\w*)\s*$/gm)) {
    const inner = goStructTree(source, embedded[1]!, subtrees, [...seen, typeName]);
    if (typeof inner === 'object') Object.assign(out, inner);
  }
  for (const f of body.matchAll(/^\s*\w+\s+([*\[\]\w.]+)\s+`json:"([\w-]*)[,"]/gm)) {
    const [, type, key] = f as unknown as [string, string, string];
    if (!key || key === '-') continue;
    if (key in subtrees) {
      out[key] = subtrees[key]!;
      continue;
    }
    const base = type.replace(/^[*\[\]]+/, '');
    if (/^(string|bool|u?int\d*|float\d*)$/.test(base)) out[key] = 0;
    else if (base === 'any' || base.includes('.') || base.startsWith('map') || seen.includes(base)) out[key] = 1;
    else if (base === 'BoolValue') out[key] = 0;
    else out[key] = goStructTree(source, base, subtrees, [...seen, typeName]);
  }
  return sortTree(out);
}

// ---------------------------------------------------------------- Helm values

/** The field tree of a chart's values.yaml; `_internal_defaults_do_not_set` is unwrapped. */
export function valuesTree(valuesYaml: string, extraTopLevel: readonly string[] = []): FieldTree {
  const data = (parse(valuesYaml) ?? {}) as Record<string, unknown>;
  const {_internal_defaults_do_not_set: defaults, ...rest} = data;
  const merged = deepMerge((defaults as Record<string, unknown> | undefined) ?? {}, rest);
  const tree = valueTree(merged);
  if (typeof tree === 'object') for (const key of extraTopLevel) tree[key] ??= 1;
  return typeof tree === 'object' ? sortTree(tree) : tree;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> {
  const out = {...a};
  for (const [k, v] of Object.entries(b)) out[k] = isObject(out[k]) && isObject(v) ? deepMerge(out[k] as Record<string, unknown>, v) : v;
  return out;
}

function valueTree(value: unknown): FieldTree {
  if (value === null || value === undefined || Array.isArray(value)) return 1;
  if (typeof value !== 'object') return 0;
  const entries = Object.entries(value as Record<string, unknown>);
  if (entries.length === 0) return 1; // `{}`: a map the user fills (env, nodeSelector, …)
  return Object.fromEntries(entries.map(([k, v]) => [k, valueTree(v)]));
}

function sortTree(tree: {[key: string]: FieldTree}): {[key: string]: FieldTree} {
  return Object.fromEntries(Object.entries(tree).sort(([a], [b]) => a.localeCompare(b)));
}

export function countKeys(tree: FieldTree): number {
  if (typeof tree !== 'object') return 0;
  return Object.values(tree).reduce<number>((n, sub) => n + 1 + countKeys(sub), 0);
}
