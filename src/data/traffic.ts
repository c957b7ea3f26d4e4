import type {ComparisonTableData} from '@site/src/lib/tables';

type ResourceColumn = 'resource' | 'api' | 'scope' | 'does' | 'chain';

/** Part 4: the configuration resources of Istio traffic management and how they link up. */
export const trafficResourcesTable: ComparisonTableData<ResourceColumn> = {
  id: 'traffic-resources',
  caption: 'Traffic-management resources: what each does and how they chain',
  columns: [
    {key: 'resource', label: 'Resource'},
    {key: 'api', label: 'API group / version'},
    {key: 'scope', label: 'Applies to'},
    {key: 'does', label: 'What it does'},
    {key: 'chain', label: 'Links to'},
  ],
  rows: [
    {
      resource: 'Gateway (Istio)',
      api: 'networking.istio.io/v1',
      scope: 'Gateway pods matched by its selector',
      does: 'Opens ports on an edge proxy: protocol, accepted hosts, TLS. No routing.',
      chain: 'VirtualServices list it in gateways (namespace/name across namespaces).',
    },
    {
      resource: 'Gateway (Gateway API)',
      api: 'gateway.networking.k8s.io/v1',
      scope: 'Its namespace; istiod creates Deployment and Service <name>-istio',
      does: 'Listeners (port, protocol, hostname, TLS) and which namespaces may attach routes. Class istio-waypoint makes a waypoint.',
      chain: 'HTTPRoutes attach through parentRefs.',
    },
    {
      resource: 'HTTPRoute (Gateway API)',
      api: 'gateway.networking.k8s.io/v1',
      scope: 'Its parents: a Gateway, or a Service (mesh, waypoints)',
      does: 'Matches requests and sends them to weighted backendRefs; filters rewrite, redirect, mirror, edit headers.',
      chain: 'parentRefs → Gateway or Service; backendRefs → one Service per version.',
    },
    {
      resource: 'VirtualService',
      api: 'networking.istio.io/v1',
      scope: 'Callers of its hosts (namespaces it is exported to), or its gateways',
      does: 'Ordered rules: match, then route by weight, redirect, rewrite, timeout, retry, fault, mirror.',
      chain: 'Destinations name a host and a subset defined by a DestinationRule.',
    },
    {
      resource: 'DestinationRule',
      api: 'networking.istio.io/v1',
      scope: 'Traffic to its host, after routing (client side)',
      does: 'Subsets by pod labels; load balancing, connection pools, outlier detection, upstream TLS.',
      chain: 'Subsets select endpoints of the Service or ServiceEntry in host.',
    },
    {
      resource: 'ServiceEntry',
      api: 'networking.istio.io/v1',
      scope: 'Adds hosts to the service registry (namespaces it is exported to)',
      does: 'Describes services Kubernetes does not know: external APIs (MESH_EXTERNAL) or VMs (MESH_INTERNAL).',
      chain: 'Its hosts can then be routed and configured like any service.',
    },
    {
      resource: 'Sidecar',
      api: 'networking.istio.io/v1',
      scope: 'Sidecars of one namespace or selected pods; root namespace = mesh default',
      does: 'Limits which services a sidecar gets configuration for; tunes its listeners. Not access control.',
      chain: 'Decides which other resources reach a proxy at all.',
    },
    {
      resource: 'WorkloadEntry',
      api: 'networking.istio.io/v1',
      scope: 'One workload outside Kubernetes (VM, bare metal)',
      does: 'Gives it an address, labels, service account and network, like a pod.',
      chain: 'Selected by a ServiceEntry workloadSelector or a Service.',
    },
    {
      resource: 'WorkloadGroup',
      api: 'networking.istio.io/v1',
      scope: 'A set of non-Kubernetes workloads',
      does: 'Template (labels, service account, probes) from which VMs auto-register.',
      chain: 'Creates WorkloadEntries, which services select.',
    },
  ],
};

type MatchColumn = 'field' | 'exact' | 'prefix' | 'regex' | 'notes';

