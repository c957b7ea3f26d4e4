/** What the rules read and what they return. */
import type {Severity} from '../problem';
import type {PathItem} from '../yaml';

/**
 * An Istio resource as plain data: what a parsed manifest holds, or what the playground built.
 * `spec` is read defensively (any shape), so a half-typed resource never makes a rule throw.
 */
export interface RuleResource {
  readonly kind: string;
  readonly name?: string;
  /** Unset: the namespace the resource is applied to (`default` unless the caller says otherwise). */
  readonly namespace?: string;
  readonly spec?: unknown;
}

/** One broken rule, at a path from the resource's root (`['spec', 'http', 0, 'redirect']`). */
export interface Finding {
  /** Stable id of the rule, e.g. `http-route-conflict`. */
  readonly rule: string;
  readonly path: readonly PathItem[];
  readonly message: string;
  readonly severity: Severity;
}

/** A finding of a rule over a set of resources: which one it is about. */
export interface ResourceFinding extends Finding {
  /** Index of the resource in the list given to `checkReferences`. */
  readonly resource: number;
}

export type Json = Readonly<Record<string, unknown>>;

/** The value as a mapping, or an empty one. */
export function objectOf(value: unknown): Json {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Json) : {};
}

/** The value as a list of mappings, or an empty list. */
export function listOf(value: unknown): Json[] {
  return Array.isArray(value) ? value.map(objectOf) : [];
}

/** A manifest object (`{apiVersion, kind, metadata: {name, namespace}, spec}`) as a RuleResource. */
export function ruleResource(manifest: unknown): RuleResource | undefined {
  const object = objectOf(manifest);
  if (typeof object.kind !== 'string') return undefined;
  const metadata = objectOf(object.metadata);
  return {
    kind: object.kind,
    name: typeof metadata.name === 'string' ? metadata.name : undefined,
    namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
    spec: object.spec,
  };
}
