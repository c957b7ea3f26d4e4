import {describe, expect, it} from 'vitest';
import {
  bookinfoMesh,
  httpbinMesh,
  parseConfig,
  presetMesh,
  seededRandom,
  simulate as simulateSampled,
  type Mesh,
  type RequestSpec,
  type RequestTrace,
  type RunOptions,
  type RunResult,
} from '@site/src/lib/mesh';
import {PLAYGROUND_EXAMPLES} from '@site/src/data/playgroundExamples';

/** These tests read every request's trace, so they keep all of them (a run normally keeps a sample). */
function simulate(mesh: Mesh, yaml: string, spec: RequestSpec, options: RunOptions): RunResult & {requests: readonly RequestTrace[]} {
  const result = simulateSampled(mesh, yaml, spec, {...options, sampleFirst: options.count});
  return {...result, requests: result.samples};
}

const DR_REVIEWS = `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: reviews}
spec:
  host: reviews
  subsets:
  - {name: v1, labels: {version: v1}}
  - {name: v2, labels: {version: v2}}
  - {name: v3, labels: {version: v3}}
`;

const toReviews = (headers: Record<string, string> = {}, extra: Partial<RequestSpec> = {}): RequestSpec => ({
  source: 'productpage-v1',
  host: 'reviews',
  method: 'GET',
  path: '/reviews/0',
  headers,
  ...extra,
});

const toHttpbin = (extra: Partial<RequestSpec> = {}): RequestSpec => ({source: 'curl', host: 'httpbin', port: 8000, method: 'GET', path: '/get', ...extra});

function statuses(result: RunResult): Record<number, number> {
  return Object.fromEntries(result.summary.byStatus.map(({status, count}) => [status, count]));
}

function destinations(result: RunResult): string[] {
  return result.summary.byDestination.map(({destination}) => destination);
}

function errors(result: RunResult): string[] {
  return result.problems.filter((d) => d.severity === 'error').map((d) => d.message);
}

