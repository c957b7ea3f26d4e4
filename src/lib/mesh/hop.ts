/**
 * One hop: a client calls a service. The client's proxy (sidecar, waypoint, or none) routes the
 * call through the stages in stages/, the server side answers, and an application that calls
 * other services in turn (Bookinfo) makes further hops, each governed by its own client's and
 * server's configuration.
 */
import type {CallOut} from './apps';
import {findService, fqdn, servicePort} from './hosts';
import {authzRequestOf, type Call, type Endpoint, type Reply, type Router, type Sim} from './stages/context';
import {enforcePolicy} from './stages/policy';
import {routeCall, type RouteResult} from './stages/route';
import type {HopRecord} from './trace';
import type {Service, Workload} from './types';

const LOCAL_REPLY_MS = 1;

/** Paths Bookinfo's apps call (productpage.py, LibertyRestEndpoint.java). */
const APP_PATHS: Readonly<Record<string, string>> = {details: '/details/0', reviews: '/reviews/0', ratings: '/ratings/0'};
/** Headers Bookinfo forwards to the services it calls (productpage.py getForwardHeaders). */
const FORWARDED = ['end-user', 'x-request-id', 'traceparent', 'tracestate', 'x-b3-traceid', 'x-b3-spanid', 'x-b3-sampled', 'user-agent', 'authorization'];

const forwardCache = new WeakMap<object, Readonly<Record<string, string>>>();
function forwardHeaders(headers: Readonly<Record<string, string>>): Readonly<Record<string, string>> {
  let forwarded = forwardCache.get(headers);
  if (!forwarded) {
    forwarded = Object.fromEntries(FORWARDED.filter((name) => headers[name] !== undefined && name !== 'authorization').map((name) => [name, headers[name]!]));
    forwardCache.set(headers, forwarded);
  }
  return forwarded;
}

export interface HopResult extends RouteResult {
  readonly latencyMs: number;
}

const routers = new WeakMap<Workload, WeakMap<Service, Router>>();

/** The proxy that routes calls from `client` to `service` (one object per pair). */
export function routerFor(sim: Sim, client: Workload, service: Service): Router {
  let byService = routers.get(client);
  if (!byService) routers.set(client, (byService = new WeakMap()));
  let router = byService.get(service);
  if (!router) byService.set(service, (router = makeRouter(sim, client, service)));
  return router;
}

function makeRouter(sim: Sim, client: Workload, service: Service): Router {
  if (client.mode === 'sidecar') return {at: client.gateway ? 'ingress gateway' : 'client sidecar', owner: client.name, l7: true};
  if (client.mode === 'ambient' && service.waypoint) {
    const principal = `${sim.mesh.trustDomain}/ns/${service.namespace}/sa/${service.waypoint}`;
    return {at: `waypoint (${service.waypoint})`, owner: `waypoint ${service.namespace}/${service.waypoint}`, l7: true, principal, viaWaypoint: service.waypoint};
  }
  return {at: client.mode === 'ambient' ? 'source ztunnel' : 'client (no proxy)', owner: client.name, l7: false};
}

const sourceText = (call: Call) =>
  `${call.method} ${call.host}${call.port ? `:${call.port}` : ''}${call.path} from ${call.client.name} (${call.client.namespace}, service account ${call.client.serviceAccount}, ${call.client.mode === 'outside' ? 'outside the mesh' : call.client.mode})`;
const responseText = (status: number, flags: readonly string[], latency: number) =>
  `${status === 0 ? 'connection reset or refused, no HTTP response' : `HTTP ${status}`}${flags.length ? ` (${flags.join(',')})` : ''} after ${Math.round(latency * 10) / 10} ms`;

/** Ends a hop: fills in its trace record. */
export function closeHop(sim: Sim, hop: HopRecord, result: RouteResult): HopResult {
  const latencyMs = Math.max(LOCAL_REPLY_MS, result.endMs - hop.startMs);
  const reply = result.reply;
  const flags = result.flags.length === 0 ? reply.flags : reply.flags.length === 0 ? result.flags : [...result.flags, ...reply.flags];
  sim.trace.step(hop, 'response', 'client', reply.status >= 200 && reply.status < 400 ? 'ok' : 'fail', responseText, reply.status, flags, latencyMs);
  hop.result = {
    status: reply.status,
    flags,
    latencyMs: Math.round(latencyMs * 10) / 10,
    route: result.route,
    destination: reply.workload?.name,
    pod: reply.pod?.name,
    mtls: reply.mtls,
    authz: reply.authz,
    attempts: result.attempts,
    mirroredTo: result.mirroredTo,
  };
  return {reply, endMs: result.endMs, attempts: result.attempts, route: result.route, flags: result.flags, mirroredTo: result.mirroredTo, latencyMs};
}

