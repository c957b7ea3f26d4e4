import type {ComparisonTableData} from '@site/src/lib/tables';

type TelemetryColumn = 'kind' | 'answers' | 'unit' | 'volume' | 'default' | 'backend';

/** Part 7: the three kinds of telemetry a mesh produces. */
export const telemetryTypesTable: ComparisonTableData<TelemetryColumn> = {
  id: 'telemetry-types',
  caption: 'The three kinds of telemetry',
  columns: [
    {key: 'kind', label: 'Kind'},
    {key: 'answers', label: 'Answers'},
    {key: 'unit', label: 'Unit of data'},
    {key: 'volume', label: 'Volume and cost'},
    {key: 'default', label: 'On by default?'},
    {key: 'backend', label: 'Usual backend'},
  ],
  rows: [
    {
      kind: 'Metrics',
      answers: 'How much, how fast, how often does it fail — for a service, over time?',
      unit: 'Counters and histograms with labels, aggregated in the proxy',
      volume: 'Low: cost grows with the number of label combinations, not with traffic',
      default: {mark: true, note: 'Istio\'s standard metrics are always exported for scraping.'},
      backend: 'Prometheus, visualised in Grafana and Kiali',
    },
    {
      kind: 'Distributed traces',
      answers: 'Where did the time go in this one request, across all the services it touched?',
      unit: 'Spans, one per hop, joined into a trace by shared IDs',
      volume: 'High: one record per request per hop, so it is sampled',
      default: {mark: false, note: 'Needs a tracing provider and a Telemetry resource, and the app must forward headers.'},
      backend: 'Jaeger, Zipkin, or any OpenTelemetry backend',
    },
    {
      kind: 'Access logs',
      answers: 'What exactly happened to this request: status, flags, upstream, timing?',
      unit: 'One line per request (or per connection at L4)',
      volume: 'Highest: every request, unsampled unless filtered',
      default: {mark: false, note: 'Only the demo profile turns them on.'},
      backend: 'Container stdout, collected by your log pipeline (Loki, Elasticsearch, …)',
    },
  ],
};

type ModeColumn = 'telemetry' | 'sidecar' | 'ztunnel' | 'waypoint';

/** Part 7: which component produces which telemetry in each data-plane mode. */
export const collectionByModeTable: ComparisonTableData<ModeColumn> = {
  id: 'telemetry-by-data-plane-mode',
  caption: 'Who produces telemetry in each data-plane mode',
  columns: [
    {key: 'telemetry', label: 'Telemetry'},
    {key: 'sidecar', label: 'Sidecar mode (Envoy in every pod)'},
    {key: 'ztunnel', label: 'Ambient, ztunnel only'},
    {key: 'waypoint', label: 'Ambient with a waypoint'},
  ],
  rows: [
    {
      telemetry: 'TCP metrics (istio_tcp_*)',
      sidecar: {mark: true, note: 'Both client and server sidecar report.'},
      ztunnel: {mark: true, note: 'ztunnel reports every connection.'},
      waypoint: {mark: true, note: 'ztunnel and the waypoint both report.'},
    },
    {
      telemetry: 'HTTP/gRPC metrics (istio_requests_total, durations, sizes)',
      sidecar: {mark: true, note: 'reporter="source" and reporter="destination".'},
      ztunnel: {mark: false, note: 'ztunnel never parses HTTP.'},
      waypoint: {mark: true, note: 'The waypoint reports with reporter="waypoint".'},
    },
    {
      telemetry: 'Trace spans',
      sidecar: {mark: true, note: 'Usually two spans per hop (client and server side).'},
      ztunnel: {mark: false, note: 'No spans; only gateways produce them.'},
      waypoint: {mark: true, note: 'One span per waypoint crossed.'},
    },
    {
      telemetry: 'Access logs',
      sidecar: {mark: true, note: 'Envoy request logs, once enabled.'},
      ztunnel: {mark: true, note: 'ztunnel logs each connection (src/dst identity, bytes).'},
      waypoint: {mark: true, note: 'Envoy request logs from the waypoint, once enabled.'},
    },
  ],
};

type SignalColumn = 'signal' | 'red' | 'meaning' | 'istio';

