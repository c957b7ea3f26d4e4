/**
 * Built-in meshes: Istio's Bookinfo and httpbin samples, with the names, labels and service
 * accounts the real manifests use (samples/bookinfo/platform/kube/bookinfo.yaml,
 * samples/httpbin/httpbin.yaml, samples/curl/curl.yaml, the fortio client), plus an ingress
 * gateway installed with istioctl (istio-ingressgateway in istio-system) and a curl pod in a
 * namespace outside the mesh.
 */
import type {DataPlaneMode, Mesh, PodBehaviour, Workload} from './types';

export type PresetId = 'bookinfo' | 'httpbin';

export interface PresetOptions {
  /** Data-plane mode of the application namespace (default: sidecar). */
  readonly mode?: 'sidecar' | 'ambient';
  /** Ambient only: services that use a waypoint named "waypoint" in their namespace. */
  readonly waypointFor?: readonly string[];
  /** Pod behaviours by pod name, e.g. one httpbin replica that answers 503. */
  readonly pods?: Readonly<Record<string, PodBehaviour>>;
  /** Number of httpbin replicas per version (default 1). */
  readonly httpbinReplicas?: number;
}

const ROOT = 'istio-system';
const TRUST_DOMAIN = 'cluster.local';

function pods(prefix: string, count: number, overrides: Readonly<Record<string, PodBehaviour>>, latencyMs: number) {
  return Array.from({length: count}, (_, index) => {
    const name = `${prefix}-${String.fromCharCode(97 + index)}${index + 1}x${index + 7}`;
    return {name, behaviour: {latencyMs, ...overrides[name]}};
  });
}

function commonClients(namespace: string, mode: DataPlaneMode): Workload[] {
  return [
    {
      name: 'istio-ingressgateway',
      namespace: ROOT,
      serviceAccount: 'istio-ingressgateway-service-account',
      labels: {app: 'istio-ingressgateway', istio: 'ingressgateway'},
      mode: 'sidecar',
      pods: [{name: 'istio-ingressgateway-7d4f8b6c5-abcde'}],
    },
    {
      name: 'curl',
      namespace,
      serviceAccount: 'curl',
      labels: {app: 'curl'},
      mode,
      pods: [{name: 'curl-5b9c7d8f4-qwert'}],
    },
    {
      name: 'curl (legacy, outside the mesh)',
      namespace: 'legacy',
      serviceAccount: 'curl',
      labels: {app: 'curl'},
      mode: 'outside',
      pods: [{name: 'curl-6c8d9e7f5-zxcvb'}],
    },
  ];
}

export function bookinfoMesh(options: PresetOptions = {}): Mesh {
  const mode = options.mode ?? 'sidecar';
  const namespace = 'default';
  const overrides = options.pods ?? {};
  const waypoint = (service: string): string | undefined =>
    mode === 'ambient' && options.waypointFor?.includes(service) ? 'waypoint' : undefined;
  const app = (name: string, version: string, account: string, latencyMs: number): Workload => ({
    name: `${name}-${version}`,
    namespace,
    serviceAccount: account,
    labels: {app: name, version},
    mode,
    pods: pods(`${name}-${version}-6d8f7c9b5`, 1, overrides, latencyMs),
  });
  return {
    name: 'Bookinfo',
    rootNamespace: ROOT,
    trustDomain: TRUST_DOMAIN,
    extensionProviders: ['sample-ext-authz-http'],
    services: ['productpage', 'details', 'reviews', 'ratings'].map((name) => ({
      name,
      namespace,
      port: 9080,
      selector: {app: name},
      waypoint: waypoint(name),
    })),
    workloads: [
      app('productpage', 'v1', 'bookinfo-productpage', 30),
      app('details', 'v1', 'bookinfo-details', 8),
      app('reviews', 'v1', 'bookinfo-reviews', 12),
      app('reviews', 'v2', 'bookinfo-reviews', 20),
      app('reviews', 'v3', 'bookinfo-reviews', 20),
      app('ratings', 'v1', 'bookinfo-ratings', 6),
      ...commonClients(namespace, mode),
    ],
  };
}

export function httpbinMesh(options: PresetOptions = {}): Mesh {
  const mode = options.mode ?? 'sidecar';
  const namespace = 'default';
  const overrides = options.pods ?? {};
  const replicas = options.httpbinReplicas ?? 1;
  const httpbin = (version: string): Workload => ({
    name: `httpbin-${version}`,
    namespace,
    serviceAccount: 'httpbin',
    labels: {app: 'httpbin', version},
    mode,
    app: 'httpbin',
    pods: pods(`httpbin-${version}-5c6d7b8f9`, replicas, overrides, 5),
  });
  return {
    name: 'httpbin',
    rootNamespace: ROOT,
    trustDomain: TRUST_DOMAIN,
    extensionProviders: ['sample-ext-authz-http'],
    services: [
      {
        name: 'httpbin',
        namespace,
        port: 8000,
        targetPort: 8080,
        selector: {app: 'httpbin'},
        waypoint: mode === 'ambient' && options.waypointFor?.includes('httpbin') ? 'waypoint' : undefined,
      },
    ],
    workloads: [
      httpbin('v1'),
      httpbin('v2'),
      {
        name: 'fortio',
        namespace,
        serviceAccount: 'default',
        labels: {app: 'fortio'},
        mode,
        pods: [{name: 'fortio-deploy-7d9c8b6f5-lkjhg'}],
      },
      ...commonClients(namespace, mode),
    ],
  };
}

export function presetMesh(id: PresetId, options: PresetOptions = {}): Mesh {
  return id === 'bookinfo' ? bookinfoMesh(options) : httpbinMesh(options);
}
