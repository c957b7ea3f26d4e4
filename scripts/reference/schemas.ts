/**
 * schemas.json: the strict spec schemas of every Istio CRD (manifests/charts/base/files/crd-all.gen.yaml)
 * and of the Gateway API CRDs the release is tested with (the YAML file carrying the newest
 * `gateway.networking.k8s.io/bundle-version` and the HTTPRoute CRD).
 */
import type {JsonSchema} from '../../src/data/istio-reference/schemaTypes';
import {crdSchemas, type CrdSchemas} from './crds';
import type {GitTree} from './git';

export const ISTIO_CRDS = 'manifests/charts/base/files/crd-all.gen.yaml';

/**
 * Fields the CRD still declares but Istio ignores (deprecated proto fields): accepting them would
 * let a no-op setting through, so they are removed and reported as unknown. Source: istio/api
 * networking/v1alpha3/destination_rule.proto, OutlierDetection.consecutive_errors ("deprecated").
 */
const IGNORED_FIELDS: readonly {kind: string; field: string}[] = [{kind: 'networking.istio.io/DestinationRule', field: 'consecutiveErrors'}];

function dropProperty(schema: JsonSchema, name: string): void {
  const visit = (s: JsonSchema | boolean | undefined): void => {
    if (!s || typeof s === 'boolean') return;
    if (s.properties && name in s.properties) delete s.properties[name];
    Object.values(s.properties ?? {}).forEach(visit);
    visit(s.items);
    visit(s.additionalProperties);
    [...(s.anyOf ?? []), ...(s.oneOf ?? []), ...(s.allOf ?? [])].forEach(visit);
  };
  visit(schema);
}

const semver = (v: string): number[] => v.replace(/^v/, '').split(/[.-]/).map((p) => Number.parseInt(p, 10) || 0);
const newer = (a: string, b: string): boolean => {
  const [x, y] = [semver(a), semver(b)];
  for (let i = 0; i < Math.max(x.length, y.length); i++) if ((x[i] ?? 0) !== (y[i] ?? 0)) return (x[i] ?? 0) > (y[i] ?? 0);
  return false;
};

/** The Gateway API CRD bundle on the branch: path and bundle version. */
export function gatewayApiBundle(tree: GitTree): {path: string; version: string} {
  let best: {path: string; version: string} | undefined;
  for (const path of tree.grep('name: httproutes.gateway.networking.k8s.io')) {
    if (!/\.ya?ml$/.test(path)) continue;
    const version = /gateway\.networking\.k8s\.io\/bundle-version: (v[\w.-]+)/.exec(tree.read(path))?.[1];
    if (version && (!best || newer(version, best.version))) best = {path, version};
  }
  if (!best) throw new Error('no Gateway API CRD bundle (httproutes.gateway.networking.k8s.io) on the branch');
  return best;
}

export function generateSchemas(tree: GitTree): CrdSchemas & {sameAs: Record<string, string>; gatewayApi: {path: string; version: string}} {
  const out = crdSchemas(tree.read(ISTIO_CRDS));
  const gatewayApi = gatewayApiBundle(tree);
  crdSchemas(tree.read(gatewayApi.path), out);
  for (const {kind, field} of IGNORED_FIELDS) {
    const [group, name] = [kind.slice(0, kind.lastIndexOf('/')), kind.slice(kind.lastIndexOf('/') + 1)];
    for (const version of out.versions[kind] ?? []) {
      const schema = out.schemas[`${group}/${version}/${name}`];
      if (schema) dropProperty(schema, field);
    }
  }
  // a version whose schema equals the storage version's is stored once, as an alias
  const same: Record<string, string> = {};
  for (const [kind, versions] of Object.entries(out.versions)) {
    const [group, name] = [kind.slice(0, kind.lastIndexOf('/')), kind.slice(kind.lastIndexOf('/') + 1)];
    const storage = `${group}/${versions[0]}/${name}`;
    for (const version of versions.slice(1)) {
      const key = `${group}/${version}/${name}`;
      if (JSON.stringify(out.schemas[key]) === JSON.stringify(out.schemas[storage])) {
        same[key] = storage;
        delete out.schemas[key];
      }
    }
  }
  const sortKeys = <T>(r: Record<string, T>): Record<string, T> => Object.fromEntries(Object.entries(r).sort(([a], [b]) => a.localeCompare(b)));
  return {schemas: sortKeys(out.schemas), sameAs: sortKeys(same), versions: sortKeys(out.versions), gatewayApi};
}
