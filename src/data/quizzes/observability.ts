import type {QuizQuestion} from '@site/src/lib/quiz';

/** Check yourself, part 7: Observability (docs/07-observability). */
const questions: readonly QuizQuestion[] = [
  {
    id: 'observability-reporter-double',
    prompt: 'Your request-rate query over `istio_requests_total` between two sidecar workloads shows twice the real traffic. What is missing?',
    options: [
      'A filter on one `reporter` value: each request is counted once by the client’s proxy and once by the server’s.',
      'A `histogram_quantile` around the query.',
      'The `connection_security_policy="mutual_tls"` filter.',
      'A shorter `rate()` window.',
    ],
    answer: 0,
    explanation:
      'Between two sidecars both proxies report the same request, with `reporter="source"` and `reporter="destination"`. Always filter on one; `source` also shows requests the client refused locally.',
    link: '/docs/observability/metrics/#the-labels-that-matter',
    section: 'The labels that matter',
  },
  {
    id: 'observability-ambient-metrics',
    prompt: 'In ambient mode, with no waypoint deployed, which metrics can you find for traffic between two meshed pods?',
    options: [
      '`istio_requests_total` with `reporter="destination"`.',
      '`istio_requests_total` with `reporter="ztunnel"`.',
      'No Istio metrics at all until a waypoint exists.',
      'Only the TCP metrics (`istio_tcp_*`), reported by ztunnel.',
    ],
    answer: 3,
    explanation:
      'ztunnel works at L4 and records connections and bytes. HTTP metrics such as `istio_requests_total` come from a waypoint (with `reporter="waypoint"`) or a gateway.',
    link: '/docs/observability/metrics/#in-ambient-mode',
    section: 'In ambient mode',
  },
  {
    id: 'observability-envoy-stats-alert',
    prompt: 'An alert on `envoy_cluster_upstream_rq_pending_overflow` never fires, even while clients get `503 UO`. Why?',
    options: [
      'The metric only exists in ambient mode.',
      'Istio does not export that Envoy statistic by default; it has to be included with `proxyStatsMatcher` and the proxies restarted.',
      'Overflow is only recorded by the destination’s proxy.',
      'Prometheus drops metrics whose name starts with `envoy_`.',
    ],
    answer: 1,
    explanation:
      'Proxies export a small set of Envoy statistics besides Istio’s own metrics. Add the counters with `proxyStatsMatcher`, or alert on `istio_requests_total` with `response_flags="UO"` and `reporter="source"`.',
    link: '/docs/observability/dashboards-and-alerts/#alerting-on-envoys-circuit-breaker-statistics',
    section: "Alerting on Envoy's circuit-breaker statistics",
  },
  {
    id: 'observability-propagate-headers',
    prompt: 'Traces in Jaeger show productpage and reviews as separate, unconnected traces. What is the most likely cause?',
    options: [
      'The sampling rate is too low.',
      'The reviews pod has no sidecar.',
      'productpage does not copy the trace headers (`traceparent`, `x-request-id`, B3…) from its incoming request onto its outgoing calls.',
      'Jaeger needs one collector per service.',
    ],
    answer: 2,
    explanation:
      'Proxies create spans but cannot tell which outgoing call was caused by which incoming request. Only the application knows, so it must forward the trace headers.',
    link: '/docs/observability/tracing/#the-applications-part-forward-the-headers',
    section: "The application's part: forward the headers",
  },
  {
    id: 'observability-telemetry-selects-provider',
    prompt: 'You added an OpenTelemetry provider for Jaeger to `meshConfig.extensionProviders`, but no spans arrive. What else is needed?',
    options: [
      'A `Telemetry` resource (for example in `istio-system`) that enables tracing with that provider.',
      'Setting `meshConfig.enableTracing: true`; nothing else.',
      'An EnvoyFilter that adds the tracer to each listener.',
      'Restarting istiod.',
    ],
    answer: 0,
    explanation:
      'A provider does nothing until something selects it: a `telemetry.istio.io/v1` Telemetry resource (mesh-wide in the root namespace) or `meshConfig.defaultProviders`. Set-ups that only set `enableTracing` export nothing.',
    link: '/docs/observability/tracing/#3-the-telemetry-resource',
    section: '3. The Telemetry resource',
  },
  {
    id: 'observability-kiali-install',
    prompt: 'You installed Istio with the demo profile and run `kubectl port-forward svc/kiali -n istio-system 20001`. It fails with “services kiali not found”. Why?',
    options: [
      'Kiali runs in its own namespace, `kiali`.',
      'No profile installs Kiali: apply the Prometheus and Kiali add-on manifests yourself.',
      'The demo profile installs Kiali only when `--set addons=true` is given.',
      'Kiali needs a login first.',
    ],
    answer: 1,
    explanation:
      'Add-ons stopped being part of Istio’s installer long ago. The demo profile installs istiod and the two gateways; Kiali (which needs Prometheus) is a separate sample manifest.',
    link: '/docs/observability/kiali/#installing-the-add-on',
    section: 'Installing the add-on',
  },
  {
    id: 'observability-access-logs-off',
    prompt: 'A fresh installation with the `default` profile shows no access log lines in `istio-proxy`. What is true?',
    options: [
      'The logs go to Prometheus instead of stdout.',
      'The proxy only logs failed requests by default.',
      'Access logging is off in every profile except `demo`; enable it with a Telemetry resource using the `envoy` provider, or with `meshConfig.accessLogFile`.',
      'Access logs need the Kiali add-on.',
    ],
    answer: 2,
    explanation:
      'Envoy access logs are disabled unless you use the demo profile. The Telemetry API is the recommended switch and can also filter or disable logging per namespace or workload.',
    link: '/docs/observability/access-logs/#access-logs-are-off-by-default',
    section: 'Access logs are off by default',
  },
];

export default questions;
