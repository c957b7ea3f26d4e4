/**
 * The labs of the course, in order. A lab's folder is labs/<id>/ and its page is
 * /docs/labs/<id>/. Chapters point at labs by these ids (<LabLinks ids={[…]} />).
 */
export const LAB_CATALOG = [
  {number: 1, id: 'local-cluster', title: 'Prepare a local cluster and the CLIs'},
  {number: 2, id: 'sidecar-install', title: 'Install Istio in sidecar mode and deploy Bookinfo'},
  {number: 3, id: 'ambient-install', title: 'Install Istio in ambient mode with istioctl'},
  {number: 4, id: 'ambient-helm', title: 'Install Istio in ambient mode with Helm'},
  {number: 5, id: 'observability-addons', title: 'Observability add-ons: Prometheus, Grafana, Kiali, Jaeger'},
  {number: 6, id: 'request-routing', title: 'Request routing'},
  {number: 7, id: 'traffic-shifting', title: 'Traffic shifting'},
  {number: 8, id: 'fault-injection', title: 'Fault injection'},
  {number: 9, id: 'timeouts-retries', title: 'Timeouts and retries'},
  {number: 10, id: 'circuit-breaking', title: 'Circuit breaking with httpbin and fortio'},
  {number: 11, id: 'mtls', title: 'Mutual TLS: STRICT mode and a plaintext client'},
  {number: 12, id: 'authorization', title: 'Authorization at L4 and L7'},
  {number: 13, id: 'custom-ca', title: 'Plug in a custom CA'},
  {number: 14, id: 'distributed-tracing', title: 'Distributed tracing'},
  {number: 15, id: 'canary-upgrade', title: 'Canary upgrade of the control plane'},
  {number: 16, id: 'ingress-tls', title: 'Ingress TLS: SIMPLE and MUTUAL at the gateway'},
  {number: 17, id: 'egress', title: 'Egress: REGISTRY_ONLY, ServiceEntry and an egress gateway'},
  {number: 18, id: 'in-place-upgrade', title: 'In-place upgrade from 1.30 to 1.31'},
  {number: 19, id: 'cleanup', title: 'Clean up everything'},
] as const;

export type LabId = (typeof LAB_CATALOG)[number]['id'];