describe('routing: first matching http route wins', () => {
  const yaml = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - name: jason
    match:
    - headers: {end-user: {exact: jason}}
    route: [{destination: {host: reviews, subset: v2}}]
  - name: prefix
    match:
    - uri: {prefix: /reviews}
    route: [{destination: {host: reviews, subset: v3}}]
  - route: [{destination: {host: reviews, subset: v1}}]
${DR_REVIEWS}`;
  const cases: [string, RequestSpec, string][] = [
    ['header matches the first route although the second matches too', toReviews({'end-user': 'jason'}), 'reviews-v2'],
    ['no header: the uri prefix route comes next', toReviews(), 'reviews-v3'],
    ['neither matches: the catch-all route', toReviews({}, {path: '/health'}), 'reviews-v1'],
    ['header values are case-sensitive for exact', toReviews({'end-user': 'Jason'}), 'reviews-v3'],
  ];
  it.each(cases)('%s', (_, request, expected) => {
    const result = simulate(bookinfoMesh(), yaml, request, {count: 5, seed: 1});
    expect(errors(result)).toEqual([]);
    expect(destinations(result)).toEqual([expected]);
  });

  it('answers 404 NR when no route matches', () => {
    const result = simulate(
      bookinfoMesh(),
      `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - match: [{uri: {exact: /only}}]
    route: [{destination: {host: reviews}}]
`,
      toReviews(),
      {count: 1, seed: 1},
    );
    expect(result.requests[0]?.status).toBe(404);
    expect(result.requests[0]?.flags).toContain('NR');
  });
});

describe('routing: conditions in a match block are ANDed, blocks are ORed', () => {
  const yaml = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - match:
    - headers: {end-user: {exact: jason}}
      uri: {prefix: /reviews}
    - method: {exact: POST}
    route: [{destination: {host: reviews, subset: v2}}]
  - route: [{destination: {host: reviews, subset: v1}}]
${DR_REVIEWS}`;
  const cases: [string, RequestSpec, string][] = [
    ['header AND uri both hold', toReviews({'end-user': 'jason'}), 'reviews-v2'],
    ['header holds, uri does not: block fails', toReviews({'end-user': 'jason'}, {path: '/other'}), 'reviews-v1'],
    ['uri holds, header missing: block fails', toReviews(), 'reviews-v1'],
    ['second block (POST) alone is enough', toReviews({}, {method: 'POST', path: '/other'}), 'reviews-v2'],
  ];
  it.each(cases)('%s', (_, request, expected) => {
    expect(destinations(simulate(bookinfoMesh(), yaml, request, {count: 3, seed: 1}))).toEqual([expected]);
  });

  const regexYaml = (regex: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - match: [{uri: {regex: "${regex}"}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - route: [{destination: {host: reviews, subset: v1}}]
${DR_REVIEWS}`;
  it.each([
    ['/reviews/[0-9]+', '/reviews/12', 'reviews-v2'],
    ['/reviews', '/reviews/12', 'reviews-v1'], // regex is a full match, not a search
    ['.*/12', '/reviews/12', 'reviews-v2'],
  ])('uri regex %s against %s is anchored', (regex, path, expected) => {
    expect(destinations(simulate(bookinfoMesh(), regexYaml(regex), toReviews({}, {path}), {count: 1, seed: 1}))).toEqual([expected]);
  });
});

describe('weights with a seeded generator', () => {
  const yaml = (a: number, b: number) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - route:
    - {destination: {host: reviews, subset: v1}, weight: ${a}}
    - {destination: {host: reviews, subset: v3}, weight: ${b}}
${DR_REVIEWS}`;

  it('gives the same split for the same seed and a different one for another seed', () => {
    const run = (seed: number) => simulate(bookinfoMesh(), yaml(50, 50), toReviews(), {count: 200, seed}).summary.byDestination;
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });

  it.each([
    [80, 20, 0.8],
    [50, 50, 0.5],
    [100, 0, 1],
    [3, 1, 0.75], // weights are relative shares
  ])('%i/%i sends about %f to v1', (a, b, share) => {
    const result = simulate(bookinfoMesh(), yaml(a, b), toReviews(), {count: 1000, seed: 9});
    const v1 = result.summary.byDestination.find((d) => d.destination === 'reviews-v1')?.count ?? 0;
    expect(Math.abs(v1 / 1000 - share)).toBeLessThan(0.05);
  });

  it('explains weights that do not add up to 100 and rejects a total of 0', () => {
    const relative = simulate(bookinfoMesh(), yaml(3, 1), toReviews(), {count: 1, seed: 1});
    expect(relative.problems.some((d) => d.severity === 'info' && /not 100/.test(d.message))).toBe(true);
    const zero = simulate(bookinfoMesh(), yaml(0, 0), toReviews(), {count: 1, seed: 1});
    expect(errors(zero).join()).toMatch(/add up to 0/);
    expect(zero.requests).toEqual([]);
  });

  it('the generator is reproducible', () => {
    const a = seededRandom(5);
    const b = seededRandom(5);
    expect(Array.from({length: 5}, () => a.next())).toEqual(Array.from({length: 5}, () => b.next()));
  });
});

describe('faults, timeouts and retries', () => {
  const vs = (http: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: httpbin}
spec:
  hosts: [httpbin]
  http:
  - route: [{destination: {host: httpbin}}]
${http}`;

  it('an abort fault at 50% aborts about half, with flag FI and no retry', () => {
    const result = simulate(httpbinMesh(), vs('    fault: {abort: {httpStatus: 503, percentage: {value: 50}}}'), toHttpbin(), {count: 400, seed: 2});
    const aborted = result.requests.filter((r) => r.flags.includes('FI'));
    expect(aborted.length / 400).toBeGreaterThan(0.43);
    expect(aborted.length / 400).toBeLessThan(0.57);
    expect(aborted.every((r) => r.status === 503 && r.attempts === 0)).toBe(true);
  });

  const timeoutCases: [string, string, RequestSpec, number, number][] = [
    ['no timeout by default: a 2 s answer arrives', '', toHttpbin({path: '/delay/2'}), 200, 2005],
    ['a 1 s route timeout cuts a slow upstream', '    timeout: 1s', toHttpbin({path: '/delay/2'}), 504, 1000],
    [
      'a delay fault on the same route is not covered by its timeout',
      '    timeout: 1s\n    fault: {delay: {fixedDelay: 3s, percentage: {value: 100}}}',
      toHttpbin(),
      200,
      3005,
    ],
  ];
  it.each(timeoutCases)('%s', (_, http, request, status, latency) => {
    const [trace] = simulate(httpbinMesh(), vs(http), request, {count: 1, seed: 1}).requests;
    expect(trace?.status).toBe(status);
    expect(trace?.latencyMs).toBe(latency);
  });

  const broken = {httpbinReplicas: 2, pods: {'httpbin-v1-5c6d7b8f9-a1x7': {failWith: 503}, 'httpbin-v2-5c6d7b8f9-a1x7': {failWith: 503}}};
  const retryCases: [string, string, number, number][] = [
    ['the default policy does not retry a 503 answer', '', 503, 1],
    ['attempts: 0 disables retries', '    retries: {attempts: 0}', 503, 1],
    ['retryOn without 503 does not retry a 503', '    retries: {attempts: 3, retryOn: connect-failure}', 503, 1],
    ['5xx retries up to attempts', '    retries: {attempts: 3, retryOn: 5xx}', 503, 4],
  ];
  it.each(retryCases)('%s', (_, http, status, attempts) => {
    const mesh = httpbinMesh({pods: {'httpbin-v1-5c6d7b8f9-a1x7': {failWith: 503}, 'httpbin-v2-5c6d7b8f9-a1x7': {failWith: 503}}});
    const [trace] = simulate(mesh, vs(http), toHttpbin(), {count: 1, seed: 1}).requests;
    expect(trace?.status).toBe(status);
    expect(trace?.attempts).toBe(attempts);
    if (attempts > 1) expect(trace?.flags).toContain('URX');
  });

  it('a retry goes to a pod not tried yet, so one pod refusing connections is hidden', () => {
    const mesh = httpbinMesh({...broken, pods: {'httpbin-v1-5c6d7b8f9-a1x7': {refusesConnections: true}}});
    const result = simulate(mesh, '', toHttpbin(), {count: 50, seed: 4});
    expect(statuses(result)).toEqual({200: 50});
    expect(result.requests.some((r) => r.attempts === 2)).toBe(true);
  });

  it('a per-try timeout is retried under gateway-error but not under the default retryOn', () => {
    const withGateway = simulate(httpbinMesh(), vs('    retries: {attempts: 2, perTryTimeout: 100ms, retryOn: gateway-error}'), toHttpbin({path: '/delay/1'}), {count: 1, seed: 1});
    expect(withGateway.requests[0]).toMatchObject({status: 504, attempts: 3});
    const defaults = simulate(httpbinMesh(), vs('    retries: {attempts: 2, perTryTimeout: 100ms}'), toHttpbin({path: '/delay/1'}), {count: 1, seed: 1});
    expect(defaults.requests[0]).toMatchObject({status: 504, attempts: 1});
  });
});

describe('Istio 1.31 facts the first playground got wrong', () => {
  const vs = (http: string) => `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: httpbin}
spec:
  hosts: [httpbin]
  http:
  - route: [{destination: {host: httpbin}}]
${http}`;

  // pilot/pkg/networking/core/route/route.go TranslateFault: without percentage the delay gets the
  // integer percent field (0) and the abort no percentage, which Envoy reads as 0 %.
  it.each([
    ['delay', '    fault: {delay: {fixedDelay: 2s}}'],
    ['abort', '    fault: {abort: {httpStatus: 500}}'],
  ])('a fault %s without percentage is applied to no request', (_, http) => {
    const result = simulate(httpbinMesh(), vs(http), toHttpbin(), {count: 50, seed: 3});
    expect(statuses(result)).toEqual({200: 50});
    expect(result.requests.every((r) => !r.flags.includes('FI') && !r.flags.includes('DI'))).toBe(true);
  });

  // pilot/pkg/networking/core/route/retry/retry.go: defaultRetryOn has retriable-status-codes but
  // RetriableStatusCodes is empty, so no HTTP status is retried; connect failures are.
  it('the default retry policy retries connect failures but no HTTP status', () => {
    const failing = httpbinMesh({pods: {'httpbin-v1-5c6d7b8f9-a1x7': {failWith: 503}, 'httpbin-v2-5c6d7b8f9-a1x7': {failWith: 503}}});
    expect(simulate(failing, '', toHttpbin(), {count: 1, seed: 1}).requests[0]).toMatchObject({status: 503, attempts: 1});
    const refusing = httpbinMesh({pods: {'httpbin-v1-5c6d7b8f9-a1x7': {refusesConnections: true}, 'httpbin-v2-5c6d7b8f9-a1x7': {refusesConnections: true}}});
    expect(simulate(refusing, '', toHttpbin(), {count: 1, seed: 1}).requests[0]).toMatchObject({status: 503, attempts: 3});
  });

  // pkg/config/validation/validation.go validateHTTPRetry: a policy with attempts 0 (or none) and
  // perTryTimeout or retryOn is rejected; retry.go ConvertPolicy treats attempts <= 0 as disabled.
  it('a retry policy without attempts is rejected', () => {
    const result = simulate(httpbinMesh(), vs('    retries: {perTryTimeout: 1s}'), toHttpbin(), {count: 1, seed: 1});
    expect(errors(result).join()).toMatch(/attempts are set to 0/);
  });

  // pilot/pkg/security/authz/model/generator.go requestClaimGenerator: claims are matched with
  // MetadataListValueMatcherForJWTClaims, a ListMatcher oneOf — any element of a list claim.
  it('a JWT list claim matches when any element matches', () => {
    const payload = Buffer.from(JSON.stringify({iss: 'testing@secure.istio.io', sub: 'me', groups: ['group1', 'group2']})).toString('base64url');
    const token = `e30.${payload}.sig`;
    const yaml = `apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: {name: jwt}
spec:
  selector: {matchLabels: {app: httpbin}}
  jwtRules: [{issuer: testing@secure.istio.io}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: groups}
spec:
  selector: {matchLabels: {app: httpbin}}
  rules:
  - when: [{key: "request.auth.claims[groups]", values: [group2]}]
`;
    const [trace] = simulate(httpbinMesh(), yaml, toHttpbin({headers: {authorization: `Bearer ${token}`}}), {count: 1, seed: 1}).requests;
    expect(trace?.status).toBe(200);
  });

  // pilot/pkg/networking/core/listener_inbound.go: mTLS settings come from
  // authnBuilder.ForPort(cc.port.TargetPort) — the container port (httpbin: Service 8000 → 8080).
  it('portLevelMtls and authorization ports use the container port, not the Service port', () => {
    const strictMeshPermissivePort = (port: number) => `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: STRICT}}
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: httpbin, namespace: default}
spec:
  selector: {matchLabels: {app: httpbin}}
  mtls: {mode: STRICT}
  portLevelMtls:
    ${port}: {mode: PERMISSIVE}
`;
    const legacy = toHttpbin({source: 'curl (legacy, outside the mesh)', host: 'httpbin.default'});
    expect(simulate(httpbinMesh(), strictMeshPermissivePort(8000), legacy, {count: 1, seed: 1}).requests[0]?.status).toBe(0);
    expect(simulate(httpbinMesh(), strictMeshPermissivePort(8080), legacy, {count: 1, seed: 1}).requests[0]?.status).toBe(200);
    const allowPort = (port: number) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: port}
spec:
  selector: {matchLabels: {app: httpbin}}
  rules: [{to: [{operation: {ports: ["${port}"]}}]}]
`;
    expect(simulate(httpbinMesh(), allowPort(8000), toHttpbin(), {count: 1, seed: 1}).requests[0]?.status).toBe(403);
    expect(simulate(httpbinMesh(), allowPort(8080), toHttpbin(), {count: 1, seed: 1}).requests[0]?.status).toBe(200);
  });
});

