import type {ComparisonTableData} from '@site/src/lib/tables';

type CircuitColumn = 'setting' | 'meaning' | 'istioDefault' | 'whenHit';

/**
 * Part 5: DestinationRule connection-pool and outlier-detection settings.
 * Defaults from istio/api destination_rule.proto; consecutive5xxErrors, never the ignored
 * consecutiveErrors (errata B-14/C-09); meanings per errata C-23.
 */
export const circuitBreakerTable: ComparisonTableData<CircuitColumn> = {
  id: 'circuit-breaker-settings',
  caption: 'Circuit-breaker settings in a DestinationRule traffic policy',
  columns: [
    {key: 'setting', label: 'Setting'},
    {key: 'meaning', label: 'What it limits or decides'},
    {key: 'istioDefault', label: 'Default'},
    {key: 'whenHit', label: 'When the limit is hit'},
  ],
  rows: [
    {
      setting: 'maxConnections (connectionPool.tcp)',
      meaning: 'Connections each client proxy may open to the destination (HTTP/1.1 and TCP).',
      istioDefault: '2³²−1 (no practical limit)',
      whenHit: 'Requests wait for a connection, counted against the pending queue below.',
    },
    {
      setting: 'http1MaxPendingRequests (connectionPool.http)',
      meaning: 'Requests that may queue while waiting for a connection (HTTP/1.1 and HTTP/2 alike).',
      istioDefault: '2³²−1',
      whenHit: 'The client proxy answers 503 at once, response flag UO; upstream_rq_pending_overflow grows.',
    },
    {
      setting: 'http2MaxRequests (connectionPool.http)',
      meaning: 'Requests in flight to the destination at once, for HTTP/1.1 and HTTP/2 despite the name.',
      istioDefault: '2³²−1',
      whenHit: '503 with flag UO; also counted in upstream_rq_pending_overflow.',
    },
    {
      setting: 'maxRequestsPerConnection (connectionPool.http)',
      meaning: 'Requests sent over one connection before it is closed; 1 turns keep-alive off.',
      istioDefault: '0 = unlimited',
      whenHit: 'Not an error: the proxy opens a fresh connection.',
    },
    {
      setting: 'maxRetries (connectionPool.http)',
      meaning: 'Retries outstanding to all endpoints of the destination at one time — a concurrency cap, not attempts per request.',
      istioDefault: '2³²−1',
      whenHit: 'Further retries are skipped and the original error is returned (upstream_rq_retry_overflow).',
    },
    {
      setting: 'consecutive5xxErrors (outlierDetection)',
      meaning: 'Consecutive 5xx responses (or connect failures for TCP) after which an endpoint is ejected.',
      istioDefault: '5 once outlierDetection is present; 0 disables',
      whenHit: 'That endpoint leaves the load-balancing pool for an ejection period.',
    },
    {
      setting: 'consecutiveGatewayErrors (outlierDetection)',
      meaning: 'Like the above, counting only 502, 503, 504 and connection failures.',
      istioDefault: 'off',
      whenHit: 'Ejection, as above.',
    },
    {
      setting: 'interval (outlierDetection)',
      meaning: 'How often the ejection analysis sweep runs.',
      istioDefault: '10s',
      whenHit: 'Ejected endpoints whose time is over return on a sweep; consecutive-error ejections happen as soon as the count is reached.',
    },
    {
      setting: 'baseEjectionTime (outlierDetection)',
      meaning: 'Minimum ejection time; the actual time is this × the number of times the endpoint has been ejected.',
      istioDefault: '30s',
      whenHit: 'After it, the endpoint simply rejoins the pool — there is no half-open probe.',
    },
    {
      setting: 'maxEjectionPercent (outlierDetection)',
      meaning: 'Upper bound on the share of endpoints that may be ejected at once.',
      istioDefault: '10%',
      whenHit: 'Further outliers stay in the pool. Envoy always allows at least one ejection; with few pods and several failing, raise it.',
    },
    {
      setting: 'minHealthPercent (outlierDetection)',
      meaning: 'Outlier detection works only while at least this share of endpoints is healthy.',
      istioDefault: '0% (always on)',
      whenHit: 'Below the threshold, ejection stops and all endpoints, healthy or not, get traffic.',
    },
  ],
};

type ResilienceColumn = 'feature' | 'where' | 'defaultBehaviour' | 'watchOut';

/** Part 5: where each resilience feature lives and what Istio does when you configure nothing. */
export const resilienceDefaultsTable: ComparisonTableData<ResilienceColumn> = {
  id: 'resilience-defaults',
  caption: 'Resilience features: where they are configured and what happens by default',
  columns: [
    {key: 'feature', label: 'Feature'},
    {key: 'where', label: 'Configured in'},
    {key: 'defaultBehaviour', label: 'With no configuration'},
    {key: 'watchOut', label: 'Watch out for'},
  ],
  rows: [
    {
      feature: 'Request timeout',
      where: 'VirtualService http[].timeout (or HTTPRoute timeouts.request)',
      defaultBehaviour: 'None: an HTTP route waits as long as the application does.',
      watchOut: 'The caller’s own timeouts may be shorter than yours and hide them.',
    },
    {
      feature: 'Retries',
      where: 'VirtualService http[].retries',
      defaultBehaviour: '2 retries on connect failure, refused stream, unavailable and cancelled gRPC status, trying a different endpoint.',
      watchOut: 'Each layer that retries multiplies the load on a struggling service.',
    },
    {
      feature: 'Fault injection',
      where: 'VirtualService http[].fault',
      defaultBehaviour: 'Off.',
      watchOut: 'The fault acts before its route’s timeout and retries: aborts are never retried, and a delay does not count against that route’s timeout.',
    },
    {
      feature: 'Connection limits',
      where: 'DestinationRule trafficPolicy.connectionPool',
      defaultBehaviour: 'Effectively unlimited.',
      watchOut: 'Limits are per client proxy, so the destination sees them multiplied by the number of callers.',
    },
    {
      feature: 'Outlier detection',
      where: 'DestinationRule trafficPolicy.outlierDetection',
      defaultBehaviour: 'Off until the block is present.',
      watchOut: 'Locality failover does nothing without it.',
    },
    {
      feature: 'Drain on shutdown',
      where: 'terminationDrainDuration in ProxyConfig (proxy.istio.io/config annotation or mesh default)',
      defaultBehaviour: '5s of draining after SIGTERM, inside the pod’s grace period (30s by default).',
      watchOut: 'Long-lived connections need a longer drain and grace period.',
    },
  ],
};
