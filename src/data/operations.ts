import type {ComparisonTableData} from '@site/src/lib/tables';
import type {PlaybookEntry, ResponseFlag} from '@site/src/lib/troubleshooting';

/**
 * Part 9: Envoy response flags. Each fact is typed once here; the comparison table and the
 * interactive lookup on /docs/operations/response-flags/ both render it.
 * Source: Envoy access-log documentation (%RESPONSE_FLAGS%) and istio.io "Network issues".
 */
export const RESPONSE_FLAGS: readonly ResponseFlag[] = [
  {
    code: 'UO',
    name: 'upstream overflow',
    status: '503',
    meaning: 'The calling proxy refused to send the request because a circuit-breaker limit was reached.',
    typicalCause:
      'A DestinationRule connectionPool limit (maxConnections, http1MaxPendingRequests, http2MaxRequests, maxRetries) is full. The request never reached the server.',
    fix: 'Size the limits from a load test, add replicas, or slow the caller down. Confirm with the upstream_rq_pending_overflow counter in the caller’s proxy stats.',
    messages: ['upstream connect error or disconnect/reset before headers. reset reason: overflow'],
  },
  {
    code: 'UF',
    name: 'upstream connection failure',
    status: '503',
    meaning: 'The proxy could not open a connection to the chosen endpoint at all.',
    typicalCause:
      'Nothing listens on the target port, the pod just died, a NetworkPolicy drops the traffic, or the TLS handshake failed (for example ISTIO_MUTUAL towards a workload without a proxy).',
    fix: 'Check the Service targetPort and the container port, the endpoint list, NetworkPolicies, and the DestinationRule TLS mode against the server’s PeerAuthentication.',
    messages: [
      'upstream connect error or disconnect/reset before headers. reset reason: remote connection failure',
      'transport failure reason: delayed connect error: Connection refused',
      'transport failure reason: TLS error',
    ],
  },
  {
    code: 'UC',
    name: 'upstream connection termination',
    status: '503',
    meaning: 'A connection was open, but the upstream closed it before a response arrived.',
    typicalCause:
      'A keep-alive race (the application closes idle connections sooner than the proxy expects), an application crash mid-request, or a pod shutting down without draining.',
    fix: 'Make the application’s idle timeout longer than the proxy’s (or lower connectionPool.http.idleTimeout), add graceful shutdown, and allow a retry on reset.',
    messages: ['upstream connect error or disconnect/reset before headers. reset reason: connection termination'],
  },
  {
    code: 'UT',
    name: 'upstream request timeout',
    status: '504',
    meaning: 'The route timeout (or a per-try timeout) expired before the upstream answered.',
    typicalCause: 'A VirtualService timeout shorter than the upstream’s real response time, or an injected delay left in place.',
    fix: 'Find the slow hop in a trace, fix it or raise the timeout on purpose, and keep caller timeouts larger than the callee’s timeout times its attempts.',
    messages: ['upstream request timeout'],
  },
  {
    code: 'NR',
    name: 'no route configured',
    status: '404',
    meaning: 'No route matched the request (or, for TCP, no filter chain matched the connection).',
    typicalCause:
      'At a gateway: the Host header matches no VirtualService bound to that Gateway (wrong hosts, missing gateways: reference, wrong namespace in the reference).',
    fix: 'Run istioctl analyze, compare Gateway hosts with VirtualService hosts and gateways:, and read the gateway’s routes with istioctl proxy-config routes.',
    messages: ['route_not_found'],
  },
  {
    code: 'UH',
    name: 'no healthy upstream',
    status: '503',
    meaning: 'The destination cluster exists, but it has no healthy endpoint to send to.',
    typicalCause:
      'The Service selects no ready pods, a subset’s labels match no pods, or outlier detection has ejected every endpoint.',
    fix: 'List the EndpointSlices and the proxy’s endpoints for that cluster, check subset labels, readiness probes and maxEjectionPercent.',
    messages: ['no healthy upstream'],
  },
  {
    code: 'URX',
    name: 'upstream retry limit exceeded',
    status: '503 (whatever the last attempt returned)',
    meaning: 'Every retry attempt failed; Envoy gave up and returned the last failure. Usually printed together with another flag.',
    typicalCause: 'The real failure is the companion flag (UF, UC, UH…); retries only repeated it.',
    fix: 'Fix the failure the companion flag names. Do not raise retries.attempts to hide it: retries multiply load on a service that is already failing.',
    messages: ['retried and the latest reset reason'],
  },
  {
    code: 'DC',
    name: 'downstream connection termination',
    status: '0 (no response was sent)',
    meaning: 'The caller closed its connection before the response was complete.',
    typicalCause:
      'The caller gave up first: its own client timeout, or the calling proxy’s route timeout (that side logs UT), or a user who closed the page.',
    fix: 'Read the caller’s log line for the same request (x-request-id) and compare timeouts along the chain; speed up the upstream.',
    messages: ['downstream_remote_disconnect'],
  },
];

