/**
 * A proxy routes a call: the route table's rule (or the default route), fault injection, the
 * weighted destination and its cluster, mirroring, the connection pool, then attempts. Client
 * sidecars, waypoints and ingress gateways all run this same chain; ztunnel and proxyless
 * clients skip everything that needs HTTP (no VirtualService, DestinationRule or retries).
 */
import type {CallOut} from '../apps';
import {parseDuration} from '../parse';
import type {Destination, HeaderOperations, TCPRoute} from '../resources';
import {selectorMatches} from '../security';
import type {ServicePort} from '../types';
import {sendAttempts} from './attempts';
import type {RouteRule, RouteTable} from './config';
import type {Call, Endpoint, HopContext, Reply, Router} from './context';
import {pickDestination, resolveCluster, traceCluster} from './destination';
import {injectFault} from './fault';
import {mirrorRequest} from './mirror';
import {admit, clusterState} from './pool';
import {retryPolicy} from './retries';
import {selectRoute, tableFor} from './routing';

const LOCAL_REPLY_MS = 1;

export interface RouteResult {
  readonly reply: Reply;
  readonly endMs: number;
  readonly attempts: number;
  readonly route: string;
  readonly flags: readonly string[];
  readonly mirroredTo?: string;
}

const text = (line: string) => line;
const timeoutText = (timeoutMs: number | undefined, retries: string) =>
  `${timeoutMs !== undefined ? `route timeout ${timeoutMs} ms` : 'no route timeout (Istio sets none for HTTP routes by default)'}; ${retries}`;
const defaultRouteText = (host: string) => `no route table for ${host}: default route to all pods of the Service`;
const redirectText = (status: number, location: string) => `redirect: the proxy answers ${status} with Location ${location}`;

const local = (status: number, flags: readonly string[], at: number, route: string): RouteResult => ({
  reply: {kind: 'response', status, latencyMs: LOCAL_REPLY_MS, flags, mtls: 'not reached'},
  endMs: at + LOCAL_REPLY_MS,
  attempts: 0,
  route,
  flags: [],
});

const headerCache = new WeakMap<Call, WeakMap<HeaderOperations, Call>>();

/** The call with a rule's request header operations applied; one object per call and rule, so later stages can cache on it. */
function withHeaders(call: Call, operations: HeaderOperations): Call {
  let byOperations = headerCache.get(call);
  if (!byOperations) headerCache.set(call, (byOperations = new WeakMap()));
  const cached = byOperations.get(operations);
  if (cached) return cached;
  const headers = call.headers;
  const next: Record<string, string> = {...headers};
  for (const name of operations.remove ?? []) delete next[name.toLowerCase()];
  for (const [name, value] of Object.entries(operations.set ?? {})) next[name.toLowerCase()] = value;
  for (const [name, value] of Object.entries(operations.add ?? {})) next[name.toLowerCase()] = next[name.toLowerCase()] ? `${next[name.toLowerCase()]},${value}` : value;
  const changed: Call = {...call, headers: next};
  byOperations.set(operations, changed);
  return changed;
}

function tcpRule(routes: readonly TCPRoute[], call: Call, port: number): TCPRoute | undefined {
  return routes.find((route) => !route.match?.length || route.match.some((m) => (m.port === undefined || m.port === port) && (!m.sourceLabels || selectorMatches({matchLabels: m.sourceLabels}, call.client.labels)) && (m.sourceNamespace === undefined || m.sourceNamespace === call.client.namespace)));
}

interface Selected {
  readonly rule?: RouteRule;
  readonly destinations?: readonly {destination?: Destination; weight?: number}[];
  readonly label: string;
  readonly namespace: string;
}

function select(context: HopContext, router: Router, tables: readonly RouteTable[], host: string, port: ServicePort): Selected | 'no-route' {
  const {sim, hop, call} = context;
  if (!router.l7) {
    sim.trace.note(hop, 'routing', router.at, 'info', call.client.mode === 'outside' ? 'the client has no proxy, so no VirtualService or DestinationRule applies: the request goes straight to a pod of the Service' : 'ztunnel routes at layer 4 only: without a waypoint no VirtualService or DestinationRule applies');
    return {label: 'default route (layer 4)', namespace: call.client.namespace};
  }
  const table = tableFor(tables, host, port.protocol);
  if (!table) {
    sim.trace.step(hop, 'routing', router.at, 'info', defaultRouteText, host);
    return {label: 'default route (no route table)', namespace: call.client.namespace};
  }
  if (port.protocol === 'tcp') {
    const rule = tcpRule(table.tcp, call, port.port);
    if (!rule) return 'no-route';
    sim.trace.step(hop, 'routing', router.at, 'info', text, `${table.id}: tcp route ${table.tcp.indexOf(rule)} takes the connection (HTTP rules never apply to TCP traffic)`);
    return {destinations: rule.route, label: `${table.id} tcp[${table.tcp.indexOf(rule)}]`, namespace: table.namespace};
  }
  const selected = selectRoute(context, router.at, table, port.port);
  if (!selected) return 'no-route';
  return {rule: selected.rule, destinations: selected.rule.route, label: selected.label, namespace: table.namespace};
}

