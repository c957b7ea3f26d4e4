/**
 * The mesh simulator: sends N requests through a mesh configured with Istio YAML and returns,
 * for each, the decisions taken on the way (route, subset, pod, faults, timeouts, retries,
 * connection pool, outlier ejection, mutual TLS, authorization) and the final status and
 * latency. Deterministic for a given seed. Semantics follow Istio 1.31; NOT_MODELED in
 * limits.ts lists what is simplified or left out.
 */
import {parseConfig, parseDuration} from './parse';
import {seededRandom, type Random} from './prng';
import type {Destination, HTTPMatchRequest, HTTPRoute, IstioResource, ResourceOf, StringMatch, TrafficPolicy} from './resources';
import {authenticateJwt, authorize, effectivePeerAuthentication, selectorMatches, type AuthzRequest} from './security';
import type {
  AuthzVerdict,
  Diagnostic,
  Mesh,
  Pod,
  RequestSpec,
  RequestTrace,
  RunOptions,
  RunResult,
  RunSummary,
  Service,
  TraceStep,
  Workload,
} from './types';

export const MAX_REQUESTS = 1000;
export const MAX_CONCURRENCY = 64;
/** Envoy's default retry policy as istiod configures it (pilot/pkg/networking/core/route/retry). */
export const DEFAULT_RETRY = {attempts: 2, retryOn: 'connect-failure,refused-stream,unavailable,cancelled,retriable-status-codes', statusCodes: [] as readonly number[]} as const;
const RETRY_BACKOFF_MS = 25;
const LOCAL_REPLY_MS = 1;
const DEFAULT_NAMESPACE = 'default';

type Config = {
  readonly vs: ResourceOf<'VirtualService'>[];
  readonly dr: ResourceOf<'DestinationRule'>[];
  readonly pa: ResourceOf<'PeerAuthentication'>[];
  readonly ap: ResourceOf<'AuthorizationPolicy'>[];
  readonly ra: ResourceOf<'RequestAuthentication'>[];
};

// ---------------------------------------------------------------- hosts and matching

function fqdn(host: string, namespace: string): string {
  const parts = host.split('.');
  if (host.endsWith('.svc.cluster.local') || host === '*' || host.startsWith('*.')) return host;
  if (parts.length === 1) return `${host}.${namespace}.svc.cluster.local`;
  if (parts.length === 2) return `${host}.svc.cluster.local`;
  return host;
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === '*') return true;
  if (pattern.startsWith('*.')) return host.endsWith(pattern.slice(1));
  return pattern === host;
}

function serviceFqdn(service: Service): string {
  return `${service.name}.${service.namespace}.svc.cluster.local`;
}

function findService(mesh: Mesh, host: string): Service | undefined {
  return mesh.services.find((service) => serviceFqdn(service) === host);
}

/** Full-match of an Istio StringMatch; regex is anchored like Envoy's RE2 full match. */
export function stringMatches(match: StringMatch, value: string | undefined, ignoreCase = false): boolean {
  if (value === undefined) return false;
  if (match.exact !== undefined) return ignoreCase ? value.toLowerCase() === match.exact.toLowerCase() : value === match.exact;
  if (match.prefix !== undefined) return ignoreCase ? value.toLowerCase().startsWith(match.prefix.toLowerCase()) : value.startsWith(match.prefix);
  if (match.regex !== undefined) {
    try {
      return new RegExp(`^(?:${match.regex})$`).test(value);
    } catch {
      return false;
    }
  }
  return true; // an empty match only asks for presence
}

function describeMatch(match: StringMatch): string {
  if (match.exact !== undefined) return `exact "${match.exact}"`;
  if (match.prefix !== undefined) return `prefix "${match.prefix}"`;
  if (match.regex !== undefined) return `regex "${match.regex}"`;
  return 'present';
}

interface RequestContext {
  readonly source: Workload;
  readonly method: string;
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
  readonly headers: Readonly<Record<string, string>>;
  readonly port: number;
}

/** One match block: every condition must hold (AND). Returns the failing or passing reasons. */
export function matchBlock(block: HTTPMatchRequest, request: RequestContext): {ok: boolean; why: string} {
  const passed: string[] = [];
  const fail = (why: string) => ({ok: false, why});
  if (block.uri) {
    if (!stringMatches(block.uri, request.path, block.ignoreUriCase)) return fail(`uri ${describeMatch(block.uri)} does not match ${request.path}`);
    passed.push(`uri ${describeMatch(block.uri)}`);
  }
  if (block.method) {
    if (!stringMatches(block.method, request.method)) return fail(`method ${describeMatch(block.method)} does not match ${request.method}`);
    passed.push(`method ${describeMatch(block.method)}`);
  }
  for (const [name, match] of Object.entries(block.headers ?? {})) {
    const value = request.headers[name.toLowerCase()];
    if (!stringMatches(match, value)) return fail(`header ${name} ${describeMatch(match)} does not match ${value === undefined ? '(absent)' : `"${value}"`}`);
    passed.push(`header ${name} ${describeMatch(match)}`);
  }
  for (const [name, match] of Object.entries(block.withoutHeaders ?? {})) {
    const value = request.headers[name.toLowerCase()];
    if (stringMatches(match, value)) return fail(`withoutHeaders ${name} ${describeMatch(match)} matches "${value}"`);
    passed.push(`without header ${name}`);
  }
  for (const [name, match] of Object.entries(block.queryParams ?? {})) {
    const value = request.query[name];
    if (!stringMatches(match, value)) return fail(`query ${name} ${describeMatch(match)} does not match ${value ?? '(absent)'}`);
    passed.push(`query ${name} ${describeMatch(match)}`);
  }
  if (block.port !== undefined) {
    if (block.port !== request.port) return fail(`port ${block.port} is not ${request.port}`);
    passed.push(`port ${block.port}`);
  }
  if (block.sourceLabels) {
    if (!selectorMatches({matchLabels: block.sourceLabels}, request.source.labels))
      return fail(`sourceLabels ${JSON.stringify(block.sourceLabels)} do not match ${request.source.name}`);
    passed.push('sourceLabels');
  }
  if (block.sourceNamespace !== undefined) {
    if (block.sourceNamespace !== request.source.namespace) return fail(`sourceNamespace ${block.sourceNamespace} is not ${request.source.namespace}`);
    passed.push(`sourceNamespace ${block.sourceNamespace}`);
  }
  return {ok: true, why: passed.length ? passed.join(' AND ') : 'empty match block (matches everything)'};
}

