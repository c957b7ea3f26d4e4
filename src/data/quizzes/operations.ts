import type {QuizQuestion} from '@site/src/lib/quiz';

/** Check yourself, part 9: Operating and troubleshooting (docs/09-operations). */
const questions: readonly QuizQuestion[] = [
  {
    id: 'operations-analyze-subset',
    prompt: 'A VirtualService routes to subset `v4`, which no DestinationRule defines. Which command points at the mistake before any traffic is sent?',
    options: [
      '`istioctl analyze -n bookinfo`, which reports `IST0101` for the missing host+subset.',
      '`kubectl apply`, which rejects the VirtualService.',
      '`istioctl proxy-status`, which shows the proxies as STALE.',
      '`istioctl version`',
    ],
    answer: 0,
    explanation:
      'Each resource is valid on its own, so the admission webhook accepts both. `istioctl analyze` looks across resources and reports the reference that points at nothing.',
    link: '/docs/operations/diagnostic-commands/#istioctl-analyze-is-the-configuration-right',
    section: '`istioctl analyze`: is the configuration right?',
  },
  {
    id: 'operations-proxy-status',
    prompt: 'What does `istioctl proxy-status` tell you?',
    options: [
      'Whether the configuration you applied is valid.',
      'Which proxies are connected to which istiod, their Istio version and the xDS types they subscribe to.',
      'The routes and clusters inside one proxy.',
      'The request rate of each proxy.',
    ],
    answer: 1,
    explanation:
      'It answers “was it delivered?”: every connected proxy, the istiod instance serving it and its version (useful in canary upgrades). What exactly a proxy received is `proxy-config` (or `ztunnel-config` in ambient).',
    link: '/docs/operations/diagnostic-commands/#istioctl-proxy-status-did-every-proxy-get-it',
    section: '`istioctl proxy-status`: did every proxy get it?',
  },
  {
    id: 'operations-pilot-agent',
    prompt: 'You want Envoy’s statistics from a sidecar whose proxy image is distroless. Which command works?',
    options: [
      '`kubectl exec deploy/productpage-v1 -c istio-proxy -- curl localhost:15000/stats`',
      '`kubectl exec deploy/productpage-v1 -c istio-proxy -- pilot-agent request GET stats`',
      '`istioctl dashboard envoy deploy/productpage-v1`',
      '`kubectl port-forward deploy/productpage-v1 15021` and open `/stats`',
    ],
    answer: 1,
    explanation:
      '`pilot-agent` is in every proxy image and talks to the admin API on port 15000; `curl` is missing from distroless images, 15021 is the health port, and `dashboard envoy` is deprecated in favour of `dashboard proxy`.',
    link: '/docs/operations/diagnostic-commands/#the-envoy-admin-interface-port-15000',
    section: 'The Envoy admin interface (port 15000)',
  },
  {
    id: 'operations-uc-vs-uf',
    prompt: 'An access log line shows response flag `UF`. What happened?',
    options: [
      'The client’s own connection pool was full.',
      'The upstream closed an established connection before the response arrived.',
      'The proxy could not establish a connection to the upstream at all.',
      'The route timeout expired.',
    ],
    answer: 2,
    explanation:
      'UF is upstream connection failure; UC is termination of an established connection; UO is overflow of the client’s pool; UT is the route timeout. Old cheat sheets mix up UC and UF.',
    link: '/docs/operations/response-flags/#the-flags',
    section: 'The flags',
  },
  {
    id: 'operations-uo-server-log',
    prompt: 'The client’s access log shows `503 UO`, but the server’s proxy logged nothing for that request. Is that expected?',
    options: [
      'No: the server always logs a request the client sent.',
      'Yes: UO is produced by the client’s own proxy when its connection pool is full, so the request never left the client.',
      'Yes, because the server’s access logs are off by default only for 503s.',
      'No: it means the server’s pod was ejected by outlier detection.',
    ],
    answer: 1,
    explanation:
      'UO is circuit breaking by `connectionPool` limits in the calling proxy. Outlier detection is different: it ejects endpoints and produces UH only when all of them are ejected.',
    link: '/docs/operations/response-flags/#the-flags',
    section: 'The flags',
  },
  {
    id: 'operations-vs-port-protocol',
    prompt: 'A header-match VirtualService has no effect. `istioctl analyze` is clean, and the client’s sidecar is injected. The Service port is named `web`. What is a likely cause?',
    options: [
      'VirtualServices need a restart of the client pod.',
      'Istio may treat the port as plain TCP, so HTTP matches never apply: name the port `http-…` or set `appProtocol`.',
      'Header matches only work at the ingress gateway.',
      'The VirtualService must be in `istio-system`.',
    ],
    answer: 1,
    explanation:
      'HTTP rules need Istio to know the port speaks HTTP. Then read what the client’s proxy really has with `istioctl proxy-config routes` to confirm.',
    link: '/docs/operations/symptom-playbook/#my-virtualservice-does-nothing',
    section: '"My VirtualService does nothing"',
  },
  {
    id: 'operations-native-sidecar-check',
    prompt: 'A script checks `.spec.containers[*].name` for `istio-proxy` and reports “no sidecar” on a pod showing `2/2`. The node runs Kubernetes 1.34. Why?',
    options: [
      'The pod runs in ambient mode.',
      'The sidecar crashed and was replaced by ztunnel.',
      'The proxy is injected as a native sidecar, an init container with `restartPolicy: Always`, so it is listed under `initContainers`.',
      'The injection webhook renamed the container to `envoy`.',
    ],
    answer: 2,
    explanation:
      'On nodes with Kubernetes 1.33 or newer Istio injects native sidecars. Check both lists, or use `istioctl x check-inject`; READY still counts the proxy.',
    link: '/docs/operations/symptom-playbook/#sidecar-not-injected--with-a-twist',
    section: '"Sidecar not injected" — with a twist',
  },
  {
    id: 'operations-ca-change',
    prompt: 'You plugged in a new intermediate CA and istiod now signs with it, yet `istioctl proxy-config secret` shows running workloads still holding certificates from the old one. Why?',
    options: [
      'istiod failed to load the new CA and fell back to its self-signed root.',
      'A workload keeps its current certificate until it is rotated or the workload restarts; nothing reissues existing certificates at once.',
      'Workload certificates never change once issued; the pods must be recreated with new Secrets.',
      'The sidecars cache certificates in a Secret in their namespace, which must be deleted.',
    ],
    answer: 1,
    explanation:
      'Certificates are short-lived and rotated by the agent or ztunnel; they pick up the new signer at the next rotation, or sooner if you restart the workloads. Keep both roots trusted during a root change, or calls between old and new pods fail with TLS errors.',
    link: '/docs/operations/symptom-playbook/#certificates-are-wrong-after-i-changed-the-ca',
    section: '"Certificates are wrong after I changed the CA"',
  },
];

export default questions;