describe('connection pool overflow and outlier ejection', () => {
  const pool = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: httpbin}
spec:
  host: httpbin
  trafficPolicy:
    connectionPool:
      tcp: {maxConnections: 1}
      http: {http1MaxPendingRequests: 1}
`;
  it.each([
    [1, 0],
    [2, 0],
    [3, 1],
  ])('concurrency %i gives %s overflow', (concurrency, overflow) => {
    const result = simulate(httpbinMesh(), pool, {...toHttpbin(), source: 'fortio'}, {count: 30, seed: 1, concurrency});
    const uo = result.requests.filter((r) => r.flags.includes('UO'));
    if (overflow) {
      expect(uo.length).toBeGreaterThan(10);
      expect(uo.every((r) => r.status === 503 && r.attempts === 0)).toBe(true);
    } else expect(uo).toEqual([]);
  });

  it('http2MaxRequests caps requests in flight with no queue', () => {
    const yaml = pool.replace('http: {http1MaxPendingRequests: 1}', 'http: {http2MaxRequests: 2}').replace('tcp: {maxConnections: 1}', 'tcp: {maxConnections: 100}');
    const result = simulate(httpbinMesh(), yaml, toHttpbin(), {count: 30, seed: 1, concurrency: 3});
    expect(result.requests.some((r) => r.flags.includes('UO'))).toBe(true);
  });

  const outlier = (percent: number) => `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: httpbin}