type FlagColumn = 'code' | 'status' | 'meaning' | 'typicalCause' | 'fix';

/** The response-flag table, derived from RESPONSE_FLAGS so each fact lives once. */
export const responseFlagsTable: ComparisonTableData<FlagColumn> = {
  id: 'envoy-response-flags',
  caption: 'Envoy response flags you will meet most often in Istio access logs',
  columns: [
    {key: 'code', label: 'Flag'},
    {key: 'status', label: 'Usual status'},
    {key: 'meaning', label: 'Meaning'},
    {key: 'typicalCause', label: 'Typical cause in a mesh'},
    {key: 'fix', label: 'What to do'},
  ],
  rows: RESPONSE_FLAGS.map((flag) => ({
    code: flag.code,
    status: flag.status,
    meaning: `${flag.name.charAt(0).toUpperCase()}${flag.name.slice(1)}: ${flag.meaning.charAt(0).toLowerCase()}${flag.meaning.slice(1)}`,
    typicalCause: flag.typicalCause,
    fix: flag.fix,
  })),
};

/**
 * Part 9: the symptom → cause → fix playbook. Commands use Bookinfo in the bookinfo namespace
 * and Deployments (deploy/…), so they run as written on the course's lab cluster.
 */
export const PLAYBOOK: readonly PlaybookEntry[] = [
  {
    id: 'sidecar-not-injected',
    symptom: 'The sidecar is not injected (pod shows 1/1, no istio-proxy)',
    causes: [
      'The namespace has no istio-injection=enabled or istio.io/rev label, or has both (istio-injection wins).',
      'The pod opts out with the label sidecar.istio.io/inject: "false".',
      'The pods were created before the label was added: injection happens only at pod creation.',
      'The injector webhook is missing or points at a revision that is not installed.',
    ],
    checks: [
      {command: 'kubectl get namespace bookinfo --show-labels', lookFor: 'istio-injection=enabled or istio.io/rev=<revision>, not both.'},
      {command: 'istioctl x check-inject -n bookinfo deploy/productpage-v1', lookFor: 'Which webhook would inject the pod, and why or why not.'},
      {command: 'kubectl get mutatingwebhookconfigurations', lookFor: 'An istio-sidecar-injector webhook for the installed revision.'},
    ],
    fixes: [
      'Label the namespace (kubectl label namespace bookinfo istio-injection=enabled) and restart the workloads (kubectl rollout restart deployment -n bookinfo).',
      'With native sidecars (Kubernetes 1.33+ nodes) istio-proxy is listed under initContainers: look there before concluding it is missing.',
    ],
  },
  {
    id: 'services-cannot-talk',
    symptom: 'Services cannot talk to each other (503, connection reset, curl exit 56)',
    causes: [
      'mTLS mismatch: STRICT PeerAuthentication on the server while the client has no proxy, or a DestinationRule TLS mode that disagrees with the server.',
      'The Service port is not named or declared with appProtocol, so HTTP is treated as opaque TCP.',
      'No endpoints: the Service selector or a subset matches no ready pod.',
      'An ALLOW AuthorizationPolicy that matches nothing (for example a principal written with spiffe://).',
    ],
    checks: [
      {command: 'istioctl x describe pod "$(kubectl get pod -n bookinfo -l app=reviews -o jsonpath=\'{.items[0].metadata.name}\')" -n bookinfo', lookFor: 'The Service, DestinationRule, VirtualService and PeerAuthentication that apply, and warnings.'},
      {command: 'istioctl proxy-config endpoint deploy/productpage-v1 -n bookinfo --cluster "outbound|9080||reviews.bookinfo.svc.cluster.local"', lookFor: 'At least one HEALTHY endpoint.'},
      {command: 'kubectl logs deploy/productpage-v1 -n bookinfo -c istio-proxy --tail 20', lookFor: 'The response flag (UF, UC, UH…) on the failing call.'},
    ],
    fixes: [
      'Put both sides in the mesh, or use PERMISSIVE while migrating; delete DestinationRules that set tls.mode DISABLE towards STRICT servers.',
      'Name Service ports http-…, grpc-…, tcp-… or set appProtocol.',
      'Write principals as cluster.local/ns/<namespace>/sa/<service-account>, never with spiffe://.',
    ],
  },
  {
    id: 'virtualservice-not-applied',
    symptom: 'A VirtualService seems to be ignored (traffic still goes everywhere)',
    causes: [
      'Its hosts do not match the name the client calls (short names are resolved in the VirtualService’s own namespace).',
      'It lists only a gateway under gateways:, so in-mesh traffic ignores it (add mesh).',
      'It routes to a subset that no DestinationRule defines.',
      'The client’s proxy has not received the new configuration yet (not SYNCED).',
      'In ambient mode there is no waypoint for the destination, so no L7 rule can run.',
    ],
    checks: [
      {command: 'istioctl analyze -n bookinfo', lookFor: 'IST0101 (referenced host or subset not found) and other warnings.'},
      {command: 'istioctl proxy-status -v 1 -n bookinfo', lookFor: 'SYNCED (not STALE or ERROR) in every type column of the client pod.'},
      {command: 'istioctl proxy-config routes deploy/productpage-v1 -n bookinfo --name 9080 -o json', lookFor: 'Your match rules and weighted clusters inside the route.'},
    ],
    fixes: [
      'Use fully qualified hosts (reviews.bookinfo.svc.cluster.local) when the VirtualService lives in another namespace.',
      'Add mesh to gateways: when one VirtualService should serve both the gateway and in-mesh callers.',
      'Apply the DestinationRule with the subsets before the VirtualService that uses them.',
    ],
  },
  {
    id: 'high-latency',
    symptom: 'Requests are slow (high p99) through the mesh',
    causes: [
      'A fault-injection delay left in a VirtualService.',
      'Retries without a per-try timeout multiply the time of every slow call.',
      'Requests queue in a connection pool (http1MaxPendingRequests) before they are sent.',
      'The istio-proxy container is CPU-throttled by a low limit.',
      'Calls cross zones or clusters because locality load balancing is not in effect.',
    ],
    checks: [
      {command: 'kubectl get virtualservices -A -o yaml | grep -n -A3 "fault:"', lookFor: 'A delay you forgot.'},
      {command: 'kubectl top pod -n bookinfo --containers', lookFor: 'istio-proxy near its CPU limit.'},
      {command: 'kubectl exec deploy/productpage-v1 -n bookinfo -c istio-proxy -- pilot-agent request GET stats', lookFor: 'Growing upstream_rq_retry, upstream_rq_pending_total and upstream_rq_timeout counters.'},
    ],
    fixes: [
      'Remove stale faults; set explicit timeouts with a perTryTimeout and few attempts.',
      'Raise proxy CPU (sidecar.istio.io/proxyCPU) or consider ambient mode where per-pod overhead matters.',
      'Add outlierDetection so locality-aware routing takes effect.',
    ],
  },
  {
    id: 'certificate-problems',
    symptom: 'TLS or certificate errors between workloads',
    causes: [
      'Two clusters or revisions use different root CAs, so neither side trusts the other.',
      'The cacerts secret uses none of the key names istiod reads (ca-cert.pem/ca-key.pem/root-cert.pem/cert-chain.pem, or tls.crt/tls.key/ca.crt), so istiod silently falls back to its own self-signed root and other clusters stop trusting it; only a partial bundle stops istiod with "incomplete signing CA bundle".',
      'A workload still holds a certificate from the old root after a CA change.',
      'Trust domain changed without trustDomainAliases, so policies naming the old domain no longer match.',
    ],
    checks: [
      {command: 'istioctl proxy-config secret deploy/productpage-v1 -n bookinfo', lookFor: 'A default and a ROOTCA entry, VALID CERT true, and the expected NOT AFTER.'},
      {command: 'istioctl ztunnel-config certificates', lookFor: 'In ambient mode: a Leaf (plus any Intermediate) and a Root row per identity, STATUS Available and VALID CERT true.'},
      {command: 'kubectl logs -n istio-system deploy/istiod | grep -E "Use local CA certificate|Use self-signed certificate|incomplete signing CA bundle"', lookFor: 'Which CA istiod chose at start-up: your plugged-in one, its own self-signed root, or a broken bundle.'},
    ],
    fixes: [
      'Create cacerts with ca-cert.pem, ca-key.pem, root-cert.pem and cert-chain.pem from one shared root, then restart istiod and the workloads.',
      'Workload certificates rotate by themselves; restarting istiod does not reissue them — restart the workload if it holds a stale chain.',
      'Compare roots with istioctl proxy-config rootca-compare between two pods.',
    ],
  },
  {
    id: 'access-denied',
    symptom: 'Calls are denied: 403 "RBAC: access denied" or a reset connection',
    causes: [
      'An ALLOW policy applies and no rule matches the caller (the default becomes deny).',
      'A principal written with the spiffe:// prefix, which never matches.',
      'In ambient mode an L7 rule (methods, paths) on a selector policy: L7 rules need a waypoint and targetRefs.',
      'With a waypoint in the path the destination sees the waypoint’s identity, not the client’s.',
    ],
    checks: [
      {command: 'kubectl get authorizationpolicies -A', lookFor: 'Every policy that selects the workload, and its action.'},
      {command: 'kubectl logs deploy/productpage-v1 -n bookinfo -c istio-proxy --tail 20', lookFor: 'rbac_access_denied_matched_policy[…] naming the policy.'},
      {command: 'kubectl logs -n istio-system -l app=ztunnel --tail 50', lookFor: 'connection closed due to policy rejection (ambient).'},
    ],
    fixes: [
      'Allow the caller explicitly: principals cluster.local/ns/<ns>/sa/<sa> or namespaces.',
      'In ambient mode keep L4 rules on selector policies and move L7 rules to a waypoint policy with targetRefs; allow the waypoint’s service account at L4.',
    ],
  },
  {
    id: 'kiali-prometheus-wiring',
    symptom: 'Kiali shows an empty graph or “grafana URL is not set”',
    causes: [
      'Prometheus is not installed or not ready: Kiali reads metrics from http://prometheus.istio-system:9090.',
      'No traffic in the selected time window, or ambient workloads without a waypoint (only TCP metrics exist).',
      'Grafana and tracing URLs are not set in Kiali’s configuration (this only hides links).',
    ],
    checks: [
      {command: 'kubectl get deploy,svc -n istio-system prometheus', lookFor: 'A ready prometheus Deployment and Service.'},
      {command: 'kubectl get configmap kiali -n istio-system -o yaml', lookFor: 'external_services: prometheus, grafana and tracing sections.'},
      {command: 'istioctl dashboard prometheus', lookFor: 'istio_requests_total (or istio_tcp_connections_opened_total in ambient without waypoints).'},
    ],
    fixes: [
      'Apply the Prometheus add-on before Kiali and generate some traffic.',
      'Set external_services.grafana and tracing URLs in Kiali’s configuration, keeping the rest of the add-on’s config.',
      'Deploy a waypoint where you need L7 metrics in ambient mode.',
    ],
  },
];

