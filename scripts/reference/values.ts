/**
 * values.json: the keys `--set` and values files may use.
 * - charts: every Helm chart under manifests/charts (keys of its values.yaml, plus the top-level
 *   keys its zzz_profile.yaml template reads, such as `profile`);
 * - istioOperator: the IstioOperator spec (operator/pkg/apis/types.go) with `values` from the
 *   Values message (operator/pkg/apis/values_types.proto) and `meshConfig` from istio/api
 *   mesh/v1alpha1 MeshConfig (with the networking protos it refers to).
 */
import {countKeys, goStructTree, ProtoSet, valuesTree, type FieldTree} from './fields';
import type {GitTree} from './git';

const API_PROTO_DIRS = ['mesh/v1alpha1', 'networking/v1alpha3', 'type/v1beta1'];

/**
 * `meshConfig` in a chart's values is rendered into the mesh config, so every MeshConfig field
 * works there; it is written as "=meshConfig" (the IstioOperator's meshConfig tree) to keep the file small.
 */
export const SAME_AS_MESH_CONFIG = '=meshConfig';

export function chartTrees(tree: GitTree): Record<string, FieldTree> {
  const charts: Record<string, FieldTree> = {};
  for (const chartYaml of tree.filesUnder('manifests/charts').filter((p) => p.endsWith('/Chart.yaml'))) {
    const dir = chartYaml.slice(0, -'/Chart.yaml'.length);
    const name = /^name:\s*([\w-]+)/m.exec(tree.read(chartYaml))?.[1];
    if (!name || !tree.files().includes(`${dir}/values.yaml`)) continue;
    const profile = tree.files().includes(`${dir}/templates/zzz_profile.yaml`) ? tree.read(`${dir}/templates/zzz_profile.yaml`) : '';
    const extra = [...new Set([...profile.matchAll(/\$\.Values\)?\.(\w+)/g)].map((m) => m[1]!))].filter((k) => k !== '_internal_defaults_do_not_set');
    const values = valuesTree(tree.read(`${dir}/values.yaml`), extra) as Record<string, FieldTree | string>;
    if ('meshConfig' in values) values.meshConfig = SAME_AS_MESH_CONFIG;
    // zzy_descope_legacy.yaml copies `.pilot` (istiod) / `.cni` (cni) onto the top level: both spellings work
    const descope = tree.files().includes(`${dir}/templates/zzy_descope_legacy.yaml`) ? tree.read(`${dir}/templates/zzy_descope_legacy.yaml`) : '';
    for (const m of descope.matchAll(/index \$\.Values "(\w+)"/g)) values[m[1]!] = {...values} as unknown as FieldTree;
    charts[name] = values as unknown as FieldTree;
  }
  return Object.fromEntries(Object.entries(charts).sort(([a], [b]) => a.localeCompare(b)));
}

export function istioOperatorTree(istio: GitTree, api: GitTree): {tree: FieldTree; meshConfig: FieldTree; values: FieldTree} {
  const protos = new ProtoSet();
  protos.add(istio.read('operator/pkg/apis/values_types.proto'));
  const values = protos.tree('istio.operator.v1alpha1.Values');
  const apiProtos = new ProtoSet();
  const paths = API_PROTO_DIRS.flatMap((d) => api.filesUnder(d)).filter((p) => p.endsWith('.proto'));
  for (const text of api.readMany(paths).values()) apiProtos.add(text);
  const meshConfig = apiProtos.tree('istio.mesh.v1alpha1.MeshConfig');
  const tree = goStructTree(istio.read('operator/pkg/apis/types.go'), 'IstioOperatorSpec', {meshConfig, values});
  return {tree, meshConfig, values};
}

export {countKeys};
