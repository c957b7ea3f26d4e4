/**
 * Mesh playground examples: a preset mesh, the initial YAML in the editor and the request set.
 * Embed one in a page with <Playground example="<id>" />. The ids are a stable API: chapters
 * link to them, so rename only with a redirect plan.
 */
import type {PresetId, PresetOptions} from '../lib/mesh/presets';
import type {RequestSpec} from '../lib/mesh/types';

export interface PlaygroundExample {
  readonly id: string;
  readonly title: string;
  /** One or two sentences: what to look at and what to try. */
  readonly summary: string;
  readonly preset: PresetId;
  readonly presetOptions?: PresetOptions;
  readonly yaml: string;
  readonly request: RequestSpec;
  readonly count: number;
  readonly seed: number;
  readonly concurrency?: number;
  /** What the learner should see with the initial settings (checked by a unit test). */
  readonly expect: {
    readonly statuses?: Readonly<Record<number, number>>;
    readonly destinations?: readonly string[];
  };
}

const reviewsSubsets = `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: reviews
spec:
  host: reviews
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
  - name: v3
    labels:
      version: v3
`;

const httpbinSubsets = `---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: httpbin
spec:
  host: httpbin
  subsets:
  - name: v1
    labels:
      version: v1
  - name: v2
    labels:
      version: v2
`;

