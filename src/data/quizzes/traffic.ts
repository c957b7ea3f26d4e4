import type {QuizQuestion} from '@site/src/lib/quiz';

/** Check yourself, part 4: Traffic management (docs/04-traffic). */
const questions: readonly QuizQuestion[] = [
  {
    id: 'traffic-first-match',
    prompt: 'A VirtualService for `reviews` has a first rule matching `uri: prefix: /` to subset v1, then a rule matching the header `end-user: jason` to subset v2. Where does Jason’s request go?',
    options: [
      'To v2, because a header match is more specific than a path prefix.',
      'To v1: rules are tried in order and the first match wins, so the header rule is dead code.',
      'Half to v1 and half to v2, because both rules match.',
      'Nowhere: overlapping rules make istiod reject the VirtualService.',
    ],
    answer: 1,
    explanation:
      'The proxy takes the first rule whose conditions hold and never looks further. `prefix: /` matches every request, so put specific rules first and a rule without `match` last as the default route.',
    link: '/docs/traffic/virtual-service/#rule-order-and-the-default-route',
    section: 'Rule order and the default route',
  },
  {
    id: 'traffic-no-default-route',
    prompt: 'A VirtualService has only a header-match rule and no default route. What does a request without that header get?',
    options: [
      'It is balanced over all pods of the Service, as if there were no VirtualService.',
      'It goes to the first subset in the DestinationRule.',
      'A `404` from the proxy with response flag `NR` (no route).',
      'A `503` with response flag `UO`.',
    ],
    answer: 2,
    explanation:
      'Once a VirtualService applies to the host, a request that matches none of its rules has no route: the proxy answers 404 with flag NR, which looks like an application bug. End with a rule without `match`.',
    link: '/docs/traffic/virtual-service/#rule-order-and-the-default-route',
    section: 'Rule order and the default route',
  },
  {
    id: 'traffic-and-or',
    prompt: 'A rule’s `match` list has two blocks: one with `uri: prefix: /api`, another with `method: exact: GET`. Which requests match?',
    options: [
      'Only `GET` requests whose path starts with `/api`.',
      'Requests whose path starts with `/api`, and also every `GET` request.',
      'None: a match list may only hold one block.',
      'Only the first block is used; the second is ignored.',
    ],
    answer: 1,
    explanation:
      'Conditions inside one match block are ANDed; separate blocks are ORed. To require both, put `uri` and `method` in the same block.',
    link: '/docs/traffic/virtual-service/#match-conditions',
    section: 'Match conditions',
  },
  {
    id: 'traffic-gateways-mesh',
    prompt: 'A VirtualService lists `gateways: [bookinfo-gateway]` only. A pod inside the mesh calls the same host. Which rules does its sidecar use?',
    options: [
      'The VirtualService’s rules, since they name the host.',
      'None of this VirtualService’s rules: they apply only to the listed gateway unless `mesh` is added to `gateways`.',
      'The rules, but only for requests coming from the gateway’s namespace.',
      'The rules, but without the weights.',
    ],
    answer: 1,
    explanation:
      'Without `gateways`, rules apply to sidecars (the reserved name `mesh`). Naming gateways limits the rules to those gateways; list `mesh` as well to cover in-mesh callers.',
    link: '/docs/traffic/virtual-service/#hosts-which-requests-the-rules-apply-to',
    section: 'Hosts: which requests the rules apply to',
  },
  {
    id: 'traffic-weights-relative',
    prompt: 'A route has two destinations with weights `1` and `3`. What happens?',
    options: [
      'istiod rejects it, because weights must add up to 100.',
      'Each destination gets 50 %, because the weights are ignored unless they add up to 100.',
      'About 25 % of requests go to the first destination and 75 % to the second.',
      'The first destination gets 1 % and the second 3 %; the rest is dropped.',
    ],
    answer: 2,
    explanation:
      'Weights are relative shares: each destination gets its weight divided by the sum. Writing them to add up to 100 is a convention that keeps rules readable, not a rule of the API.',
    link: '/docs/traffic/virtual-service/#destinations-subsets-and-weights',
    section: 'Destinations, subsets and weights',
  },
  {
    id: 'traffic-default-lb',
    prompt: 'A DestinationRule sets no `loadBalancer`. How does a client proxy spread requests over the pods?',
    options: ['`ROUND_ROBIN`', '`RANDOM`', '`LEAST_REQUEST`', 'Consistent hashing on the source IP'],
    answer: 2,
    explanation:
      'The default is `LEAST_REQUEST`. Round robin as the default is a common mistake in older material; `LEAST_CONN` is only a deprecated alias of `LEAST_REQUEST`.',
    link: '/docs/traffic/destination-rule/#load-balancing',
    section: 'Load balancing',
  },
  {
    id: 'traffic-tls-disable-trap',
    prompt: 'You add a DestinationRule with `tls: mode: DISABLE` for an in-mesh service whose PeerAuthentication is STRICT. What happens to its callers?',
    options: [
      'Nothing changes: auto mTLS still encrypts the traffic.',
      'Their connections are reset: the rule turns auto mTLS off for that host, and the STRICT server refuses plain text.',
      'The server falls back to PERMISSIVE for those callers.',
      'istiod rejects the DestinationRule because it conflicts with the PeerAuthentication.',
    ],
    answer: 1,
    explanation:
      'Auto mTLS uses Istio mutual TLS whenever the destination has a proxy, unless a DestinationRule says otherwise. `DISABLE` or `SIMPLE` on an in-mesh host silently switches it off, so check the `tls` block first when mTLS breaks after a new DestinationRule.',
    link: '/docs/traffic/destination-rule/#tls-modes-and-istio_mutual',
    section: 'TLS modes and ISTIO_MUTUAL',
  },
  {
    id: 'traffic-mirror-writes',
    prompt: 'You mirror 100 % of `POST /orders` traffic to a new version of the orders service. What should you expect?',
    options: [
      'Callers get the faster of the two responses.',
      'Each order is created twice, once by the mirror, unless the mirror writes somewhere harmless.',
      'Mirrored requests lose their `Authorization` header, so the mirror answers 401.',
      'Nothing is written by the mirror: mirrored requests are read-only.',
    ],
    answer: 1,
    explanation:
      'A mirrored copy is a real request with the original headers and body; only its response is thrown away. Mirror reads, or point the mirror at a copy that writes to a scratch store.',
    link: '/docs/traffic/mirroring/#what-to-watch-out-for',
    section: 'What to watch out for',
  },
  {
    id: 'traffic-ingress-skips-waypoint',
    prompt: 'In ambient mode, `reviews` uses a waypoint with an HTTPRoute. Requests from the ingress gateway to `reviews` ignore the HTTPRoute. Why?',
    options: [
      'HTTPRoutes never apply to traffic from gateways.',
      'Ingress gateways send straight to the destination’s ztunnel unless the Service is labelled `istio.io/ingress-use-waypoint=true`.',
      'The waypoint only accepts traffic from pods in its own namespace.',
      'The ingress gateway needs its own waypoint first.',
    ],
    answer: 1,
    explanation:
      'By default ingress traffic skips the waypoint and goes directly to the destination’s ztunnel. Label the Service `istio.io/ingress-use-waypoint=true` to make it pass through the waypoint and its L7 rules.',
    link: '/docs/traffic/waypoints/#who-uses-the-waypoint',
    section: 'Who uses the waypoint',
  },
  {
    id: 'traffic-registry-only',
    prompt: 'The mesh uses `outboundTrafficPolicy: REGISTRY_ONLY`. An app calls `https://api.example.com`, which no ServiceEntry names. What happens?',
    options: [
      'The call goes out unchanged, without Istio telemetry.',
      'The call is blocked: only hosts in the service registry are reachable, so add a ServiceEntry for it.',
      'istiod creates a ServiceEntry for the host automatically.',
      'The call is routed through the egress gateway.',
    ],
    answer: 1,
    explanation:
      'With the default `ALLOW_ANY`, unknown hosts pass through without Istio routing or policy. `REGISTRY_ONLY` makes the registry the allow list; a ServiceEntry adds the external host to it.',
    link: '/docs/traffic/egress/#unknown-hosts-outboundtrafficpolicy',
    section: 'Unknown hosts: `outboundTrafficPolicy`',
  },
];

export default questions;
