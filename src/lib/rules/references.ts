/**
 * Rules over a set of resources: a route's destination must name a host that exists (a Service or
 * a ServiceEntry host) and a subset some DestinationRule for that host defines. These are what
 * `istioctl analyze` reports as IST0101 ReferencedResourceNotFound (release-1.31,
 * pkg/config/analysis/analyzers/virtualservice/destinationhosts.go and destinationrules.go).
 * Short host names resolve in the resource's namespace, as pilot's ResolveShortnameToFQDN does:
 * a name without a dot becomes NAME.NAMESPACE.svc.cluster.local; one with a dot is taken as written.
 */
import type {PathItem} from '../yaml';
import {listOf, objectOf, type Json, type ResourceFinding, type RuleResource} from './types';

export interface ServiceRef {
  readonly name: string;
  readonly namespace: string;
}

export interface ReferenceOptions {
  /** Services that exist besides any `kind: Service` in the set (the playground's mesh, a sample app). */
  readonly services?: readonly ServiceRef[];
  /** Namespace of a resource that names none (default `default`). */
  readonly defaultNamespace?: string;
}

const DOMAIN = 'svc.cluster.local';

/** A destination or DestinationRule host as the full name Istio uses. */
export function resolveHost(host: string, namespace: string): string {
  return host.includes('.') || host === '*' ? host : `${host}.${namespace}.${DOMAIN}`;
}

interface Destination {
  readonly host: string;
  readonly subset?: string;
  /** Path of the `destination` mapping. */
  readonly path: readonly PathItem[];
}

/** Every destination of a VirtualService: routes of http/tcp/tls, http mirror and mirrors. */
function destinationsOf(spec: unknown): Destination[] {
  const out: Destination[] = [];
  const add = (value: unknown, path: readonly PathItem[]): void => {
    const destination = objectOf(value);
    if (typeof destination.host !== 'string') return;
    out.push({host: destination.host, subset: typeof destination.subset === 'string' ? destination.subset : undefined, path});
  };
  const {http, tcp, tls} = objectOf(spec);
  for (const [field, routes] of [['http', http], ['tcp', tcp], ['tls', tls]] as const) {
    listOf(routes).forEach((route, r) => {
      listOf(route.route).forEach((target, d) => add(target.destination, ['spec', field, r, 'route', d, 'destination']));
      if (field !== 'http') return;
      add(route.mirror, ['spec', field, r, 'mirror']);
      listOf(route.mirrors).forEach((mirror, m) => add(mirror.destination, ['spec', field, r, 'mirrors', m, 'destination']));
    });
  }
  return out;
}

function hostsOfServiceEntry(spec: unknown): string[] {
  const hosts = objectOf(spec).hosts;
  return Array.isArray(hosts) ? hosts.filter((host): host is string => typeof host === 'string') : [];
}

function hostMatches(pattern: string, host: string): boolean {
  return pattern === host || (pattern.startsWith('*') && host.endsWith(pattern.slice(1)));
}

/** Findings about references between the resources (and the given services). */
export function referenceFindings(resources: readonly RuleResource[], options: ReferenceOptions = {}): ResourceFinding[] {
  const namespaceOf = (resource: RuleResource): string => resource.namespace ?? options.defaultNamespace ?? 'default';
  const known = new Set((options.services ?? []).map((service) => `${service.name}.${service.namespace}.${DOMAIN}`));
  const entryHosts: string[] = [];
  const subsets = new Map<string, {rule: string; names: string[]}>();
  for (const resource of resources) {
    if (resource.kind === 'Service' && resource.name) known.add(`${resource.name}.${namespaceOf(resource)}.${DOMAIN}`);
    if (resource.kind === 'ServiceEntry') entryHosts.push(...hostsOfServiceEntry(resource.spec));
    if (resource.kind === 'DestinationRule') {
      const spec: Json = objectOf(resource.spec);
      if (typeof spec.host !== 'string') continue;
      const host = resolveHost(spec.host, namespaceOf(resource));
      const entry = subsets.get(host) ?? {rule: resource.name ?? '(unnamed)', names: []};
      entry.names.push(...listOf(spec.subsets).flatMap((subset) => (typeof subset.name === 'string' ? [subset.name] : [])));
      subsets.set(host, entry);
    }
  }
  const exists = (host: string): boolean => known.has(host) || entryHosts.some((pattern) => hostMatches(pattern, host));

  const findings: ResourceFinding[] = [];
  resources.forEach((resource, index) => {
    if (resource.kind !== 'VirtualService') return;
    for (const destination of destinationsOf(resource.spec)) {
      const host = resolveHost(destination.host, namespaceOf(resource));
      if (!exists(host)) {
        findings.push({
          resource: index,
          rule: 'destination-host-unknown',
          path: [...destination.path, 'host'],
          severity: 'error',
          message: `no Service or ServiceEntry for host "${destination.host}"${host === destination.host ? '' : ` (${host})`}`,
        });
      }
      if (destination.subset === undefined) continue;
      const defined = subsets.get(host);
      if (defined?.names.includes(destination.subset)) continue;
      findings.push({
        resource: index,
        rule: 'destination-subset-unknown',
        path: [...destination.path, 'subset'],
        severity: 'error',
        message: defined
          ? `subset "${destination.subset}" is not defined by DestinationRule ${defined.rule} for ${destination.host} (it defines ${defined.names.join(', ') || 'no subsets'})`
          : `subset "${destination.subset}": no DestinationRule for ${destination.host} defines subsets`,
      });
    }
  });
  return findings;
}
