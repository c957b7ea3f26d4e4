/**
 * Stage 3, destination and subset: the weighted choice among a rule's destinations, then the
 * upstream cluster — the Service port, the DestinationRule subset's pods and its traffic policy.
 */
import {configHost, DEFAULT_NAMESPACE, findService, hostMatches, podIp, servicePort} from '../hosts';
import type {Destination, TrafficPolicy} from '../resources';
import {selectorMatches} from '../security';
import type {Cluster, Endpoint, HopContext, Sim} from './context';

type WeightedDestination = {readonly destination?: Destination; readonly weight?: number};

const weightedText = (options: readonly WeightedDestination[], total: number, pick: WeightedDestination | undefined) =>
  `weighted choice: ${options.map((o) => `${o.destination?.host}${o.destination?.subset ? `/${o.destination.subset}` : ''} ${o.weight ?? 0}/${total}`).join(', ')} → ${pick?.destination?.host}${pick?.destination?.subset ? `/${pick.destination.subset}` : ''}`;

/** Picks one destination by weight (a single destination takes everything). */
export function pickDestination(context: HopContext, at: string, options: readonly WeightedDestination[]): Destination | undefined {
  if (options.length === 0) return undefined;
  if (options.length === 1) return options[0]?.destination;
  let total = 0;
  for (const option of options) total += option.weight ?? 0;
  let roll = context.sim.random.next() * total;
  let pick = options[options.length - 1];
  for (const option of options) {
    roll -= option.weight ?? 0;
    if (roll < 0) {
      pick = option;
      break;
    }
  }
  context.sim.trace.step(context.hop, 'destination', at, 'info', weightedText, options, total, pick);
  return pick?.destination;
}

function mergePolicy(top: TrafficPolicy | undefined, subset: TrafficPolicy | undefined): TrafficPolicy {
  return {...(top ?? {}), ...(subset ?? {})};
}

export type ClusterResult = {readonly cluster: Cluster} | {readonly flag: 'NC' | 'UH'; readonly why: string};

function endpointsOf(sim: Sim, namespace: string, selector: Readonly<Record<string, string>>): Endpoint[] {
  const endpoints: Endpoint[] = [];
  for (const workload of sim.mesh.workloads) {
    if (workload.namespace !== namespace || !selectorMatches({matchLabels: selector}, workload.labels)) continue;
    workload.pods.forEach((pod, index) => endpoints.push({workload, pod, ip: podIp(sim.mesh, workload, index)}));
  }
  return endpoints;
}

/** The upstream cluster for a destination, as seen by a proxy that reads DestinationRules (l7) or not. */
const clusters = new WeakMap<Sim, WeakMap<Destination, Map<string, ClusterResult>>>();

export function resolveCluster(sim: Sim, destination: Destination, fromNamespace: string, requestedPort: number | undefined, l7: boolean): ClusterResult {
  let byDestination = clusters.get(sim);
  if (!byDestination) clusters.set(sim, (byDestination = new WeakMap()));
  let byKey = byDestination.get(destination);
  if (!byKey) byDestination.set(destination, (byKey = new Map()));
  const key = `${fromNamespace}|${requestedPort}|${l7}`;
  let result = byKey.get(key);
  if (!result) byKey.set(key, (result = computeCluster(sim, configHost(destination.host ?? '', fromNamespace || DEFAULT_NAMESPACE), destination, requestedPort, l7)));
  return result;
}

function computeCluster(sim: Sim, host: string, destination: Destination, requestedPort: number | undefined, l7: boolean): ClusterResult {
  const service = findService(sim.mesh, host);
  if (!service) return {flag: 'NC', why: `no service ${host}: cluster not found`};
  // A Service with a single port needs no port in the destination (VirtualService Destination.port).
  const port = servicePort(service, destination.port?.number ?? requestedPort) ?? (!destination.port && service.ports.length === 1 ? service.ports[0] : undefined);
  if (!port) return {flag: 'NC', why: `service ${service.name} has no port ${destination.port?.number ?? requestedPort}`};
  const dr = l7 ? sim.config.dr.find((candidate) => candidate.spec.host && hostMatches(configHost(candidate.spec.host, candidate.namespace ?? DEFAULT_NAMESPACE), host)) : undefined;
  let selector: Record<string, string> = {...service.selector};
  let policy: TrafficPolicy = dr?.spec.trafficPolicy ?? {};
  const subsetName = destination.subset;
  if (subsetName) {
    const subset = dr?.spec.subsets?.find((candidate) => candidate.name === subsetName);
    if (!subset) return {flag: 'NC', why: `subset ${subsetName} is not defined in ${dr ? `DestinationRule ${dr.namespace}/${dr.name}` : 'any DestinationRule'}: Envoy has no such cluster`};
    selector = {...selector, ...(subset.labels ?? {})};
    policy = mergePolicy(dr?.spec.trafficPolicy, subset.trafficPolicy);
  }
  const endpoints = endpointsOf(sim, service.namespace, selector);
  if (endpoints.length === 0) return {flag: 'UH', why: `no pod has labels ${JSON.stringify(selector)}: no healthy upstream`};
  return {cluster: {key: `${service.name}.${service.namespace}:${port.port}${subsetName ? `/${subsetName}` : ''}`, service, port, subset: subsetName, policy, endpoints}};
}

const subsetText = (cluster: Cluster) =>
  `cluster ${cluster.key}: ${cluster.endpoints.length} pod(s) (${[...new Set(cluster.endpoints.map((e) => e.workload.name))].join(', ')})${cluster.subset ? `, subset ${cluster.subset}` : ''}`;

export function traceCluster(context: HopContext, at: string, cluster: Cluster): void {
  context.sim.trace.step(context.hop, 'destination', at, 'info', subsetText, cluster);
}
