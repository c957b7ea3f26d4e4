import type {ComparisonTableData} from '@site/src/lib/tables';

/* Part 2: architecture. Every fact in the part's tables lives here once. */

type PlaneColumn = 'aspect' | 'control' | 'data';

/** Control plane versus data plane. */
export const planesTable: ComparisonTableData<PlaneColumn> = {
  id: 'control-vs-data-plane',
  caption: 'Control plane and data plane side by side',
  columns: [
    {key: 'aspect', label: 'Aspect'},
    {key: 'control', label: 'Control plane'},
    {key: 'data', label: 'Data plane'},
  ],
  rows: [
    {
      aspect: 'On the request path',
      control: {mark: false, note: 'It never handles an application request.'},
      data: {mark: true, note: 'Every request and response passes through it.'},
    },
    {
      aspect: 'Job',
      control:
        'Watches Kubernetes and Istio resources, turns them into proxy configuration and pushes it; signs workload certificates; runs the injection and validation webhooks.',
      data: 'Routes and load-balances requests, retries and times them out, encrypts with mutual TLS, enforces authorization, and emits metrics, logs and traces.',
    },
    {
      aspect: 'In Istio',
      control: 'istiod: one Deployment (usually in istio-system), scaled out for availability.',
      data: 'Envoy sidecars (istio-proxy) in sidecar mode; ztunnel and waypoint proxies in ambient mode; the ingress and egress gateways in both.',
    },
    {
      aspect: 'Technology',
      control: 'A Go program: Kubernetes controllers, a gRPC xDS server, a certificate authority and webhooks.',
      data: 'Envoy (C++) for sidecars, gateways and waypoints; ztunnel (Rust) for ambient L4.',
    },
    {
      aspect: 'Grows with',
      control: 'The number of proxies and how much configuration changes.',
      data: 'Traffic volume; there is a proxy per pod (sidecar) or per node (ztunnel).',
    },
    {
      aspect: 'If it stops',
      control:
        'Running traffic continues on the last configuration, but nothing new arrives: no config changes, no new certificates, new pods cannot be injected.',
      data: 'Traffic through that proxy fails: one pod for a sidecar, every enrolled pod on the node for ztunnel.',
    },
    {
      aspect: 'Talks to',
      control: 'The Kubernetes API server, and the proxies over port 15012 (xDS and certificate signing, TLS).',
      data: 'Other proxies (mTLS; HBONE on 15008 in ambient) and istiod.',
    },
  ],
};

type ModelColumn = 'model' | 'how' | 'pros' | 'cons' | 'istio';

/** Four ways to build a mesh data plane. */
export const deploymentModelsTable: ComparisonTableData<ModelColumn> = {
  id: 'data-plane-models',
  caption: 'Data-plane deployment models and their support in Istio',
  columns: [
    {key: 'model', label: 'Model'},
    {key: 'how', label: 'How it works'},
    {key: 'pros', label: 'Strengths'},
    {key: 'cons', label: 'Costs'},
    {key: 'istio', label: 'In Istio'},
  ],
  rows: [
    {
      model: 'Sidecar',
      how: 'An Envoy container (istio-proxy) is injected into every application pod and intercepts all its traffic.',
      pros: 'Full L4 and L7 features for every workload; isolation per pod; the most mature and widely documented mode.',
      cons: 'A proxy per pod costs CPU and memory; joining the mesh or upgrading the proxy means restarting pods; the proxy’s lifecycle is tied to the app’s.',
      istio: {mark: true, note: 'Stable; the original mode.'},
    },
    {
      model: 'Ambient',
      how: 'A ztunnel per node gives every enrolled pod mTLS, L4 policy and TCP telemetry; optional waypoint Envoys add L7 for a namespace or service.',
      pros: 'Pods are untouched and join without a restart; far fewer proxies; you pay for L7 only where you need it; proxies upgrade independently of apps.',
      cons: 'L7 needs a waypoint; some APIs are still Alpha with waypoints (VirtualService, EnvoyFilter through targetRefs); ztunnel is shared by all pods on its node; needs istio-cni.',
      istio: {mark: true, note: 'Generally available since Istio 1.24 (Alpha in 1.18, Beta in 1.22).'},
    },
    {
      model: 'Cilium / eBPF mesh',
      how: 'eBPF programs in the Linux kernel handle L3/L4; a shared Envoy per node handles L7 when a policy asks for it.',
      pros: 'No sidecars; a kernel fast path for L4; arrives with the Cilium CNI.',
      cons: 'A different product with its own APIs and mutual-authentication model; ties the mesh to one CNI; a per-node L7 proxy is shared by all tenants on the node.',
      istio: {mark: false, note: 'Not an Istio mode. Istio, including ambient, can run on a Cilium CNI with a few settings.'},
    },
    {
      model: 'Proxyless gRPC',
      how: 'No proxy: the application’s gRPC library reads xDS from istiod directly; a small agent in the pod only bootstraps it and fetches certificates.',
      pros: 'No extra hop and no proxy CPU: the lowest latency.',
      cons: 'gRPC services only, with code changes (xds:/// targets); only the features the gRPC xDS client implements (routing, subsets, weights, STRICT mTLS; no PERMISSIVE).',
      istio: {mark: true, note: 'Experimental since Istio 1.11; enabled per pod with the grpc-agent injection template.'},
    },
  ],
};

