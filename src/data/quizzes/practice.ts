import type {QuizQuestion} from '@site/src/lib/quiz';

/** Check yourself, part 10: Practice (docs/10-practice). */
const questions: readonly QuizQuestion[] = [
  {
    id: 'practice-canary-guard',
    prompt: 'During a stepwise canary of `reviews` v2, one v2 pod starts returning 5xx between two weight changes. What takes it out of rotation without anyone acting?',
    options: [
      'The VirtualService weights, which drop v2 to 0 % on errors.',
      'The `outlierDetection` block in the DestinationRule, which ejects the failing endpoint.',
      'Kubernetes, which deletes pods that return 5xx.',
      'Prometheus, which edits the VirtualService when the error ratio rises.',
    ],
    answer: 1,
    explanation:
      'Weights only change when you (or a tool like Flagger) apply new ones. Outlier detection in the DestinationRule ejects a failing pod automatically, while the Prometheus guardrails decide the next step.',
    link: '/docs/practice/release-strategies/#canary-with-guardrails',
    section: 'Canary with guardrails',
  },
  {
    id: 'practice-claim-routing',
    prompt: 'You want premium users (JWT claim `plan: premium`) to see variant B. Where can Istio route on that validated claim?',
    options: [
      'In any sidecar, with a plain header match on `plan`.',
      'Only in waypoints.',
      'At the ingress gateway, with the `@request.auth.claims.plan` key, after a RequestAuthentication validated the token there.',
      'Anywhere, once an AuthorizationPolicy lists the claim.',
    ],
    answer: 2,
    explanation:
      'Claim-based routing reads claims from a token validated by the same proxy, and it is supported only on ingress gateways (Alpha). A plain header match is not identity: anyone can send the header.',
    link: '/docs/practice/release-strategies/#ab-test-by-header-or-jwt-claim',
    section: 'A/B test by header or JWT claim',
  },
  {
    id: 'practice-zero-trust-order',
    prompt: 'You are locking down Bookinfo for zero trust. In which order should you roll out the pieces?',
    options: [
      'Deny-by-default first, then mTLS, then onboard the clients.',
      'STRICT mTLS mesh-wide first, then onboard clients as they break.',
      'Onboard every client under PERMISSIVE, then STRICT mTLS, then deny-by-default plus one ALLOW policy per real caller.',
      'ALLOW policies first; mTLS is optional for authorization.',
    ],
    answer: 2,
    explanation:
      'STRICT refuses plain text, so every client must be in the mesh first. Identity-based ALLOW rules then rely on mTLS identities, on top of an allow-nothing baseline.',
    link: '/docs/practice/security-scenarios/#zero-trust-internal-calls',
    section: 'Zero-trust internal calls',
  },
  {
    id: 'practice-egress-allowlist',
    prompt: 'Workloads may call `httpbin.org` and nothing else on the internet. Which combination does that?',
    options: [
      'A Sidecar resource whose egress lists only `httpbin.org`, with the default `ALLOW_ANY`.',
      '`outboundTrafficPolicy.mode: REGISTRY_ONLY` plus a ServiceEntry for `httpbin.org`.',
      'A ServiceEntry for `httpbin.org`, with the default `ALLOW_ANY`.',
      'An egress gateway, with no other change.',
    ],
    answer: 1,
    explanation:
      'Under `ALLOW_ANY` unknown hosts still pass through, and a Sidecar’s egress list only limits configuration, not traffic. `REGISTRY_ONLY` makes the registry the allow list; each permitted host gets a ServiceEntry.',
    link: '/docs/practice/security-scenarios/#controlled-egress-to-a-saas-api',
    section: 'Controlled egress to a SaaS API',
  },
  {
    id: 'practice-tenant-sidecar',
    prompt: 'Two tenants share a mesh. What does a default `Sidecar` resource in each tenant namespace contribute to isolation?',
    options: [
      'It blocks calls to the other tenant.',
      'It encrypts the tenant’s traffic with a separate key.',
      'It limits the configuration the tenant’s proxies receive; blocking calls needs namespace-scoped AuthorizationPolicies.',
      'Nothing: Sidecar resources only matter in ambient mode.',
    ],
    answer: 2,
    explanation:
      'A Sidecar scopes configuration: proxies only learn about what they use, which keeps them small. Access control is an AuthorizationPolicy on the receiving side.',
    link: '/docs/practice/security-scenarios/#tenant-isolation',
    section: 'Tenant isolation',
  },
  {
    id: 'practice-unstable-upstream',
    prompt: 'Callers of a flaky dependency must get an answer, success or fast failure, within a bounded time. Which guard is essential because Istio has no default for it?',
    options: [
      'A route `timeout` in the VirtualService.',
      'Outlier detection.',
      'A retry policy; Istio never retries by default.',
      'A PeerAuthentication in STRICT mode.',
    ],
    answer: 0,
    explanation:
      'Istio sets no HTTP route timeout, so a hung upstream holds its callers indefinitely. Combine a timeout with few retries, connection-pool limits and outlier detection; Istio does retry some connection failures by default.',
    link: '/docs/practice/resilience-and-scale/#resilience-for-an-unstable-upstream',
    section: 'Resilience for an unstable upstream',
  },
  {
    id: 'practice-ambient-choice',
    prompt: 'Which namespace gains most from moving to ambient mode?',
    options: [
      'One that depends on EnvoyFilter patches on every workload.',
      'A large, cost-sensitive namespace whose traffic is mostly L4, with waypoints only where L7 features are needed.',
      'One whose pods must never be restarted, because ambient upgrades restart every pod.',
      'One that needs proxyless gRPC.',
    ],
    answer: 1,
    explanation:
      'Ambient removes the per-pod proxy (one ztunnel per node, Envoy only in the waypoints you deploy) and upgrades without restarting workloads. Features mature only with sidecars, such as EnvoyFilter, argue for keeping sidecars; both modes can share one mesh.',
    link: '/docs/practice/production-checklist/#the-reasoning-behind-three-items',
    section: 'The reasoning behind three items',
  },
];

export default questions;
