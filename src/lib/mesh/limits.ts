/**
 * What the mesh playground does NOT model. Published on the playground's pages and kept here,
 * next to the simulator, so the list changes with the code.
 */
export interface Limitation {
  readonly topic: string;
  readonly detail: string;
}

export const NOT_MODELED: readonly Limitation[] = [
  {
    topic: 'Applications',
    detail:
      'Bookinfo follows its source (productpage calls details once and reviews up to twice with a 3 s timeout; reviews v2 and v3 call ratings with a 10 s and a 2.5 s timeout), httpbin answers /status/N and /delay/N, tcp-echo echoes. Logging in is stood in for by an end-user header on the request to productpage, which productpage forwards; other apps answer 200 after a fixed latency.',
  },
  {
    topic: 'Resources outside the modelled kinds',
    detail:
      'VirtualService, DestinationRule, Gateway (Istio and Gateway API), HTTPRoute, TCPRoute, PeerAuthentication, AuthorizationPolicy, RequestAuthentication and the istio ConfigMap (meshConfig: enableAutoMtls, numTrustedProxies, extensionProviders) are read. ServiceEntry, Sidecar, EnvoyFilter, Telemetry, WasmPlugin, GRPCRoute, TLSRoute, ReferenceGrant and others are ignored with a warning; Services and Deployments come from the built-in mesh.',
  },
  {
    topic: 'Conflicting resources and visibility',
    detail:
      'When two VirtualServices (or DestinationRules) name the same host, Istio uses the oldest; the playground has no creation times and uses the first in the editor, with a warning. delegate, exportTo, namespace visibility and ReferenceGrant are not modelled.',
  },
  {
    topic: 'HTTP features',
    detail:
      'redirect, directResponse and request header changes are applied; rewrite is not applied; CORS, gRPC status faults, exponential delays, response header changes, TLS routes and HTTPRoute retry and session persistence are accepted but not simulated.',
  },
  {
    topic: 'Time and concurrency',
    detail:
      'Time is simulated, not measured: pods answer after a fixed latency, proxies add none, and retry back-off is a fixed interval instead of Envoy\'s jittered exponential back-off. Requests run either as N clients each sending when its last answer came (like fortio -c) or at a fixed rate (like fortio -qps); the calls an application makes are sequential.',
  },
  {
    topic: 'Connection pools',
    detail:
      'Each client proxy keeps its own pool per upstream cluster, counting in-flight requests against maxConnections, http1MaxPendingRequests and http2MaxRequests. maxRequestsPerConnection, idle and connect timeouts, maxRetries and retry budgets have no effect, and Envoy\'s small timing leeway (a few requests slipping through) is not reproduced.',
  },
  {
    topic: 'Load balancing and outlier detection',
    detail:
      'LEAST_REQUEST compares two random pods and takes the less busy (Envoy\'s default of two choices); consistent hashing, locality load balancing, failover and warm-up are not modelled. Outlier detection counts consecutive 5xx (or gateway errors) per pod, ejects at least one pod whatever maxEjectionPercent says, and returns it after baseEjectionTime × ejections at the next interval sweep; success-rate and failure-percentage ejection are not modelled.',
  },
  {
    topic: 'Security',
    detail:
      'There are no certificates or real JWT signatures: mutual TLS is decided from the modes in force, and a JWT is accepted when its issuer is listed (its payload is decoded, its signature is not checked). IP addresses are IPv4 only: pods get made-up addresses and the browser the client IP of the request. The CUSTOM action is answered by a stand-in for Istio\'s sample ext-authz server, which allows a request only when it carries the header x-ext-authz: allow. Gateway client certificates, SNI and tls.mode SIMPLE or MUTUAL are not modelled.',
  },
  {
    topic: 'Ambient mode',
    detail:
      'Clients outside the mesh reach pods directly, never through a waypoint. Waypoints are per Service; waypoints for workloads, cross-namespace waypoints and ingress-use-waypoint are not modelled, and routing at a waypoint reads VirtualService and HTTPRoute like a sidecar does.',
  },
  {
    topic: 'Gateways',
    detail:
      'One ingress gateway answers requests from the browser: the istioctl-installed istio-ingressgateway for an Istio Gateway, or <name>-istio for a Gateway API Gateway of class istio. Gateway TLS, several gateways for one host, egress gateways and the gateway\'s own Service (ports, external traffic policy) are not modelled.',
  },
  {
    topic: 'Validation',
    detail:
      'Fields are checked against the playground\'s own copy of the schema (types, enums, unknown fields) and the course\'s shared rulebook, not the full CRD validation of istiod; a resource that istiod would reject for a subtler reason may still run here.',
  },
];
