/**
 * A small field schema for the Istio kinds the playground reads. It knows every field of the
 * parts the simulator models and the common fields it does not model (accepted with a
 * warning), so a misspelt field is reported the way `kubectl apply` would reject it.
 */

export type FieldSchema =
  | {readonly t: 'str' | 'int' | 'num' | 'bool' | 'dur' | 'strmap' | 'any'; readonly nm?: string}
  | {readonly t: 'enum'; readonly v: readonly string[]; readonly nm?: string}
  | {readonly t: 'obj'; readonly f: Readonly<Record<string, FieldSchema>>; readonly nm?: string}
  | {readonly t: 'arr'; readonly of: FieldSchema; readonly nm?: string}
  | {readonly t: 'map'; readonly of: FieldSchema; readonly nm?: string};

const str: FieldSchema = {t: 'str'};
const int: FieldSchema = {t: 'int'};
const num: FieldSchema = {t: 'num'};
const bool: FieldSchema = {t: 'bool'};
const dur: FieldSchema = {t: 'dur'};
const strmap: FieldSchema = {t: 'strmap'};
const strs: FieldSchema = {t: 'arr', of: str};
const obj = (f: Record<string, FieldSchema>): FieldSchema => ({t: 'obj', f});
const arr = (of: FieldSchema): FieldSchema => ({t: 'arr', of});
const map = (of: FieldSchema): FieldSchema => ({t: 'map', of});
/** A field Istio accepts that the simulator ignores: it gets a warning, not an error. */
const nm = (why: string, base: FieldSchema = {t: 'any'}): FieldSchema => ({...base, nm: why});

const NOT_SIMULATED = 'not simulated by the playground';

const stringMatch = obj({exact: str, prefix: str, regex: str});
const percent = obj({value: num});
const destination = obj({host: str, subset: str, port: obj({number: int})});
const selector = obj({matchLabels: strmap, matchExpressions: nm(NOT_SIMULATED)});
const policyTargetRef = obj({group: str, kind: str, name: str, namespace: str});

const httpMatch = obj({
  name: str,
  uri: stringMatch,
  method: stringMatch,
  headers: map(stringMatch),
  withoutHeaders: map(stringMatch),
  queryParams: map(stringMatch),
  ignoreUriCase: bool,
  port: int,
  sourceLabels: strmap,
  sourceNamespace: str,
  scheme: nm(NOT_SIMULATED),
  authority: nm(NOT_SIMULATED),
  gateways: nm('gateway traffic is ' + NOT_SIMULATED),
  statPrefix: nm(NOT_SIMULATED),
});

const httpRoute = obj({
  name: str,
  match: arr(httpMatch),
  route: arr(obj({destination, weight: int, headers: nm(NOT_SIMULATED)})),
  timeout: dur,
  retries: obj({
    attempts: int,
    perTryTimeout: dur,
    retryOn: str,
    retryIgnorePreviousHosts: bool,
    backoff: dur,
    retryRemoteLocalities: nm(NOT_SIMULATED),
  }),
  fault: obj({
    delay: obj({fixedDelay: dur, percentage: percent, percent: int, exponentialDelay: nm(NOT_SIMULATED)}),
    abort: obj({httpStatus: int, percentage: percent, grpcStatus: nm(NOT_SIMULATED), http2Error: nm(NOT_SIMULATED)}),
  }),
  mirror: destination,
  mirrorPercentage: percent,
  mirrors: arr(obj({destination, percentage: percent})),
  redirect: nm(NOT_SIMULATED),
  directResponse: nm(NOT_SIMULATED),
  delegate: nm(NOT_SIMULATED),
  rewrite: nm(NOT_SIMULATED),
  corsPolicy: nm(NOT_SIMULATED),
  headers: nm(NOT_SIMULATED),
});

const trafficPolicy = obj({
  loadBalancer: obj({
    simple: {t: 'enum', v: ['UNSPECIFIED', 'LEAST_CONN', 'RANDOM', 'PASSTHROUGH', 'ROUND_ROBIN', 'LEAST_REQUEST']},
    consistentHash: nm(NOT_SIMULATED),
    localityLbSetting: nm(NOT_SIMULATED),
    warmupDurationSecs: nm(NOT_SIMULATED),
    warmup: nm(NOT_SIMULATED),
  }),
  connectionPool: obj({
    tcp: obj({
      maxConnections: int,
      connectTimeout: nm(NOT_SIMULATED),
      tcpKeepalive: nm(NOT_SIMULATED),
      maxConnectionDuration: nm(NOT_SIMULATED),
      idleTimeout: nm(NOT_SIMULATED),
    }),
    http: obj({
      http1MaxPendingRequests: int,
      http2MaxRequests: int,
      maxRequestsPerConnection: int,
      maxRetries: nm(NOT_SIMULATED),
      idleTimeout: nm(NOT_SIMULATED),
      h2UpgradePolicy: nm(NOT_SIMULATED),
      useClientProtocol: nm(NOT_SIMULATED),
      maxConcurrentStreams: nm(NOT_SIMULATED),
    }),
  }),
  outlierDetection: obj({
    consecutive5xxErrors: int,
    consecutiveGatewayErrors: int,
    interval: dur,
    baseEjectionTime: dur,
    maxEjectionPercent: int,
    minHealthPercent: int,
    consecutiveErrors: nm('deprecated and ignored by istiod: use consecutive5xxErrors or consecutiveGatewayErrors'),
    splitExternalLocalOriginErrors: nm(NOT_SIMULATED),
    consecutiveLocalOriginFailures: nm(NOT_SIMULATED),
  }),
  tls: obj({
    mode: {t: 'enum', v: ['DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL']},
    clientCertificate: nm(NOT_SIMULATED),
    privateKey: nm(NOT_SIMULATED),
    caCertificates: nm(NOT_SIMULATED),
    credentialName: nm(NOT_SIMULATED),
    subjectAltNames: nm(NOT_SIMULATED),
    sni: nm(NOT_SIMULATED),
    insecureSkipVerify: nm(NOT_SIMULATED),
  }),
  portLevelSettings: nm(NOT_SIMULATED),
  tunnel: nm(NOT_SIMULATED),
  proxyProtocol: nm(NOT_SIMULATED),
  retryBudget: nm(NOT_SIMULATED),
});