type ModeColumn = 'aspect' | 'sidecar' | 'ambient';

/** Sidecar mode and ambient mode in depth. */
export const sidecarVsAmbientTable: ComparisonTableData<ModeColumn> = {
  id: 'sidecar-vs-ambient',
  caption: 'Sidecar mode versus ambient mode',
  columns: [
    {key: 'aspect', label: 'Aspect'},
    {key: 'sidecar', label: 'Sidecar mode'},
    {key: 'ambient', label: 'Ambient mode'},
  ],
  rows: [
    {
      aspect: 'Where the proxy runs',
      sidecar:
        'Inside each pod: the istio-proxy container (injected as a Kubernetes native sidecar on nodes whose kubelet is 1.33 or newer).',
      ambient: 'Outside the pod: one ztunnel per node (a DaemonSet), plus waypoint Deployments where L7 is wanted.',
    },
    {
      aspect: 'Number of proxies',
      sidecar: 'One per pod.',
      ambient: 'One per node, plus one waypoint per namespace or service that needs L7.',
    },
    {
      aspect: 'Resources',
      sidecar:
        'Every sidecar requests CPU and memory (100m and 128Mi by default) and holds configuration for the services it can reach.',
      ambient: 'Shared per node, so L4-only workloads cost a small fraction; waypoints are sized for the traffic they carry.',
    },
    {
      aspect: 'L4: mTLS, TCP metrics, L4 authorization',
      sidecar: {mark: true, note: 'By the sidecars at both ends.'},
      ambient: {mark: true, note: 'By ztunnel, over HBONE tunnels on port 15008.'},
    },
    {
      aspect: 'L7: HTTP routing, retries, faults, L7 authorization, request metrics, traces',
      sidecar: {mark: true, note: 'Always available, in the client and server sidecars.'},
      ambient: {mark: true, note: 'Only for traffic that passes a waypoint proxy.'},
    },
    {
      aspect: 'How a workload joins',
      sidecar:
        'A webhook injects the proxy when the pod is created: namespace label istio-injection=enabled or istio.io/rev=<revision>, or istioctl kube-inject.',
      ambient: 'Label the namespace (or a pod) istio.io/dataplane-mode=ambient.',
    },
    {
      aspect: 'Restart needed to join or leave',
      sidecar: {mark: true, note: 'Only pods created after the label get a sidecar.'},
      ambient: {mark: false, note: 'Running pods are captured or released at once.'},
    },
    {
      aspect: 'Traffic redirection',
      sidecar: 'iptables rules in the pod, set by the istio-init init container (needs NET_ADMIN) or by the optional istio-cni agent.',
      ambient: 'The istio-cni node agent sets up redirection inside the pod’s network namespace, to the node’s ztunnel.',
    },
    {
      aspect: 'READY column for a one-container app',
      sidecar: '2/2: the app plus istio-proxy.',
      ambient: '1/1: the pod is unchanged.',
    },
    {
      aspect: 'Upgrading the data plane',
      sidecar: 'Every workload is restarted to pick up the new proxy version.',
      ambient:
        'ztunnel and istio-cni roll node by node (connections on a node are briefly disturbed); waypoints roll like gateways; applications are not restarted.',
    },
    {
      aspect: 'Blast radius of a proxy failure',
      sidecar: 'One pod.',
      ambient: 'ztunnel: every enrolled pod on that node. Waypoint: the services that use it.',
    },
    {
      aspect: 'Maturity',
      sidecar: 'Stable since Istio 1.0 (2018); every API, including EnvoyFilter.',
      ambient: 'GA since Istio 1.24 (November 2024); VirtualService and EnvoyFilter (attached with targetRefs) are Alpha on waypoints.',
    },
  ],
};

