/**
 * Built-in meshes: Istio's Bookinfo, httpbin and tcp-echo samples, with the names, labels,
 * ports and service accounts the real manifests use (samples/bookinfo/platform/kube/bookinfo.yaml
 * and bookinfo-versions.yaml, samples/httpbin/httpbin.yaml, samples/tcp-echo/tcp-echo-services.yaml,
 * samples/curl/curl.yaml, the fortio client), plus an ingress gateway installed with istioctl
 * (istio-ingressgateway in istio-system), a curl pod in a namespace outside the mesh, and — as
 * the request source "browser" — a client outside the cluster.
 */
import type {DataPlaneMode, Mesh, PodBehaviour, Service, ServicePort, Workload} from './types';

export type PresetId = 'bookinfo' | 'httpbin' | 'tcp-echo';

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
const NAMESPACE = 'default';

function pods(prefix: string, count: number, overrides: Readonly<Record<string, PodBehaviour>>, latencyMs: number) {
  return Array.from({length: count}, (_, index) => {
    const name = `${prefix}-${String.fromCharCode(97 + index)}${index + 1}x${index + 7}`;
    return {name, behaviour: {latencyMs, ...overrides[name]}};
  });
}

const http = (port: number, targetPort?: number): ServicePort[] => [{name: 'http', port, targetPort, protocol: 'http'}];

function commonClients(mode: DataPlaneMode): Workload[] {
  return [
    {
      name: 'istio-ingressgateway',
      namespace: ROOT,
      serviceAccount: 'istio-ingressgateway-service-account',
      labels: {app: 'istio-ingressgateway', istio: 'ingressgateway'},
      mode: 'sidecar',
      gateway: 'istio',
      pods: [{name: 'istio-ingressgateway-7d4f8b6c5-abcde'}],
    },
    {name: 'curl', namespace: NAMESPACE, serviceAccount: 'curl', labels: {app: 'curl'}, mode, pods: [{name: 'curl-5b9c7d8f4-qwert'}]},
    {name: 'curl (legacy, outside the mesh)', namespace: 'legacy', serviceAccount: 'curl', labels: {app: 'curl'}, mode: 'outside', pods: [{name: 'curl-6c8d9e7f5-zxcvb'}]},
  ];
}

function waypointOf(options: PresetOptions, service: string): string | undefined {
  return (options.mode ?? 'sidecar') === 'ambient' && options.waypointFor?.includes(service) ? 'waypoint' : undefined;
}

const service = (name: string, ports: ServicePort[], selector: Record<string, string>, options: PresetOptions): Service => ({name, namespace: NAMESPACE, ports, selector, waypoint: waypointOf(options, name)});

export function bookinfoMesh(options: PresetOptions = {}): Mesh {
  const mode = options.mode ?? 'sidecar';
  const overrides = options.pods ?? {};
  const app = (name: 'productpage' | 'details' | 'reviews' | 'ratings', version: string, latencyMs: number, starColor?: 'black' | 'red'): Workload => ({
    name: `${name}-${version}`,
    namespace: NAMESPACE,
    serviceAccount: `bookinfo-${name}`,
    labels: {app: name, version},
    mode,
    app: name,
    starColor,
    pods: pods(`${name}-${version}-6d8f7c9b5`, 1, overrides, latencyMs),
  });
  const apps = ['productpage', 'details', 'reviews', 'ratings'];
  const versions: [string, string][] = [['reviews', 'v1'], ['reviews', 'v2'], ['reviews', 'v3'], ['productpage', 'v1'], ['ratings', 'v1'], ['details', 'v1']];
  return {
    name: 'Bookinfo',
    rootNamespace: ROOT,
    trustDomain: TRUST_DOMAIN,
    extensionProviders: ['sample-ext-authz-http'],
    services: [
      ...apps.map((name) => service(name, http(9080), {app: name}, options)),
      ...versions.map(([name, version]) => service(`${name}-${version}`, http(9080), {app: name, version}, options)),
    ],
    workloads: [
      app('productpage', 'v1', 30),
      app('details', 'v1', 8),
      app('reviews', 'v1', 12),
      app('reviews', 'v2', 20, 'black'),
      app('reviews', 'v3', 20, 'red'),
      app('ratings', 'v1', 6),
      ...commonClients(mode),
    ],
  };
}

export function httpbinMesh(options: PresetOptions = {}): Mesh {
  const mode = options.mode ?? 'sidecar';
  const overrides = options.pods ?? {};
  const replicas = options.httpbinReplicas ?? 1;
  const httpbin = (version: string): Workload => ({
    name: `httpbin-${version}`,
    namespace: NAMESPACE,
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
    services: [service('httpbin', http(8000, 8080), {app: 'httpbin'}, options)],
    workloads: [
      httpbin('v1'),
      httpbin('v2'),
      {name: 'fortio', namespace: NAMESPACE, serviceAccount: 'default', labels: {app: 'fortio'}, mode, pods: [{name: 'fortio-deploy-7d9c8b6f5-lkjhg'}]},
      ...commonClients(mode),
    ],
  };
}

export function tcpEchoMesh(options: PresetOptions = {}): Mesh {
  const mode = options.mode ?? 'sidecar';
  const overrides = options.pods ?? {};
  const echo = (version: string, prefix: string): Workload => ({
    name: `tcp-echo-${version}`,
    namespace: NAMESPACE,
    serviceAccount: 'default',
    labels: {app: 'tcp-echo', version},
    mode,
    app: 'tcp-echo',
    echoPrefix: prefix,
    pods: pods(`tcp-echo-${version}-7f8c9d6b5`, 1, overrides, 2),
  });
  const ports: ServicePort[] = [
    {name: 'tcp', port: 9000, protocol: 'tcp'},
    {name: 'tcp-other', port: 9001, protocol: 'tcp'},
  ];
  return {
    name: 'tcp-echo',
    rootNamespace: ROOT,
    trustDomain: TRUST_DOMAIN,
    extensionProviders: [],
    services: [service('tcp-echo', ports, {app: 'tcp-echo'}, options)],
    workloads: [echo('v1', 'one'), echo('v2', 'two'), ...commonClients(mode)],
  };
}

export function presetMesh(id: PresetId, options: PresetOptions = {}): Mesh {
  if (id === 'bookinfo') return bookinfoMesh(options);
  if (id === 'tcp-echo') return tcpEchoMesh(options);
  return httpbinMesh(options);
}