/** What an application on `endpoint` uses to call another service while answering `call`. */
export function callOutFrom(sim: Sim, depth: number): (endpoint: Endpoint, call: Call) => CallOut {
  return (endpoint, call) => (host, port, startMs, timeoutMs) => {
    const child = childCall(call, endpoint, host, port, depth);
    const result = callService(sim, child, startMs);
    if (result.latencyMs <= timeoutMs) return {reply: result.reply, waitedMs: result.latencyMs};
    const timedOut: Reply = {kind: 'timeout', status: 0, latencyMs: timeoutMs, flags: [], mtls: result.reply.mtls};
    return {reply: timedOut, waitedMs: timeoutMs};
  };
}

const children = new WeakMap<Call, WeakMap<Endpoint, Map<string, Call>>>();

/** The call an application on `endpoint` makes to `host` while answering `parent` (one object per kind, so decisions can be cached on it). */
function childCall(parent: Call, endpoint: Endpoint, host: string, port: number, depth: number): Call {
  let byEndpoint = children.get(parent);
  if (!byEndpoint) children.set(parent, (byEndpoint = new WeakMap()));
  let byHost = byEndpoint.get(endpoint);
  if (!byHost) byEndpoint.set(endpoint, (byHost = new Map()));
  let child = byHost.get(host);
  if (!child) {
    const path = APP_PATHS[host] ?? '/';
    child = {client: endpoint.workload, host, port, method: 'GET', path, query: {}, headers: forwardHeaders(parent.headers), depth: depth + 1, peerIp: endpoint.ip, remoteIp: endpoint.ip};
    byHost.set(host, child);
  }
  return child;
}

/** A call from an application (or the learner's client) to a service at `startMs`, end to end. */
const hosts = new WeakMap<Call, string>();

export function callService(sim: Sim, call: Call, startMs: number): HopResult {
  let host = hosts.get(call);
  if (host === undefined) hosts.set(call, (host = fqdn(call.host.trim().toLowerCase(), call.client.namespace)));
  const service = findService(sim.mesh, host);
  const port = service ? servicePort(service, call.port) : undefined;
  const hop = sim.trace.openHop(call.depth, call.client.name, call.host, port?.protocol ?? 'http', startMs);
  sim.trace.step(hop, 'source', call.client.mode === 'sidecar' ? 'client sidecar' : 'client', 'info', sourceText, call);
  const context = {sim, hop, call};
  const fail = (status: number, flags: string[], why: string): HopResult => {
    sim.trace.note(hop, 'routing', 'client', 'fail', why);
    return closeHop(sim, hop, {reply: {kind: 'connect-failure', status, latencyMs: LOCAL_REPLY_MS, flags, mtls: 'not reached'}, endMs: startMs + LOCAL_REPLY_MS, attempts: 0, route: 'none', flags: []});
  };
  if (!service) return fail(0, ['DNS'], `no service answers to ${host}: DNS lookup fails`);
  if (!port) return fail(0, [], `service ${service.name} has no port ${call.port}: connection refused`);
  const router = routerFor(sim, call.client, service);
  if (router.viaWaypoint) {
    sim.trace.note(hop, 'mtls', 'source ztunnel', 'ok', `HBONE (mutual TLS) to the waypoint (${router.viaWaypoint}) of ${service.name}`);
    const outcome = enforcePolicy(context, [router], router.at, 'waypoint', {workload: call.client, service: service.name, serviceNamespace: service.namespace, gatewayName: service.waypoint}, authzRequestOf(call, port.port, `${sim.mesh.trustDomain}/ns/${call.client.namespace}/sa/${call.client.serviceAccount}`));
    if (outcome.jwtRejected || outcome.verdict.decision === 'deny') {
      const status = outcome.jwtRejected ? 401 : 403;
      return closeHop(sim, hop, {reply: {kind: 'response', status, latencyMs: LOCAL_REPLY_MS, flags: [], mtls: 'mutual TLS', authz: outcome.jwtRejected ? undefined : outcome.verdict}, endMs: startMs + LOCAL_REPLY_MS, attempts: 0, route: 'none', flags: []});
    }
  }
  const result = routeCall(context, router, sim.config.meshTables, host, port, startMs, callOutFrom(sim, call.depth));
  return closeHop(sim, hop, result);
}
