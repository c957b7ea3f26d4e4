import {describe, expect, it} from 'vitest';
import {BOOKINFO_TEXT, bookinfoMesh, httpbinMesh, simulate, tcpEchoMesh, type RequestSpec, type RunResult} from '@site/src/lib/mesh';

const errors = (result: RunResult) => result.problems.filter((p) => p.severity === 'error').map((p) => p.message);
const views = (result: RunResult) => Object.fromEntries(result.summary.byView.map(({view, count}) => [view, count]));
const statuses = (result: RunResult) => Object.fromEntries(result.summary.byStatus.map(({status, count}) => [status, count]));

const GATEWAY = `apiVersion: networking.istio.io/v1
kind: Gateway
metadata: {name: bookinfo-gateway}
spec:
  selector: {istio: ingressgateway}
  servers:
  - port: {number: 80, name: http, protocol: HTTP}
    hosts: ["*"]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: bookinfo}
spec:
  hosts: ["*"]
  gateways: [bookinfo-gateway]
  http:
  - match: [{uri: {exact: /productpage}}]
    route: [{destination: {host: productpage, port: {number: 9080}}}]
`;
const SUBSETS = `---
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
const browser = (extra: Partial<RequestSpec> = {}): RequestSpec => ({source: 'browser', host: 'bookinfo.example.com', port: 80, method: 'GET', path: '/productpage', ...extra});

describe('the whole path: browser → ingress gateway → productpage → details, reviews → ratings', () => {
  it('without a Gateway nothing listens: the connection is refused', () => {
    const result = simulate(bookinfoMesh(), '', browser(), {count: 1, seed: 1});
    expect(result.samples[0]?.status).toBe(0);
  });

  it('an Istio Gateway with a bound VirtualService serves the page; reviews rotate over v1, v2, v3', () => {
    const result = simulate(bookinfoMesh(), GATEWAY, browser(), {count: 300, seed: 1});
    expect(errors(result)).toEqual([]);
    expect(statuses(result)).toEqual({200: 300});
    expect(Object.keys(views(result)).sort()).toEqual(['reviews v1: no stars', 'reviews v2: black stars', 'reviews v3: red stars']);
    const hops = result.samples[0]!.hops.map((hop) => `${hop.depth} ${hop.from}→${hop.destination}`);
    expect(hops[0]).toBe('0 browser→productpage-v1');
    expect(hops).toContain('1 productpage-v1→details-v1');
  });

  it('a path the gateway VirtualService does not match gets 404 NR at the gateway', () => {
    const [trace] = simulate(bookinfoMesh(), GATEWAY, browser({path: '/login'}), {count: 1, seed: 1}).samples;
    expect(trace).toMatchObject({status: 404, flags: ['NR']});
  });

  it('jason sees black stars when reviews routes end-user jason to v2', () => {
    const yaml = `${GATEWAY}${SUBSETS}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - match: [{headers: {end-user: {exact: jason}}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - route: [{destination: {host: reviews, subset: v1}}]
`;
    expect(views(simulate(bookinfoMesh(), yaml, browser({headers: {'end-user': 'jason'}}), {count: 20, seed: 1}))).toEqual({'reviews v2: black stars': 20});
    expect(views(simulate(bookinfoMesh(), yaml, browser(), {count: 20, seed: 1}))).toEqual({'reviews v1: no stars': 20});
  });

  // The fault-injection task: a 7 s delay on ratings for jason is longer than reviews v2's 10 s?
  // No — reviews' own timeout is 10 s but productpage gives up on reviews after 3 s, twice.
  it('a 7 s ratings delay for jason makes productpage show the reviews error (its 3 s timeout, two tries)', () => {
    const yaml = `${GATEWAY}${SUBSETS}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http:
  - match: [{headers: {end-user: {exact: jason}}}]
    route: [{destination: {host: reviews, subset: v2}}]
  - route: [{destination: {host: reviews, subset: v1}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings}
spec:
  hosts: [ratings]
  http:
  - match: [{headers: {end-user: {exact: jason}}}]
    fault: {delay: {fixedDelay: 7s, percentage: {value: 100}}}
    route: [{destination: {host: ratings}}]
  - route: [{destination: {host: ratings}}]
`;
    const [trace] = simulate(bookinfoMesh(), yaml, browser({headers: {'end-user': 'jason'}}), {count: 1, seed: 1}).samples;
    expect(trace?.status).toBe(200);
    expect(trace?.view?.lines).toContain(BOOKINFO_TEXT.reviewsError);
    expect(trace?.view?.lines).toContain(BOOKINFO_TEXT.reviewsUnavailable);
    expect(trace?.latencyMs).toBeGreaterThan(6000);
  });

  it('an abort on ratings for jason shows the ratings-unavailable message', () => {
    const yaml = `${GATEWAY}${SUBSETS}---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: reviews}
spec:
  hosts: [reviews]
  http: [{route: [{destination: {host: reviews, subset: v2}}]}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: ratings}
spec:
  hosts: [ratings]
  http:
  - fault: {abort: {httpStatus: 500, percentage: {value: 100}}}
    route: [{destination: {host: ratings}}]
`;
    const [trace] = simulate(bookinfoMesh(), yaml, browser(), {count: 1, seed: 1}).samples;
    expect(trace?.view?.lines).toContain(BOOKINFO_TEXT.ratingsUnavailable);
  });
});

describe('Gateway API: Gateway and HTTPRoute', () => {
  const gatewayApi = (rules: string) => `apiVersion: gateway.networking.k8s.io/v1
kind: Gateway
metadata: {name: bookinfo-gateway}
spec:
  gatewayClassName: istio
  listeners: [{name: http, port: 80, protocol: HTTP}]
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: bookinfo}
spec:
  parentRefs: [{name: bookinfo-gateway}]
  rules:
${rules}`;

  it('routes by path prefix on whole segments and splits by backendRef weight', () => {
    const yaml = gatewayApi(`  - matches: [{path: {type: PathPrefix, value: /productpage}}]
    backendRefs:
    - {name: productpage, port: 9080}
---
apiVersion: gateway.networking.k8s.io/v1
kind: HTTPRoute
metadata: {name: reviews}
spec:
  parentRefs: [{group: "", kind: Service, name: reviews, port: 9080}]
  rules:
  - backendRefs:
    - {name: reviews-v1, port: 9080, weight: 80}
    - {name: reviews-v3, port: 9080, weight: 20}
`);
    const result = simulate(bookinfoMesh(), yaml, browser(), {count: 1000, seed: 3});
    expect(errors(result)).toEqual([]);
    const seen = views(result);
    expect(seen['reviews v1: no stars']! / 1000).toBeGreaterThan(0.75);
    expect(seen['reviews v3: red stars']! / 1000).toBeGreaterThan(0.15);
    expect(simulate(bookinfoMesh(), yaml, browser({path: '/productpagex'}), {count: 1, seed: 1}).samples[0]?.status).toBe(404);
  });

  it('the gateway is deployed as <name>-istio and a rule with no backends answers 500', () => {
    const [trace] = simulate(bookinfoMesh(), gatewayApi('  - backendRefs: []\n'), browser(), {count: 1, seed: 1}).samples;
    expect(trace?.status).toBe(500);
    expect(trace?.steps.some((step) => /bookinfo-gateway-istio/.test(step.text))).toBe(true);
  });
});

describe('policy at the gateway: JWT, ipBlocks and remoteIpBlocks', () => {
  const payload = Buffer.from(JSON.stringify({iss: 'testing@secure.istio.io', sub: 'testing@secure.istio.io'})).toString('base64url');
  const token = `e30.${payload}.sig`;
  const jwt = `${GATEWAY}---
apiVersion: security.istio.io/v1
kind: RequestAuthentication
metadata: {name: jwt, namespace: istio-system}
spec:
  selector: {matchLabels: {istio: ingressgateway}}
  jwtRules: [{issuer: testing@secure.istio.io}]
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: require-jwt, namespace: istio-system}
spec:
  selector: {matchLabels: {istio: ingressgateway}}
  rules: [{from: [{source: {requestPrincipals: ["testing@secure.istio.io/testing@secure.istio.io"]}}]}]