/** Part 4: the match conditions of a VirtualService HTTP route. */
export const matchTypesTable: ComparisonTableData<MatchColumn> = {
  id: 'virtualservice-match-types',
  caption: 'VirtualService HTTP match conditions and the string matches each accepts',
  columns: [
    {key: 'field', label: 'Match field'},
    {key: 'exact', label: 'exact'},
    {key: 'prefix', label: 'prefix'},
    {key: 'regex', label: 'regex'},
    {key: 'notes', label: 'Notes'},
  ],
  rows: [
    {
      field: 'uri',
      exact: {mark: true},
      prefix: {mark: true},
      regex: {mark: true},
      notes: 'The path. ignoreUriCase: true makes exact/prefix case-insensitive. A regex must match the whole path.',
    },
    {
      field: 'headers',
      exact: {mark: true},
      prefix: {mark: true},
      regex: {mark: true},
      notes: 'Map of header name → match. Names are lower case. Special keys @request.auth.claims.<claim> match JWT claims (ingress gateways only).',
    },
    {
      field: 'withoutHeaders',
      exact: {mark: true},
      prefix: {mark: true},
      regex: {mark: true},
      notes: 'The negation: the route matches when these header matches do not.',
    },
    {
      field: 'method',
      exact: {mark: true},
      prefix: {mark: true},
      regex: {mark: true},
      notes: 'Usually exact: GET or a regex such as ^(PUT|POST)$. Case-sensitive.',
    },
    {
      field: 'authority',
      exact: {mark: true},
      prefix: {mark: true},
      regex: {mark: true},
      notes: 'The Host / :authority header.',
    },
    {
      field: 'scheme',
      exact: {mark: true},
      prefix: {mark: true},
      regex: {mark: true},
      notes: 'http or https as seen by the proxy.',
    },
    {
      field: 'queryParams',
      exact: {mark: true},
      prefix: {mark: false, note: 'not supported'},
      regex: {mark: true},
      notes: 'Map of parameter name → match; exact: "" matches a parameter given without a value.',
    },
    {
      field: 'port',
      exact: {mark: true, note: 'a number'},
      prefix: {mark: false},
      regex: {mark: false},
      notes: 'The service port the request was sent to, for services with several ports.',
    },
    {
      field: 'sourceLabels, sourceNamespace',
      exact: {mark: true, note: 'label values / namespace name'},
      prefix: {mark: false},
      regex: {mark: false},
      notes: 'Which client workloads the rule applies to (sidecar mode).',
    },
    {
      field: 'gateways',
      exact: {mark: true, note: 'gateway names'},
      prefix: {mark: false},
      regex: {mark: false},
      notes: 'Restricts one match block to some of the VirtualService’s gateways (or mesh).',
    },
  ],
};

type LbColumn = 'algorithm' | 'field' | 'behaviour' | 'use';