/** First route whose match list matches (blocks ORed); a route without match matches all. */
export function selectRoute(routes: readonly HTTPRoute[], request: RequestContext): {index: number; route: HTTPRoute; why: string[]} | {index: -1; why: string[]} {
  const why: string[] = [];
  for (const [index, route] of routes.entries()) {
    const label = `http[${index}]${route.name ? ` (${route.name})` : ''}`;
    if (!route.match || route.match.length === 0) {
      why.push(`${label} has no match, so it takes every request`);
      return {index, route, why};
    }
    const failures: string[] = [];
    for (const [blockIndex, block] of route.match.entries()) {
      const result = matchBlock(block, request);
      if (result.ok) {
        why.push(`${label} match[${blockIndex}] matches: ${result.why}`);
        return {index, route, why};
      }
      failures.push(`match[${blockIndex}]: ${result.why}`);
    }
    why.push(`${label} skipped — ${failures.join('; OR ')}`);
  }
  return {index: -1, why};
}

// ---------------------------------------------------------------- validation with locations

function validate(config: Config, mesh: Mesh): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const add = (resource: IstioResource, path: string, severity: Diagnostic['severity'], message: string) => {
    const at = resource.locate(path);
    diagnostics.push({severity, message: `${resource.kind} ${resource.name}: ${message}`, line: at.line, column: at.column, path});
  };
  const seenHosts = new Map<string, string>();
  for (const vs of config.vs) {
    const ns = vs.namespace ?? DEFAULT_NAMESPACE;
    if (!vs.spec.hosts || vs.spec.hosts.length === 0) add(vs, 'spec', 'error', 'spec.hosts must list at least one host.');
    for (const [index, host] of (vs.spec.hosts ?? []).entries()) {
      const full = fqdn(host, ns);
      const earlier = seenHosts.get(full);
      if (earlier) add(vs, `spec.hosts[${index}]`, 'warning', `host ${host} is also claimed by VirtualService ${earlier}; the playground uses the first one (Istio uses the oldest).`);
      else seenHosts.set(full, vs.name);
      if (!full.startsWith('*') && !findService(mesh, full)) add(vs, `spec.hosts[${index}]`, 'warning', `no service ${full} in the ${mesh.name} mesh.`);
    }
    if (vs.spec.gateways && vs.spec.gateways.length > 0 && !vs.spec.gateways.includes('mesh'))
      add(vs, 'spec.gateways', 'warning', 'gateways lists no "mesh", so this VirtualService applies only to those gateways, not to traffic inside the mesh.');
    for (const [r, route] of (vs.spec.http ?? []).entries()) {
      const destinations = route.route ?? [];
      if (destinations.length === 0) add(vs, `spec.http[${r}]`, 'error', `http[${r}] needs a route (redirect, directResponse and delegate are not simulated).`);
      let total = 0;
      for (const [d, destination] of destinations.entries()) {
        if (!destination.destination?.host) add(vs, `spec.http[${r}].route[${d}]`, 'error', `route[${d}].destination.host is required.`);
        if ((destination.weight ?? 0) < 0) add(vs, `spec.http[${r}].route[${d}].weight`, 'error', `weight ${destination.weight} < 0.`);
        total += destination.weight ?? 0;
      }
      if (destinations.length > 1 && total === 0) add(vs, `spec.http[${r}].route`, 'error', 'total destination weight = 0: give at least one destination a weight.');
      else if (destinations.length > 1 && total !== 100)
        add(vs, `spec.http[${r}].route`, 'info', `weights add up to ${total}, not 100: Istio treats them as relative shares, so each destination gets weight/${total}.`);
      for (const [m, block] of (route.match ?? []).entries()) {
        const regexes: [string, StringMatch | undefined][] = [
          ['uri', block.uri],
          ['method', block.method],
          ...Object.entries(block.headers ?? {}).map(([name, match]): [string, StringMatch] => [`headers.${name}`, match]),
        ];
        for (const [field, match] of regexes) {
          if (match?.regex === undefined) continue;
          try {
            new RegExp(match.regex);
          } catch {
            add(vs, `spec.http[${r}].match[${m}].${field}.regex`, 'error', `invalid regular expression ${JSON.stringify(match.regex)}.`);
          }
        }
        for (const name of Object.keys(block.headers ?? {}))
          if (name !== name.toLowerCase()) add(vs, `spec.http[${r}].match[${m}].headers.${name}`, 'error', `header names must be lower case ("${name.toLowerCase()}").`);
      }
      const retries = route.retries;
      if (retries && !(retries.attempts && retries.attempts > 0) && (retries.perTryTimeout !== undefined || retries.retryOn !== undefined))
        add(vs, `spec.http[${r}].retries`, 'error', 'http retry policy configured when attempts are set to 0 (disabled): set attempts.');
      if (route.fault && (route.retries || route.timeout))
        add(vs, `spec.http[${r}].fault`, 'info', 'fault injection and retries/timeout on the same route: the fault filter runs before the router, so the timeout does not cover the injected delay and aborts are never retried.');
    }
  }
  for (const dr of config.dr) {
    if (!dr.spec.host) add(dr, 'spec', 'error', 'spec.host is required.');
    const names = new Set<string>();
    for (const [index, subset] of (dr.spec.subsets ?? []).entries()) {
      if (!subset.name) add(dr, `spec.subsets[${index}]`, 'error', 'a subset needs a name.');
      else if (names.has(subset.name)) add(dr, `spec.subsets[${index}].name`, 'error', `duplicate subset name ${subset.name}.`);
      else names.add(subset.name);
    }
    for (const [path, policy] of [['spec.trafficPolicy', dr.spec.trafficPolicy], ...(dr.spec.subsets ?? []).map((s, i) => [`spec.subsets[${i}].trafficPolicy`, s.trafficPolicy] as const)] as const) {
      const mode = (policy as TrafficPolicy | undefined)?.tls?.mode;
      if (mode === 'SIMPLE' || mode === 'MUTUAL') add(dr, `${path}.tls.mode`, 'warning', `tls.mode ${mode} (TLS with your own certificates) is not simulated; the playground treats it like automatic mutual TLS.`);
    }
  }
  for (const pa of config.pa) {
    const hasSelector = Object.keys(pa.spec.selector?.matchLabels ?? {}).length > 0;
    if (pa.spec.portLevelMtls && !hasSelector) add(pa, 'spec.portLevelMtls', 'error', 'portLevelMtls needs a workload selector; namespace-wide and mesh-wide policies cannot set it.');
    for (const port of Object.keys(pa.spec.portLevelMtls ?? {}))
      if (!/^\d+$/.test(port)) add(pa, `spec.portLevelMtls.${port}`, 'error', `portLevelMtls keys are port numbers, got "${port}".`);
  }
  for (const ap of config.ap) {
    const action = ap.spec.action ?? 'ALLOW';
    if (action === 'CUSTOM' && !ap.spec.provider?.name) add(ap, 'spec.action', 'error', 'action CUSTOM needs provider.name.');
    if (action !== 'CUSTOM' && ap.spec.provider) add(ap, 'spec.provider', 'error', 'provider is only allowed with action CUSTOM.');
    if (ap.spec.selector && (ap.spec.targetRef || ap.spec.targetRefs)) add(ap, 'spec.selector', 'error', 'use either selector or targetRefs, not both.');
    for (const [r, rule] of (ap.spec.rules ?? []).entries()) {
      for (const [f, from] of (rule.from ?? []).entries()) {
        for (const field of ['principals', 'notPrincipals'] as const) {
          for (const [i, value] of (from.source?.[field] ?? []).entries()) {
            if (value.startsWith('spiffe://'))
              add(ap, `spec.rules[${r}].from[${f}].source.${field}[${i}]`, 'warning', `principal "${value}" starts with spiffe://, so it never matches: write ${value.slice('spiffe://'.length)}.`);
          }
        }
      }
      for (const [t, to] of (rule.to ?? []).entries()) {
        for (const field of ['ports', 'notPorts'] as const)
          for (const [i, value] of (to.operation?.[field] ?? []).entries())
            if (!/^\d+$/.test(value)) add(ap, `spec.rules[${r}].to[${t}].operation.${field}[${i}]`, 'error', `port "${value}" is not a number.`);
      }
      for (const [w, when] of (rule.when ?? []).entries()) {
        const key = when.key ?? '';
        const known =
          /^request\.headers\[.+\]$/.test(key) ||
          /^request\.auth\.claims\[.+\]$/.test(key) ||
          ['source.principal', 'source.namespace', 'request.auth.principal', 'destination.port', 'source.ip', 'remote.ip', 'destination.ip', 'request.auth.audiences', 'request.auth.presenter', 'connection.sni', 'experimental.envoy.filters.network.mysql_proxy'].includes(key);
        if (!key) add(ap, `spec.rules[${r}].when[${w}]`, 'error', 'when needs a key.');
        else if (!known) add(ap, `spec.rules[${r}].when[${w}].key`, 'error', `unknown condition key "${key}".`);
      }
    }
  }
  return diagnostics;
}

