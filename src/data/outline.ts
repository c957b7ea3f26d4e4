/**
 * The course outline shown on the landing page: one entry per part, in reading order.
 * `docPath` is the route of the part's first page, as passed to Docusaurus' Link (which adds the baseUrl).
 */
export interface CoursePart {
  readonly number: number;
  readonly title: string;
  readonly summary: string;
  readonly minutes: number;
  readonly docPath: string;
}

export const COURSE_PARTS: readonly CoursePart[] = [
  {
    number: 1,
    title: 'Why a service mesh',
    summary:
      'From monoliths to microservices, the problems that appear between services, and what a mesh does about them — and when you should not use one.',
    minutes: 25,
    docPath: '/docs/why-mesh/',
  },
  {
    number: 2,
    title: 'Architecture',
    summary:
      'Control plane and data plane, istiod, Envoy, sidecar and ambient modes, and the full path of a request through the mesh.',
    minutes: 60,
    docPath: '/docs/architecture/',
  },
  {
    number: 3,
    title: 'Installing Istio',
    summary:
      'Local clusters, configuration profiles, istioctl and Helm installs in sidecar and ambient mode, injection and canary upgrades.',
    minutes: 60,
    docPath: '/docs/install/',
  },
  {
    number: 4,
    title: 'Traffic management',
    summary:
      'Gateways, VirtualServices, DestinationRules and ServiceEntries: routing, load balancing, canaries, mirroring, ingress, egress and waypoints.',
    minutes: 90,
    docPath: '/docs/traffic/',
  },
  {
    number: 5,
    title: 'Resilience',
    summary: 'Timeouts, retries, fault injection, circuit breaking and graceful shutdown.',
    minutes: 60,
    docPath: '/docs/resilience/',
  },
  {
    number: 6,
    title: 'Security',
    summary:
      'Workload identity, certificates and custom CAs, mutual TLS, JWT request authentication and authorization policies at L4 and L7.',
    minutes: 90,
    docPath: '/docs/security/',
  },
  {
    number: 7,
    title: 'Observability',
    summary: 'Metrics, golden signals, Prometheus and Grafana, distributed tracing, Kiali and access logs.',
    minutes: 75,
    docPath: '/docs/observability/',
  },
  {
    number: 8,
    title: 'Advanced topics',
    summary: 'Multi-cluster meshes, trust domains, virtual machines, extending Envoy and the istio-cni plugin.',
    minutes: 45,
    docPath: '/docs/advanced/',
  },
  {
    number: 9,
    title: 'Operating and troubleshooting',
    summary: 'istioctl diagnostics, the Envoy admin interface, response flags and a symptom-to-fix playbook.',
    minutes: 45,
    docPath: '/docs/operations/',
  },
  {
    number: 10,
    title: 'Practice',
    summary: 'Scenario playbooks for real situations and a production checklist.',
    minutes: 45,
    docPath: '/docs/practice/',
  },
];

export function totalMinutes(parts: readonly CoursePart[]): number {
  return parts.reduce((sum, part) => sum + part.minutes, 0);
}

export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  return rest === 0 ? `${hours} h` : `${hours} h ${rest} min`;
}