const mtlsMode: FieldSchema = {t: 'enum', v: ['UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT']};

const source = obj({
  principals: strs,
  notPrincipals: strs,
  requestPrincipals: strs,
  notRequestPrincipals: strs,
  namespaces: strs,
  notNamespaces: strs,
  serviceAccounts: strs,
  notServiceAccounts: strs,
  ipBlocks: nm('workloads have no IP addresses in the playground, so this never matches', strs),
  notIpBlocks: nm('workloads have no IP addresses in the playground, so this never matches', strs),
  remoteIpBlocks: nm('workloads have no IP addresses in the playground, so this never matches', strs),
  notRemoteIpBlocks: nm('workloads have no IP addresses in the playground, so this never matches', strs),
});

const operation = obj({
  hosts: strs,
  notHosts: strs,
  ports: strs,
  notPorts: strs,
  methods: strs,
  notMethods: strs,
  paths: strs,
  notPaths: strs,
});

const rule = obj({
  from: arr(obj({source})),
  to: arr(obj({operation})),
  when: arr(obj({key: str, values: strs, notValues: strs})),
});

export const SPEC_SCHEMAS: Readonly<Record<string, FieldSchema>> = {
  VirtualService: obj({
    hosts: strs,
    gateways: strs,
    http: arr(httpRoute),
    tcp: nm('TCP routes are ' + NOT_SIMULATED),
    tls: nm('TLS routes are ' + NOT_SIMULATED),
    exportTo: nm(NOT_SIMULATED),
  }),
  DestinationRule: obj({
    host: str,
    trafficPolicy,
    subsets: arr(obj({name: str, labels: strmap, trafficPolicy})),
    exportTo: nm(NOT_SIMULATED),
    workloadSelector: nm(NOT_SIMULATED),
  }),
  PeerAuthentication: obj({
    selector,
    mtls: obj({mode: mtlsMode}),
    portLevelMtls: map(obj({mode: mtlsMode})),
  }),
  AuthorizationPolicy: obj({
    selector,
    targetRef: policyTargetRef,
    targetRefs: arr(policyTargetRef),
    action: {t: 'enum', v: ['ALLOW', 'DENY', 'AUDIT', 'CUSTOM']},
    provider: obj({name: str}),
    rules: arr(rule),
  }),
  RequestAuthentication: obj({
    selector,
    targetRef: policyTargetRef,
    targetRefs: arr(policyTargetRef),
    jwtRules: arr(
      obj({
        issuer: str,
        audiences: strs,
        jwksUri: nm('signatures are not checked by the playground', str),
        jwks: nm('signatures are not checked by the playground', str),
        fromHeaders: nm(NOT_SIMULATED),
        fromParams: nm(NOT_SIMULATED),
        fromCookies: nm(NOT_SIMULATED),
        outputPayloadToHeader: nm(NOT_SIMULATED),
        outputClaimToHeaders: nm(NOT_SIMULATED),
        forwardOriginalToken: nm(NOT_SIMULATED),
        timeout: nm(NOT_SIMULATED),
      }),
    ),
  }),
};

export const METADATA_SCHEMA: FieldSchema = obj({
  name: str,
  namespace: str,
  labels: strmap,
  annotations: strmap,
  uid: {t: 'any'},
  resourceVersion: {t: 'any'},
  generation: {t: 'any'},
  creationTimestamp: {t: 'any'},
});

/** apiVersion groups each simulated kind is served under. */
export const KIND_GROUPS: Readonly<Record<string, {group: string; versions: readonly string[]}>> = {
  VirtualService: {group: 'networking.istio.io', versions: ['v1', 'v1beta1', 'v1alpha3']},
  DestinationRule: {group: 'networking.istio.io', versions: ['v1', 'v1beta1', 'v1alpha3']},
  PeerAuthentication: {group: 'security.istio.io', versions: ['v1', 'v1beta1']},
  AuthorizationPolicy: {group: 'security.istio.io', versions: ['v1', 'v1beta1']},
  RequestAuthentication: {group: 'security.istio.io', versions: ['v1', 'v1beta1']},
};

/** Real kinds the playground does not simulate: accepted with a warning and skipped. */
export const KNOWN_UNSIMULATED_KINDS: readonly string[] = [
  'Gateway',
  'ServiceEntry',
  'Sidecar',
  'WorkloadEntry',
  'WorkloadGroup',
  'EnvoyFilter',
  'ProxyConfig',
  'Telemetry',
  'WasmPlugin',
  'HTTPRoute',
  'GRPCRoute',
  'TCPRoute',
  'TLSRoute',
  'ReferenceGrant',
  'Service',
  'Deployment',
  'ServiceAccount',
  'Namespace',
  'ConfigMap',
  'Pod',
];