spec:
  host: httpbin
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
    outlierDetection: {consecutive5xxErrors: 2, interval: 1s, baseEjectionTime: 30s, maxEjectionPercent: ${percent}}
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: httpbin}
spec:
  hosts: [httpbin]
  http:
  - route: [{destination: {host: httpbin}}]
    retries: {attempts: 0}
`;
  const mesh = httpbinMesh({httpbinReplicas: 2, pods: {'httpbin-v1-5c6d7b8f9-a1x7': {failWith: 503}}});
  it('ejects the failing pod after consecutive 5xx', () => {
    const result = simulate(mesh, outlier(50), toHttpbin(), {count: 40, seed: 1});
    expect(statuses(result)[503]).toBe(2);
    const ejectedAt = result.requests.findIndex((r) => r.steps.some((s) => s.kind === 'outlier' && /ejected after/.test(s.text)));
    expect(ejectedAt).toBeGreaterThan(-1);
    expect(result.requests.slice(ejectedAt + 1).every((r) => r.status === 200)).toBe(true);
  });

  // Envoy's outlier_detection.proto: max_ejection_percent "defaults to 10% but will eject at
  // least one host regardless of the value".
  it('ejects at least one pod even when maxEjectionPercent is below one pod', () => {
    const result = simulate(mesh, outlier(10), toHttpbin(), {count: 40, seed: 1});
    expect(statuses(result)[503]).toBe(2);
  });

  it('does not eject a second pod beyond maxEjectionPercent', () => {
    const twoBroken = httpbinMesh({httpbinReplicas: 2, pods: {'httpbin-v1-5c6d7b8f9-a1x7': {failWith: 503}, 'httpbin-v1-5c6d7b8f9-b2x8': {failWith: 503}}});
    const result = simulate(twoBroken, outlier(25), toHttpbin(), {count: 40, seed: 1});
    expect(result.requests.filter((r) => r.steps.some((s) => /ejected after/.test(s.text)))).toHaveLength(1);
    expect(result.requests.some((r) => r.steps.some((s) => /would exceed maxEjectionPercent/.test(s.text)))).toBe(true);
  });

  it('returns an ejected pod after baseEjectionTime at the next interval sweep', () => {
    const slowMesh = httpbinMesh({httpbinReplicas: 2, pods: {'httpbin-v1-5c6d7b8f9-a1x7': {failWith: 503, latencyMs: 1000}}});
    const yaml = outlier(50).replace('baseEjectionTime: 30s', 'baseEjectionTime: 2s');
    const result = simulate(slowMesh, yaml, toHttpbin(), {count: 800, seed: 1});
    expect(statuses(result)[503]).toBeGreaterThan(2); // it came back and failed again
  });
});

describe('mutual TLS: PeerAuthentication', () => {
  const pa = (mode: string, extra = '') => `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: ${extra ? 'default' : 'istio-system'}}