`;
  it.each([
    ['no token: 403', {}, 403],
    ['a bad token: 401', {authorization: 'Bearer not-a-jwt'}, 401],
    ['a valid token: 200', {authorization: `Bearer ${token}`}, 200],
  ])('%s', (_, headers, status) => {
    expect(simulate(bookinfoMesh(), jwt, browser({headers}), {count: 1, seed: 1}).samples[0]?.status).toBe(status);
  });

  const ipPolicy = (field: string, trusted = 0) => `${GATEWAY}---
apiVersion: v1
kind: ConfigMap
metadata: {name: istio, namespace: istio-system}
data:
  mesh: |
    defaultConfig:
      gatewayTopology:
        numTrustedProxies: ${trusted}
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: ingress-policy, namespace: istio-system}
spec:
  selector: {matchLabels: {istio: ingressgateway}}
  action: ALLOW
  rules: [{from: [{source: {${field}: ["1.2.3.4", "5.6.7.0/24"]}}]}]
`;
  it('ipBlocks match the connection peer; remoteIpBlocks the X-Forwarded-For client once proxies are trusted', () => {
    const viaProxy = browser({clientIp: '10.0.0.1', headers: {'x-forwarded-for': '5.6.7.8, 10.0.0.1'}});
    expect(simulate(bookinfoMesh(), ipPolicy('ipBlocks'), browser({clientIp: '1.2.3.4'}), {count: 1, seed: 1}).samples[0]?.status).toBe(200);
    expect(simulate(bookinfoMesh(), ipPolicy('ipBlocks'), viaProxy, {count: 1, seed: 1}).samples[0]?.status).toBe(403);
    expect(simulate(bookinfoMesh(), ipPolicy('remoteIpBlocks', 0), viaProxy, {count: 1, seed: 1}).samples[0]?.status).toBe(403);
    expect(simulate(bookinfoMesh(), ipPolicy('remoteIpBlocks', 2), viaProxy, {count: 1, seed: 1}).samples[0]?.status).toBe(200);
  });
});

describe('dry-run policies and enableAutoMtls', () => {
  const deny = (dryRun: boolean) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-get
${dryRun ? '  annotations: {istio.io/dry-run: "true"}\n' : ''}spec:
  selector: {matchLabels: {app: httpbin}}
  action: DENY
  rules: [{to: [{operation: {methods: [GET]}}]}]
`;
  const toHttpbin: RequestSpec = {source: 'curl', host: 'httpbin', port: 8000, method: 'GET', path: '/get'};
  it('a policy annotated istio.io/dry-run is evaluated and logged, not enforced', () => {
    expect(simulate(httpbinMesh(), deny(false), toHttpbin, {count: 1, seed: 1}).samples[0]?.status).toBe(403);
    const [trace] = simulate(httpbinMesh(), deny(true), toHttpbin, {count: 1, seed: 1}).samples;
    expect(trace?.status).toBe(200);
    expect(trace?.steps.some((step) => /dry-run .*would deny/.test(step.text))).toBe(true);
  });

  it('with enableAutoMtls: false a sidecar sends plaintext unless a DestinationRule asks for ISTIO_MUTUAL, so STRICT resets it', () => {
    const yaml = `apiVersion: v1
kind: ConfigMap
metadata: {name: istio, namespace: istio-system}
data:
  mesh: |
    enableAutoMtls: false
---
apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata: {name: default, namespace: istio-system}
spec: {mtls: {mode: STRICT}}
`;
    expect(simulate(httpbinMesh(), yaml, toHttpbin, {count: 1, seed: 1}).samples[0]).toMatchObject({status: 503, mtls: 'plaintext'});
    const fixed = `${yaml}---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: httpbin}
spec: {host: httpbin, trafficPolicy: {tls: {mode: ISTIO_MUTUAL}}}
`;
    expect(simulate(httpbinMesh(), fixed, toHttpbin, {count: 1, seed: 1}).samples[0]).toMatchObject({status: 200, mtls: 'mutual TLS'});
  });
});

