import type {QuizQuestion} from '@site/src/lib/quiz';

/** Check yourself, part 6: Security (docs/06-security). */
const questions: readonly QuizQuestion[] = [
  {
    id: 'security-spiffe-principal',
    prompt: 'An ALLOW policy names `principals: ["spiffe://cluster.local/ns/shop/sa/frontend"]`. What happens to requests from `frontend`?',
    options: [
      'They are allowed: the full SPIFFE URI is the exact identity in the certificate.',
      'The policy is rejected at apply time.',
      'They are denied with 403: Istio adds `spiffe://` itself, so the principal can never match, and no other rule allows them.',
      'They are allowed, but only over mutual TLS.',
    ],
    answer: 2,
    explanation:
      'Principals are written without the scheme, as `cluster.local/ns/shop/sa/frontend`. Istio prefixes `spiffe://` when it builds the proxy’s matcher, so the prefixed form becomes `spiffe://spiffe://…` and the policy quietly denies everything.',
    link: '/docs/security/identity-and-certificates/#the-same-identity-written-two-ways',
    section: 'The same identity, written two ways',
  },
  {
    id: 'security-cert-rotation',
    prompt: 'How are workload certificates renewed in a default installation?',
    options: [
      'Automatically, by the istio-agent (sidecar) or ztunnel (ambient) well before the 24-hour lifetime ends, with no restart.',
      'By restarting istiod, which reissues every certificate.',
      'By restarting each workload once a day.',
      'By a CronJob that rewrites the certificate Secrets mounted into each pod.',
    ],
    answer: 0,
    explanation:
      'Certificates are short-lived (24 hours by default) and pushed to Envoy over SDS, so they rotate in place. Restarting istiod does not reissue them; if one is stale, look at the agent’s or ztunnel’s logs.',
    link: '/docs/security/identity-and-certificates/#rotation-without-restarts',
    section: 'Rotation without restarts',
  },
  {
    id: 'security-cacerts-keys',
    prompt: 'You plug in your own CA. Which keys must the `cacerts` Secret in `istio-system` have?',
    options: [
      '`root-cert.pem`, `root-key.pem`, `cert-chain.pem`, `key.pem`',
      '`ca-cert.pem`, `ca-key.pem`, `root-cert.pem`, `cert-chain.pem`',
      '`tls.crt`, `tls.key`, `ca.crt`',
      '`ca-cert.pem` and `root-key.pem` only',
    ],
    answer: 1,
    explanation:
      'istiod reads exactly these four files: the intermediate certificate and its key, the root certificate and the chain. The root key never goes into the cluster; a bundle with some names but no `ca-cert.pem`/`ca-key.pem` stops istiod from starting.',
    link: '/docs/security/custom-ca/#2-create-the-cacerts-secret-before-installing',
    section: '2. Create the `cacerts` secret before installing',
  },
  {
    id: 'security-permissive-default',
    prompt: 'No PeerAuthentication exists anywhere. A pod without a sidecar calls a meshed pod in plain HTTP. What happens?',
    options: [
      'The call is reset: the mesh requires mTLS by default.',
      'The call succeeds: the default mode is PERMISSIVE, which accepts both mTLS and plain text.',
      'The call succeeds, but the sidecar upgrades it to mTLS on the way.',
      'The call gets a 403 from the destination sidecar.',
    ],
    answer: 1,
    explanation:
      'PeerAuthentication decides what the server accepts, and PERMISSIVE is the default so that workloads can join the mesh gradually. Only STRICT refuses plain text.',
    link: '/docs/security/mutual-tls/#peerauthentication-what-the-server-accepts',
    section: 'PeerAuthentication: what the server accepts',
  },
  {
    id: 'security-ambient-disable',
    prompt: 'In ambient mode, a PeerAuthentication with `mode: DISABLE` is applied to a namespace of meshed pods. What changes for traffic between them?',
    options: [
      'Nothing: `DISABLE` is ignored in ambient mode, and meshed pods always talk over HBONE mTLS.',
      'Their traffic becomes plain text.',
      'ztunnel resets their connections.',
      'They fall back to PERMISSIVE.',
    ],
    answer: 0,
    explanation:
      'Traffic between ambient pods always goes through HBONE, so mTLS cannot be switched off between them and `DISABLE` has no effect. STRICT still matters: it makes ztunnel refuse plain text from unmeshed clients.',
    link: '/docs/security/mutual-tls/#ambient-mode-differences',
    section: 'Ambient mode differences',
  },
  {
    id: 'security-jwt-missing-token',
    prompt: 'Only a RequestAuthentication is applied at the ingress gateway. Which request gets a 401?',
    options: [
      'A request with no token at all.',
      'A request with a valid, unexpired token from the configured issuer.',
      'Every request, until an AuthorizationPolicy allows it.',
      'A request with an expired or wrongly signed token.',
    ],
    answer: 3,
    explanation:
      'RequestAuthentication checks tokens that are present: an invalid one gets 401. A request without a token passes. To require a token, add an AuthorizationPolicy that needs a request principal (for example DENY with `notRequestPrincipals: ["*"]`).',
    link: '/docs/security/request-authentication/#the-behaviour-that-surprises-everyone',
    section: 'The behaviour that surprises everyone',
  },
  {
    id: 'security-evaluation-order',
    prompt: 'A workload has one ALLOW policy for `GET` from `frontend` and one DENY policy for path `/admin`. `frontend` sends `GET /admin`. What is the result?',
    options: [
      'Allowed, because the ALLOW policy matches and is more specific.',
      'Denied: DENY policies are evaluated before ALLOW policies.',
      'Allowed, because a policy without `action` wins.',
      'It depends on which policy was created first.',
    ],
    answer: 1,
    explanation:
      'The proxy evaluates CUSTOM, then DENY, then ALLOW. A matching DENY ends the decision. (A workload with no ALLOW policy allows everything; with at least one, whatever no ALLOW rule matches is denied.)',
    link: '/docs/security/authorization/#actions-and-the-evaluation-order',
    section: 'Actions and the evaluation order',
  },
  {
    id: 'security-empty-spec',
    prompt: 'What does an AuthorizationPolicy with `spec: {}` in namespace `shop` do?',
    options: [
      'Nothing, because it has no rules.',
      'It allows every request to the namespace.',
      'It denies every request to the workloads of `shop`: an ALLOW policy that matches nothing allows nothing.',
      'It is rejected, because `rules` is required.',
    ],
    answer: 2,
    explanation:
      'The action defaults to ALLOW. An ALLOW policy with no rules exists but matches nothing, so nothing is allowed: the allow-nothing baseline. `rules: [{}]` is the opposite, one empty rule that matches everything.',
    link: '/docs/security/authorization/#empty-rules-allow-nothing-versus-allow-everything',
    section: 'Empty rules: allow nothing versus allow everything',
  },
  {
    id: 'security-ambient-l7-policy',
    prompt: 'In ambient mode (no waypoint), you apply a policy with `selector: app: reviews` that allows only `GET`. What do clients of reviews see?',
    options: [
      '`GET` works and other methods get 403.',
      'Everything works: L7 policies are skipped without a waypoint.',
      'Their connections are reset: ztunnel cannot evaluate the HTTP method and fails safe.',
      'istiod rejects the policy.',
    ],
    answer: 2,
    explanation:
      'A `selector` policy in ambient mode is enforced by ztunnel, which sees only L4. An L7 field makes the policy behave as a deny, so the connection is reset. L7 rules need a waypoint and `targetRefs`.',
    link: '/docs/security/authorization/#ambient-mode-ztunnel-and-waypoints',
    section: 'Ambient mode: ztunnel and waypoints',
  },
];

export default questions;
