/**
 * Stage 0, the ingress gateway: a request from outside the cluster reaches a gateway listener
 * (an Istio Gateway's server, or a Gateway API Gateway's listener, which Istio deploys as
 * <name>-istio), is authenticated and authorized there with the client's address (ipBlocks see
 * the connection's peer, remoteIpBlocks the address X-Forwarded-For gives with
 * numTrustedProxies), and is routed by the VirtualServices bound with `gateways:` or the
 * HTTPRoutes whose parentRefs name the Gateway.
 */
import {closeHop, callOutFrom, type HopResult} from '../hop';
import {hostMatches} from '../hosts';
import {selectorMatches} from '../security';
import type {Workload} from '../types';
import type {RouteTable} from './config';
import {authzRequestOf, type Call, type HopContext, type Router, type Sim} from './context';
import {enforcePolicy} from './policy';
import {routeCall} from './route';

const LOCAL_REPLY_MS = 1;

export interface Ingress {
  readonly workload: Workload;
  readonly tables: readonly RouteTable[];
  /** "Gateway istio-system/… server 0" or "Gateway default/bookinfo-gateway listener http". */
  readonly listener: string;
  readonly gatewayApiName?: string;
  readonly namespace: string;
}

const stripNamespace = (host: string) => (host.includes('/') ? host.slice(host.indexOf('/') + 1) : host);

/** The gateway listener that accepts `host` on `port`, if any. */
export function findIngress(sim: Sim, host: string, port: number): Ingress | undefined {
  for (const gateway of sim.config.k8sGateways) {
    if (gateway.spec.gatewayClassName !== 'istio') continue;
    const namespace = gateway.namespace ?? 'default';
    const listener = (gateway.spec.listeners ?? []).find((l) => (l.port ?? 80) === port && (l.protocol ?? 'HTTP') === 'HTTP' && (!l.hostname || hostMatches(l.hostname, host)));
    if (!listener) continue;
    const workload: Workload = {
      name: `${gateway.name}-istio`,
      namespace,
      serviceAccount: `${gateway.name}-istio`,
      labels: {'gateway.networking.k8s.io/gateway-name': gateway.name},
      mode: 'sidecar',
      gateway: 'gateway-api',
      pods: [{name: `${gateway.name}-istio-6c9d8f7b5-kx2p4`}],
    };
    return {workload, tables: sim.config.gatewayTables.get(`${namespace}/${gateway.name}`) ?? [], listener: `Gateway (gateway.networking.k8s.io) ${namespace}/${gateway.name} listener ${listener.name ?? port}`, gatewayApiName: gateway.name, namespace};
  }
  for (const gateway of sim.config.istioGateways) {
    const namespace = gateway.namespace ?? 'default';
    const server = (gateway.spec.servers ?? []).findIndex((s) => (s.port?.number ?? 80) === port && (s.hosts ?? []).some((h) => hostMatches(stripNamespace(h), host)));
    if (server < 0) continue;
    const workload = sim.mesh.workloads.find((w) => w.gateway === 'istio' && selectorMatches({matchLabels: gateway.spec.selector ?? {}}, w.labels));
    if (!workload) continue;
    return {workload, tables: sim.config.gatewayTables.get(`${namespace}/${gateway.name}`) ?? [], listener: `Gateway ${namespace}/${gateway.name} server ${server}`, namespace};
  }
  return undefined;
}

/** The client address a gateway trusts: with numTrustedProxies N, the N-th address from the right of X-Forwarded-For. */
export function remoteAddress(peerIp: string, xff: string | undefined, trusted: number): string {
  if (!xff || trusted <= 0) return peerIp;
  const hops = xff.split(',').map((part) => part.trim()).filter(Boolean);
  return hops[Math.max(0, hops.length - trusted)] ?? peerIp;
}