spec:
${extra}  mtls: {mode: ${mode}}
`;
  const legacy = toHttpbin({source: 'curl (legacy, outside the mesh)', host: 'httpbin.default'});
  const cases: [string, ReturnType<typeof httpbinMesh>, string, RequestSpec, number, string][] = [
    ['STRICT resets a plaintext client from outside the mesh', httpbinMesh(), pa('STRICT'), legacy, 0, 'plaintext'],
    ['PERMISSIVE accepts it', httpbinMesh(), pa('PERMISSIVE'), legacy, 200, 'plaintext'],
    ['STRICT accepts a sidecar client over mutual TLS', httpbinMesh(), pa('STRICT'), toHttpbin(), 200, 'mutual TLS'],
    ['ambient STRICT resets plaintext too', httpbinMesh({mode: 'ambient'}), pa('STRICT'), legacy, 0, 'plaintext'],
    ['ambient ignores DISABLE', httpbinMesh({mode: 'ambient'}), pa('DISABLE'), toHttpbin(), 200, 'mutual TLS'],
    [
      'workload policy with port-level PERMISSIVE overrides a STRICT mesh',
      httpbinMesh(),
      `${pa('STRICT')}---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: httpbin, namespace: default}
spec:
  selector: {matchLabels: {app: httpbin}}
  portLevelMtls:
    8080: {mode: PERMISSIVE}
`,
      legacy,
      200,
      'plaintext',
    ],
  ];
  it.each(cases)('%s', (_, mesh, yaml, request, status, mtls) => {
    const result = simulate(mesh, yaml, request, {count: 1, seed: 1});
    expect(errors(result)).toEqual([]);
    expect(result.requests[0]?.status).toBe(status);
    expect(result.requests[0]?.mtls).toBe(mtls);
  });

  it('a sidecar client with DestinationRule tls DISABLE gets 503 UC from a STRICT server', () => {
    const yaml = `${pa('STRICT')}---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: httpbin}
spec:
  host: httpbin
  trafficPolicy: {tls: {mode: DISABLE}}
`;
    const [trace] = simulate(httpbinMesh(), yaml, toHttpbin(), {count: 1, seed: 1}).requests;
    expect(trace).toMatchObject({status: 503, mtls: 'plaintext'});
    expect(trace?.flags).toContain('UC');
  });

  it('rejects portLevelMtls without a selector', () => {
    const result = simulate(httpbinMesh(), `${pa('STRICT')}  portLevelMtls:\n    8000: {mode: DISABLE}\n`, toHttpbin(), {count: 1, seed: 1});
    expect(errors(result).join()).toMatch(/portLevelMtls needs a workload selector/);
  });
});

describe('authorization: CUSTOM → DENY → ALLOW', () => {
  const policy = (name: string, action: string, rules: string, extra = '') => `---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: ${name}, namespace: default}
