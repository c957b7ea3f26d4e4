/**
 * Types of the mesh playground's simulator: the mesh (workloads, services, pods), the requests
 * to send through it, and the traces it returns. Pure data, no React.
 */

/** How a workload takes part in the mesh. */
export type DataPlaneMode = 'sidecar' | 'ambient' | 'outside';

/** How a pod answers, so that timeouts, retries and outlier detection have something to act on. */
export interface PodBehaviour {
  /** Time the application takes to answer, in ms (before httpbin's /delay/N). Default 10. */
  readonly latencyMs?: number;
  /** The pod answers every request with this status (e.g. 503) — a broken replica. */
  readonly failWith?: number;
  /** The pod refuses connections (crashed process): a connect failure, no HTTP answer. */
  readonly refusesConnections?: boolean;
}

export interface Pod {
  readonly name: string;
  readonly behaviour?: PodBehaviour;
}

/** One Deployment: a set of pods sharing labels and a service account. */
export interface Workload {
  /** Unique id in the mesh, also the label of the "source" picker: e.g. "productpage-v1". */
  readonly name: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly mode: DataPlaneMode;
  readonly pods: readonly Pod[];
  /** httpbin answers /status/N with N and /delay/N after N seconds, like the real sample. */
  readonly app?: 'httpbin' | 'generic';
}

export interface Service {
  readonly name: string;
  readonly namespace: string;
  readonly port: number;
  /** The container port the Service forwards to (default: port). Sidecars enforce per-port policy on it. */
  readonly targetPort?: number;
  /** Pod labels the Service selects. */
  readonly selector: Readonly<Record<string, string>>;
  /** Ambient only: the Service is labelled istio.io/use-waypoint and has a waypoint in its namespace. */
  readonly waypoint?: string;
}

export interface Mesh {
  readonly name: string;
  /** Istio's root namespace: policies there apply mesh-wide. */
  readonly rootNamespace: string;
  readonly trustDomain: string;
  readonly services: readonly Service[];
  readonly workloads: readonly Workload[];
  /** meshConfig.extensionProviders usable by CUSTOM authorization policies. */
  readonly extensionProviders: readonly string[];
}

/** One kind of request the learner sends N times. */
export interface RequestSpec {
  /** Name of the sending workload (a Workload.name). */
  readonly source: string;
  /** Host as the client writes it: "reviews", "reviews.default", "reviews.default.svc.cluster.local". */
  readonly host: string;
  readonly port?: number;
  readonly method: string;
  /** Path with an optional query string. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface RunOptions {
  /** Number of requests. */
  readonly count: number;
  /** Seed of the pseudo-random generator: the same seed gives the same run. */
  readonly seed: number;
  /** Requests in flight at once (like fortio -c). Default 1. */
  readonly concurrency?: number;
}

export type Severity = 'error' | 'warning' | 'info';

/** A message about the YAML, located where it applies (1-based line and column). */
export interface Diagnostic {
  readonly severity: Severity;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  /** Field path inside the document, e.g. "spec.http[0].route[1].weight". */
  readonly path?: string;
}

export type StepKind =
  | 'source'
  | 'routing'
  | 'fault'
  | 'destination'
  | 'pool'
  | 'outlier'
  | 'mtls'
  | 'authn'
  | 'authz'
  | 'attempt'
  | 'retry'
  | 'timeout'
  | 'mirror'
  | 'response';

export interface TraceStep {
  readonly kind: StepKind;
  /** Where the decision is taken: "client sidecar", "waypoint", "server ztunnel"… */
  readonly at: string;
  readonly text: string;
  readonly outcome: 'ok' | 'fail' | 'info';
}

export interface AuthzVerdict {
  readonly decision: 'allow' | 'deny';
  readonly enforcedBy: string;
  /** "namespace/name" of the deciding policy, if any. */
  readonly policy?: string;
  readonly rule?: number;
  readonly reason: string;
}

export interface RequestTrace {
  readonly index: number;
  readonly startMs: number;
  /** HTTP status the client sees; 0 when the connection is reset without an HTTP answer. */
  readonly status: number;
  /** Envoy response flags (UO, UT, UH, NR, NC, URX, FI, DI, UF, UC …). */
  readonly flags: readonly string[];
  readonly latencyMs: number;
  /** Matched route, as "VirtualService ns/name, http[i] (name)" or "default route". */
  readonly route: string;
  /** Destination label for the summary: "reviews v2" / "reviews (no subset)". */
  readonly destination?: string;
  readonly pod?: string;
  readonly mtls: 'mutual TLS' | 'plaintext' | 'not reached';
  readonly authz?: AuthzVerdict;
  readonly attempts: number;
  readonly mirroredTo?: string;
  readonly steps: readonly TraceStep[];
}

export interface DestinationCount {
  readonly destination: string;
  readonly count: number;
}

export interface RunSummary {
  readonly total: number;
  readonly byStatus: readonly {status: number; count: number}[];
  readonly byDestination: readonly DestinationCount[];
  readonly mirrored: readonly DestinationCount[];
  readonly meanLatencyMs: number;
  readonly maxLatencyMs: number;
}

export interface RunResult {
  /** Problems in the YAML. When any is an error, no request was simulated. */
  readonly diagnostics: readonly Diagnostic[];
  readonly requests: readonly RequestTrace[];
  readonly summary: RunSummary;
}
