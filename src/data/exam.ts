/**
 * The Istio Certified Associate (ICA) exam, curriculum in force since 12 August 2025, mapped to
 * this course. Domains, weights and competencies come from src/lib/tasks/competencies.ts (the
 * list practice tasks are checked against); COVERAGE, keyed by competency id so the compiler
 * rejects a missing one, lists for each the chapters (doc routes, optionally with a #heading
 * anchor), labs and playground presets that prepare it. Practice tasks are not listed here: each task names its competencies in its
 * task.yaml, and the exam page reads them from the `tasks` plugin (one source).
 * tests/unit/exam.test.ts checks every route, anchor, lab and preset against the real content.
 */
import {COMPETENCIES, EXAM_DOMAINS as CURRICULUM_DOMAINS, type CompetencyId, type ExamDomainId} from '../lib/tasks/competencies';
import type {LabId} from './labCatalog';

/**
 * Labs that are being written in parallel with this map (EXAM-PLAN.md) and are not in this
 * branch's lab catalog yet. tests/unit/exam.test.ts fails once one of them exists, so the entry
 * is removed here when the work is merged.
 */
export const LABS_AWAITING_MERGE = ['ingress-tls', 'egress', 'in-place-upgrade'] as const;
/** Chapters in the same situation (routes of docs being written in parallel). */
export const CHAPTERS_AWAITING_MERGE: readonly string[] = [
  '/docs/traffic/ingress-tls/',
  '/docs/traffic/egress/',
  '/docs/install/in-place-upgrade/',
];

export type ExamLabId = LabId | (typeof LABS_AWAITING_MERGE)[number];

/** What prepares one competency. */
export interface Coverage {
  /** Doc routes, `/docs/<part>/<page>/` or with `#anchor`; the first is the main one. */
  readonly chapters: readonly string[];
  readonly labs: readonly ExamLabId[];
  /** Ids from src/data/playgroundExamples.ts. */
  readonly presets: readonly string[];
}

export interface ExamCompetency extends Coverage {
  readonly id: CompetencyId;
  readonly title: string;
}

export interface ExamDomain {
  readonly id: ExamDomainId;
  readonly title: string;
  /** Share of the exam score, in percent. */
  readonly weight: number;
  readonly competencies: readonly ExamCompetency[];
}