spec:
  selector: {matchLabels: {app: httpbin}}
  action: ${action}
${extra}  rules:
${rules}
`;
  const custom = policy('ext', 'CUSTOM', '  - to: [{operation: {paths: [/headers]}}]', '  provider: {name: sample-ext-authz-http}\n');
  const deny = policy('deny-delete', 'DENY', '  - to: [{operation: {methods: [DELETE]}}]');
  const allow = policy('allow-get', 'ALLOW', '  - to: [{operation: {methods: [GET, DELETE]}}]');
  const audit = policy('audit-all', 'AUDIT', '  - {}');
  const all = custom + deny + allow + audit;
  const cases: [string, RequestSpec, number, string | undefined][] = [
    ['CUSTOM denies first, even though ALLOW would allow', toHttpbin({path: '/headers'}), 403, 'default/ext'],
    ['CUSTOM passes with x-ext-authz: allow, then ALLOW allows', toHttpbin({path: '/headers', headers: {'x-ext-authz': 'allow'}}), 200, 'default/allow-get'],
    ['DENY wins over a matching ALLOW', toHttpbin({method: 'DELETE', path: '/anything'}), 403, 'default/deny-delete'],
    ['ALLOW applies and nothing matches: denied', toHttpbin({method: 'POST', path: '/post'}), 403, 'default/allow-get'],
    ['ALLOW matches: allowed (AUDIT changes nothing)', toHttpbin(), 200, 'default/allow-get'],
  ];
  it.each(cases)('%s', (_, request, status, decidingPolicy) => {
    const [trace] = simulate(httpbinMesh(), all, request, {count: 1, seed: 1}).requests;
    expect(trace?.status).toBe(status);
    expect(trace?.authz?.policy).toBe(decidingPolicy);
  });

  it('with no policy at all, everything is allowed; an ALLOW policy with no rules denies everything', () => {
    expect(simulate(httpbinMesh(), '', toHttpbin(), {count: 1, seed: 1}).requests[0]?.status).toBe(200);
    const empty = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: allow-nothing, namespace: default}
spec: {}
`;
    expect(simulate(httpbinMesh(), empty, toHttpbin(), {count: 1, seed: 1}).requests[0]?.status).toBe(403);
  });

  const principals = (value: string) => policy('from-curl', 'ALLOW', `  - from: [{source: {principals: ["${value}"]}}]`);
  it.each([
    ['cluster.local/ns/default/sa/curl', toHttpbin(), 200],
    ['cluster.local/ns/default/sa/*', toHttpbin(), 200],
    ['*/sa/curl', toHttpbin(), 200],
    ['cluster.local/ns/default/sa/curl', toHttpbin({source: 'fortio'}), 403],
    ['spiffe://cluster.local/ns/default/sa/curl', toHttpbin(), 403],
  ])('principal %s', (value, request, status) => {
    const result = simulate(httpbinMesh(), principals(value), request, {count: 1, seed: 1});
    expect(result.requests[0]?.status).toBe(status);
    if (value.startsWith('spiffe://')) {
      expect(result.problems.some((d) => d.severity === 'warning' && /spiffe/.test(d.message))).toBe(true);
      expect(result.requests[0]?.steps.some((s) => /spiffe:\/\/ never matches/.test(s.text))).toBe(true);
    }
  });

  it('a plaintext request has no principal: principals cannot match, notPrincipals ["*"] can', () => {
    const legacy = toHttpbin({source: 'curl (legacy, outside the mesh)', host: 'httpbin.default'});
    expect(simulate(httpbinMesh(), principals('*'), legacy, {count: 1, seed: 1}).requests[0]?.status).toBe(403);
    const denyPlaintext = policy('deny-plaintext', 'DENY', '  - from: [{source: {notPrincipals: ["*"]}}]');
    expect(simulate(httpbinMesh(), denyPlaintext, legacy, {count: 1, seed: 1}).requests[0]?.status).toBe(403);
    expect(simulate(httpbinMesh(), denyPlaintext, toHttpbin(), {count: 1, seed: 1}).requests[0]?.status).toBe(200);
  });

  it.each([
    ['/status/*', '/status/418', 418],
    ['/status/*', '/get', 403],
    ['*/418', '/status/418', 418],
  ])('path pattern %s against %s', (pattern, path, status) => {
    const yaml = policy('paths', 'ALLOW', `  - to: [{operation: {paths: ["${pattern}"]}}]`);
    expect(simulate(httpbinMesh(), yaml, toHttpbin({path}), {count: 1, seed: 1}).requests[0]?.status).toBe(status);
  });

  it('when conditions on request headers', () => {
    const yaml = policy('when-header', 'ALLOW', '  - when: [{key: "request.headers[x-token]", values: ["abc"]}]');
    expect(simulate(httpbinMesh(), yaml, toHttpbin({headers: {'X-Token': 'abc'}}), {count: 1, seed: 1}).requests[0]?.status).toBe(200);
    expect(simulate(httpbinMesh(), yaml, toHttpbin(), {count: 1, seed: 1}).requests[0]?.status).toBe(403);
  });
});

