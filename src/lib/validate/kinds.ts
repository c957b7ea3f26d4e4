/**
 * Which apiVersion each kind must use on the pinned release, and which kinds the checker knows.
 * Istio: the served/storage versions of istio/istio manifests/charts/base/files/crd-all.gen.yaml
 * (v1 where it exists; EnvoyFilter only v1alpha3, ProxyConfig only v1beta1, WasmPlugin and
 * TrafficExtension v1alpha1). Gateway API v1.6.0 standard channel: v1 (TCPRoute/UDPRoute are
 * experimental v1alpha2). Core Kubernetes: the stable group/versions.
 */

export type KindFamily = 'istio' | 'gateway-api' | 'core' | 'tool';

export interface KindInfo {
  readonly family: KindFamily;
  /** The apiVersion to write. */
  readonly apiVersion: string;
  /** Other versions the API server still serves (allowed only in `outdated` blocks). */
  readonly older: readonly string[];
  /** Key into schemas.json, when a schema is carried. */
  readonly schema?: string;
  /** Cluster-scoped or not a cluster resource: metadata.namespace is not expected. */
  readonly clusterScoped?: boolean;
}

const istio = (group: string, version: string, older: string[], schemaVersion = version) => ({
  family: 'istio' as const,
  apiVersion: `${group}/${version}`,
  older: older.map((v) => `${group}/${v}`),
  schemaVersion,
});

const KINDS: Record<string, KindInfo> = {};

function add(kind: string, info: Omit<KindInfo, 'schema'> & {schemaVersion?: string}): void {
  const {schemaVersion, ...rest} = info;
  const group = info.apiVersion.split('/').slice(0, -1).join('/');
  KINDS[`${group}|${kind}`] = {
    ...rest,
    schema: schemaVersion ? `${group ? `${group}/` : ''}${schemaVersion}/${kind}` : undefined,
  };
}

for (const k of ['VirtualService', 'DestinationRule', 'Gateway', 'ServiceEntry', 'Sidecar', 'WorkloadEntry', 'WorkloadGroup']) {
  add(k, istio('networking.istio.io', 'v1', ['v1beta1', 'v1alpha3']));
}
add('EnvoyFilter', istio('networking.istio.io', 'v1alpha3', []));
add('ProxyConfig', istio('networking.istio.io', 'v1beta1', []));
for (const k of ['AuthorizationPolicy', 'PeerAuthentication', 'RequestAuthentication']) {
  add(k, istio('security.istio.io', 'v1', ['v1beta1']));
}
add('Telemetry', istio('telemetry.istio.io', 'v1', ['v1alpha1']));
add('WasmPlugin', istio('extensions.istio.io', 'v1alpha1', []));
add('TrafficExtension', istio('extensions.istio.io', 'v1alpha1', []));
add('IstioOperator', {family: 'tool', apiVersion: 'install.istio.io/v1alpha1', older: []});

const gw = (kind: string, version: string, older: string[], schemaVersion = version): void =>
  add(kind, {
    family: 'gateway-api',
    apiVersion: `gateway.networking.k8s.io/${version}`,
    older: older.map((v) => `gateway.networking.k8s.io/${v}`),
    schemaVersion,
    clusterScoped: kind === 'GatewayClass',
  });
gw('Gateway', 'v1', ['v1beta1']);
gw('GatewayClass', 'v1', ['v1beta1']);
gw('HTTPRoute', 'v1', ['v1beta1']);
gw('GRPCRoute', 'v1', []);
gw('TLSRoute', 'v1', ['v1alpha2']);
gw('ReferenceGrant', 'v1', ['v1beta1'], 'v1beta1');
gw('BackendTLSPolicy', 'v1', ['v1alpha3']);
gw('ListenerSet', 'v1', []);
gw('TCPRoute', 'v1alpha2', []);
gw('UDPRoute', 'v1alpha2', []);

const core = (apiVersion: string, kinds: string[], clusterScoped = false): void => {
  for (const kind of kinds) add(kind, {family: 'core', apiVersion, older: [], clusterScoped});
};
core('v1', ['Service', 'ServiceAccount', 'Secret', 'ConfigMap', 'Pod', 'Endpoints', 'PersistentVolumeClaim', 'LimitRange', 'ResourceQuota']);
core('v1', ['Namespace', 'Node', 'PersistentVolume'], true);
core('apps/v1', ['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet']);
core('batch/v1', ['Job', 'CronJob']);
core('rbac.authorization.k8s.io/v1', ['Role', 'RoleBinding']);
core('rbac.authorization.k8s.io/v1', ['ClusterRole', 'ClusterRoleBinding'], true);
core('networking.k8s.io/v1', ['NetworkPolicy', 'Ingress']);
core('networking.k8s.io/v1', ['IngressClass'], true);
core('policy/v1', ['PodDisruptionBudget']);
core('autoscaling/v2', ['HorizontalPodAutoscaler']);
core('discovery.k8s.io/v1', ['EndpointSlice']);
core('coordination.k8s.io/v1', ['Lease']);
core('admissionregistration.k8s.io/v1', ['MutatingWebhookConfiguration', 'ValidatingWebhookConfiguration'], true);
core('apiextensions.k8s.io/v1', ['CustomResourceDefinition'], true);
core('storage.k8s.io/v1', ['StorageClass'], true);
add('Cluster', {family: 'tool', apiVersion: 'kind.x-k8s.io/v1alpha4', older: [], clusterScoped: true});

export function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
}

/** The kind in the apiVersion's group, if the checker knows it. */
export function kindInfo(apiVersion: string, kind: string): KindInfo | undefined {
  return KINDS[`${groupOf(apiVersion)}|${kind}`];
}

/** Every known entry for a kind name, whatever its group (for "wrong group" messages). */
export function kindsNamed(kind: string): KindInfo[] {
  return Object.entries(KINDS)
    .filter(([key]) => key.endsWith(`|${kind}`))
    .map(([, info]) => info);
}
