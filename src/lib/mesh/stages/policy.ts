/**
 * Stage 7, authentication and authorization where they are enforced: a server sidecar, the
 * destination ztunnel, a waypoint or the ingress gateway. RequestAuthentication validates a
 * token (401 when a present token is bad), then AuthorizationPolicy decides CUSTOM → DENY →
 * ALLOW. Decisions depend only on configuration and request attributes, so each distinct
 * combination is computed once per run.
 */
import {authenticateJwt, authorize, selectorMatches, type AuthzRequest, type Enforcer, type JwtResult} from '../security';
import type {AuthzVerdict, Workload} from '../types';
import type {HopContext, Sim} from './context';

export interface PolicyTarget {
  readonly workload: Workload;
  readonly service: string;
  readonly serviceNamespace: string;
  /** Waypoint or Gateway API gateway name, for targetRefs. */
  readonly gatewayName?: string;
}

export interface PolicyOutcome {
  readonly jwtNote?: string;
  readonly jwtRejected: boolean;
  readonly verdict: AuthzVerdict;
  readonly notes: readonly string[];
  readonly requestPrincipal?: string;
}

type Memo = WeakMap<object, Memo | PolicyOutcome>;
/** Outcomes per call object (one per kind of request in a run), then per the objects that fix the enforcement point. */
const outcomes: Memo = new WeakMap();

function remembered(keys: readonly object[], compute: () => PolicyOutcome): PolicyOutcome {
  let level = outcomes;
  for (let index = 0; index < keys.length - 1; index += 1) {
    let next = level.get(keys[index]!) as Memo | undefined;
    if (!next) level.set(keys[index]!, (next = new WeakMap()));
    level = next;
  }
  const last = keys[keys.length - 1]!;
  let outcome = level.get(last) as PolicyOutcome | undefined;
  if (!outcome) level.set(last, (outcome = compute()));
  return outcome;
}

function requestAuthentications(sim: Sim, enforcer: Enforcer, target: PolicyTarget) {
  return sim.config.ra.filter((policy) => {
    const refs = [...(policy.spec.targetRef ? [policy.spec.targetRef] : []), ...(policy.spec.targetRefs ?? [])];
    if (refs.length > 0)
      return (enforcer === 'waypoint' || enforcer === 'gateway') && policy.namespace === target.serviceNamespace && refs.some((ref) => ref.name === target.service || ref.name === target.gatewayName);
    if (enforcer === 'waypoint') return false;
    const scoped = policy.namespace === sim.mesh.rootNamespace || policy.namespace === target.workload.namespace;
    return scoped && selectorMatches(policy.spec.selector, target.workload.labels);
  });
}

function decide(sim: Sim, enforcer: Enforcer, target: PolicyTarget, request: AuthzRequest, l4Only: boolean): PolicyOutcome {
  const policies = enforcer === 'ztunnel' ? [] : requestAuthentications(sim, enforcer, target);
  const jwt: JwtResult = policies.length ? authenticateJwt(policies, request.headers) : {note: ''};
  if (jwt.rejected)
    return {jwtNote: jwt.note, jwtRejected: true, verdict: {decision: 'deny', enforcedBy: enforcer, reason: jwt.rejected}, notes: []};
  const mesh = {...sim.mesh, extensionProviders: sim.config.settings.extensionProviders};
  const outcome = authorize(
    mesh,
    sim.config.ap,
    {workload: target.workload, service: target.service, serviceNamespace: target.serviceNamespace, waypoint: target.gatewayName},
    enforcer,
    {...request, requestPrincipal: jwt.requestPrincipal, claims: jwt.claims},
    l4Only,
  );
  return {jwtNote: policies.length ? jwt.note : undefined, jwtRejected: false, verdict: outcome.verdict, notes: outcome.notes, requestPrincipal: jwt.requestPrincipal};
}

const text = (line: string) => line;
const verdictText = (verdict: AuthzVerdict, suffix: string) => `${verdict.decision.toUpperCase()}: ${verdict.reason}${suffix}`;

/**
 * Runs authentication and authorization at one enforcement point and records them in the trace.
 * `keys` are the objects that, with the call, fix everything the decision reads (the endpoint
 * and router for a server, the gateway workload, the waypoint router): it is computed once.
 */
export function enforcePolicy(context: HopContext, keys: readonly object[], at: string, enforcer: Enforcer, target: PolicyTarget, request: AuthzRequest, l4Only = enforcer === 'ztunnel'): PolicyOutcome {
  const {sim, hop} = context;
  const outcome = remembered([context.call, ...keys], () => decide(sim, enforcer, target, request, l4Only));
  if (outcome.jwtNote) sim.trace.step(hop, 'authn', at, outcome.jwtRejected ? 'fail' : 'ok', text, outcome.jwtNote);
  if (outcome.jwtRejected) return outcome;
  for (const note of outcome.notes) sim.trace.step(hop, 'authz', at, 'info', text, note);
  const suffix = outcome.verdict.decision === 'deny' && enforcer === 'ztunnel' ? ' — ztunnel resets the connection (no 403)' : '';
  sim.trace.step(hop, 'authz', at, outcome.verdict.decision === 'allow' ? 'ok' : 'fail', verdictText, outcome.verdict, suffix);
  return outcome;
}