/** Part 7: Google SRE's four golden signals, the RED method, and where each comes from in Istio. */
export const goldenSignalsTable: ComparisonTableData<SignalColumn> = {
  id: 'golden-signals-and-red',
  caption: 'The four golden signals, the RED method and the Istio metric behind each',
  columns: [
    {key: 'signal', label: 'Golden signal'},
    {key: 'red', label: 'RED method'},
    {key: 'meaning', label: 'What it means'},
    {key: 'istio', label: 'Istio metric'},
  ],
  rows: [
    {
      signal: 'Traffic',
      red: 'Rate',
      meaning: 'How much demand the service gets: requests (or connections, bytes) per second.',
      istio: 'rate(istio_requests_total[5m]); TCP: istio_tcp_connections_opened_total, istio_tcp_sent_bytes_total',
    },
    {
      signal: 'Errors',
      red: 'Errors',
      meaning: 'The share of requests that fail, explicitly (5xx) or by policy (wrong content, too slow).',
      istio: 'istio_requests_total with response_code=~"5.." divided by all requests',
    },
    {
      signal: 'Latency',
      red: 'Duration',
      meaning: 'How long requests take — as percentiles (p50, p90, p99), separately for successes and failures.',
      istio: 'histogram_quantile over istio_request_duration_milliseconds_bucket',
    },
    {
      signal: 'Saturation',
      red: {mark: false, note: 'Not part of RED.'},
      meaning: 'How full the service is: CPU, memory, connection pools, queues — the resource that runs out first.',
      istio: 'Not in the standard metrics: container CPU/memory from the kubelet, Envoy pool stats (upstream_rq_pending_overflow) once enabled.',
    },
  ],
};

type LevelColumn = 'level' | 'source' | 'examples' | 'use';

/** Part 7: the three levels of metrics Istio exposes. */
export const metricLevelsTable: ComparisonTableData<LevelColumn> = {
  id: 'istio-metric-levels',
  caption: 'Proxy-level, service-level and control-plane metrics',
  columns: [
    {key: 'level', label: 'Level'},
    {key: 'source', label: 'Produced by'},
    {key: 'examples', label: 'Examples'},
    {key: 'use', label: 'Use it for'},
  ],
  rows: [
    {
      level: 'Proxy-level',
      source: 'Envoy\'s own statistics in each sidecar, gateway and waypoint (envoy_*); ztunnel\'s own metrics',
      examples: 'envoy_cluster_upstream_cx_active, envoy_cluster_upstream_rq_pending_overflow, envoy_server_memory_allocated',
      use: 'Debugging one proxy: connection pools, circuit breakers, memory. Only a small set is exported unless you add proxyStatsMatcher.',
    },
    {
      level: 'Service-level',
      source: 'Istio\'s standard metrics, emitted by the proxies and ztunnel',
      examples: 'istio_requests_total, istio_request_duration_milliseconds, istio_tcp_sent_bytes_total',
      use: 'Golden signals per service and workload, dashboards, alerts, SLOs.',
    },
    {
      level: 'Control plane',
      source: 'istiod',
      examples: 'pilot_xds_pushes, pilot_proxy_convergence_time, pilot_total_xds_rejects, pilot_xds (connected proxies)',
      use: 'Is configuration reaching the proxies, how fast, and is any of it rejected?',
    },
  ],
};

type MetricColumn = 'metric' | 'type' | 'measures' | 'reporters';

/** Part 7: Istio's standard metrics. */
export const standardMetricsTable: ComparisonTableData<MetricColumn> = {
  id: 'istio-standard-metrics',
  caption: 'Istio standard metrics',
  columns: [
    {key: 'metric', label: 'Metric'},
    {key: 'type', label: 'Type'},
    {key: 'measures', label: 'Measures'},
    {key: 'reporters', label: 'Reported by'},
  ],
  rows: [
    {
      metric: 'istio_requests_total',
      type: 'Counter',
      measures: 'HTTP and gRPC requests, labelled with response_code, response_flags and both endpoints.',
      reporters: 'Sidecars, gateways, waypoints',
    },
    {
      metric: 'istio_request_duration_milliseconds',
      type: 'Histogram (_bucket, _sum, _count)',
      measures: 'Request latency, from the proxy\'s point of view, in milliseconds.',
      reporters: 'Sidecars, gateways, waypoints',
    },
    {
      metric: 'istio_request_bytes / istio_response_bytes',
      type: 'Histogram',
      measures: 'HTTP request and response body sizes.',
      reporters: 'Sidecars, gateways, waypoints',
    },
    {
      metric: 'istio_request_messages_total / istio_response_messages_total',
      type: 'Counter',
      measures: 'gRPC streaming messages.',
      reporters: 'Sidecars, gateways, waypoints',
    },
    {
      metric: 'istio_tcp_connections_opened_total / istio_tcp_connections_closed_total',
      type: 'Counter',
      measures: 'TCP connections opened and closed.',
      reporters: 'Sidecars, gateways, waypoints, ztunnel',
    },
    {
      metric: 'istio_tcp_sent_bytes_total / istio_tcp_received_bytes_total',
      type: 'Counter',
      measures: 'Bytes sent and received over TCP connections.',
      reporters: 'Sidecars, gateways, waypoints, ztunnel',
    },
  ],
};

