/**
 * Stage 5, connection pool and outlier detection: state a client proxy keeps per upstream
 * cluster across requests. The pool admits, queues or overflows a request (Envoy's circuit
 * breakers: max_connections, max_pending_requests, max_requests); outlier detection counts
 * consecutive errors per pod and ejects it for baseEjectionTime × ejections, returned at the
 * next interval sweep (pilot/pkg/networking/core/cluster_traffic_policy.go applyOutlierDetection).
 */
import {parseDuration} from '../parse';
import type {TrafficPolicy} from '../resources';
import {round} from '../trace';
import type {Cluster, Endpoint, HopContext, Router, Sim} from './context';

interface PodState {
  consecutive5xx: number;
  consecutiveGateway: number;
  ejections: number;
  ejectedAt: number;
  returnsAt: number;
}

export interface ClusterState {
  /** End times of requests in flight. */
  readonly active: number[];
  /** Admission times of requests waiting in the pending queue. */
  readonly pending: number[];
  /** End times of requests in flight per pod (LEAST_REQUEST). */
  readonly podActive: Map<string, number[]>;
  readonly pods: Map<string, PodState>;
  roundRobin: number;
}

export function clusterState(sim: Sim, router: Router, cluster: Cluster): ClusterState {
  let byOwner = sim.clusters.get(cluster);
  if (!byOwner) sim.clusters.set(cluster, (byOwner = new Map()));
  let state = byOwner.get(router.owner);
  if (!state) byOwner.set(router.owner, (state = {active: [], pending: [], podActive: new Map(), pods: new Map(), roundRobin: 0}));
  return state;
}

/** Drops entries that ended at or before `now`; returns how many remain. */
function live(times: number[], now: number): number {
  let kept = 0;
  for (let index = 0; index < times.length; index += 1) if (times[index]! > now) times[kept++] = times[index]!;
  times.length = kept;
  return kept;
}

export type Admission = {readonly admitAt: number} | {readonly overflow: true};

const UNLIMITED = Number.MAX_SAFE_INTEGER;
const overflowRequests = (active: number, max: number) => `${active} requests in flight ≥ http2MaxRequests ${max}: overflow, 503 UO (overflows are not retried)`;
const overflowPending = (max: number, pending: number, maxPending: number) =>
  `all ${max} connection(s) busy and ${pending} request(s) already pending (http1MaxPendingRequests ${maxPending}): overflow, 503 UO`;
const queued = (max: number, waitMs: number, pending: number, maxPending: number) =>
  `all ${max} connection(s) busy: the request waits ${round(waitMs)} ms in the pending queue (${pending}/${maxPending})`;
const room = (active: number, max: string) => `connection pool has room: ${active} in flight, maxConnections ${max}`;

/** Admits a request into the cluster's pool at `now`: at once, after a wait in the queue, or not at all. */
export function admit(context: HopContext, router: Router, state: ClusterState, policy: TrafficPolicy, now: number): Admission {
  const pool = policy.connectionPool;
  if (!pool) return {admitAt: now};
  const {sim, hop} = context;
  const maxConnections = pool.tcp?.maxConnections ?? UNLIMITED;
  const maxPending = pool.http?.http1MaxPendingRequests ?? UNLIMITED;
  const maxRequests = pool.http?.http2MaxRequests ?? UNLIMITED;
  const active = live(state.active, now);
  const pending = live(state.pending, now);
  if (active >= maxRequests) {
    sim.trace.step(hop, 'pool', router.at, 'fail', overflowRequests, active, maxRequests);
    return {overflow: true};
  }
  if (active < maxConnections) {
    sim.trace.step(hop, 'pool', router.at, 'ok', room, active, pool.tcp?.maxConnections === undefined ? 'unlimited' : String(maxConnections));
    return {admitAt: now};
  }
  if (pending >= maxPending) {
    sim.trace.step(hop, 'pool', router.at, 'fail', overflowPending, maxConnections, pending, maxPending);
    return {overflow: true};
  }
  // The request takes the connection freed by the (active - maxConnections + pending + 1)-th end.
  const ends = [...state.active].sort((a, b) => a - b);
  const admitAt = ends[active - maxConnections + pending] ?? now;
  state.pending.push(admitAt);
  sim.trace.step(hop, 'pool', router.at, 'info', queued, maxConnections, admitAt - now, pending + 1, maxPending);
  return {admitAt};
}

