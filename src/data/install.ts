import type {ComparisonTableData} from '@site/src/lib/tables';
import {profileComponentTable, type InstallProfile, type MeshComponent} from '@site/src/lib/profiles';

/* Part 3: installing Istio. Every fact in the part's tables lives here once. */

type ClusterColumn = 'option' | 'what' | 'goodFor' | 'watchOut' | 'loadBalancer';

/** Where to run the course: local clusters and the cloud. */
export const clusterOptionsTable: ComparisonTableData<ClusterColumn> = {
  id: 'cluster-options',
  caption: 'Cluster options for learning and testing Istio',
  columns: [
    {key: 'option', label: 'Option'},
    {key: 'what', label: 'What it is'},
    {key: 'goodFor', label: 'Good for'},
    {key: 'watchOut', label: 'Watch out for'},
    {key: 'loadBalancer', label: 'LoadBalancer address'},
  ],
  rows: [
    {
      option: 'kind',
      what: 'Kubernetes nodes run as Docker containers; one command creates or deletes a cluster.',
      goodFor: 'Fast, disposable, scriptable clusters, including several nodes. The course labs are written and tested on kind.',
      watchOut: 'Pin the node image (--image kindest/node:v1.x.y) so a newer kind does not hand you a Kubernetes version Istio does not support yet.',
      loadBalancer: {mark: false, note: 'Use kubectl port-forward or a NodePort (or add cloud-provider-kind).'},
    },
    {
      option: 'minikube',
      what: 'A single-node (or small) cluster in a VM or a container, with many add-ons.',
      goodFor: 'Learners who like a batteries-included local cluster; minikube tunnel gives LoadBalancer Services an address.',
      watchOut: 'Start it with at least 4 CPUs and 8 GB (16 GB with the observability add-ons). Ambient on the Docker driver needs global.platform=minikube. Leave the ingress add-on off: Istio brings its own gateway.',
      loadBalancer: {mark: true, note: 'While minikube tunnel runs.'},
    },
    {
      option: 'Docker Desktop',
      what: 'The single-node Kubernetes built into Docker Desktop on macOS and Windows.',
      goodFor: 'A one-click cluster on a laptop that already runs Docker Desktop.',
      watchOut: "Raise Docker Desktop's memory limit to 8 GB or more. Its Kubernetes version follows the Docker Desktop release: check it falls in Istio's supported range.",
      loadBalancer: {mark: true, note: 'Published on localhost.'},
    },
    {
      option: 'MicroK8s',
      what: 'A snap-packaged Kubernetes for Linux hosts, from a laptop to an edge box.',
      goodFor: 'Linux machines where you want Kubernetes installed as a system service.',
      watchOut: 'It keeps CNI files in non-standard directories: ambient mode needs global.platform=microk8s.',
      loadBalancer: {mark: true, note: 'With the metallb add-on enabled.'},
    },
    {
      option: 'Managed cloud (GKE, EKS, AKS…)',
      what: 'A provider-run control plane with real nodes, load balancers and zones.',
      goodFor: 'Production-like tests: several nodes and zones, real external addresses, realistic resource limits.',
      watchOut: 'It costs money while it runs. Check the provider’s Kubernetes version and the ambient platform notes below (GKE and EKS have specific steps).',
      loadBalancer: {mark: true, note: 'A cloud load balancer per LoadBalancer Service.'},
    },
  ],
};

type PlatformColumn = 'platform' | 'setting' | 'why';