describe('authorization in ambient mode', () => {
  const ambient = (waypoint: boolean) => bookinfoMesh({mode: 'ambient', waypointFor: waypoint ? ['productpage'] : []});
  const request: RequestSpec = {source: 'curl', host: 'productpage', method: 'GET', path: '/productpage'};
  const l7Selector = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: pp, namespace: default}
spec:
  selector: {matchLabels: {app: productpage}}
  action: ALLOW
  rules:
  - to: [{operation: {methods: [GET]}}]
`;
  it('ztunnel drops ALLOW rules with HTTP attributes, so the policy denies everything (connection reset)', () => {
    const [trace] = simulate(ambient(false), l7Selector, request, {count: 1, seed: 1}).requests;
    expect(trace?.status).toBe(0);
    expect(trace?.steps.some((s) => /dropped/.test(s.text))).toBe(true);
  });

  it('ztunnel enforces a DENY with HTTP attributes without them: more restrictive', () => {
    const deny = l7Selector.replace('ALLOW', 'DENY').replace('[GET]', '[DELETE]');
    expect(simulate(ambient(false), deny, request, {count: 1, seed: 1}).requests[0]?.status).toBe(0);
  });

  it('a targetRefs policy is enforced by the waypoint with HTTP semantics (403)', () => {
    const waypointPolicy = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: pp-waypoint, namespace: default}
spec:
  targetRefs: [{kind: Service, group: "", name: productpage}]
  action: ALLOW
  rules:
  - to: [{operation: {methods: [GET]}}]
`;
    expect(simulate(ambient(true), waypointPolicy, request, {count: 1, seed: 1}).requests[0]?.status).toBe(200);
    const post = simulate(ambient(true), waypointPolicy, {...request, method: 'POST'}, {count: 1, seed: 1}).requests[0];
    expect(post?.status).toBe(403);
    expect(post?.authz?.enforcedBy).toBe('waypoint');
    // Without a waypoint nobody enforces it.
    expect(simulate(ambient(false), waypointPolicy, {...request, method: 'POST'}, {count: 1, seed: 1}).requests[0]?.status).toBe(200);
  });

  it('behind a waypoint, ztunnel sees the waypoint identity, not the client', () => {
    const l4 = `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: pp-l4, namespace: default}
spec:
  selector: {matchLabels: {app: productpage}}
  action: ALLOW
  rules:
  - from: [{source: {principals: [cluster.local/ns/default/sa/curl]}}]
`;
    expect(simulate(ambient(false), l4, request, {count: 1, seed: 1}).requests[0]?.status).toBe(200);
    expect(simulate(ambient(true), l4, request, {count: 1, seed: 1}).requests[0]?.status).toBe(503);
  });
});

describe('mirroring', () => {
  it('mirrors the configured share and keeps answering from the primary', () => {
    const yaml = `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: httpbin}
spec:
  hosts: [httpbin]
  http:
  - route: [{destination: {host: httpbin, subset: v1}}]
    mirror: {host: httpbin, subset: v2}
    mirrorPercentage: {value: 25}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: httpbin}
spec:
  host: httpbin
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
`;
    const result = simulate(httpbinMesh(), yaml, toHttpbin(), {count: 400, seed: 3});
    expect(destinations(result)).toEqual(['httpbin-v1']);
    const mirrored = result.summary.mirrored[0]?.count ?? 0;
    expect(mirrored / 400).toBeGreaterThan(0.19);
    expect(mirrored / 400).toBeLessThan(0.31);
  });
});

