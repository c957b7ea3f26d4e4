/**
 * Types of the mesh playground's simulator: the mesh (workloads, services, pods), the requests
 * to send through it, and what a run returns. Pure data, no React.
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
  /** From this simulated time (ms) on the pod answers failWith; before it answers normally. */
  readonly failFromMs?: number;
  /** Until this simulated time (ms) the pod answers failWith; after it recovers. */
  readonly failUntilMs?: number;
}

export interface Pod {
  readonly name: string;
  readonly behaviour?: PodBehaviour;
}

/**
 * What the application in a workload does with a request. Bookinfo's apps call each other the
 * way samples/bookinfo/src does (see apps.ts); tcp-echo answers with its prefix.
 */
export type AppKind = 'generic' | 'httpbin' | 'productpage' | 'details' | 'reviews' | 'ratings' | 'tcp-echo';

/** One Deployment: a set of pods sharing labels and a service account. */
export interface Workload {
  /** Unique id in the mesh, also the label of the "source" picker: e.g. "productpage-v1". */
  readonly name: string;
  readonly namespace: string;
  readonly serviceAccount: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly mode: DataPlaneMode;
  readonly pods: readonly Pod[];
  readonly app?: AppKind;
  /** reviews: the STAR_COLOR the image is built with; undefined means ratings are not called (v1). */
  readonly starColor?: 'black' | 'red';
  /** tcp-echo: the prefix it writes before the echoed text ("hello", "one", "two"). */
  readonly echoPrefix?: string;
  /** An ingress gateway deployment: the entry point for requests from outside the cluster. */
  readonly gateway?: 'istio' | 'gateway-api';
  /** Pod IP, for ipBlocks. */
  readonly ip?: string;
}

export interface ServicePort {
  readonly name: string;
  readonly port: number;
  /** The container port the Service forwards to (default: port). Sidecars enforce per-port policy on it. */
  readonly targetPort?: number;
  /** Istio picks the protocol from the port name (http-…, tcp-…) or appProtocol. */
  readonly protocol: 'http' | 'tcp';
}

export interface Service {
  readonly name: string;
  readonly namespace: string;
  readonly ports: readonly ServicePort[];
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
  /**
   * Name of the sending workload (a Workload.name), or "browser" for a client outside the
   * cluster, which enters through the ingress gateway.
   */
  readonly source: string;
  /** Host as the client writes it: "reviews", "reviews.default", "reviews.default.svc.cluster.local", "bookinfo.example.com". */
  readonly host: string;
  readonly port?: number;
  readonly method: string;
  /** Path with an optional query string. */
  readonly path: string;
  readonly headers?: Readonly<Record<string, string>>;
  /** The client's IP address as the first proxy sees it (default 203.0.113.10 for the browser). */
  readonly clientIp?: string;
}

export interface RunOptions {
  /** Number of requests. */
  readonly count: number;
  /** Seed of the pseudo-random generator: the same seed gives the same run. */
  readonly seed: number;
  /** Requests in flight at once (like fortio -c): each client sends its next request when the last one is answered. Default 1. */
  readonly concurrency?: number;
  /** Open model instead: a new request starts every 1000/rate ms whatever happened to the last one (like fortio -qps). */
  readonly ratePerSecond?: number;
  /** Full traces kept: the first `sampleFirst` requests (default 5) plus the first of each distinct outcome. */
  readonly sampleFirst?: number;
}

export type {Problem, Severity} from '../problem';

export type StepKind =
  | 'source'
  | 'gateway'
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
  | 'app'
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
  /** The deciding policy is annotated istio.io/dry-run: the decision is only logged. */
  readonly dryRun?: boolean;
}

export type MtlsState = 'mutual TLS' | 'plaintext' | 'not reached';

/** One call from a client to a service, as the client's proxy and the server saw it. */
export interface HopTrace {
  /** 0 for the learner's own request, 1 for calls the application makes in turn, and so on. */
  readonly depth: number;
  /** Calling workload. */
  readonly from: string;
  /** Host called. */
  readonly to: string;
  readonly protocol: 'http' | 'tcp';
  readonly startMs: number;
  /** HTTP status the client sees; 0 when the connection is reset without an HTTP answer. For TCP, 200 means the connection was served. */
  readonly status: number;
  /** Envoy response flags (UO, UT, UH, NR, NC, URX, FI, DI, UF, UC …). */
  readonly flags: readonly string[];
  readonly latencyMs: number;
  /** Matched route, as "VirtualService ns/name, http[i] (name)" or "default route". */
  readonly route: string;
  /** Workload that answered: "reviews-v2". */
  readonly destination?: string;
  readonly pod?: string;
  readonly mtls: MtlsState;
  readonly authz?: AuthzVerdict;
  readonly attempts: number;
  readonly mirroredTo?: string;
  readonly steps: readonly TraceStep[];
}

/** What the learner would see in the browser or terminal, e.g. the Bookinfo page. */
export interface View {
  /** Short label used to group requests: "reviews-v3: red stars". */
  readonly label: string;
  /** The lines of the page or terminal output, in the application's own wording. */
  readonly lines: readonly string[];
}

/** One request end to end: the learner's hop with every call the applications made in turn. */
export interface RequestTrace extends HopTrace {
  readonly index: number;
  readonly view?: View;
  /** Every hop in call order, starting with this request's own hop (depth 0). */
  readonly hops: readonly HopTrace[];
}

export interface Count<K extends string | number = string> {
  readonly key: K;
  readonly count: number;
}

export interface DestinationCount {
  readonly destination: string;
  readonly count: number;
}

export interface OutcomeCount {
  /** "200 · productpage-v1 · reviews-v2: black stars". */
  readonly outcome: string;
  readonly count: number;
  /** Index of the first request with this outcome; its full trace is in RunResult.samples. */
  readonly firstIndex: number;
}

export interface LatencySummary {
  readonly meanMs: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
}

/** Counts and distributions over every request of a run. */
export interface RunSummary {
  readonly total: number;
  readonly byStatus: readonly {status: number; count: number}[];
  readonly byDestination: readonly DestinationCount[];
  readonly mirrored: readonly DestinationCount[];
  readonly byOutcome: readonly OutcomeCount[];
  /** What the learner saw, grouped (Bookinfo page variants, tcp-echo answers). */
  readonly byView: readonly {view: string; count: number}[];
  /** Every hop of every request, grouped by "client → destination workload: status". */
  readonly byHop: readonly {hop: string; count: number}[];
  readonly latency: LatencySummary;
  readonly meanLatencyMs: number;
  readonly maxLatencyMs: number;
  /** Simulated time from the first request's start to the last answer. */
  readonly durationMs: number;
}

export interface RunResult {
  /** Problems in the YAML, located in PLAYGROUND_FILE. When any is an error, no request was simulated. */
  readonly problems: readonly import('../problem').Problem[];
  readonly summary: RunSummary;
  /** Full traces for a sample only: the first few requests and the first of each distinct outcome, in index order. */
  readonly samples: readonly RequestTrace[];
}