type PlaybookColumn = 'symptom' | 'causes' | 'confirm' | 'fixes';

/** The symptom → cause → fix table, derived from PLAYBOOK. */
export const playbookTable: ComparisonTableData<PlaybookColumn> = {
  id: 'symptom-cause-fix',
  caption: 'Symptom → likely cause → how to confirm → fix',
  columns: [
    {key: 'symptom', label: 'Symptom'},
    {key: 'causes', label: 'Likely causes'},
    {key: 'confirm', label: 'Confirm with'},
    {key: 'fixes', label: 'Fix'},
  ],
  rows: PLAYBOOK.map((entry) => ({
    symptom: entry.symptom,
    causes: entry.causes.join(' • '),
    confirm: entry.checks.map((check) => check.command).join(' • '),
    fixes: entry.fixes.join(' • '),
  })),
};

type CommandColumn = 'command' | 'answers' | 'mode';

/** The diagnostic commands of part 9 and the question each one answers. */
export const diagnosticCommandsTable: ComparisonTableData<CommandColumn> = {
  id: 'diagnostic-commands',
  caption: 'Which command answers which question',
  columns: [
    {key: 'command', label: 'Command'},
    {key: 'answers', label: 'Question it answers'},
    {key: 'mode', label: 'Data plane'},
  ],
  rows: [
    {command: 'istioctl analyze', answers: 'Is my configuration wrong or inconsistent?', mode: 'Both'},
    {command: 'istioctl proxy-status', answers: 'Has every proxy received the latest configuration from istiod?', mode: 'Sidecars, gateways, waypoints'},
    {command: 'istioctl proxy-config …', answers: 'What exactly did this Envoy receive: listeners, routes, clusters, endpoints, certificates?', mode: 'Sidecars, gateways, waypoints'},
    {command: 'istioctl ztunnel-config …', answers: 'What does ztunnel know: workloads, services, policies, certificates?', mode: 'Ambient'},
    {command: 'istioctl x describe pod', answers: 'Which Istio resources affect this pod, in one summary?', mode: 'Sidecar'},
    {command: 'istioctl x check-inject', answers: 'Will (or why won’t) this pod get a sidecar?', mode: 'Sidecar'},
    {command: 'pilot-agent request GET stats', answers: 'What do Envoy’s own counters say (overflows, retries, ejections)?', mode: 'Sidecars, gateways, waypoints'},
    {command: 'istioctl dashboard proxy', answers: 'Let me browse the admin interface (port 15000) of one proxy.', mode: 'Envoy proxies and ztunnel'},
  ],
};

type MessageColumn = 'message' | 'flag' | 'meaning';

/** Error bodies and log fragments, each with the flag it belongs to (derived from RESPONSE_FLAGS). */
export const errorMessagesTable: ComparisonTableData<MessageColumn> = {
  id: 'envoy-error-messages',
  caption: 'Error bodies and log fragments, and the flag they belong to',
  columns: [
    {key: 'message', label: 'Message or fragment'},
    {key: 'flag', label: 'Flag'},
    {key: 'meaning', label: 'Meaning'},
  ],
  rows: [
    ...RESPONSE_FLAGS.flatMap((flag) =>
      flag.messages.map((message) => ({message, flag: flag.code, meaning: flag.meaning})),
    ),
    {
      message: 'RBAC: access denied',
      flag: 'none (403)',
      meaning: 'An AuthorizationPolicy denied the request in an Envoy proxy (sidecar, gateway or waypoint).',
    },
  ],
};
