/**
 * Host names as Istio resolves them: short names are completed with the namespace of the
 * resource (or client) that writes them, and Services are found by their FQDN.
 */
import type {Mesh, Service, ServicePort, Workload} from './types';

export const DEFAULT_NAMESPACE = 'default';
const SUFFIX = '.svc.cluster.local';

const completed = new Map<string, string>();

export function fqdn(host: string, namespace: string): string {
  const key = `${namespace}/${host}`;
  let full = completed.get(key);
  if (full === undefined) {
    full = complete(host, namespace);
    if (completed.size < 10_000) completed.set(key, full);
  }
  return full;
}

function complete(host: string, namespace: string): string {
  if (host.endsWith(SUFFIX) || host === '*' || host.startsWith('*.')) return host;
  const dots = host.split('.').length - 1;
  if (dots === 0) return `${host}.${namespace}${SUFFIX}`;
  if (dots === 1) return `${host}${SUFFIX}`;
  return host;
}

/**
 * A host written in configuration: only a name without dots is completed with the resource's
 * namespace (pilot/pkg/model/config.go ResolveShortnameToFQDN); "reviews.default" stays as is.
 */
export function configHost(host: string, namespace: string): string {
  if (host === '*' || host.includes('.') || host === '') return host;
  return `${host}.${namespace}${SUFFIX}`;
}

export function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

export function serviceFqdn(service: Service): string {
  return `${service.name}.${service.namespace}${SUFFIX}`;
}

export function findService(mesh: Mesh, host: string): Service | undefined {
  return mesh.services.find((service) => serviceFqdn(service) === host);
}

/** The Service port a request addresses: the one named by number, else the first. */
export function servicePort(service: Service, port: number | undefined): ServicePort | undefined {
  if (port === undefined) return service.ports[0];
  return service.ports.find((candidate) => candidate.port === port);
}

/** The container port behind a Service port: what inbound listeners and per-port policy use. */
export function containerPort(port: ServicePort): number {
  return port.targetPort ?? port.port;
}

/** A pod's IP address: the workload's own, or one made up from its place in the mesh. */
export function podIp(mesh: Mesh, workload: Workload, podIndex: number): string {
  if (workload.ip) return workload.ip;
  return `10.244.${mesh.workloads.indexOf(workload) + 1}.${podIndex + 10}`;
}