type PortColumn = 'port' | 'where' | 'purpose';

/** Ports a learner meets in diagrams, logs and netstat output. */
export const meshPortsTable: ComparisonTableData<PortColumn> = {
  id: 'mesh-ports',
  caption: 'Ports Istio uses',
  columns: [
    {key: 'port', label: 'Port'},
    {key: 'where', label: 'Where'},
    {key: 'purpose', label: 'Purpose'},
  ],
  rows: [
    {port: '15012', where: 'istiod', purpose: 'xDS configuration and certificate signing over TLS: what proxies and ztunnel connect to.'},
    {port: '15017', where: 'istiod', purpose: 'The HTTPS endpoint of the injection and validation webhooks (called by the API server).'},
    {port: '15014', where: 'istiod', purpose: 'Control-plane metrics.'},
    {port: '15010', where: 'istiod', purpose: 'Plain-text xDS (for debugging; not used by default).'},
    {port: '15001', where: 'sidecar, ztunnel', purpose: 'Outbound traffic captured from the application.'},
    {port: '15006', where: 'sidecar, ztunnel', purpose: 'Inbound traffic captured on its way to the application.'},
    {port: '15008', where: 'ztunnel, waypoints', purpose: 'HBONE: mutual-TLS HTTP/2 CONNECT tunnels.'},
    {port: '15000', where: 'Envoy', purpose: 'Envoy admin interface (localhost only).'},
    {port: '15020', where: 'sidecar, gateways', purpose: 'Merged Prometheus metrics (application plus proxy) and agent health.'},
    {port: '15021', where: 'sidecar, gateways', purpose: 'Health checks (plain HTTP).'},
    {port: '15090', where: 'Envoy', purpose: 'Envoy’s own Prometheus statistics.'},
  ],
};

type MetadataColumn = 'key' | 'kind' | 'setBy' | 'meaning';

/** Labels and annotations Istio reads or writes on namespaces and pods. */
export const podMetadataTable: ComparisonTableData<MetadataColumn> = {
  id: 'istio-labels-annotations',
  caption: 'Labels and annotations Istio uses',
  columns: [
    {key: 'key', label: 'Key'},
    {key: 'kind', label: 'Kind, on what'},
    {key: 'setBy', label: 'Set by'},
    {key: 'meaning', label: 'Meaning'},
  ],
  rows: [
    {
      key: 'istio-injection=enabled',
      kind: 'Label on a namespace',
      setBy: 'You',
      meaning: 'Inject sidecars from the default revision into new pods. Wins over istio.io/rev when both are present.',
    },
    {
      key: 'istio.io/rev=<revision or tag>',
      kind: 'Label on a namespace (and on injected pods)',
      setBy: 'You on the namespace; the injector on pods',
      meaning: 'Inject the proxy of that control-plane revision; on a pod it records which revision injected it.',
    },
    {
      key: 'sidecar.istio.io/inject="true" | "false"',
      kind: 'Label on a pod template',
      setBy: 'You',
      meaning: 'Opt one workload in or out of injection. The annotation form is deprecated.',
    },
    {
      key: 'sidecar.istio.io/proxyCPU, proxyMemory, proxyCPULimit, proxyMemoryLimit',
      kind: 'Annotations on a pod template',
      setBy: 'You',
      meaning: 'CPU and memory requests and limits for this pod’s istio-proxy container.',
    },
    {
      key: 'proxy.istio.io/config',
      kind: 'Annotation on a pod template',
      setBy: 'You',
      meaning: 'Per-pod proxy settings, e.g. holdApplicationUntilProxyStarts or terminationDrainDuration.',
    },
    {
      key: 'prometheus.io/scrape, prometheus.io/port, prometheus.io/path',
      kind: 'Annotations on a pod',
      setBy: 'The injector',
      meaning: 'Point Prometheus at the merged metrics endpoint :15020/stats/prometheus, which serves the app’s and the proxy’s metrics together.',
    },
    {
      key: 'security.istio.io/tlsMode=istio',
      kind: 'Label on a pod',
      setBy: 'The injector',
      meaning: 'This pod can accept Istio mutual TLS; client proxies use it to decide on mTLS automatically.',
    },
    {
      key: 'service.istio.io/canonical-name, canonical-revision',
      kind: 'Labels on a pod',
      setBy: 'The injector (from app and version labels)',
      meaning: 'The service name and version shown in metrics, traces and Kiali.',
    },
    {
      key: 'sidecar.istio.io/status',
      kind: 'Annotation on a pod',
      setBy: 'The injector',
      meaning: 'What was injected (containers, volumes, template); istioctl reads it.',
    },
    {
      key: 'istio.io/dataplane-mode=ambient',
      kind: 'Label on a namespace or pod',
      setBy: 'You',
      meaning: 'Enrol the workloads in ambient mode; the value none on a pod opts it out.',
    },
    {
      key: 'istio.io/use-waypoint=<name>',
      kind: 'Label on a namespace, Service or pod',
      setBy: 'You',
      meaning: 'Send traffic for those destinations through the named waypoint proxy.',
    },
    {
      key: 'ambient.istio.io/redirection=enabled',
      kind: 'Annotation on a pod',
      setBy: 'istio-cni',
      meaning: 'Traffic redirection to ztunnel is set up for this pod.',
    },
  ],
};