/** Platform-specific prerequisites for ambient mode (istio.io "Platform-Specific Prerequisites"). */
export const ambientPlatformTable: ComparisonTableData<PlatformColumn> = {
  id: 'ambient-platforms',
  caption: 'Ambient mode: what each platform needs before you install',
  columns: [
    {key: 'platform', label: 'Platform'},
    {key: 'setting', label: 'What to do'},
    {key: 'why', label: 'Why'},
  ],
  rows: [
    {
      platform: 'GKE',
      setting:
        'Install with global.platform=gke (Helm: on every chart; istioctl: --set values.global.platform=gke). istio-cni and ztunnel must run in a namespace that has a ResourceQuota for the system-node-critical priority class (current charts create it with the gke platform), or in kube-system.',
      why: 'GKE only admits node-critical pods in namespaces with such a quota, and keeps CNI binaries in a non-standard directory.',
    },
    {
      platform: 'EKS',
      setting:
        'No Istio setting. Only if you use the Amazon VPC CNI with pod ENI trunking and pod security groups (SecurityGroupPolicy): set POD_SECURITY_GROUP_ENFORCING_MODE=standard on the aws-node DaemonSet.',
      why: 'Istio rewrites kubelet health probes to a link-local source address that the VPC CNI does not exempt in strict mode, so probes fail.',
    },
    {
      platform: 'AKS',
      setting:
        'No AKS-specific entry in Istio’s list: install as usual and follow the CNI notes for the network plugin the cluster uses. AKS also sells a managed Istio add-on; do not mix it with a self-managed install.',
      why: 'Ambient depends on the CNI (how pod networking is chained), not on the cloud brand.',
    },
    {
      platform: 'minikube (Docker driver)',
      setting: 'global.platform=minikube on the Helm charts, or --set values.global.platform=minikube with istioctl.',
      why: 'With the Docker driver, network namespaces live under a non-standard path; without the setting the CNI agent cannot reach into pods and nothing is captured.',
    },
    {
      platform: 'kind',
      setting: 'Nothing extra.',
      why: 'kind uses standard CNI paths, which is why the course labs run on it.',
    },
    {
      platform: 'k3d, K3s, MicroK8s',
      setting: 'global.platform=k3d, k3s or microk8s respectively.',
      why: 'Each keeps CNI configuration and binaries in its own directories.',
    },
    {
      platform: 'OpenShift',
      setting:
        'istioctl: the openshift-ambient profile. Helm: global.platform=openshift on every chart, with istio-cni and ztunnel in kube-system.',
      why: 'OpenShift’s security model requires those node agents in kube-system.',
    },
    {
      platform: 'Any cluster using Cilium as CNI',
      setting:
        'Configure Cilium with cni.exclusive=false, keep BPF masquerading off, and allow the link-local probe address 169.254.7.127 if you run default-deny network policies.',
      why: 'Cilium otherwise removes other CNI configurations and blocks the SNAT-ed health probes.',
    },
  ],
};

/** The components an istioctl profile can turn on. */
export type ComponentId = 'istiod' | 'ingress' | 'egress' | 'cni' | 'ztunnel';

export const MESH_COMPONENTS: readonly MeshComponent<ComponentId>[] = [
  {id: 'istiod', name: 'istiod', role: 'The control plane: configuration (xDS), certificates, sidecar injection and validation.'},
  {
    id: 'ingress',
    name: 'istio-ingressgateway',
    role: 'A standalone Envoy at the edge that receives traffic from outside the cluster.',
  },
  {
    id: 'egress',
    name: 'istio-egressgateway',
    role: 'A standalone Envoy that traffic to external services can be forced through.',
  },
  {
    id: 'cni',
    name: 'istio-cni-node',
    role: 'A DaemonSet that sets up traffic redirection for pods (required by ambient, optional for sidecars).',
  },
  {id: 'ztunnel', name: 'ztunnel', role: 'The per-node L4 proxy of ambient mode (a DaemonSet).'},
];

export type ProfileName = 'default' | 'demo' | 'minimal' | 'empty' | 'preview' | 'remote' | 'ambient';

