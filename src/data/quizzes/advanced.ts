import type {QuizQuestion} from '@site/src/lib/quiz';

/** Check yourself, part 8: Advanced topics (docs/08-advanced). */
const questions: readonly QuizQuestion[] = [
  {
    id: 'advanced-shared-root',
    prompt: 'Two clusters each got a default Istio installation and now form a multi-primary mesh. Cross-cluster calls fail the TLS handshake. What is missing?',
    options: [
      'A shared root of trust: each istiod generated its own self-signed root, so give both an intermediate signed by one common root through `cacerts`.',
      'An east-west gateway in each cluster, which always terminates mTLS between clusters.',
      'A PeerAuthentication in PERMISSIVE mode in both clusters.',
      'The same Kubernetes version in both clusters.',
    ],
    answer: 0,
    explanation:
      'A proxy only trusts certificates that chain to a root it knows. Plug in intermediates from one root in every cluster before installing, as in the custom CA chapter.',
    link: '/docs/advanced/multicluster/#a-shared-root-of-trust',
    section: 'A shared root of trust',
  },
  {
    id: 'advanced-remote-secret',
    prompt: 'What does `istioctl create-remote-secret --context=cluster1 | kubectl apply -f - --context=cluster2` do?',
    options: [
      'It copies cluster1’s CA key into cluster2.',
      'It lets cluster2’s istiod read cluster1’s API server, so cluster2’s proxies learn cluster1’s endpoints.',
      'It opens port 15443 between the two clusters.',
      'It merges both clusters’ namespaces into one namespace.',
    ],
    answer: 1,
    explanation:
      'The secret holds a kubeconfig for a read-only service account in cluster1. istiod in cluster2 watches that API server and merges same-named services in same-named namespaces.',
    link: '/docs/advanced/multicluster/#endpoint-discovery-remote-secrets',
    section: 'Endpoint discovery: remote secrets',
  },
  {
    id: 'advanced-east-west',
    prompt: 'In a multi-network mesh, what does the east-west gateway do with a workload-to-workload mTLS connection?',
    options: [
      'It terminates mTLS, checks authorization and opens a new connection.',
      'It downgrades the connection to plain text inside the remote network.',
      'It reads the SNI name and passes the still-encrypted bytes on (port 15443, `AUTO_PASSTHROUGH`).',
      'It replaces the client certificate with its own.',
    ],
    answer: 2,
    explanation:
      'istiod gives the client proxy the remote network’s gateway address instead of the pod IP. The gateway routes on SNI without decrypting, so mTLS stays end to end.',
    link: '/docs/advanced/multicluster/#model-3-multi-primary-on-different-networks',
    section: 'Model 3: multi-primary on different networks',
  },
  {
    id: 'advanced-failover-outlier',
    prompt: 'A DestinationRule sets `localityLbSetting.failover` from `us-east1` to `us-west1` but no `outlierDetection`. What happens?',
    options: [
      'Requests prefer us-east1 and move to us-west1 when it fails.',
      'istiod rejects the rule.',
      'Requests go only to us-west1.',
      'Locality-prioritised balancing is not turned on, so requests are spread over every locality.',
    ],
    answer: 3,
    explanation:
      'Istio enables locality priority only when the DestinationRule has `outlierDetection`, which is how Envoy notices local endpoints failing. Also, `failover` and `distribute` can never be set together.',
    link: '/docs/advanced/multicluster/#locality-failover',
    section: 'Locality failover',
  },
  {
    id: 'advanced-trust-domain-alias',
    prompt: 'You change `trustDomain` from `cluster.local` to `prod.example.com`. Policies name `cluster.local/ns/…` principals. How do you avoid denials?',
    options: [
      'Nothing to do: principals ignore the trust domain.',
      'List `cluster.local` in `trustDomainAliases`, so policies written for it still match the new certificates.',
      'Prefix every principal with `spiffe://`.',
      'Restart istiod twice.',
    ],
    answer: 1,
    explanation:
      'The trust domain is part of every identity. Aliases tell Istio that several trust domains stand for the same authority for policy purposes.',
    link: '/docs/advanced/trust-and-vms/#renaming-a-trust-domain-trustdomainaliases',
    section: 'Renaming a trust domain: `trustDomainAliases`',
  },
  {
    id: 'advanced-vm-resources',
    prompt: 'Which pair of resources describes virtual machines to Istio?',
    options: [
      '`ServiceEntry` and `Sidecar`',
      '`WorkloadGroup` (the shared template) and `WorkloadEntry` (one VM)',
      '`Gateway` and `VirtualService`',
      '`ProxyConfig` and `Telemetry`',
    ],
    answer: 1,
    explanation:
      'A WorkloadGroup is to VMs what a pod template is to pods; each VM becomes a WorkloadEntry, usually registered automatically when its Istio agent connects.',
    link: '/docs/advanced/trust-and-vms/#virtual-machines-and-bare-metal',
    section: 'Virtual machines and bare metal',
  },
  {
    id: 'advanced-envoyfilter-risk',
    prompt: 'Why is EnvoyFilter the last resort for customising proxies?',
    options: [
      'It is only available as `networking.istio.io/v1`, which cannot be changed.',
      'It needs a restart of istiod for every change.',
      'It depends on Envoy internals that change between releases, and a patch that no longer matches fails silently.',
      'It can only add Lua code.',
    ],
    answer: 2,
    explanation:
      'EnvoyFilter (only `v1alpha3`) patches generated configuration by internal names. Prefer the Telemetry API, extension providers or TrafficExtension/WasmPlugin; scope any EnvoyFilter tightly and re-test it on every upgrade.',
    link: '/docs/advanced/extending-envoy/#last-resort-envoyfilter',
    section: 'Last resort: EnvoyFilter',
  },
  {
    id: 'advanced-cni-capabilities',
    prompt: 'In sidecar mode, what changes for application pods when istio-cni is enabled?',
    options: [
      'They no longer need the `istio-init` container with `NET_ADMIN` and `NET_RAW`: the node agent sets up redirection.',
      'They no longer need a sidecar.',
      'They join the mesh without a restart.',
      'Nothing: istio-cni only matters in ambient mode.',
    ],
    answer: 0,
    explanation:
      'A chained CNI plugin writes the redirection rules while the pod network is set up, so pods need no extra capabilities (a small `istio-validation` init container only checks it). In ambient mode istio-cni is mandatory.',
    link: '/docs/advanced/istio-cni/#how-it-works',
    section: 'How it works',
  },
];

export default questions;