/** Records a request occupying the pool and a pod from `start` to `end`. */
export function occupy(state: ClusterState, endpoint: Endpoint, start: number, end: number): void {
  if (state.active.length > 64) live(state.active, start);
  state.active.push(end);
  let pod = state.podActive.get(endpoint.pod.name);
  if (!pod) state.podActive.set(endpoint.pod.name, (pod = []));
  if (pod.length > 64) live(pod, start);
  pod.push(end);
}

// ---------------------------------------------------------------- outlier detection

export interface OutlierSettings {
  readonly consecutive5xx: number;
  readonly consecutiveGateway: number;
  readonly intervalMs: number;
  readonly baseEjectionMs: number;
  readonly maxEjectionPercent: number;
  readonly minHealthPercent: number;
}

/** Envoy's defaults where Istio leaves a field unset: 5 consecutive 5xx, 10 s, 30 s, 10 %. */
const settingsCache = new WeakMap<TrafficPolicy, OutlierSettings>();

export function outlierSettings(policy: TrafficPolicy): OutlierSettings | undefined {
  const outlier = policy.outlierDetection;
  if (!outlier) return undefined;
  let settings = settingsCache.get(policy);
  if (!settings) settingsCache.set(policy, (settings = readOutlier(outlier)));
  return settings;
}

function readOutlier(outlier: NonNullable<TrafficPolicy['outlierDetection']>): OutlierSettings {
  return {
    consecutive5xx: outlier.consecutive5xxErrors ?? 5,
    consecutiveGateway: outlier.consecutiveGatewayErrors ?? 0,
    intervalMs: parseDuration(outlier.interval ?? '10s') ?? 10_000,
    baseEjectionMs: parseDuration(outlier.baseEjectionTime ?? '30s') ?? 30_000,
    maxEjectionPercent: outlier.maxEjectionPercent ?? 10,
    minHealthPercent: outlier.minHealthPercent ?? 0,
  };
}

function podState(state: ClusterState, name: string): PodState {
  let pod = state.pods.get(name);
  if (!pod) state.pods.set(name, (pod = {consecutive5xx: 0, consecutiveGateway: 0, ejections: 0, ejectedAt: -1, returnsAt: -1}));
  return pod;
}

export function isEjected(state: ClusterState, name: string, now: number): boolean {
  const pod = state.pods.get(name);
  return pod !== undefined && pod.ejectedAt >= 0 && pod.ejectedAt <= now && now < pod.returnsAt;
}

const ejectedText = (pod: string, why: string, settings: OutlierSettings, at: {ejections: number; back: number}) =>
  `pod ${pod} ejected after ${why}; it returns at the first ${settings.intervalMs} ms sweep after ${settings.baseEjectionMs} ms × ${at.ejections} (t=${round(at.back)} ms)`;
const notEjectedText = (pod: string, max: number, total: number) =>
  `pod ${pod} reached the error threshold but ejecting it would exceed maxEjectionPercent ${max}% of ${total} pod(s): not ejected`;