export const COVERAGE: Readonly<Record<CompetencyId, Coverage>> = {
  'install-tools': {
    chapters: ['/docs/install/istioctl/', '/docs/install/helm/', '/docs/install/prerequisites/'],
    labs: ['local-cluster', 'sidecar-install', 'ambient-helm'],
    presets: [],
  },
  'install-modes': {
    chapters: [
      '/docs/architecture/data-plane-modes/',
      '/docs/architecture/ambient-internals/',
      '/docs/install/sidecar-injection/',
      '/docs/install/istioctl/#ambient-mode',
    ],
    labs: ['sidecar-install', 'ambient-install'],
    presets: ['authz-ambient-l7'],
  },
  'install-customize': {
    chapters: ['/docs/install/profiles/#customising-a-profile', '/docs/install/helm/#values-files', '/docs/advanced/istio-cni/'],
    labs: ['ambient-helm', 'observability-addons'],
    presets: [],
  },
  'install-upgrade': {
    chapters: ['/docs/install/canary-upgrade/', '/docs/install/in-place-upgrade/'],
    labs: ['canary-upgrade', 'in-place-upgrade'],
    presets: [],
  },
  'traffic-ingress-egress': {
    chapters: [
      '/docs/traffic/ingress-egress/',
      '/docs/traffic/ingress-tls/',
      '/docs/traffic/egress/',
      '/docs/install/profiles/#gateways-ingress-and-egress',
    ],
    labs: ['ingress-tls', 'egress'],
    presets: ['ingress-gateway-api'],
  },
  'traffic-routing': {
    chapters: ['/docs/traffic/virtual-service/', '/docs/traffic/request-routing/', '/docs/traffic/waypoints/'],
    labs: ['request-routing'],
    presets: ['request-routing', 'header-canary'],
  },
  'traffic-destination-rules': {
    chapters: ['/docs/traffic/destination-rule/'],
    labs: ['circuit-breaking'],
    presets: ['circuit-breaking', 'outlier-ejection'],
  },
  'traffic-shifting': {
    chapters: ['/docs/traffic/canary-releases/', '/docs/traffic/mirroring/', '/docs/practice/release-strategies/'],
    labs: ['traffic-shifting'],
    presets: ['traffic-shifting', 'tcp-shifting', 'mirroring'],
  },
  'traffic-outside-mesh': {
    chapters: [
      '/docs/traffic/egress/',
      '/docs/traffic/ingress-egress/#egress-calling-the-outside-world',
      '/docs/advanced/trust-and-vms/#virtual-machines-and-bare-metal',
    ],
    labs: ['egress'],
    presets: [],
  },
  'traffic-resilience': {
    chapters: [
      '/docs/resilience/timeouts-retries/',
      '/docs/resilience/circuit-breaking/',
      '/docs/advanced/multicluster/#locality-failover',
      '/docs/practice/resilience-and-scale/',
    ],
    labs: ['timeouts-retries', 'circuit-breaking'],
    presets: ['timeouts-retries', 'circuit-breaking', 'outlier-ejection', 'outlier-over-time'],
  },
  'traffic-faults': {
    chapters: ['/docs/resilience/fault-injection/'],
    labs: ['fault-injection'],
    presets: ['fault-delay', 'fault-abort'],
  },
  'security-authorization': {
    chapters: ['/docs/security/authorization/', '/docs/practice/security-scenarios/'],
    labs: ['authorization'],
    presets: ['authz-l4', 'authz-l7', 'authz-deny-order', 'authz-ambient-l7'],
  },
  'security-authentication': {
    chapters: [
      '/docs/security/mutual-tls/',
      '/docs/security/request-authentication/',
      '/docs/security/identity-and-certificates/',
      '/docs/security/custom-ca/',
    ],
    labs: ['mtls', 'custom-ca'],
    presets: ['mtls-strict', 'gateway-jwt'],
  },
  'security-edge-tls': {
    chapters: ['/docs/traffic/ingress-tls/', '/docs/traffic/ingress-egress/#ingress-with-an-istio-gateway', '/docs/traffic/egress/'],
    labs: ['ingress-tls'],
    presets: [],
  },
  'troubleshoot-config': {
    chapters: [
      '/docs/operations/diagnostic-commands/#istioctl-analyze-is-the-configuration-right',
      '/docs/operations/symptom-playbook/',
      '/docs/architecture/istiod/#when-validation-says-no',
    ],
    labs: [],
    presets: [],
  },
  'troubleshoot-control-plane': {
    chapters: [
      '/docs/architecture/istiod/',
      '/docs/operations/diagnostic-commands/#istioctl-proxy-status-did-every-proxy-get-it',
      '/docs/operations/diagnostic-commands/#logs',
    ],
    labs: [],
    presets: [],
  },
  'troubleshoot-data-plane': {
    chapters: [
      '/docs/operations/diagnostic-commands/#istioctl-proxy-config-what-exactly-did-the-proxy-receive',
      '/docs/operations/response-flags/',
      '/docs/observability/access-logs/',
      '/docs/architecture/envoy/',
    ],
    labs: [],
    presets: [],
  },
};

/** The curriculum (src/lib/tasks/competencies.ts, one list) with what prepares each competency. */
export const EXAM_DOMAINS: readonly ExamDomain[] = CURRICULUM_DOMAINS.map((domain) => ({
  id: domain.id,
  title: domain.title,
  weight: domain.weight,
  competencies: COMPETENCIES.filter((competency) => competency.domain === domain.id).map((competency) => ({
    id: competency.id,
    title: competency.title,
    ...COVERAGE[competency.id],
  })),
}));

export function allCompetencies(domains: readonly ExamDomain[] = EXAM_DOMAINS): ExamCompetency[] {
  return domains.flatMap((domain) => domain.competencies);
}

/** The playground page that embeds each preset (checked against docs/12-playground/ by the exam test). */
export const PRESET_PAGES: Readonly<Record<string, readonly string[]>> = {
  '/docs/playground/traffic/': ['request-routing', 'traffic-shifting', 'header-canary', 'mirroring'],
  '/docs/playground/resilience/': [
    'fault-delay',
    'fault-abort',
    'timeouts-retries',
    'circuit-breaking',
    'outlier-ejection',
    'outlier-over-time',
  ],
  '/docs/playground/security/': ['mtls-strict', 'authz-l4', 'authz-l7', 'authz-deny-order', 'authz-ambient-l7'],
  '/docs/playground/whole-path/': ['ingress-gateway-api', 'gateway-jwt', 'tcp-shifting'],
};

export function presetPage(presetId: string): string | undefined {
  return Object.entries(PRESET_PAGES).find(([, ids]) => ids.includes(presetId))?.[0];
}
