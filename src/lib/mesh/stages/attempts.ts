/**
 * Stage 8, attempts and retries (Envoy's router): pick a pod with the load balancer, skipping
 * ejected pods and, on a retry, pods already tried; send; apply the per-try and route timeouts;
 * count the result for outlier detection; retry what the policy allows after a back-off.
 */
import type {CallOut} from '../apps';
import {round} from '../trace';
import type {Cluster, Endpoint, HopContext, Reply, Router} from './context';
import {healthyEndpoints, occupy, outlierSettings, pickEndpoint, recordResult, type ClusterState} from './pool';
import {retriable, type RetryPolicy} from './retries';
import {serveAttempt} from './server';

export interface AttemptsResult {
  readonly reply: Reply;
  readonly attempts: number;
  readonly endMs: number;
  /** URX when retries were used up. */
  readonly flags: readonly string[];
}

const LOCAL_REPLY_MS = 1;
const attemptText = (n: number, how: string, pod: string, workload: string) => `attempt ${n}: ${how} pod ${pod} (${workload})`;
const perTryText = (ms: number) => `per-try timeout ${ms} ms fires before the pod answers`;
const routeTimeoutText = (ms: number, during: string) => `route timeout ${ms} ms fires${during}: the router gives up and answers 504`;
const retryText = (what: string, policy: RetryPolicy, n: number) => `${what} is retriable (${policy.description}): retry ${n}/${policy.retries} after ${policy.backoffMs} ms back-off, preferring a pod not tried yet`;
const noRetryText = (what: string, policy: RetryPolicy) => `${what} is not retried (${policy.description})`;
const exhaustedText = (n: number) => `no retries left (${n} used)`;

function describeFailure(reply: Reply): string {
  return reply.kind === 'response' ? `status ${reply.status}` : reply.kind;
}

interface Plan {
  readonly router: Router;
  readonly cluster: Cluster;
  readonly state: ClusterState;
  readonly retry: RetryPolicy;
  readonly timeoutMs?: number;
  readonly protocol: 'http' | 'tcp';
  readonly callOutFrom: (endpoint: Endpoint) => CallOut;
}

export function sendAttempts(context: HopContext, plan: Plan, startMs: number): AttemptsResult {
  const {sim, hop} = context;
  const {router, cluster, state, retry} = plan;
  const settings = router.l7 ? outlierSettings(cluster.policy) : undefined;
  const deadline = plan.timeoutMs !== undefined ? startMs + plan.timeoutMs : Number.POSITIVE_INFINITY;
  let tried: Set<string> | undefined;
  let now = startMs;
  for (let attempts = 1; ; attempts += 1) {
    const healthy = healthyEndpoints(context, router, state, settings, cluster.endpoints, now);
    if (healthy.length === 0) {
      sim.trace.note(hop, 'outlier', router.at, 'fail', 'every pod is ejected: no healthy upstream');
      return {reply: {kind: 'response', status: 503, latencyMs: LOCAL_REPLY_MS, flags: ['UH'], mtls: 'not reached'}, attempts, endMs: now + LOCAL_REPLY_MS, flags: []};
    }
    const fresh = tried && router.l7 ? healthy.filter((endpoint) => !tried!.has(endpoint.pod.name)) : healthy;
    const endpoint = pickEndpoint(sim, state, cluster.policy, fresh.length ? fresh : healthy, now, router.l7);
    if (retry.retries > 0) (tried ??= new Set()).add(endpoint.pod.name);
    sim.trace.step(hop, 'attempt', router.at, 'info', attemptText, attempts, router.l7 ? `${cluster.policy.loadBalancer?.simple ?? 'LEAST_REQUEST'} picks` : 'picks', endpoint.pod.name, endpoint.workload.name);
    let reply = serveAttempt(context, router, cluster, endpoint, now, plan.protocol, plan.callOutFrom(endpoint));
    if (retry.perTryMs !== undefined && reply.latencyMs > retry.perTryMs && reply.kind !== 'reset') {
      reply = {...reply, kind: 'timeout', status: 504, latencyMs: retry.perTryMs, flags: ['UT'], body: undefined};
      sim.trace.step(hop, 'timeout', router.at, 'fail', perTryText, retry.perTryMs);
    }
    const end = now + reply.latencyMs;
    occupy(state, endpoint, now, Math.min(end, deadline));
    if (end > deadline) {
      sim.trace.step(hop, 'timeout', router.at, 'fail', routeTimeoutText, plan.timeoutMs!, '');
      return {reply: {...reply, kind: 'timeout', status: 504, flags: ['UT'], body: undefined}, attempts, endMs: deadline, flags: []};
    }
    const failed = reply.kind !== 'response' || reply.status >= 500;
    if (settings) recordResult(context, router, state, settings, cluster.endpoints, endpoint, failed, reply.kind !== 'response' || reply.status === 502 || reply.status === 503 || reply.status === 504, end);
    if (!failed) return {reply, attempts, endMs: end, flags: []};
    const canRetry = router.l7 && attempts <= retry.retries;
    if (canRetry && retriable(retry, reply)) {
      sim.trace.step(hop, 'retry', router.at, 'info', retryText, describeFailure(reply), retry, attempts);
      const next = end + retry.backoffMs;
      if (next >= deadline) {
        sim.trace.step(hop, 'timeout', router.at, 'fail', routeTimeoutText, plan.timeoutMs!, ' during the back-off');
        return {reply: {...reply, kind: 'timeout', status: 504, flags: ['UT'], body: undefined}, attempts, endMs: deadline, flags: []};
      }
      now = next;
      continue;
    }
    if (canRetry) sim.trace.step(hop, 'retry', router.at, 'info', noRetryText, describeFailure(reply), retry);
    else if (router.l7 && retry.retries > 0) sim.trace.step(hop, 'retry', router.at, 'fail', exhaustedText, retry.retries);
    return {reply, attempts, endMs: end, flags: attempts > 1 ? ['URX'] : []};
  }
}

