/**
 * Typed access to the generated reference data (npm run reference:update; see README.md here).
 * Plain data, no logic beyond resolving the schema aliases.
 */
import schemasJson from './schemas.json';
import samplesJson from './samples.json';
import istioctlJson from './istioctl.json';
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