describe('TCP: tcp-echo', () => {
  const toEcho: RequestSpec = {source: 'curl', host: 'tcp-echo', port: 9000, method: 'GET', path: '/world'};
  const shift = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: tcp-echo}
spec:
  host: tcp-echo
  subsets: [{name: v1, labels: {version: v1}}, {name: v2, labels: {version: v2}}]
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata: {name: tcp-echo}
spec:
  hosts: [tcp-echo]
  tcp:
  - match: [{port: 9000}]
    route:
    - {destination: {host: tcp-echo, port: {number: 9000}, subset: v1}, weight: 80}
    - {destination: {host: tcp-echo, port: {number: 9000}, subset: v2}, weight: 20}
`;
  it('tcp routes shift connections by weight', () => {
    const result = simulate(tcpEchoMesh(), shift, toEcho, {count: 500, seed: 2});
    expect(errors(result)).toEqual([]);
    const seen = views(result);
    expect(seen['echo "one world"']! / 500).toBeGreaterThan(0.72);
    expect(seen['echo "two world"']! / 500).toBeGreaterThan(0.12);
  });

  // pilot/pkg/security/authz/model/model.go: for TCP an ALLOW rule with HTTP-only fields is
  // skipped (so nothing is allowed) and a DENY rule is kept without them.
  it('an ALLOW rule with HTTP-only fields allows no TCP connection; a DENY rule applies without them', () => {
    const policy = (action: string) => `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata: {name: tcp-policy}
spec:
  selector: {matchLabels: {app: tcp-echo}}
  action: ${action}
  rules: [{to: [{operation: {methods: [GET], ports: ["9000"]}}]}]
`;
    expect(simulate(tcpEchoMesh(), policy('ALLOW'), toEcho, {count: 1, seed: 1}).samples[0]?.status).toBe(0);
    expect(simulate(tcpEchoMesh(), policy('DENY'), toEcho, {count: 1, seed: 1}).samples[0]?.status).toBe(0);
    expect(simulate(tcpEchoMesh(), policy('DENY'), {...toEcho, port: 9001}, {count: 1, seed: 1}).samples[0]?.status).toBe(200);
  });
});

describe('time: requests at a rate', () => {
  it('a pod broken for the first 2 s is ejected, then returns after baseEjectionTime', () => {
    const mesh = httpbinMesh({pods: {'httpbin-v1-5c6d7b8f9-a1x7': {failWith: 503, failUntilMs: 2000}}});
    const yaml = `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata: {name: httpbin}
spec:
  host: httpbin
  trafficPolicy:
    loadBalancer: {simple: ROUND_ROBIN}
    outlierDetection: {consecutive5xxErrors: 3, interval: 1s, baseEjectionTime: 5s, maxEjectionPercent: 100}
`;
    const result = simulate(mesh, yaml, {source: 'curl', host: 'httpbin', port: 8000, method: 'GET', path: '/get'}, {count: 200, seed: 1, ratePerSecond: 20});
    expect(statuses(result)[503]).toBe(3);
    expect(result.summary.durationMs).toBeGreaterThan(9000);
    // Ejected at about 0.15 s, back at the first 1 s sweep after 5 s: t = 6 s, then half of the rest.
    expect(result.summary.byDestination.find((row) => row.destination === 'httpbin-v1')!.count).toBeGreaterThan(40);
  });

  it('keeps counts for every request and full traces only for a sample', () => {
    const result = simulate(bookinfoMesh(), GATEWAY, browser(), {count: 5000, seed: 1, concurrency: 8});
    expect(result.summary.total).toBe(5000);
    expect(result.samples.length).toBeLessThan(12);
    expect(result.summary.byOutcome.reduce((sum, row) => sum + row.count, 0)).toBe(5000);
  });
});
