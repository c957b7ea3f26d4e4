/**
 * What the mesh playground does NOT model. Published on the playground's index page and kept
 * here, next to the simulator, so the list changes with the code.
 */
export interface Limitation {
  readonly topic: string;
  readonly detail: string;
}

export const NOT_MODELED: readonly Limitation[] = [
  {
    topic: 'One hop only',
    detail:
      'A simulated request is the single call from the source workload to the destination service. Calls the application makes in turn (productpage → reviews → ratings) are not simulated, so a fault on ratings does not show up in a request to productpage.',
  },
  {
    topic: 'Gateways and Gateway API',
    detail:
      'Gateway, HTTPRoute and the gateways field of a VirtualService are not simulated; the ingress gateway only appears as a client with its own identity. In ambient mode routing at a waypoint reads VirtualService (which Istio marks Alpha there), not HTTPRoute.',
  },
  {
    topic: 'Resources outside the five kinds',
    detail:
      'Only VirtualService, DestinationRule, PeerAuthentication, AuthorizationPolicy and RequestAuthentication are read. ServiceEntry, Sidecar, EnvoyFilter, Telemetry, WasmPlugin and others are ignored with a warning.',
  },
  {
    topic: 'Conflicting resources',
    detail:
      'When two VirtualServices (or DestinationRules) name the same host, Istio uses the oldest; the playground has no creation times and uses the first in the editor, with a warning. delegate, exportTo and namespace visibility are not modelled.',
  },
  {
    topic: 'HTTP features',
    detail:
      'redirect, directResponse, rewrite, header manipulation, CORS, gRPC status faults, exponential delays and TCP/TLS routes are accepted but not simulated.',
  },
  {
    topic: 'Time and concurrency',
    detail:
      'Time is simulated, not measured: pods answer after a fixed latency (httpbin /delay/N adds N seconds), proxies add no overhead, retry back-off is a fixed 25 ms instead of Envoy\'s jittered back-off, and concurrency means N clients each sending one request after another, like fortio -c.',
  },
  {
    topic: 'Connection pools',
    detail:
      'One client proxy talks to one destination; the pool counts in-flight HTTP/1.1 requests against maxConnections, http1MaxPendingRequests and http2MaxRequests. maxRequestsPerConnection, idle timeouts, connect timeouts and maxRetries have no effect, and Envoy\'s small timing leeway (a few requests slipping through) is not reproduced.',
  },
  {
    topic: 'Load balancing',
    detail:
      'LEAST_REQUEST is approximated as "fewest requests in flight, ties broken at random"; consistent hashing, locality load balancing, failover and warm-up are not modelled. Outlier detection counts consecutive 5xx (or gateway errors) per pod and returns ejected pods after baseEjectionTime × ejections at the next interval; success-rate and failure-percentage ejection are not modelled.',
  },
  {
    topic: 'Security',
    detail:
      'There are no certificates, IP addresses or real JWT signatures: mutual TLS is decided from the modes in force, ipBlocks never match, and a JWT is accepted when its issuer is listed (its payload is decoded, its signature is not checked). The CUSTOM action is answered by a stand-in for Istio\'s sample ext-authz server, which allows a request only when it carries the header x-ext-authz: allow. The istio.io/dry-run annotation is not read.',
  },
  {
    topic: 'Ambient mode',
    detail:
      'Clients outside the mesh reach pods directly, never through a waypoint. Waypoints are per Service; waypoints for workloads, cross-namespace waypoints and ingress-use-waypoint are not modelled.',
  },
  {
    topic: 'Validation',
    detail:
      'Fields are checked against the playground\'s own copy of the schema (types, enums, unknown fields), not the full CRD validation of istiod; a resource that istiod would reject for a subtler reason may still run here.',
  },
];
