/**
 * The Istio Certified Associate curriculum (in force since 12 August 2025) as typed data: the four
 * domains with their exam weight, and the competencies of each, with the fixed ids of
 * /work/helpers/EXAM-PLAN.md. Practice tasks name these ids (labs/tasks/<id>/task.yaml); the exam
 * map (src/data/exam.ts) imports them too, so there is one list.
 */

export const EXAM_DOMAINS = [
  {id: 'installation', title: 'Installation, upgrades and configuration', weight: 20, taskPrefix: 'install-'},
  {id: 'traffic', title: 'Traffic management', weight: 35, taskPrefix: 'traffic-'},
  {id: 'security', title: 'Securing workloads', weight: 25, taskPrefix: 'security-'},
  {id: 'troubleshooting', title: 'Troubleshooting', weight: 20, taskPrefix: 'troubleshoot-'},
] as const;

export type ExamDomainId = (typeof EXAM_DOMAINS)[number]['id'];
export type ExamDomain = (typeof EXAM_DOMAINS)[number];

export const COMPETENCIES = [
  {id: 'install-tools', domain: 'installation', title: 'Install with istioctl or Helm'},
  {id: 'install-modes', domain: 'installation', title: 'Sidecar or ambient mode'},
  {id: 'install-customize', domain: 'installation', title: 'Customize the installation'},
  {id: 'install-upgrade', domain: 'installation', title: 'Upgrade: canary and in-place'},
  {id: 'traffic-ingress-egress', domain: 'traffic', title: 'Ingress and egress'},
  {id: 'traffic-routing', domain: 'traffic', title: 'Request routing'},
  {id: 'traffic-destination-rules', domain: 'traffic', title: 'DestinationRule policies'},
  {id: 'traffic-shifting', domain: 'traffic', title: 'Traffic shifting'},
  {id: 'traffic-outside-mesh', domain: 'traffic', title: 'Workloads and services outside the mesh'},
  {id: 'traffic-resilience', domain: 'traffic', title: 'Resilience: circuit breaking, failover, outlier detection, timeouts, retries'},
  {id: 'traffic-faults', domain: 'traffic', title: 'Fault injection'},
  {id: 'security-authorization', domain: 'security', title: 'Authorization'},
  {id: 'security-authentication', domain: 'security', title: 'Authentication: mTLS and JWT'},
  {id: 'security-edge-tls', domain: 'security', title: 'Securing edge traffic with TLS'},
  {id: 'troubleshoot-config', domain: 'troubleshooting', title: 'Troubleshoot configuration'},
  {id: 'troubleshoot-control-plane', domain: 'troubleshooting', title: 'Troubleshoot the control plane'},
  {id: 'troubleshoot-data-plane', domain: 'troubleshooting', title: 'Troubleshoot the data plane'},
] as const satisfies readonly {id: string; domain: ExamDomainId; title: string}[];

export type CompetencyId = (typeof COMPETENCIES)[number]['id'];
export type Competency = (typeof COMPETENCIES)[number];

export const DOMAIN_IDS: readonly ExamDomainId[] = EXAM_DOMAINS.map((domain) => domain.id);
export const COMPETENCY_IDS: readonly CompetencyId[] = COMPETENCIES.map((competency) => competency.id);

export function isDomainId(value: string): value is ExamDomainId {
  return (DOMAIN_IDS as readonly string[]).includes(value);
}

export function isCompetencyId(value: string): value is CompetencyId {
  return (COMPETENCY_IDS as readonly string[]).includes(value);
}

export function domainOf(id: ExamDomainId): ExamDomain {
  return EXAM_DOMAINS.find((domain) => domain.id === id) as ExamDomain;
}

export function competencyOf(id: CompetencyId): Competency {
  return COMPETENCIES.find((competency) => competency.id === id) as Competency;
}
