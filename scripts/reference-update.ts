/**
 * npm run reference:update -- <istio git dir or checkout> <ref> [--api <dir> <ref>] [--ztunnel <dir> <ref>]
 *
 * Regenerates src/data/istio-reference/*.json from the Istio release's own sources (see the
 * README there). Every file records the repositories, refs and commits it was read from.
 */
import {GitTree, type Provenance} from './reference/git';
import {generateSchemas, ISTIO_CRDS} from './reference/schemas';
import {samplePaths} from './reference/samples';
import {countTree, ISTIOCTL_SOURCES, istioctlTree} from './reference/istioctl';
import {writeData} from './reference/write';
import {generateOutputs} from './reference/outputs';
import {chartTrees, countKeys, istioOperatorTree} from './reference/values';

function usage(): never {
  console.error('usage: npm run reference:update -- <istio git dir or checkout> <ref> [--api <dir> <ref>] [--ztunnel <dir> <ref>]');
  process.exit(2);
}

const argv = process.argv.slice(2);
const optional = (flag: string, repository: string): GitTree | undefined => {
  const i = argv.indexOf(flag);
  if (i === -1) return undefined;
  const [dir, ref] = [argv[i + 1], argv[i + 2]];
  if (!dir || !ref) usage();
  argv.splice(i, 3);
  return new GitTree(dir, ref, repository);
};
const api = optional('--api', 'istio/api');
const ztunnel = optional('--ztunnel', 'istio/ztunnel');
const [dir, ref] = argv;
if (!dir || !ref) usage();
const istio = new GitTree(dir, ref, 'istio/istio');
const src: Provenance[] = [istio.provenance];

const schemas = generateSchemas(istio);
writeData('schemas.json', src, {
  files: [ISTIO_CRDS, schemas.gatewayApi.path],
  gatewayApiBundle: schemas.gatewayApi.version,
  versions: schemas.versions,
  sameAs: schemas.sameAs,
  schemas: schemas.schemas,
});
writeData('samples.json', src, {paths: samplePaths(istio)});
const istioctl = istioctlTree(istio);
const counted = countTree(istioctl);
writeData('istioctl.json', src, {files: ISTIOCTL_SOURCES, ...counted, root: istioctl});
void api;
void ztunnel;

if (!api) {
  console.error('values.json needs istio/api for meshConfig: pass --api <istio/api git dir> <ref> (skipped)');
} else {
  const operator = istioOperatorTree(istio, api);
  const charts = chartTrees(istio);
  writeData('values.json', [...src, api.provenance], {
    files: ['manifests/charts/*/values.yaml', 'operator/pkg/apis/types.go', 'operator/pkg/apis/values_types.proto', 'istio/api mesh/v1alpha1/*.proto'],
    counts: {
      charts: Object.fromEntries(Object.entries(charts).map(([k, v]) => [k, countKeys(v)])),
      istioOperator: countKeys(operator.tree),
      meshConfig: countKeys(operator.meshConfig),
      values: countKeys(operator.values),
    },
    charts,
    istioOperator: operator.tree,
  });
}

const outputs = generateOutputs(istio, ztunnel);
writeData('outputs.json', ztunnel ? [...src, ztunnel.provenance] : src, {
  files: ['istioctl/**/testdata/*.{txt,golden}', 'istioctl/**/*.go', 'pkg/config/analysis/msg/messages.yaml', '{pilot,security,pkg,cni}/**/*.go', ...(ztunnel ? ['istio/ztunnel src/**/*.rs'] : [])],
  ...outputs,
});
if (!ztunnel) console.error('outputs.json: no ztunnel log strings: pass --ztunnel <istio/ztunnel git dir> <ref>');