// ---------------------------------------------------------------- the run

interface Attempt {
  readonly kind: 'response' | 'connect-failure' | 'reset' | 'timeout';
  readonly status: number;
  readonly latencyMs: number;
  readonly flags: string[];
  readonly authz?: AuthzVerdict;
  readonly mtls: RequestTrace['mtls'];
}

interface PodState {
  consecutive5xx: number;
  consecutiveGateway: number;
  ejections: number;
  ejectedAt: number;
  returnsAt: number;
}

interface ClusterState {
  readonly busy: {start: number; end: number; pod: string}[];
  readonly queued: {arrive: number; admit: number}[];
  readonly pods: Map<string, PodState>;
  roundRobin: number;
}

function mergePolicy(top: TrafficPolicy | undefined, subset: TrafficPolicy | undefined): TrafficPolicy {
  return {...(top ?? {}), ...(subset ?? {})};
}

function parseRequestPath(path: string): {path: string; query: Record<string, string>} {
  const [pathOnly = '/', queryString = ''] = path.split('?', 2);
  const query: Record<string, string> = {};
  for (const pair of queryString.split('&')) {
    if (!pair) continue;
    const [key = '', value = ''] = pair.split('=', 2);
    query[decodeURIComponent(key)] = decodeURIComponent(value);
  }
  return {path: pathOnly.startsWith('/') ? pathOnly : `/${pathOnly}`, query};
}

function appResponse(workload: Workload, pod: Pod, path: string): {status: number; latencyMs: number; why: string} {
  const base = pod.behaviour?.latencyMs ?? 10;
  if (pod.behaviour?.failWith) return {status: pod.behaviour.failWith, latencyMs: base, why: `pod ${pod.name} is broken and answers ${pod.behaviour.failWith}`};
  if (workload.app === 'httpbin') {
    const status = path.match(/^\/status\/(\d{3})/);
    if (status?.[1]) return {status: Number(status[1]), latencyMs: base, why: `httpbin answers /status/${status[1]} with ${status[1]}`};
    const delay = path.match(/^\/delay\/(\d+(?:\.\d+)?)/);
    if (delay?.[1]) {
      const seconds = Math.min(10, Number(delay[1]));
      return {status: 200, latencyMs: base + seconds * 1000, why: `httpbin waits ${seconds} s before answering /delay/${delay[1]}`};
    }
  }
  return {status: 200, latencyMs: base, why: `${workload.name} answers 200 after ${base} ms`};
}

function retriable(retryOn: string, codes: readonly number[], attempt: Attempt): boolean {
  const on = new Set(retryOn.split(',').map((part) => part.trim()));
  const resetLike = on.has('5xx') || on.has('gateway-error') || on.has('reset');
  switch (attempt.kind) {
    case 'connect-failure':
      return resetLike || on.has('connect-failure');
    case 'reset':
    case 'timeout':
      return resetLike;
    case 'response':
      return (
        (on.has('5xx') && attempt.status >= 500) ||
        (on.has('gateway-error') && [502, 503, 504].includes(attempt.status)) ||
        (on.has('retriable-status-codes') && codes.includes(attempt.status)) ||
        (on.has('retriable-4xx') && attempt.status === 409)
      );
  }
}

function emptySummary(): RunSummary {
  return {total: 0, byStatus: [], byDestination: [], mirrored: [], meanLatencyMs: 0, maxLatencyMs: 0};
}

function summarise(traces: readonly RequestTrace[]): RunSummary {
  const count = (keys: string[]) => {
    const counts = new Map<string, number>();
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
    return [...counts.entries()].map(([destination, total]) => ({destination, count: total}));
  };
  const statuses = new Map<number, number>();
  for (const trace of traces) statuses.set(trace.status, (statuses.get(trace.status) ?? 0) + 1);
  const latencies = traces.map((trace) => trace.latencyMs);
  return {
    total: traces.length,
    byStatus: [...statuses.entries()].sort((a, b) => a[0] - b[0]).map(([status, total]) => ({status, count: total})),
    byDestination: count(traces.map((trace) => trace.destination ?? 'not sent to any pod')).sort((a, b) => a.destination.localeCompare(b.destination)),
    mirrored: count(traces.flatMap((trace) => (trace.mirroredTo ? [trace.mirroredTo] : []))),
    meanLatencyMs: latencies.length ? Math.round((latencies.reduce((a, b) => a + b, 0) / latencies.length) * 10) / 10 : 0,
    maxLatencyMs: latencies.length ? Math.max(...latencies) : 0,
  };
}