describe('YAML problems come back as located data, never as exceptions', () => {
  const cases: [string, string, number, number, RegExp][] = [
    ['malformed flow sequence', 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x\nspec: {}\n', 4, 1, /^YAML: /],
    ['bad indentation', 'apiVersion: v1\nkind: VirtualService\n  metadata: x\n', 2, 7, /^YAML: /],
    ['unknown kind', 'apiVersion: networking.istio.io/v1\nkind: VirtualServce\nmetadata: {name: x}\n', 2, 7, /unknown kind "VirtualServce"/],
    [
      'unknown field with a hint',
      'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x}\nspec:\n  hosts: [reviews]\n  http:\n  - rout: []\n',
      7,
      5,
      /unknown field "spec.http\[0\].rout" \(did you mean "route"\?\)/,
    ],
    [
      'wrong type',
      'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x}\nspec:\n  hosts: [reviews]\n  http:\n  - route:\n    - destination: {host: reviews}\n      weight: "fifty"\n',
      9,
      15,
      /expected an integer/,
    ],
    [
      'unquoted port in an AuthorizationPolicy',
      'apiVersion: security.istio.io/v1\nkind: AuthorizationPolicy\nmetadata: {name: x}\nspec:\n  rules:\n  - to:\n    - operation:\n        ports: [9080]\n',
      8,
      17,
      /expected a string, got number 9080 \(quote it\)/,
    ],
    ['wrong apiVersion', 'apiVersion: security.istio.io/v1\nkind: VirtualService\nmetadata: {name: x}\n', 1, 13, /does not serve VirtualService/],
    ['bad enum', 'apiVersion: security.istio.io/v1\nkind: PeerAuthentication\nmetadata: {name: x}\nspec:\n  mtls: {mode: STRICTLY}\n', 5, 16, /must be one of/],
    ['bad duration', 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x}\nspec:\n  hosts: [reviews]\n  http:\n  - route: [{destination: {host: reviews}}]\n    timeout: soon\n', 8, 14, /duration/],
    ['invalid regex', 'apiVersion: networking.istio.io/v1\nkind: VirtualService\nmetadata: {name: x}\nspec:\n  hosts: [reviews]\n  http:\n  - match: [{uri: {regex: "(["}}]\n    route: [{destination: {host: reviews}}]\n', 7, 20, /invalid regular expression/],
  ];
  it.each(cases)('%s', (_, yaml, line, column, message) => {
    let result: RunResult | undefined;
    expect(() => {
      result = simulate(bookinfoMesh(), yaml, toReviews(), {count: 1, seed: 1});
    }).not.toThrow();
    const error = result?.problems.find((d) => d.severity === 'error');
    expect(error?.message).toMatch(message);
    expect([error?.line, error?.column]).toEqual([line, column]);
    expect(result?.samples).toEqual([]);
  });

  it('the second document is located in the whole file', () => {
    const yaml = `${DR_REVIEWS}---\napiVersion: networking.istio.io/v1\nkind: DestinationRule\nmetadata: {name: y}\nspec:\n  host: reviews\n  trafic: {}\n`;
    const {problems: diagnostics} = parseConfig(yaml);
    expect(diagnostics[0]).toMatchObject({severity: 'error', line: 17, column: 3});
  });

  it('accepts real kinds it does not simulate with a warning, and deprecated fields with a warning', () => {
    const yaml = `apiVersion: networking.istio.io/v1
kind: ServiceEntry
metadata: {name: g}
spec: {}
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: httpbin}
spec:
  host: httpbin
  trafficPolicy:
    outlierDetection: {consecutiveErrors: 5}
`;
    const result = simulate(httpbinMesh(), yaml, toHttpbin(), {count: 1, seed: 1});
    expect(errors(result)).toEqual([]);
    expect(result.problems.map((d) => d.message).join('\n')).toMatch(/ServiceEntry is not simulated[\s\S]*consecutive5xxErrors/);
  });

  it('survives arbitrary junk', () => {
    for (const junk of ['', '---', ':::', '- a\n- b', 'null', '"just a string"', '{{{{', '\t\tkind: x', 'a: &x [*x]']) {
      expect(() => simulate(bookinfoMesh(), junk, toReviews(), {count: 1, seed: 1})).not.toThrow();
    }
  });
});

describe('published limits and examples', () => {
  it.each(PLAYGROUND_EXAMPLES.map((example) => [example.id, example] as const))('example %s runs as its page says', (_, example) => {
    const result = simulate(presetMesh(example.preset, example.presetOptions), example.yaml, example.request, {
      count: example.count,
      seed: example.seed,
      concurrency: example.concurrency,
    });
    expect(errors(result)).toEqual([]);
    expect(result.requests).toHaveLength(example.count);
    if (example.expect.statuses) expect(statuses(result)).toEqual(example.expect.statuses);
    for (const destination of example.expect.destinations ?? []) expect(destinations(result)).toContain(destination);
  });

  it('example ids are unique and URL-safe', () => {
    const ids = PLAYGROUND_EXAMPLES.map((example) => example.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z0-9-]+$/);
  });
});
