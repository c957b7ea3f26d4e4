import type {QuizQuestion} from '@site/src/lib/quiz';

/** Check yourself, part 2: Architecture (docs/02-architecture). */
const questions: readonly QuizQuestion[] = [
  {
    id: 'architecture-istiod-down',
    prompt: 'All istiod replicas crash while Bookinfo is serving traffic. What happens in the next few minutes?',
    options: [
      'Every request fails at once, because the proxies ask istiod where to send each request.',
      'Requests keep flowing with the last configuration the proxies received; new configuration, new injected pods and certificate renewals wait.',
      'Proxies fall back to plaintext, because mutual TLS needs istiod for every handshake.',
      'Kubernetes routes traffic through kube-proxy instead until istiod is back.',
    ],
    answer: 1,
    explanation:
      'istiod is never on the request path. The proxies keep serving with what they last received. What stops is change: no new routes, no injection webhook for new pods, and certificates (24 hours by default) are not renewed, so an outage only hurts slowly.',
    link: '/docs/architecture/#two-planes',
    section: 'Two planes',
  },
  {
    id: 'architecture-istiod-jobs',
    prompt: 'Which of these is NOT one of the jobs of today’s istiod binary?',
    options: [
      'Computing each proxy’s configuration and pushing it over xDS.',
      'Signing workload certificates as the mesh’s certificate authority.',
      'Collecting telemetry from every request, the job Mixer used to do.',
      'Running the admission webhooks that validate Istio resources and inject sidecars.',
    ],
    answer: 2,
    explanation:
      'istiod merged the old Pilot (xDS), Citadel (CA) and Galley (validation) and also runs injection. Mixer was removed altogether: proxies now produce telemetry themselves.',
    link: '/docs/architecture/istiod/#four-jobs-in-one-binary',
    section: 'Four jobs in one binary',
  },
  {
    id: 'architecture-validation-webhook',
    prompt: 'You apply a VirtualService whose rule has both `redirect` and `route`. What happens?',
    options: [
      'The apply succeeds and proxies quietly ignore the rule.',
      'The apply succeeds and `istioctl proxy-status` later reports the proxies as STALE.',
      'The redirect wins, because it is listed first.',
      'The API server rejects it, because istiod’s validating webhook refuses the rule.',
    ],
    answer: 3,
    explanation:
      'istiod runs a validating admission webhook. The API server asks it about each Istio resource before storing it, so rules a schema cannot express are refused at apply time.',
    link: '/docs/architecture/istiod/#when-validation-says-no',
    section: 'When validation says no',
  },
  {
    id: 'architecture-envoy-resources',
    prompt: 'Which Envoy resource holds the ready pod IPs that a proxy may send a request to?',
    options: ['Listeners', 'Routes', 'Clusters', 'Endpoints'],
    answer: 3,
    explanation:
      'A listener accepts the connection, a route picks a cluster, a cluster is the set of upstream hosts with its policies, and the endpoints are the concrete pod addresses in it, delivered over EDS.',
    link: '/docs/architecture/envoy/#listeners-routes-clusters-endpoints',
    section: 'Listeners, routes, clusters, endpoints',
  },
  {
    id: 'architecture-ambient-ready',
    prompt: 'Bookinfo runs in a namespace enrolled in ambient mode. What does `kubectl get pods` show for an app pod, and what did enrolling the running pods take?',
    options: [
      '`1/1`: ambient pods have no proxy container, and the running pods joined without a restart.',
      '`2/2`: the app and a ztunnel container, added when the pods were restarted.',
      '`3/3`: the app, ztunnel and a waypoint.',
      '`2/2`: the app and an Envoy sidecar, as in sidecar mode.',
    ],
    answer: 0,
    explanation:
      'In ambient mode the pod is left untouched. The istio-cni agent redirects its traffic to the ztunnel on its node, so the pod shows only its own container and joins (or leaves) the mesh when the namespace label changes, without a restart.',
    link: '/docs/architecture/data-plane-modes/#sidecar-and-ambient-in-depth',
    section: 'Sidecar and ambient in depth',
  },
  {
    id: 'architecture-hbone',
    prompt: 'What is HBONE in ambient mode?',
    options: [
      'A plain TCP tunnel on port 15001 between pods on the same node.',
      'Mutual-TLS HTTP/2 CONNECT tunnels on port 15008 between ztunnels and waypoints.',
      'The xDS protocol istiod uses to configure ztunnel.',
      'A Kubernetes resource kind that describes a waypoint.',
    ],
    answer: 1,
    explanation:
      'ztunnel carries each connection inside an HTTP/2 CONNECT tunnel over mutual TLS on port 15008; the CONNECT request names the original destination.',
    link: '/docs/architecture/ambient-internals/#hbone-the-tunnel-on-port-15008',
    section: 'HBONE: the tunnel on port 15008',
  },
  {
    id: 'architecture-waypoint-kind',
    prompt: 'How is a waypoint declared, and whose traffic does it process?',
    options: [
      'As a `Waypoint` resource; it processes traffic leaving the pods of its namespace.',
      'As an annotation on each client pod; it processes that client’s outgoing requests.',
      'As a Gateway API `Gateway` of class `istio-waypoint`; it processes traffic sent to the destinations that opt in with `istio.io/use-waypoint`.',
      'As a Deployment you write yourself; it processes all traffic of the node it runs on.',
    ],
    answer: 2,
    explanation:
      'There is no waypoint kind: `istioctl waypoint apply` writes a `Gateway` with class `istio-waypoint`. A waypoint acts for the destination, unlike a sidecar, where routing runs in the caller’s proxy.',
    link: '/docs/architecture/ambient-internals/#waypoints-the-l7-processing-layer',
    section: 'Waypoints: the L7 processing layer',
  },
  {
    id: 'architecture-client-side-routing',
    prompt: 'In sidecar mode, productpage calls `reviews`. Which proxy applies the VirtualService and DestinationRule for `reviews`?',
    options: [
      'The sidecar of the reviews pod that receives the request.',
      'The productpage pod’s own sidecar, on its outbound side.',
      'The ingress gateway, which sees every request of the mesh.',
      'istiod, which picks the destination pod for each request.',
    ],
    answer: 1,
    explanation:
      'Routing runs in the proxy that sends the request. The caller’s sidecar picks the route and a pod IP and connects to it directly; the receiving sidecar terminates mTLS and enforces policy.',
    link: '/docs/architecture/request-flow/#the-request-path',
    section: 'The request path',
  },
];

export default questions;