type EnvoyColumn = 'envoy' | 'xds' | 'from';

/** Envoy's building blocks and the Istio or Kubernetes resources istiod renders them from. */
export const envoyMappingTable: ComparisonTableData<EnvoyColumn> = {
  id: 'envoy-building-blocks',
  caption: 'Envoy’s building blocks and where istiod gets them from',
  columns: [
    {key: 'envoy', label: 'Envoy object'},
    {key: 'xds', label: 'Delivered by'},
    {key: 'from', label: 'Rendered from'},
  ],
  rows: [
    {
      envoy: 'Listener: an address and port to accept connections on, with filter chains (TLS, HTTP, RBAC, JWT, telemetry…)',
      xds: 'LDS',
      from: 'Service ports; Istio Gateway servers and Gateway API listeners; PeerAuthentication, AuthorizationPolicy and RequestAuthentication become filters on inbound listeners.',
    },
    {
      envoy: 'Route: which request goes to which cluster, with retries, timeouts, faults, rewrites, mirroring',
      xds: 'RDS',
      from: 'VirtualService and HTTPRoute; a default route per Service when there is none.',
    },
    {
      envoy: 'Cluster: an upstream service and how to talk to it (load balancing, connection pool, outlier detection, TLS)',
      xds: 'CDS',
      from: 'Services and ServiceEntries; DestinationRule traffic policies and subsets (one cluster per subset).',
    },
    {
      envoy: 'Endpoint: the pod IPs and ports behind a cluster, with locality and health',
      xds: 'EDS',
      from: 'EndpointSlices of Kubernetes Services; WorkloadEntries; ServiceEntry endpoints.',
    },
    {
      envoy: 'Secret: the workload certificate, key and trusted roots',
      xds: 'SDS',
      from: 'istiod’s CA, fetched and rotated by the istio-agent in the pod.',
    },
    {
      envoy: 'Extension configuration: Wasm filters, delivered separately from the listeners that use them',
      xds: 'ECDS',
      from: 'WasmPlugin and TrafficExtension resources that load Wasm modules (the istio-agent downloads the module).',
    },
  ],
};

type PlacementColumn = 'mode' | 'envoy' | 'notEnvoy';

/** Where Envoy runs in each data-plane mode. */
export const envoyPlacementTable: ComparisonTableData<PlacementColumn> = {
  id: 'envoy-placement',
  caption: 'Where Envoy runs in each data-plane mode',
  columns: [
    {key: 'mode', label: 'Mode'},
    {key: 'envoy', label: 'Envoy runs as'},
    {key: 'notEnvoy', label: 'Not Envoy'},
  ],
  rows: [
    {
      mode: 'Sidecar',
      envoy: 'The istio-proxy container in every meshed pod (its pilot-agent process starts and feeds Envoy), and every gateway.',
      notEnvoy: 'Nothing on the request path.',
    },
    {
      mode: 'Ambient',
      envoy: 'Waypoint proxies (a Deployment per namespace or service that needs L7) and gateways.',
      notEnvoy: 'ztunnel, the per-node L4 proxy: a separate program written in Rust.',
    },
    {
      mode: 'Proxyless gRPC',
      envoy: 'Gateways only.',
      notEnvoy: 'The application’s gRPC library, which reads xDS itself.',
    },
  ],
};
