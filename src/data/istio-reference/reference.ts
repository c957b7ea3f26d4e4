/**
 * Typed access to the generated reference data (npm run reference:update; see README.md here).
 * Plain data, no logic beyond resolving the schema aliases.
 */
import schemasJson from './schemas.json';
import samplesJson from './samples.json';
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