type DashboardColumn = 'dashboard' | 'shows' | 'when';

/** Part 7: the seven Istio dashboards shipped with the Grafana add-on (samples/addons/grafana.yaml). */
export const grafanaDashboardsTable: ComparisonTableData<DashboardColumn> = {
  id: 'grafana-istio-dashboards',
  caption: 'The seven Istio dashboards in the Grafana add-on',
  columns: [
    {key: 'dashboard', label: 'Dashboard'},
    {key: 'shows', label: 'Shows'},
    {key: 'when', label: 'Open it when'},
  ],
  rows: [
    {
      dashboard: 'Istio Mesh Dashboard',
      shows: 'Global request volume, success rate and 4xx/5xx, plus a table of every service and workload with its golden signals.',
      when: 'You want the one-screen overview, or to find which service is unhealthy.',
    },
    {
      dashboard: 'Istio Service Dashboard',
      shows: 'One service: request rate, success rate and latency, split by client workload and by service version.',
      when: 'A service misbehaves and you need to know which callers or versions are affected.',
    },
    {
      dashboard: 'Istio Workload Dashboard',
      shows: 'One workload: inbound and outbound traffic, success rate, latency and TCP bytes per peer.',
      when: 'You follow a problem to one Deployment and want its view of the world.',
    },
    {
      dashboard: 'Istio Performance Dashboard',
      shows: 'CPU and memory of the proxies, gateways and istiod, normalised per 1000 requests per second.',
      when: 'You size the mesh or check what the data plane costs.',
    },
    {
      dashboard: 'Istio Control Plane Dashboard',
      shows: 'istiod: xDS pushes and push times, connected proxies, configuration validation and rejects, resource use.',
      when: 'Configuration changes are slow to arrive or proxies reject config.',
    },
    {
      dashboard: 'Istio Wasm Extension Dashboard',
      shows: 'Wasm module fetches, cache hits and failures, and the proxies running extensions.',
      when: 'You deploy WasmPlugin or TrafficExtension modules.',
    },
    {
      dashboard: 'Istio Ztunnel Dashboard',
      shows: 'ztunnel in ambient mode: connections, bytes, DNS proxying, CPU and memory per node.',
      when: 'You run ambient mode and want the L4 data plane\'s health.',
    },
  ],
};

type TracingColumn = 'term' | 'meaning' | 'inIstio';

/** Part 7: the vocabulary of distributed tracing. */
export const tracingConceptsTable: ComparisonTableData<TracingColumn> = {
  id: 'tracing-concepts',
  caption: 'Traces, spans and tags',
  columns: [
    {key: 'term', label: 'Term'},
    {key: 'meaning', label: 'Meaning'},
    {key: 'inIstio', label: 'In Istio'},
  ],
  rows: [
    {
      term: 'Trace',
      meaning: 'The whole journey of one request through every service it touched, identified by a trace ID.',
      inIstio: 'Assembled by the tracing backend from spans that share a trace ID.',
    },
    {
      term: 'Span',
      meaning: 'One timed operation within a trace — start time, duration, parent span — such as one hop between two services.',
      inIstio: 'Each proxy (sidecar, gateway, waypoint) emits a span for each request it handles.',
    },
    {
      term: 'Tags (attributes)',
      meaning: 'Key/value details attached to a span, used for search and diagnosis.',
      inIstio: 'http.method, http.url, http.status_code, response_flags, upstream_cluster, istio.canonical_service, guid:x-request-id; add your own with Telemetry customTags.',
    },
    {
      term: 'Context propagation',
      meaning: 'Passing the trace ID and parent span ID from an incoming request to the outgoing calls it causes.',
      inIstio: 'The application\'s job: it must copy the trace headers. The proxy cannot tell which outgoing call belongs to which incoming one.',
    },
    {
      term: 'Sampling',
      meaning: 'Recording only a fraction of traces to limit cost; the decision is made once, at the start of the trace, and travels with it.',
      inIstio: 'Telemetry tracing randomSamplingPercentage (default 1 %; the demo profile uses 100 %).',
    },
  ],
};

type ToolColumn = 'tool' | 'role' | 'data' | 'addon' | 'open';