/** Part 4: DestinationRule load-balancing options. LEAST_REQUEST is the default (errata C-07). */
export const loadBalancingTable: ComparisonTableData<LbColumn> = {
  id: 'load-balancing-algorithms',
  caption: 'DestinationRule load-balancing options',
  columns: [
    {key: 'algorithm', label: 'Option'},
    {key: 'field', label: 'Where it is set'},
    {key: 'behaviour', label: 'How it picks an endpoint'},
    {key: 'use', label: 'Use it when'},
  ],
  rows: [
    {
      algorithm: 'LEAST_REQUEST (the default)',
      field: 'loadBalancer.simple: LEAST_REQUEST, or nothing at all',
      behaviour: 'Samples two random healthy endpoints and sends to the one with fewer outstanding requests.',
      use: 'Almost always. It is what you get without a DestinationRule.',
    },
    {
      algorithm: 'ROUND_ROBIN',
      field: 'loadBalancer.simple: ROUND_ROBIN',
      behaviour: 'Takes endpoints in turn, ignoring how busy each one is.',
      use: 'Rarely: the API calls it unsafe in many cases and recommends LEAST_REQUEST instead.',
    },
    {
      algorithm: 'RANDOM',
      field: 'loadBalancer.simple: RANDOM',
      behaviour: 'Picks a random healthy endpoint.',
      use: 'Simple spreading without health checking; behaves better than round robin there.',
    },
    {
      algorithm: 'PASSTHROUGH',
      field: 'loadBalancer.simple: PASSTHROUGH',
      behaviour: 'No balancing: forwards to the original destination IP the caller chose.',
      use: 'Advanced cases where the client already picked the endpoint.',
    },
    {
      algorithm: 'LEAST_CONN (deprecated)',
      field: 'loadBalancer.simple: LEAST_CONN',
      behaviour: 'Treated as LEAST_REQUEST.',
      use: {mark: false, note: 'Never in new config; write LEAST_REQUEST.'},
    },
    {
      algorithm: 'Consistent hash: header',
      field: 'consistentHash.httpHeaderName: x-user',
      behaviour: 'Hashes the header value onto a ring (RingHash by default, or Maglev), so the same value goes to the same endpoint.',
      use: 'Soft session affinity keyed by a user or tenant header; affinity shifts when endpoints change.',
    },
    {
      algorithm: 'Consistent hash: cookie',
      field: 'consistentHash.httpCookie: {name, ttl}',
      behaviour: 'Hashes a cookie; with a ttl the proxy creates the cookie when the request has none.',
      use: 'Browser sessions that should stick to one pod.',
    },
    {
      algorithm: 'Consistent hash: source IP',
      field: 'consistentHash.useSourceIp: true',
      behaviour: 'Hashes the client address; works for TCP as well as HTTP.',
      use: 'Non-HTTP protocols, or clients without a usable header.',
    },
    {
      algorithm: 'Locality: distribute',
      field: 'localityLbSetting.distribute',
      behaviour: 'Splits traffic from a source locality across target localities by percentage.',
      use: 'Keep most traffic in-zone while sending a fixed share elsewhere. Works without outlier detection; never together with failover in one rule.',
    },
    {
      algorithm: 'Locality: failover',
      field: 'localityLbSetting.failover (+ outlierDetection)',
      behaviour: 'Prefers the local zone/region; when it is unhealthy, fails over to the named region.',
      use: 'Region-level failover policies. Ignored without outlier detection; never with distribute, but may be combined with failoverPriority (non-topology labels).',
    },
    {
      algorithm: 'Warmup',
      field: 'loadBalancer.warmup: {duration, minimumPercent, aggression}',
      behaviour: 'New endpoints get a growing share of traffic over duration instead of a full share at once.',
      use: 'Services that start slowly (JIT, caches). Only with ROUND_ROBIN or LEAST_REQUEST; replaces warmupDurationSecs.',
    },
  ],
};

type GatewayTlsColumn = 'mode' | 'gateway' | 'needs' | 'routing' | 'use';

/**
 * Part 4: the tls.mode values of an Istio Gateway server (ServerTLSSettings in the
 * networking.istio.io/v1 Gateway CRD of the pinned release; behaviour from
 * pilot/pkg/networking/core/listener.go BuildListenerTLSContext).
 */
