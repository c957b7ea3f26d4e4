/**
 * Typed access to the generated reference data (npm run reference:update; see README.md here).
 * Plain data, no logic beyond resolving the schema aliases.
 */
import schemasJson from './schemas.json';
import samplesJson from './samples.json';
import istioctlJson from './istioctl.json';
import valuesJson from './values.json';
import outputsJson from './outputs.json';
import type {JsonSchema} from './schemaTypes';

export interface Source {
  readonly repository: string;
  readonly ref: string;
  readonly commit: string;
}

const schemaData = schemasJson as unknown as {
  source: Source[];
  schemas: Record<string, JsonSchema>;
  sameAs: Record<string, string>;
  versions: Record<string, string[]>;
};

/** `group/version/Kind` → schema of the resource (its `spec`), for every served version. */
export const SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  ...schemaData.schemas,
  ...Object.fromEntries(Object.entries(schemaData.sameAs).map(([key, same]) => [key, schemaData.schemas[same]!])),
};

/** `group/Kind` → served versions, storage version first. */
export const CRD_VERSIONS: Readonly<Record<string, readonly string[]>> = schemaData.versions;

/** Every file under samples/ (and the JWT test keys) on the release branch. */
export const SAMPLE_PATHS: ReadonlySet<string> = new Set(samplesJson.paths);

export const REFERENCE_SOURCE: readonly Source[] = schemaData.source;

export interface IstioctlFlag {
  readonly name: string;
  readonly short?: string;
  /** Takes a value (`--set x=y`); false for switches. */
  readonly value: boolean;
  /** Inherited by subcommands. */
  readonly persistent?: boolean;
  readonly hidden?: boolean;
}

export interface IstioctlCommand {
  readonly name: string;
  readonly aliases?: readonly string[];
  /** Runs by itself; otherwise it only groups subcommands. */
  readonly runnable?: boolean;
  /** Exists only to print an error that points elsewhere. */
  readonly errorOnly?: boolean;
  readonly hidden?: boolean;
  readonly flags?: readonly IstioctlFlag[];
  readonly commands?: readonly IstioctlCommand[];
}

/** The istioctl command tree read from the release's cobra sources. */
export const ISTIOCTL_TREE: IstioctlCommand = (istioctlJson as unknown as {root: IstioctlCommand}).root;

/** Keys a configuration accepts: nested keys, `0` for a scalar, `1` for a free-form map or value. */
export type FieldTree = {readonly [key: string]: FieldTree} | 0 | 1;

type StoredTree = {readonly [key: string]: StoredTree} | 0 | 1 | '=meshConfig';
const valuesData = valuesJson as unknown as {charts: Record<string, StoredTree>; istioOperator: {meshConfig: FieldTree}};

/** The IstioOperator spec (with `values` and `meshConfig`), as `istioctl install --set` and `-f` read it. */
export const ISTIO_OPERATOR_FIELDS: FieldTree = valuesData.istioOperator as unknown as FieldTree;

/** "=meshConfig" in a chart's tree stands for every MeshConfig field (the chart renders them into the mesh config). */
const resolve = (tree: StoredTree): FieldTree =>
  tree === '=meshConfig' ? valuesData.istioOperator.meshConfig : typeof tree === 'object' ? Object.fromEntries(Object.entries(tree).map(([k, v]) => [k, resolve(v)])) : tree;

/** Helm chart name (istiod, base, gateway, cni, ztunnel, …) → keys of its values. */
export const CHART_VALUES: Readonly<Record<string, FieldTree>> = Object.fromEntries(Object.entries(valuesData.charts).map(([c, t]) => [c, resolve(t)]));

export interface AnalyzerMessage {
  readonly name: string;
  readonly level: string;
  readonly template: string;
}

const outputsData = outputsJson as unknown as {
  tables: string[][];
  analyzers: Record<string, AnalyzerMessage>;
  logs: {istio: string[]; ztunnel?: string[]; ztunnelFields?: string[]};
};

/** Column headers istioctl prints, each as its words. */
export const ISTIOCTL_TABLES: readonly (readonly string[])[] = outputsData.tables;
/** Analyzer messages by code (IST0102 → name, level, template). */
export const ANALYZER_MESSAGES: Readonly<Record<string, AnalyzerMessage>> = outputsData.analyzers;
/** Log format strings (Go `%v` verbs / Rust `{}`) of the Go components and of ztunnel. */
export const LOG_FORMATS: {readonly istio: readonly string[]; readonly ztunnel: readonly string[]; readonly ztunnelFields: readonly string[]} = {
  istio: outputsData.logs.istio,
  ztunnel: outputsData.logs.ztunnel ?? [],
  ztunnelFields: outputsData.logs.ztunnelFields ?? [],
};