/** Counts an attempt's result against its pod; ejects the pod when a threshold is reached. */
export function recordResult(context: HopContext, router: Router, state: ClusterState, settings: OutlierSettings, endpoints: readonly Endpoint[], endpoint: Endpoint, failed5xx: boolean, gatewayError: boolean, end: number): void {
  const pod = podState(state, endpoint.pod.name);
  pod.consecutive5xx = failed5xx ? pod.consecutive5xx + 1 : 0;
  pod.consecutiveGateway = gatewayError ? pod.consecutiveGateway + 1 : 0;
  const by5xx = settings.consecutive5xx > 0 && pod.consecutive5xx >= settings.consecutive5xx;
  const byGateway = settings.consecutiveGateway > 0 && pod.consecutiveGateway >= settings.consecutiveGateway;
  if (!(by5xx || byGateway) || isEjected(state, endpoint.pod.name, end)) return;
  const ejectedNow = endpoints.filter((candidate) => isEjected(state, candidate.pod.name, end)).length;
  // Envoy ejects at least one host whatever max_ejection_percent says.
  if (ejectedNow > 0 && (100 * (ejectedNow + 1)) / endpoints.length > settings.maxEjectionPercent) {
    context.sim.trace.step(context.hop, 'outlier', router.at, 'info', notEjectedText, endpoint.pod.name, settings.maxEjectionPercent, endpoints.length);
    return;
  }
  pod.ejections += 1;
  pod.ejectedAt = end;
  pod.returnsAt = Math.ceil((end + settings.baseEjectionMs * pod.ejections) / settings.intervalMs) * settings.intervalMs;
  pod.consecutive5xx = 0;
  pod.consecutiveGateway = 0;
  context.sim.trace.step(context.hop, 'outlier', router.at, 'fail', ejectedText, endpoint.pod.name, by5xx ? `${settings.consecutive5xx} consecutive 5xx` : `${settings.consecutiveGateway} consecutive gateway errors`, settings, {ejections: pod.ejections, back: pod.returnsAt});
}

const panicText = (pct: number, min: number) => `only ${Math.round(pct)}% of pods healthy (< minHealthPercent ${min}): load balancing over all pods`;
const ejectedListText = (names: string) => `ejected now: ${names}`;

/** Endpoints load balancing may pick from at `now`. */
export function healthyEndpoints(context: HopContext, router: Router, state: ClusterState, settings: OutlierSettings | undefined, endpoints: readonly Endpoint[], now: number): readonly Endpoint[] {
  if (!settings || state.pods.size === 0) return endpoints;
  const healthy = endpoints.filter((endpoint) => !isEjected(state, endpoint.pod.name, now));
  if (healthy.length === endpoints.length) return endpoints;
  const pct = (100 * healthy.length) / endpoints.length;
  if (settings.minHealthPercent > 0 && pct < settings.minHealthPercent) {
    context.sim.trace.step(context.hop, 'outlier', router.at, 'info', panicText, pct, settings.minHealthPercent);
    return endpoints;
  }
  context.sim.trace.step(context.hop, 'outlier', router.at, 'info', ejectedListText, endpoints.filter((e) => !healthy.includes(e)).map((e) => e.pod.name).join(', '));
  return healthy;
}

/** The load balancer's choice among candidates (LEAST_REQUEST by default in Istio). */
export function pickEndpoint(sim: Sim, state: ClusterState, policy: TrafficPolicy, candidates: readonly Endpoint[], now: number, l7: boolean): Endpoint {
  if (candidates.length === 1) return candidates[0]!;
  const lb = policy.loadBalancer?.simple ?? 'LEAST_REQUEST';
  if (!l7 || lb === 'RANDOM') return candidates[sim.random.below(candidates.length)]!;
  if (lb === 'ROUND_ROBIN') return candidates[state.roundRobin++ % candidates.length]!;
  // LEAST_REQUEST: Envoy compares two random picks (power of two choices) and keeps the less loaded.
  const a = candidates[sim.random.below(candidates.length)]!;
  const b = candidates[sim.random.below(candidates.length)]!;
  const load = (endpoint: Endpoint) => live(state.podActive.get(endpoint.pod.name) ?? [], now);
  return load(b) < load(a) ? b : a;
}