export const PLAYGROUND_EXAMPLES: readonly PlaygroundExample[] = [
  {
    id: 'request-routing',
    title: 'Request routing: everyone to v1, jason to v2',
    summary:
      'The first route sends requests carrying end-user: jason to reviews v2; every other request falls through to the catch-all route and v1. Remove the header and run again.',
    preset: 'bookinfo',
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - match:
    - headers:
        end-user:
          exact: jason
    route:
    - destination:
        host: reviews
        subset: v2
  - route:
    - destination:
        host: reviews
        subset: v1
${reviewsSubsets}`,
    request: {source: 'productpage-v1', host: 'reviews', method: 'GET', path: '/reviews/0', headers: {'end-user': 'jason'}},
    count: 10,
    seed: 1,
    expect: {statuses: {200: 10}, destinations: ['reviews-v2']},
  },
  {
    id: 'traffic-shifting',
    title: 'Traffic shifting: 50/50 between v1 and v3',
    summary:
      'Weights split requests between two subsets. The split is random per request, so 100 requests rarely land exactly 50/50; change the seed to see another draw, or the weights to shift further.',
    preset: 'bookinfo',
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: reviews
spec:
  hosts:
  - reviews
  http:
  - route:
    - destination:
        host: reviews
        subset: v1
      weight: 50
    - destination:
        host: reviews
        subset: v3
      weight: 50
${reviewsSubsets}`,
    request: {source: 'productpage-v1', host: 'reviews', method: 'GET', path: '/reviews/0'},
    count: 100,
    seed: 7,
    expect: {statuses: {200: 100}, destinations: ['reviews-v1', 'reviews-v3']},
  },
  {
    id: 'header-canary',
    title: 'Canary by header, plus a 10% share',
    summary:
      'Testers opt in with x-canary: "true" and always reach v2; everybody else gets v2 one time in ten. Delete the header to see the 90/10 split.',
    preset: 'httpbin',
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: httpbin
spec:
  hosts:
  - httpbin
  http:
  - name: canary-testers
    match:
    - headers:
        x-canary:
          exact: "true"
    route:
    - destination:
        host: httpbin
        subset: v2
  - name: everyone-else
    route:
    - destination:
        host: httpbin
        subset: v1
      weight: 90
    - destination:
        host: httpbin
        subset: v2
      weight: 10
${httpbinSubsets}`,
    request: {source: 'curl', host: 'httpbin', port: 8000, method: 'GET', path: '/headers', headers: {'x-canary': 'true'}},
    count: 20,
    seed: 3,
    expect: {statuses: {200: 20}, destinations: ['httpbin-v2']},
  },
  {
    id: 'mirroring',
    title: 'Mirroring: all traffic to v1, a copy to v2',
    summary:
      'Every request is answered by v1; a copy of each goes to v2 and its answer is dropped. Set mirrorPercentage to 10 to mirror only a sample.',
    preset: 'httpbin',
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: httpbin
spec:
  hosts:
  - httpbin
  http:
  - route:
    - destination:
        host: httpbin
        subset: v1
      weight: 100
    mirror:
      host: httpbin
      subset: v2
    mirrorPercentage:
      value: 100.0
${httpbinSubsets}`,
    request: {source: 'curl', host: 'httpbin', port: 8000, method: 'GET', path: '/headers'},
    count: 10,
    seed: 1,
    expect: {statuses: {200: 10}, destinations: ['httpbin-v1']},
  },
  {
    id: 'fault-delay',
    title: 'Fault injection: a 7 s delay for jason',
    summary:
      'Requests from jason to ratings wait 7 seconds in the client proxy before they are sent. Lower the percentage to delay only some of them.',
    preset: 'bookinfo',
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
spec:
  hosts:
  - ratings
  http:
  - match:
    - headers:
        end-user:
          exact: jason
    fault:
      delay:
        percentage:
          value: 100.0
        fixedDelay: 7s
    route:
    - destination:
        host: ratings
        subset: v1
  - route:
    - destination:
        host: ratings
        subset: v1
---
apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: ratings
spec:
  host: ratings
  subsets:
  - name: v1
    labels:
      version: v1
`,
    request: {source: 'reviews-v2', host: 'ratings', method: 'GET', path: '/ratings/0', headers: {'end-user': 'jason'}},
    count: 5,
    seed: 1,
    expect: {statuses: {200: 5}, destinations: ['ratings-v1']},
  },
  {
    id: 'fault-abort',
    title: 'Fault injection: HTTP 500 for jason',
    summary:
      'The client proxy answers 500 itself: no request reaches ratings, and aborts are never retried. Set the percentage to 50 and run 20 requests.',
    preset: 'bookinfo',
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: ratings
spec:
  hosts:
  - ratings
  http:
  - match:
    - headers:
        end-user:
          exact: jason
    fault:
      abort:
        percentage:
          value: 100.0
        httpStatus: 500
    route:
    - destination:
        host: ratings
  - route:
    - destination:
        host: ratings
`,
    request: {source: 'reviews-v2', host: 'ratings', method: 'GET', path: '/ratings/0', headers: {'end-user': 'jason'}},
    count: 5,
    seed: 1,
    expect: {statuses: {500: 5}},
  },
  {
    id: 'timeouts-retries',
    title: 'Timeouts and retries',
    summary:
      'httpbin /delay/2 answers after 2 s: each try is cut at 500 ms, retried (gateway-error covers per-try timeouts), and the 1 s route timeout ends it with 504. Try the path /status/503, or /get.',
    preset: 'httpbin',
    yaml: `apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: httpbin
spec:
  hosts:
  - httpbin
  http:
  - route:
    - destination:
        host: httpbin
    timeout: 1s
    retries:
      attempts: 3
      perTryTimeout: 500ms
      retryOn: gateway-error,connect-failure,refused-stream
`,
    request: {source: 'curl', host: 'httpbin', port: 8000, method: 'GET', path: '/delay/2'},
    count: 3,
    seed: 1,
    expect: {statuses: {504: 3}},
  },
  {
    id: 'circuit-breaking',
    title: 'Circuit breaking: one connection, one pending request',
    summary:
      'fortio sends with 3 concurrent connections; the pool allows one request in flight and one waiting, so the third overflows with 503 (flag UO). Set concurrency to 2, or raise the limits.',
    preset: 'httpbin',
    yaml: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: httpbin
spec:
  host: httpbin
  trafficPolicy:
    connectionPool:
      tcp:
        maxConnections: 1
      http:
        http1MaxPendingRequests: 1
        maxRequestsPerConnection: 1
    outlierDetection:
      consecutive5xxErrors: 1
      interval: 1s
      baseEjectionTime: 3m
      maxEjectionPercent: 100
`,
    request: {source: 'fortio', host: 'httpbin', port: 8000, method: 'GET', path: '/get'},
    count: 30,
    seed: 1,
    concurrency: 3,
    expect: {destinations: ['httpbin-v1', 'httpbin-v2']},
  },
  {
    id: 'outlier-ejection',
    title: 'Outlier detection: ejecting a broken pod',
    summary:
      'One of three httpbin pods answers 503. Retries are off; after 3 consecutive 5xx the pod is ejected and stops getting traffic until baseEjectionTime has passed. Envoy ejects at least one pod whatever maxEjectionPercent says.',
    preset: 'httpbin',
    presetOptions: {httpbinReplicas: 3, pods: {'httpbin-v1-5c6d7b8f9-b2x8': {failWith: 503}}},
    yaml: `apiVersion: networking.istio.io/v1
kind: DestinationRule
metadata:
  name: httpbin
spec:
  host: httpbin
  subsets:
  - name: v1
    labels:
      version: v1
  trafficPolicy:
    loadBalancer:
      simple: ROUND_ROBIN
    outlierDetection:
      consecutive5xxErrors: 3
      interval: 10s
      baseEjectionTime: 30s
      maxEjectionPercent: 50
---
apiVersion: networking.istio.io/v1
kind: VirtualService
metadata:
  name: httpbin
spec:
  hosts:
  - httpbin
  http:
  - route:
    - destination:
        host: httpbin
        subset: v1
    retries:
      attempts: 0
`,
    request: {source: 'curl', host: 'httpbin', port: 8000, method: 'GET', path: '/get'},
    count: 30,
    seed: 1,
    expect: {statuses: {200: 27, 503: 3}},
  },
  {
    id: 'mtls-strict',
    title: 'STRICT mutual TLS rejects plaintext clients',
    summary:
      'With STRICT in the default namespace, the curl pod outside the mesh cannot reach httpbin: its plaintext connection is reset. Switch the source to curl (in the mesh), or the mode to PERMISSIVE.',
    preset: 'httpbin',
    yaml: `apiVersion: security.istio.io/v1
kind: PeerAuthentication
metadata:
  name: default
  namespace: default
spec:
  mtls:
    mode: STRICT
`,
    request: {source: 'curl (legacy, outside the mesh)', host: 'httpbin.default', port: 8000, method: 'GET', path: '/headers'},
    count: 3,
    seed: 1,
    expect: {statuses: {0: 3}},
  },
  {
    id: 'authz-l4',
    title: 'Only the ingress gateway may call productpage',
    summary:
      'An ALLOW policy on productpage lists the ingress gateway\'s identity. Any other caller gets 403. Switch the source to istio-ingressgateway.',
    preset: 'bookinfo',
    yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: productpage-from-ingress
  namespace: default
spec:
  selector:
    matchLabels:
      app: productpage
  action: ALLOW
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account
`,
    request: {source: 'curl', host: 'productpage', method: 'GET', path: '/productpage'},
    count: 3,
    seed: 1,
    expect: {statuses: {403: 3}},
  },
  {
    id: 'authz-l7',
    title: 'GET only, and only from curl',
    summary:
      'The policy allows GET from the curl service account. Try POST, another source (fortio), or write the principal with a spiffe:// prefix and see it stop matching.',
    preset: 'httpbin',
    yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: httpbin-get-from-curl
  namespace: default
spec:
  selector:
    matchLabels:
      app: httpbin
  action: ALLOW
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/default/sa/curl
    to:
    - operation:
        methods:
        - GET
`,
    request: {source: 'curl', host: 'httpbin', port: 8000, method: 'GET', path: '/get'},
    count: 3,
    seed: 1,
    expect: {statuses: {200: 3}},
  },
  {
    id: 'authz-deny-order',
    title: 'CUSTOM, then DENY, then ALLOW',
    summary:
      'Three policies on httpbin: /headers goes to the external authorizer (it wants x-ext-authz: allow), DELETE is denied, and only GET is allowed. Change the method, path and headers to see which policy decides.',
    preset: 'httpbin',
    yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: ext-authz-headers
  namespace: default
spec:
  selector:
    matchLabels:
      app: httpbin
  action: CUSTOM
  provider:
    name: sample-ext-authz-http
  rules:
  - to:
    - operation:
        paths:
        - /headers
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: deny-delete
  namespace: default
spec:
  selector:
    matchLabels:
      app: httpbin
  action: DENY
  rules:
  - to:
    - operation:
        methods:
        - DELETE
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: allow-get
  namespace: default
spec:
  selector:
    matchLabels:
      app: httpbin
  action: ALLOW
  rules:
  - to:
    - operation:
        methods:
        - GET
`,
    request: {source: 'curl', host: 'httpbin', port: 8000, method: 'GET', path: '/headers', headers: {'x-ext-authz': 'deny'}},
    count: 2,
    seed: 1,
    expect: {statuses: {403: 2}},
  },
  {
    id: 'authz-ambient-l7',
    title: 'Ambient: HTTP rules need a waypoint',
    summary:
      'In ambient mode a selector policy is enforced by ztunnel, which cannot see methods: the ALLOW rule is dropped and every connection is reset. The second policy, attached to the Service with targetRefs, is what a waypoint enforces. Tick "The destination Service uses a waypoint": the waypoint allows the GET, but ztunnel still applies the first policy to the waypoint\'s connection and resets it (503). Delete the first policy and run again.',
    preset: 'bookinfo',
    presetOptions: {mode: 'ambient'},
    yaml: `apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: productpage-ztunnel
  namespace: default
spec:
  selector:
    matchLabels:
      app: productpage
  action: ALLOW
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/default/sa/curl
    to:
    - operation:
        methods:
        - GET
---
apiVersion: security.istio.io/v1
kind: AuthorizationPolicy
metadata:
  name: productpage-waypoint
  namespace: default
spec:
  targetRefs:
  - kind: Service
    group: ""
    name: productpage
  action: ALLOW
  rules:
  - from:
    - source:
        principals:
        - cluster.local/ns/default/sa/curl
    to:
    - operation:
        methods:
        - GET
`,
    request: {source: 'curl', host: 'productpage', method: 'GET', path: '/productpage'},
    count: 3,
    seed: 1,
    expect: {statuses: {0: 3}},
  },
];

export function playgroundExample(id: string): PlaygroundExample | undefined {
  return PLAYGROUND_EXAMPLES.find((example) => example.id === id);
}