/** Routes the context's call to `host` (an FQDN) on `port`, from `router`, starting at `startMs`. */
export function routeCall(context: HopContext, router: Router, tables: readonly RouteTable[], host: string, port: ServicePort, startMs: number, callOutFrom: (endpoint: Endpoint, call: Call) => CallOut): RouteResult {
  const {sim, hop} = context;
  const selected = select(context, router, tables, host, port);
  if (selected === 'no-route') {
    sim.trace.note(hop, 'routing', router.at, 'fail', port.protocol === 'tcp' ? 'no tcp route matches: the connection is closed' : 'no route matches: Envoy answers 404 with flag NR');
    return local(port.protocol === 'tcp' ? 0 : 404, ['NR'], startMs, 'no route matched');
  }
  const rule = selected.rule;
  if (rule?.redirect) {
    const status = rule.redirect.redirectCode ?? 301;
    sim.trace.step(hop, 'routing', router.at, 'info', redirectText, status, `${rule.redirect.authority ?? context.call.host}${rule.redirect.uri ?? context.call.path}`);
    return local(status, [], startMs, selected.label);
  }
  if (rule?.directResponse) {
    sim.trace.step(hop, 'routing', router.at, rule.directResponse.status && rule.directResponse.status < 400 ? 'ok' : 'fail', text, `direct response: the proxy answers ${rule.directResponse.status ?? 200} itself`);
    return local(rule.directResponse.status ?? 200, [], startMs, selected.label);
  }
  const routed: HopContext = rule?.headers?.request ? {...context, call: withHeaders(context.call, rule.headers.request)} : context;
  const fault = injectFault(routed, router.at, rule?.fault);
  const flags = fault.delayMs ? ['DI'] : [];
  if (fault.abortStatus !== undefined) return {...local(fault.abortStatus, [...flags, 'FI'], startMs + fault.delayMs, selected.label), flags: []};
  const chosen = pickDestination(routed, router.at, selected.destinations ?? []);
  const destination = withBackendHeaders(chosen, selected.destinations);
  const mirroredTo = rule ? mirrorRequest(routed, router.at, rule) : undefined;
  const resolved = resolveCluster(sim, chosen ?? defaultDestination(host), selected.namespace, port.port, router.l7);
  if (!('cluster' in resolved)) {
    sim.trace.note(hop, 'destination', router.at, 'fail', resolved.why);
    return {...local(503, [...flags, resolved.flag], startMs + fault.delayMs, selected.label), mirroredTo};
  }
  const cluster = resolved.cluster;
  traceCluster(routed, router.at, cluster);
  const state = clusterState(sim, router, cluster);
  const admission = router.l7 ? admit(routed, router, state, cluster.policy, startMs + fault.delayMs) : {admitAt: startMs};
  if (!('admitAt' in admission)) return {...local(503, [...flags, 'UO'], startMs + fault.delayMs, selected.label), mirroredTo};
  const timeoutMs = rule?.timeout ? parseDuration(rule.timeout) : undefined;
  const retry = retryPolicy(rule?.retries, router.l7 && port.protocol === 'http');
  if (router.l7 && port.protocol === 'http') sim.trace.step(hop, 'timeout', router.at, 'info', timeoutText, timeoutMs, retry.description);
  const finalContext = destination ? {...routed, call: withHeaders(routed.call, destination)} : routed;
  const result = sendAttempts(finalContext, {router, cluster, state, retry, timeoutMs, protocol: port.protocol, callOutFrom: (endpoint) => callOutFrom(endpoint, finalContext.call)}, admission.admitAt);
  return {reply: result.reply, endMs: result.endMs, attempts: result.attempts, route: selected.label, flags: [...flags, ...result.flags], mirroredTo};
}

const defaults = new Map<string, Destination>();
function defaultDestination(host: string): Destination {
  let destination = defaults.get(host);
  if (!destination) defaults.set(host, (destination = {host}));
  return destination;
}

function withBackendHeaders(chosen: Destination | undefined, destinations: Selected['destinations']): HeaderOperations | undefined {
  const entry = destinations?.find((candidate) => candidate.destination === chosen) as {headers?: {request?: HeaderOperations}} | undefined;
  return entry?.headers?.request;
}