/** The built-in istioctl profiles (Helm takes the same names, but only as sets of values). */
export const INSTALL_PROFILES: readonly InstallProfile<ProfileName, ComponentId>[] = [
  {
    name: 'default',
    purpose: 'The production starting point for sidecar mode: the control plane plus one ingress gateway.',
    useWhen: 'You run sidecar mode for real, or on the primary cluster of a multicluster mesh.',
    installs: {istiod: true, ingress: true, egress: false, cni: false, ztunnel: false},
  },
  {
    name: 'demo',
    purpose:
      'Shows off features with small resource requests: adds an egress gateway, turns on access logs and samples every trace.',
    useWhen: 'Tutorials and the Bookinfo tasks on a laptop.',
    caution:
      'Not for performance tests: the heavy logging and tracing skew results. It does not install Kiali, Prometheus, Grafana or Jaeger either; those are separate add-on manifests.',
    installs: {istiod: true, ingress: true, egress: true, cni: false, ztunnel: false},
  },
  {
    name: 'minimal',
    purpose: 'The default settings with only the control plane: no gateways.',
    useWhen:
      'You manage gateways separately (Helm gateway chart, Gateway API) or install extra control-plane revisions for a canary upgrade.',
    installs: {istiod: true, ingress: false, egress: false, cni: false, ztunnel: false},
  },
  {
    name: 'empty',
    purpose: 'Deploys nothing at all.',
    useWhen: 'As a blank base for a fully custom configuration, such as a gateway-only install.',
    installs: {istiod: false, ingress: false, egress: false, cni: false, ztunnel: false},
  },
  {
    name: 'preview',
    purpose: 'The default components with experimental features switched on.',
    useWhen: 'Trying features that are coming to Istio, never in production.',
    caution: 'Stability, security and performance of the preview features are not guaranteed.',
    installs: {istiod: true, ingress: true, egress: false, cni: false, ztunnel: false},
  },
  {
    name: 'remote',
    purpose: 'Configures a cluster whose proxies are managed by an istiod running elsewhere; installs no istiod or gateway of its own.',
    useWhen: 'A remote cluster in a multicluster mesh, or a cluster that uses an external control plane.',
    installs: {istiod: false, ingress: false, egress: false, cni: false, ztunnel: false},
  },
  {
    name: 'ambient',
    purpose: 'Everything ambient mode needs: the control plane, the istio-cni node agent and ztunnel. No ingress gateway.',
    useWhen: 'Any ambient-mode install. Add ingress with the Gateway API (or the Helm gateway chart) and waypoints for L7.',
    caution: 'Check the platform notes first: minikube, GKE, k3d/K3s, MicroK8s and OpenShift need a platform setting.',
    installs: {istiod: true, ingress: false, egress: false, cni: true, ztunnel: true},
  },
];

/** The same facts as INSTALL_PROFILES, as a profile × component table. */
export const profilesTable = profileComponentTable(
  'install-profiles',
  'What each istioctl configuration profile installs',
  INSTALL_PROFILES,
  MESH_COMPONENTS,
);

type MethodColumn = 'aspect' | 'istioctl' | 'helm';

/** istioctl versus Helm as installation methods. */
export const installMethodsTable: ComparisonTableData<MethodColumn> = {
  id: 'install-methods',
  caption: 'Installing with istioctl or with Helm',
  columns: [
    {key: 'aspect', label: 'Aspect'},
    {key: 'istioctl', label: 'istioctl install'},
    {key: 'helm', label: 'Helm charts'},
  ],
  rows: [
    {
      aspect: 'What you run',
      istioctl: 'One command; the profile decides which components are installed.',
      helm: 'One helm install per chart (base, istiod, cni, ztunnel, gateway), in order.',
    },
    {
      aspect: 'Meaning of a profile',
      istioctl: 'Chooses components and sets values.',
      helm: 'Only sets values inside a chart; you choose the components by choosing charts.',
    },
    {
      aspect: 'Ingress gateway names',
      istioctl: 'istio-ingressgateway in istio-system, pod label istio: ingressgateway.',
      helm: 'Named after the release: release istio-ingress gives label istio: ingress (leading istio- dropped).',
    },
    {
      aspect: 'Checks before install',
      istioctl: 'istioctl x precheck; install waits for readiness and reports each component.',
      helm: 'istioctl x precheck works too; add --wait so each chart is ready before the next.',
    },
    {
      aspect: 'Upgrades',
      istioctl: 'istioctl upgrade (in place) or a second revision (canary).',
      helm: 'helm upgrade per chart, or a second istiod release with a revision (canary).',
    },
    {
      aspect: 'Fits best',
      istioctl: 'Learning, quick clusters, one-person operations.',
      helm: 'GitOps tools (Argo CD, Flux) and teams that already manage everything with charts; istio.io recommends it for production ambient installs.',
    },
  ],
};