export const gatewayTlsModesTable: ComparisonTableData<GatewayTlsColumn> = {
  id: 'gateway-tls-modes',
  caption: 'Gateway server TLS modes: what the gateway does with the connection',
  columns: [
    {key: 'mode', label: 'tls.mode'},
    {key: 'gateway', label: 'The gateway…'},
    {key: 'needs', label: 'Needs'},
    {key: 'routing', label: 'Routed by'},
    {key: 'use', label: 'Typical use'},
  ],
  rows: [
    {
      mode: 'SIMPLE',
      gateway: 'terminates TLS with its own server certificate; clients need no certificate',
      needs: 'credentialName: Secret with tls.crt + tls.key (or cert + key)',
      routing: 'VirtualService http rules (HTTPS) or tcp rules (protocol TLS)',
      use: 'A public HTTPS site or API',
    },
    {
      mode: 'MUTUAL',
      gateway: 'terminates TLS and requires a client certificate signed by a CA it trusts',
      needs: 'as SIMPLE, plus the client CA: ca.crt (or cacert) in the Secret, or a <name>-cacert Secret',
      routing: 'as SIMPLE',
      use: 'Partner or device APIs that authenticate with certificates',
    },
    {
      mode: 'OPTIONAL_MUTUAL',
      gateway: 'terminates TLS, asks for a client certificate, checks one if sent, accepts none',
      needs: 'as MUTUAL',
      routing: 'as SIMPLE',
      use: 'Migrating clients to certificates one by one',
    },
    {
      mode: 'PASSTHROUGH',
      gateway: 'does not decrypt; forwards the TLS stream chosen by its SNI',
      needs: 'no Secret: the backend holds the certificate',
      routing: 'VirtualService tls rules with sniHosts',
      use: 'Backends that must terminate TLS themselves',
    },
    {
      mode: 'ISTIO_MUTUAL',
      gateway: "terminates Istio's own mutual TLS with its workload certificate",
      needs: 'nothing: certificates come from the mesh CA',
      routing: 'as SIMPLE',
      use: 'Traffic from sidecars, for example into an egress gateway',
    },
    {
      mode: 'AUTO_PASSTHROUGH',
      gateway: 'forwards mesh mTLS by SNI, whose name encodes the destination service',
      needs: 'nothing; no VirtualService either',
      routing: 'the SNI itself (outbound_.PORT_.SUBSET_.HOST)',
      use: 'East-west gateways between clusters (part 8)',
    },
  ],
};

type EgressColumn = 'control' | 'where' | 'gives' | 'limits';

/** Part 4: the building blocks of egress control and what each does not do on its own. */
export const egressControlsTable: ComparisonTableData<EgressColumn> = {
  id: 'egress-controls',
  caption: 'Controlling traffic that leaves the mesh: the pieces and their limits',
  columns: [
    {key: 'control', label: 'Piece'},
    {key: 'where', label: 'Configured in'},
    {key: 'gives', label: 'What it gives'},
    {key: 'limits', label: 'What it does not do'},
  ],
  rows: [
    {
      control: 'ALLOW_ANY (default)',
      where: 'meshConfig.outboundTrafficPolicy.mode, or a Sidecar resource',
      gives: 'Unknown hosts are reachable through PassthroughCluster',
      limits: 'No routing, policy or per-host metrics for those hosts',
    },
    {
      control: 'REGISTRY_ONLY',
      where: 'meshConfig (mesh-wide) or Sidecar.outboundTrafficPolicy (namespace or workloads)',
      gives: 'Only hosts in the registry are reachable; the rest go to BlackHoleCluster',
      limits: 'Sidecars only; an application that bypasses its sidecar is not stopped',
    },
    {
      control: 'ServiceEntry',
      where: 'networking.istio.io/v1 ServiceEntry, exported to chosen namespaces',
      gives: 'Names an external host, its ports and protocols; routes, policies and metrics can use it',
      limits: 'Allows nothing by itself under ALLOW_ANY; it is not an authorization rule',
    },
    {
      control: 'TLS origination',
      where: 'DestinationRule trafficPolicy.tls (mode SIMPLE or MUTUAL)',
      gives: 'The app speaks HTTP, the proxy opens TLS: full L7 visibility and one place for trust settings',
      limits: 'Only for traffic the proxy sees as HTTP; HTTPS from the app stays opaque',
    },
    {
      control: 'Egress gateway',
      where: 'A gateway Deployment + Gateway + VirtualService (+ DestinationRule)',
      gives: 'One exit: dedicated nodes, fixed source addresses, one place for logs and policy',
      limits: 'Routing only: without NetworkPolicy, pods can still connect out directly',
    },
    {
      control: 'NetworkPolicy',
      where: 'Kubernetes networking.k8s.io/v1 NetworkPolicy (needs a CNI that enforces it)',
      gives: 'The enforcement: only the egress gateway pods may open connections out',
      limits: 'L3/L4 only: no host names, no HTTP',
    },
  ],
};