const listenerText = (ingress: Ingress, host: string, port: number) => `${ingress.listener} accepts ${host}:${port} on ${ingress.workload.name}`;
const addressText = (peer: string, remote: string, trusted: number) =>
  `client address ${peer}${remote !== peer ? `; X-Forwarded-For with numTrustedProxies ${trusted} gives the original client ${remote}` : trusted > 0 ? '' : ' (numTrustedProxies 0: X-Forwarded-For is not trusted)'}`;

/** A request from a browser or curl outside the cluster, through the ingress gateway. */
interface Entry {
  readonly ingress?: Ingress;
  readonly atGateway: Call;
  readonly gatewayCall?: Call;
  readonly router?: Router;
}

/** Everything about the entry that does not change from one request to the next, worked out once per run. */
function entryFor(sim: Sim, call: Call): Entry {
  const cached = sim.memo.get('ingress') as Entry | undefined;
  if (cached) return cached;
  const ingress = findIngress(sim, call.host.toLowerCase(), call.port ?? 80);
  const remoteIp = remoteAddress(call.peerIp, call.headers['x-forwarded-for'], sim.config.settings.numTrustedProxies);
  const atGateway: Call = {...call, remoteIp};
  const entry: Entry = ingress
    ? {
        ingress,
        atGateway,
        gatewayCall: {...atGateway, client: ingress.workload},
        router: {at: 'ingress gateway', owner: ingress.workload.name, l7: true, principal: `${sim.mesh.trustDomain}/ns/${ingress.workload.namespace}/sa/${ingress.workload.serviceAccount}`},
      }
    : {atGateway};
  sim.memo.set('ingress', entry);
  return entry;
}

export function enterThroughGateway(sim: Sim, call: Call, startMs: number): HopResult {
  const port = call.port ?? 80;
  const hop = sim.trace.openHop(0, call.client.name, call.host, 'http', startMs);
  const {ingress, atGateway, gatewayCall, router} = entryFor(sim, call);
  const close = (status: number, why: string, authz?: HopResult['reply']['authz'], flags: string[] = []) => {
    sim.trace.note(hop, 'gateway', 'ingress gateway', 'fail', why);
    return closeHop(sim, hop, {reply: {kind: status ? 'response' : 'connect-failure', status, latencyMs: LOCAL_REPLY_MS, flags, mtls: 'not reached', authz}, endMs: startMs + LOCAL_REPLY_MS, attempts: 0, route: 'none', flags: []});
  };
  if (!ingress || !gatewayCall || !router) return close(0, `no Gateway listens for ${call.host} on port ${port}: the connection is refused (apply a Gateway, or check its hosts)`);
  const remoteIp = atGateway.remoteIp;
  const context: HopContext = {sim, hop, call: atGateway};
  sim.trace.step(hop, 'gateway', 'ingress gateway', 'info', listenerText, ingress, call.host, port);
  sim.trace.step(hop, 'gateway', 'ingress gateway', 'info', addressText, call.peerIp, remoteIp, sim.config.settings.numTrustedProxies);
  const outcome = enforcePolicy(context, [ingress.workload], 'ingress gateway', 'gateway', {workload: ingress.workload, service: '', serviceNamespace: ingress.namespace, gatewayName: ingress.gatewayApiName}, authzRequestOf(atGateway, port));
  if (outcome.jwtRejected) return close(401, 'the gateway rejects the token: 401');
  if (outcome.verdict.decision === 'deny') return close(403, 'the gateway denies the request: 403 RBAC: access denied', outcome.verdict);
  const gatewayContext: HopContext = {sim, hop, call: gatewayCall};
  const host = call.host.toLowerCase();
  const tables = ingress.tables;
  const anyHost = tables.find((table) => table.hosts.some((pattern) => hostMatches(pattern, host)));
  if (!anyHost) return close(404, `no VirtualService or HTTPRoute bound to this gateway routes ${call.host}: 404 NR`, undefined, ['NR']);
  const result = routeCall(gatewayContext, router, tables, host, {name: 'http', port, protocol: 'http'}, startMs, callOutFrom(sim, 0));
  return closeHop(sim, hop, result);
}