/** Part 7: the observability tools usually run with Istio. */
export const observabilityToolsTable: ComparisonTableData<ToolColumn> = {
  id: 'observability-tools',
  caption: 'Prometheus, Grafana, Jaeger/Zipkin and Kiali compared',
  columns: [
    {key: 'tool', label: 'Tool'},
    {key: 'role', label: 'Role'},
    {key: 'data', label: 'Data it uses'},
    {key: 'addon', label: 'Add-on (samples/addons/)'},
    {key: 'open', label: 'Open it with'},
  ],
  rows: [
    {
      tool: 'Prometheus',
      role: 'Scrapes and stores metrics; PromQL queries; evaluates alerting rules.',
      data: 'Metrics from proxies, ztunnel and istiod',
      addon: 'prometheus.yaml (Service prometheus, port 9090)',
      open: 'istioctl dashboard prometheus',
    },
    {
      tool: 'Grafana',
      role: 'Dashboards over Prometheus (and logs or traces); the seven Istio dashboards come preloaded.',
      data: 'Queries Prometheus; stores nothing itself',
      addon: 'grafana.yaml (Service grafana, port 3000)',
      open: 'istioctl dashboard grafana',
    },
    {
      tool: 'Jaeger / Zipkin',
      role: 'Collects, stores and searches distributed traces; shows a timeline per request.',
      data: 'Spans sent by proxies (OpenTelemetry or Zipkin protocol)',
      addon: 'jaeger.yaml (query Service tracing, collector jaeger-collector) or extras/zipkin.yaml',
      open: 'istioctl dashboard jaeger / istioctl dashboard zipkin',
    },
    {
      tool: 'Kiali',
      role: 'The mesh console: live topology graph, health, Istio config validation, security and waypoint views.',
      data: 'Prometheus metrics, the Kubernetes API, traces from Jaeger if configured',
      addon: 'kiali.yaml (Service kiali, port 20001); needs Prometheus',
      open: 'istioctl dashboard kiali',
    },
  ],
};

type LogFieldColumn = 'field' | 'operator' | 'tells';

/** Part 7: the most useful fields of Istio's default Envoy access-log format. */
export const accessLogFieldsTable: ComparisonTableData<LogFieldColumn> = {
  id: 'access-log-fields',
  caption: 'Key fields of the default access-log line',
  columns: [
    {key: 'field', label: 'Field (in order)'},
    {key: 'operator', label: 'Envoy command operator'},
    {key: 'tells', label: 'Tells you'},
  ],
  rows: [
    {field: 'Start time', operator: '%START_TIME%', tells: 'When the request began (UTC).'},
    {field: 'Request line', operator: '%REQ(:METHOD)% %REQ(X-ENVOY-ORIGINAL-PATH?:PATH)% %PROTOCOL%', tells: 'Method, path before any rewrite, and protocol.'},
    {field: 'Response code', operator: '%RESPONSE_CODE%', tells: 'The HTTP status returned downstream; 0 means no response was sent.'},
    {field: 'Response flags', operator: '%RESPONSE_FLAGS%', tells: 'Why Envoy acted: UO overflow, UT timeout, NR no route, UH no healthy upstream, DI delay injected, FI fault injected; - means none.'},
    {field: 'Response code details', operator: '%RESPONSE_CODE_DETAILS%', tells: 'A short reason, such as via_upstream or rbac_access_denied_matched_policy[none].'},
    {field: 'Bytes received / sent', operator: '%BYTES_RECEIVED% %BYTES_SENT%', tells: 'Body sizes in each direction.'},
    {field: 'Duration', operator: '%DURATION%', tells: 'Total time in the proxy, in milliseconds.'},
    {field: 'Upstream service time', operator: '%RESP(X-ENVOY-UPSTREAM-SERVICE-TIME)%', tells: 'Time the upstream took; compare with duration to see proxy overhead or retries.'},
    {field: 'Request ID', operator: '%REQ(X-REQUEST-ID)%', tells: 'The x-request-id that also tags the trace: the link between a log line and a trace.'},
    {field: 'Authority', operator: '%REQ(:AUTHORITY)%', tells: 'The Host the client asked for.'},
    {field: 'Upstream host and cluster', operator: '%UPSTREAM_HOST% %UPSTREAM_CLUSTER_RAW%', tells: 'The pod IP the request went to and the Envoy cluster (service, port, subset).'},
    {field: 'Route name', operator: '%ROUTE_NAME%', tells: 'Which VirtualService route matched.'},
  ],
};