type ToolColumn = 'tool' | 'why' | 'version';

/** The command-line tools the course uses. */
export const toolsTable: ComparisonTableData<ToolColumn> = {
  id: 'install-tools',
  caption: 'Command-line tools for installing and operating Istio',
  columns: [
    {key: 'tool', label: 'Tool'},
    {key: 'why', label: 'What for'},
    {key: 'version', label: 'Which version'},
  ],
  rows: [
    {tool: 'kubectl', why: 'Talks to the cluster: apply resources, label namespaces, read pods and logs.', version: 'Within one minor version of the cluster.'},
    {tool: 'istioctl', why: 'Installs, upgrades, checks and inspects Istio (precheck, proxy-status, proxy-config, analyze).', version: 'The same release as the Istio you install or upgrade to.'},
    {tool: 'helm', why: 'Installs Istio chart by chart, for Helm and GitOps workflows.', version: 'Helm 3.'},
    {tool: 'stern', why: 'Optional: tails the logs of many pods at once, such as every ztunnel.', version: 'Any recent release.'},
  ],
};

type UpgradeColumn = 'aspect' | 'inPlace' | 'canary';

/** In-place versus canary upgrades of the control plane (chapter 3, in-place upgrades). */
export const upgradeStrategiesTable: ComparisonTableData<UpgradeColumn> = {
  id: 'upgrade-strategies',
  caption: 'Upgrading the control plane in place or as a canary',
  columns: [
    {key: 'aspect', label: 'Aspect'},
    {key: 'inPlace', label: 'In place'},
    {key: 'canary', label: 'Canary (revisions)'},
  ],
  rows: [
    {
      aspect: 'What you run',
      inPlace: 'istioctl upgrade (or install) with the new istioctl and the same options; or helm upgrade of each chart.',
      canary: 'istioctl install --revision NEW (or a second istiod Helm release), then move tags or namespace labels.',
    },
    {
      aspect: 'Control planes during the upgrade',
      inPlace: 'One: the old istiod is replaced by a rolling update.',
      canary: 'Two, side by side, until the old revision is uninstalled.',
    },
    {
      aspect: 'Supported jump',
      inPlace: 'One minor version at a time (1.30 to 1.31), or any patch within a minor.',
      canary: 'Up to two minor versions.',
    },
    {
      aspect: 'Who gets the new control plane',
      inPlace: 'Every proxy and every namespace at once.',
      canary: 'Only the namespaces you move, when you move them.',
    },
    {
      aspect: 'Proxies',
      inPlace: 'Keep the old version, connected to the new istiod, until their pods restart.',
      canary: 'Keep the old version and the old istiod until their pods restart under the new revision.',
    },
    {
      aspect: 'Injection and validation webhooks',
      inPlace: 'Replaced for the whole cluster in one step.',
      canary: 'One injector per revision; tags decide which one a namespace uses.',
    },
    {
      aspect: 'Rolling back',
      inPlace: 'Another in-place upgrade, back to the old release, and restart the workloads again.',
      canary: 'Point the tag or label back at the old revision and restart the moved workloads.',
    },
    {
      aspect: 'Ambient node components',
      inPlace: {mark: true, note: 'istio-cni and ztunnel are always upgraded in place, node by node.'},
      canary: {mark: false, note: 'not for istio-cni and ztunnel: only istiod and waypoints follow revisions.'},
    },
    {
      aspect: 'Fits best',
      inPlace: 'Patch releases, small meshes, test clusters, teams that can restart everything in one window.',
      canary: 'Minor releases on production meshes, many teams or namespaces, anything that needs a quick way back.',
    },
  ],
};