/** Runs the simulation. Never throws for bad YAML or bad input: problems come back as diagnostics. */
export function simulate(mesh: Mesh, yaml: string, spec: RequestSpec, options: RunOptions): RunResult {
  const parsed = parseConfig(yaml);
  const resources = parsed.resources.map((resource) => ({...resource, namespace: resource.namespace ?? DEFAULT_NAMESPACE}) as IstioResource);
  const config: Config = {
    vs: resources.filter((r): r is ResourceOf<'VirtualService'> => r.kind === 'VirtualService'),
    dr: resources.filter((r): r is ResourceOf<'DestinationRule'> => r.kind === 'DestinationRule'),
    pa: resources.filter((r): r is ResourceOf<'PeerAuthentication'> => r.kind === 'PeerAuthentication'),
    ap: resources.filter((r): r is ResourceOf<'AuthorizationPolicy'> => r.kind === 'AuthorizationPolicy'),
    ra: resources.filter((r): r is ResourceOf<'RequestAuthentication'> => r.kind === 'RequestAuthentication'),
  };
  const diagnostics = [...parsed.diagnostics, ...(parsed.diagnostics.some((d) => d.severity === 'error') ? [] : validate(config, mesh))].sort(
    (a, b) => a.line - b.line || a.column - b.column,
  );
  if (diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return {diagnostics, requests: [], summary: emptySummary()};

  const source = mesh.workloads.find((workload) => workload.name === spec.source);
  if (!source) {
    return {
      diagnostics: [...diagnostics, {severity: 'error', message: `unknown source workload "${spec.source}"`, line: 1, column: 1}],
      requests: [],
      summary: emptySummary(),
    };
  }
  const targetHost = fqdn(spec.host.trim().toLowerCase(), source.namespace);
  const targetService = findService(mesh, targetHost);
  const count = Math.max(0, Math.min(MAX_REQUESTS, Math.floor(options.count)));
  const concurrency = Math.max(1, Math.min(MAX_CONCURRENCY, Math.floor(options.concurrency ?? 1)));
  const random = seededRandom(options.seed);
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(spec.headers ?? {})) if (key.trim()) headers[key.trim().toLowerCase()] = value;
  const {path, query} = parseRequestPath(spec.path || '/');
  const method = (spec.method || 'GET').toUpperCase();
  const clusters = new Map<string, ClusterState>();
  const clusterState = (key: string): ClusterState => {
    let state = clusters.get(key);
    if (!state) {
      state = {busy: [], queued: [], pods: new Map(), roundRobin: 0};
      clusters.set(key, state);
    }
    return state;
  };

  const traces: RequestTrace[] = [];
  const clientFree = Array.from({length: concurrency}, () => 0);
  for (let index = 0; index < count; index += 1) {
    let client = 0;
    for (let c = 1; c < concurrency; c += 1) if ((clientFree[c] ?? 0) < (clientFree[client] ?? 0)) client = c;
    const start = clientFree[client] ?? 0;
    const trace = sendOne(index, start);
    traces.push(trace);
    clientFree[client] = start + trace.latencyMs;
  }
  return {diagnostics, requests: traces, summary: summarise(traces)};

  function sendOne(index: number, start: number): RequestTrace {
    const steps: TraceStep[] = [];
    const step = (kind: TraceStep['kind'], at: string, text: string, outcome: TraceStep['outcome'] = 'info') => steps.push({kind, at, text, outcome});
    const done = (fields: Partial<RequestTrace> & {status: number; latencyMs: number}): RequestTrace => {
      step('response', 'client', `${fields.status === 0 ? 'connection reset, no HTTP response' : `HTTP ${fields.status}`}${fields.flags?.length ? ` (${fields.flags.join(',')})` : ''} after ${round(fields.latencyMs)} ms`, fields.status >= 200 && fields.status < 400 ? 'ok' : 'fail');
      return {index, startMs: round(start), flags: [], route: 'none', mtls: 'not reached', attempts: 0, ...fields, latencyMs: round(fields.latencyMs), steps};
    };
    const clientProxy = source!.mode === 'sidecar' ? 'client sidecar' : source!.mode === 'ambient' ? 'source ztunnel' : 'client (no proxy)';
    step('source', clientProxy, `${method} http://${spec.host}${spec.path} from ${source!.name} (${source!.namespace}, service account ${source!.serviceAccount}, ${source!.mode === 'outside' ? 'outside the mesh' : source!.mode})`);
    if (!targetService) {
      step('routing', clientProxy, `no service answers to ${targetHost}: DNS lookup fails`, 'fail');
      return done({status: 0, latencyMs: LOCAL_REPLY_MS, flags: ['DNS']});
    }
    const request: RequestContext = {source: source!, method, path, query, headers, port: spec.port ?? targetService.port};

    // Who applies L7 policy on the client side?
    const viaWaypoint = source!.mode !== 'outside' && targetService.waypoint !== undefined && source!.mode === 'ambient';
    const l7Client = source!.mode === 'sidecar' || viaWaypoint;
    const routerAt = viaWaypoint ? `waypoint (${targetService.waypoint})` : clientProxy;
    let elapsed = 0;
    let jwt: ReturnType<typeof authenticateJwt> | undefined;

    if (viaWaypoint) {
      step('mtls', 'source ztunnel', `HBONE (mutual TLS) to the waypoint (${targetService.waypoint}) of ${targetService.name}`, 'ok');
      const waypointTarget = {workload: source!, service: targetService.name, serviceNamespace: targetService.namespace, waypoint: targetService.waypoint};
      const raPolicies = config.ra.filter((policy) =>
        [...(policy.spec.targetRef ? [policy.spec.targetRef] : []), ...(policy.spec.targetRefs ?? [])].some(
          (ref) => policy.namespace === targetService.namespace && (ref.name === targetService.name || ref.name === targetService.waypoint),
        ),
      );
      jwt = authenticateJwt(raPolicies, headers);
      if (raPolicies.length) step('authn', routerAt, jwt.note, jwt.rejected ? 'fail' : 'ok');
      if (jwt.rejected) return done({status: 401, latencyMs: LOCAL_REPLY_MS, route: 'none', mtls: 'mutual TLS'});
      const outcome = authorize(mesh, config.ap, waypointTarget, 'waypoint', {
        principal: `${mesh.trustDomain}/ns/${source!.namespace}/sa/${source!.serviceAccount}`,
        requestPrincipal: jwt.requestPrincipal,
        claims: jwt.claims,
        method,
        path,
        host: spec.host,
        port: request.port,
        headers,
      });
      for (const note of outcome.notes) step('authz', routerAt, note);
      step('authz', routerAt, `${outcome.verdict.decision.toUpperCase()}: ${outcome.verdict.reason}`, outcome.verdict.decision === 'allow' ? 'ok' : 'fail');
      if (outcome.verdict.decision === 'deny') return done({status: 403, latencyMs: LOCAL_REPLY_MS, mtls: 'mutual TLS', authz: outcome.verdict});
    }

    // Routing
    let routeLabel = 'default route (no VirtualService)';
    let route: HTTPRoute | undefined;
    const vs = l7Client
      ? config.vs.find(
          (candidate) =>
            (!candidate.spec.gateways || candidate.spec.gateways.length === 0 || candidate.spec.gateways.includes('mesh')) &&
            (candidate.spec.hosts ?? []).some((host) => hostMatches(fqdn(host, candidate.namespace ?? DEFAULT_NAMESPACE), targetHost)),
        )
      : undefined;
    if (!l7Client) {
      const why =
        source!.mode === 'outside'
          ? 'the client has no proxy, so no VirtualService or DestinationRule applies: the request goes straight to a pod of the Service'
          : 'ztunnel routes at layer 4 only: without a waypoint no VirtualService or DestinationRule applies';
      step('routing', clientProxy, why);
    } else if (!vs) {
      step('routing', routerAt, `no VirtualService for ${targetHost}: default route to all pods of ${targetService.name}`);
    } else {
      const selected = selectRoute(vs.spec.http ?? [], request);
      for (const line of selected.why) step('routing', routerAt, `VirtualService ${vs.namespace}/${vs.name}: ${line}`, selected.index === -1 ? 'fail' : 'info');
      if (!('route' in selected)) {
        step('routing', routerAt, 'no route matches: Envoy answers 404 with flag NR', 'fail');
        return done({status: 404, latencyMs: LOCAL_REPLY_MS, flags: ['NR'], route: `VirtualService ${vs.namespace}/${vs.name}: no route matched`});
      }
      route = selected.route;
      routeLabel = `VirtualService ${vs.namespace}/${vs.name} http[${selected.index}]${route.name ? ` (${route.name})` : ''}`;
    }

    // Faults run in the fault filter, before the router starts its timeout clock.
    const flags: string[] = [];
    if (route?.fault?.delay) {
      const delay = route.fault.delay;
      // Without percentage istiod sends the integer percent field (0 when absent): no request is delayed.
      const pct = delay.percentage?.value ?? delay.percent ?? 0;
      const ms = parseDuration(delay.fixedDelay ?? '0s') ?? 0;
      if (random.percent(pct)) {
        elapsed += ms;
        flags.push('DI');
        step('fault', routerAt, `delay fault fired (${pct}% of requests): waits ${ms} ms before routing`, 'fail');
      } else step('fault', routerAt, `delay fault (${pct}%) not applied to this request`);
    }
    if (route?.fault?.abort) {
      const abort = route.fault.abort;
      // Without percentage Envoy's FractionalPercent defaults to 0: no request is aborted.
      const pct = abort.percentage?.value ?? 0;
      if (random.percent(pct)) {
        step('fault', routerAt, `abort fault fired (${pct}% of requests): answers ${abort.httpStatus} without calling any pod; aborts are never retried`, 'fail');
        return done({status: abort.httpStatus ?? 500, latencyMs: elapsed + LOCAL_REPLY_MS, flags: [...flags, 'FI'], route: routeLabel, mtls: 'not reached'});
      }
      step('fault', routerAt, `abort fault (${pct}%) not applied to this request`);
    }

    // Destination (weighted)
    let destination: Destination = {host: targetService.name};
    let destinationNamespace = targetService.namespace;
    if (route?.route && route.route.length > 0) {
      const options = route.route;
      const total = options.reduce((sum, option) => sum + (options.length === 1 ? 100 : (option.weight ?? 0)), 0);
      let pick = options[0];
      if (options.length > 1) {
        let roll = random.next() * total;
        for (const option of options) {
          roll -= option.weight ?? 0;
          if (roll < 0) {
            pick = option;
            break;
          }
        }
        step('destination', routerAt, `weighted choice: ${options.map((o) => `${o.destination?.host}${o.destination?.subset ? `/${o.destination.subset}` : ''} ${o.weight ?? 0}/${total}`).join(', ')} → ${pick?.destination?.host}${pick?.destination?.subset ? `/${pick.destination.subset}` : ''}`);
      }
      destination = pick?.destination ?? destination;
      destinationNamespace = vs?.namespace ?? DEFAULT_NAMESPACE;
    }
    const destinationHost = fqdn(destination.host ?? targetService.name, destinationNamespace);
    const service = findService(mesh, destinationHost);

    // Mirroring: fire and forget.
    let mirroredTo: string | undefined;
    const mirrors = [
      ...(route?.mirror ? [{destination: route.mirror, percentage: route.mirrorPercentage}] : []),
      ...(route?.mirrors ?? []),
    ];
    for (const mirror of mirrors) {
      const pct = mirror.percentage?.value ?? 100;
      if (mirror.destination && random.percent(pct)) {
        mirroredTo = `${mirror.destination.host}${mirror.destination.subset ? ` ${mirror.destination.subset}` : ''}`;
        step('mirror', routerAt, `a copy goes to ${mirroredTo} (${pct}%); its answer is thrown away and the Host header gets a -shadow suffix`);
      }
    }

    if (!service) {
      step('destination', routerAt, `no service ${destinationHost}: cluster not found`, 'fail');
      return done({status: 503, latencyMs: elapsed + LOCAL_REPLY_MS, flags: [...flags, 'NC'], route: routeLabel, mirroredTo});
    }
    const dr = l7Client
      ? config.dr.find((candidate) => candidate.spec.host && hostMatches(fqdn(candidate.spec.host, candidate.namespace ?? DEFAULT_NAMESPACE), destinationHost))
      : undefined;
    let podSelector: Record<string, string> = {...service.selector};
    let policy: TrafficPolicy = dr?.spec.trafficPolicy ?? {};
    const subsetName = destination.subset;
    if (subsetName) {
      const subset = dr?.spec.subsets?.find((candidate) => candidate.name === subsetName);
      if (!subset) {
        step('destination', routerAt, `subset ${subsetName} is not defined in ${dr ? `DestinationRule ${dr.namespace}/${dr.name}` : 'any DestinationRule'}: Envoy has no such cluster`, 'fail');
        return done({status: 503, latencyMs: elapsed + LOCAL_REPLY_MS, flags: [...flags, 'NC'], route: routeLabel, mirroredTo});
      }
      podSelector = {...podSelector, ...(subset.labels ?? {})};
      policy = mergePolicy(dr?.spec.trafficPolicy, subset.trafficPolicy);
      step('destination', routerAt, `subset ${subsetName} of DestinationRule ${dr?.namespace}/${dr?.name} selects pods with ${Object.entries(podSelector).map(([k, v]) => `${k}=${v}`).join(', ')}`);
    }
    const candidates = mesh.workloads
      .filter((workload) => workload.namespace === service.namespace && selectorMatches({matchLabels: podSelector}, workload.labels))
      .flatMap((workload) => workload.pods.map((pod) => ({workload, pod})));
    const clusterKey = `${service.name}|${subsetName ?? ''}`;
    const cluster = clusterState(clusterKey);
    if (candidates.length === 0) {
      step('destination', routerAt, `no pod has labels ${JSON.stringify(podSelector)}: no healthy upstream`, 'fail');
      return done({status: 503, latencyMs: elapsed + LOCAL_REPLY_MS, flags: [...flags, 'UH'], route: routeLabel, mirroredTo});
    }

    // Connection pool (client side, per destination cluster).
    const now0 = start + elapsed;
    const pool = policy.connectionPool;
    const maxConnections = pool?.tcp?.maxConnections ?? Number.MAX_SAFE_INTEGER;
    const maxPending = pool?.http?.http1MaxPendingRequests ?? Number.MAX_SAFE_INTEGER;
    const maxRequests = pool?.http?.http2MaxRequests ?? Number.MAX_SAFE_INTEGER;
    const activeAt = (t: number) => cluster.busy.filter((slot) => slot.start <= t && slot.end > t).length;
    const pendingAt = (t: number) => cluster.queued.filter((slot) => slot.arrive <= t && slot.admit > t).length;
    let admit = now0;
    if (l7Client && pool) {
      const active = activeAt(now0);
      const pending = pendingAt(now0);
      if (active >= maxRequests) {
        step('pool', routerAt, `${active} requests in flight ≥ http2MaxRequests ${maxRequests}: overflow, 503 UO (overflows are not retried)`, 'fail');
        return done({status: 503, latencyMs: elapsed + LOCAL_REPLY_MS, flags: [...flags, 'UO'], route: routeLabel, mirroredTo});
      }
      if (active >= maxConnections) {
        if (pending >= maxPending) {
          step('pool', routerAt, `all ${maxConnections} connection(s) busy and ${pending} request(s) already pending (http1MaxPendingRequests ${maxPending}): overflow, 503 UO`, 'fail');
          return done({status: 503, latencyMs: elapsed + LOCAL_REPLY_MS, flags: [...flags, 'UO'], route: routeLabel, mirroredTo});
        }
        const ends = cluster.busy.map((slot) => slot.end).filter((end) => end > now0).sort((a, b) => a - b);
        admit = ends.find((t) => activeAt(t) < maxConnections) ?? now0;
        cluster.queued.push({arrive: now0, admit});
        step('pool', routerAt, `all ${maxConnections} connection(s) busy: the request waits ${round(admit - now0)} ms in the pending queue (${pending + 1}/${maxPending})`);
      } else {
        step('pool', routerAt, `connection pool has room: ${active} in flight, maxConnections ${pool.tcp?.maxConnections ?? 'unlimited'}`, 'ok');
      }
      if (pool.http?.maxRequestsPerConnection)
        step('pool', routerAt, `maxRequestsPerConnection ${pool.http.maxRequestsPerConnection}: connections are closed after that many requests (no effect on capacity in the playground)`);
    }
    elapsed += admit - now0;

    // Timeouts and retries.
    const timeoutMs = route?.timeout ? parseDuration(route.timeout) : undefined;
    const retries = route?.retries;
    const retriesOn = l7Client;
    const numRetries = !retriesOn ? 0 : retries ? Math.max(0, retries.attempts ?? 0) : DEFAULT_RETRY.attempts;
    let retryOn: string = DEFAULT_RETRY.retryOn;
    let statusCodes: number[] = [...DEFAULT_RETRY.statusCodes];
    if (retries?.retryOn) {
      const parts = retries.retryOn.split(',').map((part) => part.trim()).filter(Boolean);
      statusCodes = parts.filter((part) => /^\d{3}$/.test(part)).map(Number);
      retryOn = parts.filter((part) => !/^\d{3}$/.test(part)).join(',') + (statusCodes.length && !parts.includes('retriable-status-codes') ? ',retriable-status-codes' : '');
    }
    const perTryMs = retries?.perTryTimeout ? parseDuration(retries.perTryTimeout) : undefined;
    const backoffMs = retries?.backoff ? (parseDuration(retries.backoff) ?? RETRY_BACKOFF_MS) : RETRY_BACKOFF_MS;
    if (l7Client) {
      step(
        'timeout',
        routerAt,
        `${timeoutMs !== undefined ? `route timeout ${timeoutMs} ms` : 'no route timeout (Istio sets none for HTTP routes by default)'}; ${
          retries ? (numRetries === 0 ? 'retries disabled (attempts: 0)' : `up to ${numRetries} retries on ${retryOn}${statusCodes.length ? ` [${statusCodes.join(',')}]` : ''}${perTryMs ? `, per try ${perTryMs} ms` : ''}`) : `default retry policy: ${DEFAULT_RETRY.attempts} retries on ${DEFAULT_RETRY.retryOn} (no status code listed, so no HTTP status is retried)`
        }`,
      );
    }
    const lb = policy.loadBalancer?.simple ?? 'LEAST_REQUEST';
    const outlier = policy.outlierDetection;
    const consecutive5xx = outlier ? (outlier.consecutive5xxErrors ?? 5) : 0;
    const consecutiveGateway = outlier?.consecutiveGatewayErrors ?? 0;
    const intervalMs = parseDuration(outlier?.interval ?? '10s') ?? 10_000;
    const baseEjectionMs = parseDuration(outlier?.baseEjectionTime ?? '30s') ?? 30_000;
    const maxEjectionPercent = outlier?.maxEjectionPercent ?? 10;
    const minHealthPercent = outlier?.minHealthPercent ?? 0;
    const podState = (name: string): PodState => {
      let state = cluster.pods.get(name);
      if (!state) {
        state = {consecutive5xx: 0, consecutiveGateway: 0, ejections: 0, ejectedAt: -1, returnsAt: -1};
        cluster.pods.set(name, state);
      }
      return state;
    };
    const ejected = (name: string, t: number) => {
      const state = podState(name);
      return state.ejectedAt >= 0 && state.ejectedAt <= t && t < state.returnsAt;
    };

    let attempts = 0;
    const tried = new Set<string>();
    let final: Attempt | undefined;
    let finalPod: {workload: Workload; pod: Pod} | undefined;
    const deadline = timeoutMs !== undefined ? start + elapsed + timeoutMs : Number.POSITIVE_INFINITY;
    let now = start + elapsed;
    let lastAuthz: AuthzVerdict | undefined;
    for (;;) {
      attempts += 1;
      // Pick a pod.
      let healthy = candidates.filter((candidate) => !ejected(candidate.pod.name, now));
      if (outlier && healthy.length < candidates.length) {
        const percentHealthy = (100 * healthy.length) / candidates.length;
        if (minHealthPercent > 0 && percentHealthy < minHealthPercent) {
          step('outlier', routerAt, `only ${Math.round(percentHealthy)}% of pods healthy (< minHealthPercent ${minHealthPercent}): load balancing over all pods`);
          healthy = candidates;
        } else {
          step('outlier', routerAt, `ejected now: ${candidates.filter((c) => ejected(c.pod.name, now)).map((c) => c.pod.name).join(', ')}`);
        }
      }
      if (healthy.length === 0) {
        step('outlier', routerAt, 'every pod is ejected: no healthy upstream', 'fail');
        final = {kind: 'response', status: 503, latencyMs: LOCAL_REPLY_MS, flags: ['UH'], mtls: 'not reached'};
        break;
      }
      const fresh = healthy.filter((candidate) => !tried.has(candidate.pod.name));
      const pool = l7Client && fresh.length > 0 ? fresh : healthy;
      let chosen = pool[0]!;
      if (!l7Client) chosen = pool[random.below(pool.length)]!;
      else if (lb === 'ROUND_ROBIN') chosen = pool[cluster.roundRobin++ % pool.length]!;
      else if (lb === 'RANDOM') chosen = pool[random.below(pool.length)]!;
      else {
        const load = (name: string) => cluster.busy.filter((slot) => slot.pod === name && slot.start <= now && slot.end > now).length;
        const least = Math.min(...pool.map((candidate) => load(candidate.pod.name)));
        const ties = pool.filter((candidate) => load(candidate.pod.name) === least);
        chosen = ties[random.below(ties.length)]!;
      }
      tried.add(chosen.pod.name);
      finalPod = chosen;
      step('attempt', routerAt, `attempt ${attempts}: ${l7Client ? `${lb === 'LEAST_CONN' ? 'LEAST_REQUEST' : lb} picks` : 'picks'} pod ${chosen.pod.name} (${chosen.workload.name})`);
      const attempt = sendToPod(chosen.workload, chosen.pod, service, policy, step, routerAt, viaWaypoint, jwt);
      if (attempt.authz) lastAuthz = attempt.authz;
      let result = attempt;
      if (perTryMs !== undefined && attempt.latencyMs > perTryMs && attempt.kind !== 'reset') {
        result = {...attempt, kind: 'timeout', status: 504, latencyMs: perTryMs, flags: ['UT']};
        step('timeout', routerAt, `per-try timeout ${perTryMs} ms fires before the pod answers`, 'fail');
      }
      const end = now + result.latencyMs;
      cluster.busy.push({start: now, end: Math.min(end, deadline), pod: chosen.pod.name});
      if (end > deadline) {
        step('timeout', routerAt, `route timeout ${timeoutMs} ms fires: the router gives up and answers 504`, 'fail');
        final = {kind: 'timeout', status: 504, latencyMs: deadline - now, flags: ['UT'], mtls: result.mtls};
        now = deadline;
        break;
      }
      // Outlier detection bookkeeping.
      if (outlier && l7Client) {
        const state = podState(chosen.pod.name);
        const is5xx = result.kind !== 'response' || result.status >= 500;
        const isGateway = result.kind !== 'response' || [502, 503, 504].includes(result.status);
        state.consecutive5xx = is5xx ? state.consecutive5xx + 1 : 0;
        state.consecutiveGateway = isGateway ? state.consecutiveGateway + 1 : 0;
        const trigger =
          (consecutive5xx > 0 && state.consecutive5xx >= consecutive5xx) || (consecutiveGateway > 0 && state.consecutiveGateway >= consecutiveGateway);
        if (trigger && !ejected(chosen.pod.name, end)) {
          const ejectedNow = candidates.filter((c) => ejected(c.pod.name, end)).length;
          if ((100 * (ejectedNow + 1)) / candidates.length <= maxEjectionPercent) {
            state.ejections += 1;
            state.ejectedAt = end;
            const back = end + baseEjectionMs * state.ejections;
            state.returnsAt = Math.ceil(back / intervalMs) * intervalMs;
            state.consecutive5xx = 0;
            state.consecutiveGateway = 0;
            step('outlier', routerAt, `pod ${chosen.pod.name} ejected after ${consecutiveGateway > 0 && state.consecutiveGateway === 0 ? 'consecutive gateway errors' : 'consecutive 5xx'}; it returns at the first ${intervalMs} ms sweep after ${baseEjectionMs} ms × ${state.ejections} (t=${round(state.returnsAt)} ms)`, 'fail');
          } else {
            step('outlier', routerAt, `pod ${chosen.pod.name} reached the error threshold but ejecting it would exceed maxEjectionPercent ${maxEjectionPercent}% of ${candidates.length} pod(s): not ejected`);
          }
        }
      }
      const isFailure = result.kind !== 'response' || result.status >= 500;
      if (isFailure && attempts <= numRetries && retriable(retryOn, statusCodes, result)) {
        const next = end + backoffMs;
        step('retry', routerAt, `${result.kind === 'response' ? `status ${result.status}` : result.kind} is retriable under retryOn "${retryOn}": retry ${attempts}/${numRetries} after ${backoffMs} ms back-off${l7Client ? ', preferring a pod not tried yet' : ''}`);
        if (next >= deadline) {
          step('timeout', routerAt, `route timeout ${timeoutMs} ms fires during the back-off`, 'fail');
          final = {kind: 'timeout', status: 504, latencyMs: deadline - now, flags: ['UT'], mtls: result.mtls};
          now = deadline;
          break;
        }
        now = next;
        continue;
      }
      if (isFailure && attempts > 1) flags.push('URX');
      if (isFailure && l7Client && attempts <= numRetries && result.kind !== 'response' && !retriable(retryOn, statusCodes, result))
        step('retry', routerAt, `${result.kind} is not retried under retryOn "${retryOn}"`);
      else if (isFailure && l7Client && attempts <= numRetries && result.kind === 'response')
        step('retry', routerAt, `status ${result.status} is not retriable under retryOn "${retryOn}"${statusCodes.length ? ` [${statusCodes.join(',')}]` : ''}`);
      else if (isFailure && l7Client && numRetries > 0 && attempts > numRetries) step('retry', routerAt, `no retries left (${numRetries} used)`, 'fail');
      final = result;
      now = end;
      break;
    }
    const result = final!;
    const totalLatency = now - start + (result.kind === 'timeout' && now === deadline ? 0 : 0);
    const sent = finalPod && result.flags[0] !== 'UH';
    return done({
      status: result.status,
      latencyMs: Math.max(totalLatency, LOCAL_REPLY_MS),
      flags: [...flags, ...result.flags.filter((flag) => flag !== 'URX'), ...(flags.includes('URX') ? [] : [])],
      route: routeLabel,
      destination: sent ? finalPod!.workload.name : undefined,
      pod: sent ? finalPod!.pod.name : undefined,
      mtls: result.mtls,
      authz: lastAuthz,
      attempts,
      mirroredTo,
    });
  }

  /** One attempt from the client side to a pod: mTLS, server-side authn/authz, the app. */
  function sendToPod(
    workload: Workload,
    pod: Pod,
    service: Service,
    policy: TrafficPolicy,
    step: (kind: TraceStep['kind'], at: string, text: string, outcome?: TraceStep['outcome']) => void,
    routerAt: string,
    viaWaypoint: boolean,
    jwtAtWaypoint: ReturnType<typeof authenticateJwt> | undefined,
  ): Attempt {
    const client = source!;
    // Inbound listeners, PeerAuthentication portLevelMtls and authorization ports use the
    // workload's container port (the Service's targetPort), not the Service port.
    const port = (spec.port ?? service.port) === service.port ? (service.targetPort ?? service.port) : (spec.port ?? service.port);
    if (pod.behaviour?.refusesConnections) {
      step('attempt', routerAt, `pod ${pod.name} refuses the connection (connect failure)`, 'fail');
      return {kind: 'connect-failure', status: client.mode === 'sidecar' || viaWaypoint ? 503 : 0, latencyMs: LOCAL_REPLY_MS, flags: ['UF'], mtls: 'not reached'};
    }
    const serverAt = workload.mode === 'sidecar' ? 'server sidecar' : workload.mode === 'ambient' ? 'destination ztunnel' : workload.name;
    const peer = workload.mode === 'outside' ? undefined : effectivePeerAuthentication(mesh, config.pa, workload, port);
    // What does the client send?
    let mutual: boolean;
    let why: string;
    const peerName = viaWaypoint ? `the waypoint (${service.waypoint})` : client.name;
    if (viaWaypoint) {
      mutual = true;
      why = `waypoint (${service.waypoint}) → ${workload.name}: HBONE, always mutual TLS`;
    } else if (client.mode === 'outside') {
      mutual = false;
      why = `${client.name} has no mesh identity: plaintext`;
    } else if (workload.mode === 'outside') {
      mutual = false;
      why = `${workload.name} has no proxy: the client sends plaintext`;
    } else if (client.mode === 'ambient' || workload.mode === 'ambient') {
      mutual = true;
      why = 'HBONE tunnel between ztunnel/sidecar: mutual TLS';
    } else {
      const tlsMode = policy.tls?.mode;
      if (tlsMode === 'DISABLE') {
        mutual = false;
        why = 'DestinationRule tls.mode DISABLE: the client sidecar sends plaintext';
      } else if (tlsMode === 'ISTIO_MUTUAL') {
        mutual = true;
        why = 'DestinationRule tls.mode ISTIO_MUTUAL: mutual TLS';
      } else if (peer?.mode === 'DISABLE') {
        mutual = false;
        why = 'auto mTLS: the server disables mTLS, so the client sidecar sends plaintext';
      } else {
        mutual = true;
        why = 'auto mTLS: both sides have sidecars, so mutual TLS';
      }
    }
    const mtls: RequestTrace['mtls'] = mutual ? 'mutual TLS' : 'plaintext';
    const principal = mutual
      ? viaWaypoint
        ? `${mesh.trustDomain}/ns/${service.namespace}/sa/${service.waypoint}`
        : `${mesh.trustDomain}/ns/${client.namespace}/sa/${client.serviceAccount}`
      : undefined;
    const clientSees = (status: number) => (client.mode === 'sidecar' || viaWaypoint ? status : 0);
    if (!peer) {
      step('mtls', serverAt, `${why}; ${workload.name} is outside the mesh, no policy is enforced there`);
    } else {
      step('mtls', serverAt, `${why}; server mode ${peer.mode} (${peer.because})`, mutual || peer.mode !== 'STRICT' ? 'ok' : 'fail');
      if (!mutual && peer.mode === 'STRICT') {
        step('mtls', serverAt, `STRICT rejects the plaintext connection from ${peerName}: the connection is reset`, 'fail');
        return {kind: 'reset', status: clientSees(503), latencyMs: LOCAL_REPLY_MS, flags: client.mode === 'sidecar' ? ['UC'] : [], mtls};
      }
    }
    if (workload.mode === 'outside') {
      const app = appResponse(workload, pod, spec.path);
      step('attempt', workload.name, app.why, app.status < 500 ? 'ok' : 'fail');
      return {kind: 'response', status: app.status, latencyMs: app.latencyMs, flags: [], mtls};
    }
    const authzRequest: AuthzRequest = {
      principal,
      method: (spec.method || 'GET').toUpperCase(),
      path: parseRequestPath(spec.path || '/').path,
      host: spec.host,
      port,
      headers: Object.fromEntries(Object.entries(spec.headers ?? {}).map(([k, v]) => [k.trim().toLowerCase(), v])),
    };
    let verdict: AuthzVerdict | undefined;
    if (workload.mode === 'sidecar') {
      const ra = config.ra.filter(
        (p) => !p.spec.targetRef && !p.spec.targetRefs && (p.namespace === mesh.rootNamespace || p.namespace === workload.namespace) && selectorMatches(p.spec.selector, workload.labels),
      );
      const jwt = authenticateJwt(ra, authzRequest.headers);
      if (ra.length) step('authn', serverAt, jwt.note, jwt.rejected ? 'fail' : 'ok');
      if (jwt.rejected) return {kind: 'response', status: 401, latencyMs: LOCAL_REPLY_MS, flags: [], mtls};
      const outcome = authorize(mesh, config.ap, {workload, service: service.name, serviceNamespace: service.namespace, waypoint: service.waypoint}, 'sidecar', {
        ...authzRequest,
        requestPrincipal: jwt.requestPrincipal,
        claims: jwt.claims,
      });
      if (!principal) step('authz', serverAt, 'plaintext request: no peer principal or namespace, so principals/namespaces rules cannot match');
      for (const note of outcome.notes) step('authz', serverAt, note);
      step('authz', serverAt, `${outcome.verdict.decision.toUpperCase()}: ${outcome.verdict.reason}`, outcome.verdict.decision === 'allow' ? 'ok' : 'fail');
      verdict = outcome.verdict;
      if (verdict.decision === 'deny') return {kind: 'response', status: 403, latencyMs: LOCAL_REPLY_MS, flags: [], mtls, authz: verdict};
    } else {
      if (viaWaypoint) step('authz', serverAt, `the connection comes from the waypoint (${service.waypoint}), so ztunnel sees the waypoint's identity ${principal}, not the client's`);
      const outcome = authorize(mesh, config.ap, {workload, service: service.name, serviceNamespace: service.namespace, waypoint: service.waypoint}, 'ztunnel', {
        ...authzRequest,
        requestPrincipal: jwtAtWaypoint?.requestPrincipal,
      });
      if (!principal) step('authz', serverAt, 'plaintext connection: no peer principal or namespace');
      for (const note of outcome.notes) step('authz', serverAt, note);
      step('authz', serverAt, `${outcome.verdict.decision.toUpperCase()}: ${outcome.verdict.reason}${outcome.verdict.decision === 'deny' ? ' — ztunnel resets the connection (no 403)' : ''}`, outcome.verdict.decision === 'allow' ? 'ok' : 'fail');
      verdict = outcome.verdict;
      if (verdict.decision === 'deny') return {kind: 'reset', status: clientSees(503), latencyMs: LOCAL_REPLY_MS, flags: client.mode === 'sidecar' || viaWaypoint ? ['UC'] : [], mtls, authz: verdict};
    }
    const app = appResponse(workload, pod, spec.path);
    step('attempt', workload.name, app.why, app.status < 500 ? 'ok' : 'fail');
    return {kind: 'response', status: app.status, latencyMs: app.latencyMs, flags: [], mtls, authz: verdict};
  }
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

export type {Random};
