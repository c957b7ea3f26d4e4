/**
 * A small field schema for the kinds the playground reads. It knows every field of the parts the
 * simulator models and the common fields it does not model (accepted with a warning), so a
 * misspelt field is reported the way `kubectl apply` would reject it.
 */

export type FieldSchema =
  | {readonly type: 'string' | 'integer' | 'number' | 'boolean' | 'duration' | 'labels' | 'any'; readonly ignoredBecause?: string}
  | {readonly type: 'enum'; readonly values: readonly string[]; readonly ignoredBecause?: string}
  | {readonly type: 'object'; readonly fields: Readonly<Record<string, FieldSchema>>; readonly ignoredBecause?: string}
  | {readonly type: 'list'; readonly items: FieldSchema; readonly ignoredBecause?: string}
  | {readonly type: 'map'; readonly items: FieldSchema; readonly ignoredBecause?: string};

const str: FieldSchema = {type: 'string'};
const int: FieldSchema = {type: 'integer'};
const num: FieldSchema = {type: 'number'};
const bool: FieldSchema = {type: 'boolean'};
const dur: FieldSchema = {type: 'duration'};
const strmap: FieldSchema = {type: 'labels'};
const anything: FieldSchema = {type: 'any'};
const strs: FieldSchema = {type: 'list', items: str};
const obj = (fields: Record<string, FieldSchema>): FieldSchema => ({type: 'object', fields});
const arr = (items: FieldSchema): FieldSchema => ({type: 'list', items});
const map = (items: FieldSchema): FieldSchema => ({type: 'map', items});
const oneOf = (...values: string[]): FieldSchema => ({type: 'enum', values});
/** A field Istio accepts that the simulator ignores: it gets a warning, not an error. */
const ignored = (why: string, base: FieldSchema = anything): FieldSchema => ({...base, ignoredBecause: why});

const NOT_SIMULATED = 'not simulated by the playground';

const stringMatch = obj({exact: str, prefix: str, regex: str});
const percent = obj({value: num});
const destination = obj({host: str, subset: str, port: obj({number: int})});
const selector = obj({matchLabels: strmap, matchExpressions: ignored(NOT_SIMULATED)});
const policyTargetRef = obj({group: str, kind: str, name: str, namespace: str});

const headerOperations = obj({set: strmap, add: strmap, remove: strs});
const headers = obj({request: headerOperations, response: ignored(NOT_SIMULATED)});

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
  scheme: ignored(NOT_SIMULATED),
  authority: ignored(NOT_SIMULATED),
  gateways: strs,
  statPrefix: ignored(NOT_SIMULATED),
});

const httpRoute = obj({
  name: str,
  match: arr(httpMatch),
  route: arr(obj({destination, weight: int, headers})),
  timeout: dur,
  retries: obj({
    attempts: int,
    perTryTimeout: dur,
    retryOn: str,
    retryIgnorePreviousHosts: bool,
    backoff: dur,
    retryRemoteLocalities: ignored(NOT_SIMULATED),
  }),
  fault: obj({
    delay: obj({fixedDelay: dur, percentage: percent, percent: int, exponentialDelay: ignored(NOT_SIMULATED)}),
    abort: obj({httpStatus: int, percentage: percent, grpcStatus: ignored(NOT_SIMULATED), http2Error: ignored(NOT_SIMULATED)}),
  }),
  mirror: destination,
  mirrorPercentage: percent,
  mirrors: arr(obj({destination, percentage: percent})),
  redirect: obj({uri: str, authority: str, redirectCode: int, port: ignored(NOT_SIMULATED), scheme: ignored(NOT_SIMULATED), derivePort: ignored(NOT_SIMULATED)}),
  directResponse: obj({status: int, body: obj({string: str, bytes: ignored(NOT_SIMULATED)})}),
  delegate: ignored(NOT_SIMULATED),
  rewrite: obj({uri: str, authority: str, uriRegexRewrite: ignored(NOT_SIMULATED)}),
  corsPolicy: ignored(NOT_SIMULATED),
  headers,
});

const trafficPolicy = obj({
  loadBalancer: obj({
    simple: oneOf('UNSPECIFIED', 'LEAST_CONN', 'RANDOM', 'PASSTHROUGH', 'ROUND_ROBIN', 'LEAST_REQUEST'),
    consistentHash: ignored(NOT_SIMULATED),
    localityLbSetting: ignored(NOT_SIMULATED),
    warmupDurationSecs: ignored(NOT_SIMULATED),
    warmup: ignored(NOT_SIMULATED),
  }),
  connectionPool: obj({
    tcp: obj({
      maxConnections: int,
      connectTimeout: ignored(NOT_SIMULATED),
      tcpKeepalive: ignored(NOT_SIMULATED),
      maxConnectionDuration: ignored(NOT_SIMULATED),
      idleTimeout: ignored(NOT_SIMULATED),
    }),
    http: obj({
      http1MaxPendingRequests: int,
      http2MaxRequests: int,
      maxRequestsPerConnection: int,
      maxRetries: ignored(NOT_SIMULATED),
      idleTimeout: ignored(NOT_SIMULATED),
      h2UpgradePolicy: ignored(NOT_SIMULATED),
      useClientProtocol: ignored(NOT_SIMULATED),
      maxConcurrentStreams: ignored(NOT_SIMULATED),
    }),
  }),
  outlierDetection: obj({
    consecutive5xxErrors: int,
    consecutiveGatewayErrors: int,
    interval: dur,
    baseEjectionTime: dur,
    maxEjectionPercent: int,
    minHealthPercent: int,
    consecutiveErrors: ignored('deprecated and ignored by istiod: use consecutive5xxErrors or consecutiveGatewayErrors'),
    splitExternalLocalOriginErrors: ignored(NOT_SIMULATED),
    consecutiveLocalOriginFailures: ignored(NOT_SIMULATED),
  }),
  tls: obj({
    mode: oneOf('DISABLE', 'SIMPLE', 'MUTUAL', 'ISTIO_MUTUAL'),
    clientCertificate: ignored(NOT_SIMULATED),
    privateKey: ignored(NOT_SIMULATED),
    caCertificates: ignored(NOT_SIMULATED),
    credentialName: ignored(NOT_SIMULATED),
    subjectAltNames: ignored(NOT_SIMULATED),
    sni: ignored(NOT_SIMULATED),
    insecureSkipVerify: ignored(NOT_SIMULATED),
  }),
  portLevelSettings: ignored(NOT_SIMULATED),
  tunnel: ignored(NOT_SIMULATED),
  proxyProtocol: ignored(NOT_SIMULATED),
  retryBudget: ignored(NOT_SIMULATED),
});

const mtlsMode: FieldSchema = oneOf('UNSET', 'DISABLE', 'PERMISSIVE', 'STRICT');

const source = obj({
  principals: strs,
  notPrincipals: strs,
  requestPrincipals: strs,
  notRequestPrincipals: strs,
  namespaces: strs,
  notNamespaces: strs,
  serviceAccounts: strs,
  notServiceAccounts: strs,
  ipBlocks: strs,
  notIpBlocks: strs,
  remoteIpBlocks: strs,
  notRemoteIpBlocks: strs,
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

const ISTIO_SCHEMAS: Readonly<Record<string, FieldSchema>> = {
  VirtualService: obj({
    hosts: strs,
    gateways: strs,
    http: arr(httpRoute),
    tcp: arr(obj({
      match: arr(obj({port: int, sourceLabels: strmap, sourceNamespace: str, gateways: strs, destinationSubnets: ignored(NOT_SIMULATED, strs)})),
      route: arr(obj({destination, weight: int})),
    })),
    tls: ignored('TLS routes are ' + NOT_SIMULATED),
    exportTo: ignored(NOT_SIMULATED),
  }),
  DestinationRule: obj({
    host: str,
    trafficPolicy,
    subsets: arr(obj({name: str, labels: strmap, trafficPolicy})),
    exportTo: ignored(NOT_SIMULATED),
    workloadSelector: ignored(NOT_SIMULATED),
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
    action: oneOf('ALLOW', 'DENY', 'AUDIT', 'CUSTOM'),
    provider: obj({name: str}),
    rules: arr(rule),
  }),
  Gateway: obj({
    selector: strmap,
    servers: arr(obj({port: obj({number: int, name: str, protocol: str, targetPort: ignored(NOT_SIMULATED)}), hosts: strs, tls: ignored(NOT_SIMULATED), name: str, bind: ignored(NOT_SIMULATED)})),
  }),
  RequestAuthentication: obj({
    selector,
    targetRef: policyTargetRef,
    targetRefs: arr(policyTargetRef),
    jwtRules: arr(
      obj({
        issuer: str,
        audiences: strs,
        jwksUri: ignored('signatures are not checked by the playground', str),
        jwks: ignored('signatures are not checked by the playground', str),
        fromHeaders: ignored(NOT_SIMULATED),
        fromParams: ignored(NOT_SIMULATED),
        fromCookies: ignored(NOT_SIMULATED),
        outputPayloadToHeader: ignored(NOT_SIMULATED),
        outputClaimToHeaders: ignored(NOT_SIMULATED),
        forwardOriginalToken: ignored(NOT_SIMULATED),
        timeout: ignored(NOT_SIMULATED),
      }),
    ),
  }),
};

const parentRef = obj({group: str, kind: str, name: str, namespace: str, port: int, sectionName: str});
const backendRef = obj({group: str, kind: str, name: str, namespace: str, port: int, weight: int});
const pathModifier = obj({type: oneOf('ReplaceFullPath', 'ReplacePrefixMatch'), replaceFullPath: str, replacePrefixMatch: str});
const nameValues = arr(obj({name: str, value: str}));
const httpRouteFilter = obj({
  type: oneOf('RequestHeaderModifier', 'ResponseHeaderModifier', 'RequestRedirect', 'URLRewrite', 'RequestMirror', 'CORS', 'ExtensionRef'),
  requestHeaderModifier: obj({set: nameValues, add: nameValues, remove: strs}),
  responseHeaderModifier: ignored(NOT_SIMULATED),
  requestRedirect: obj({scheme: str, hostname: str, path: pathModifier, port: int, statusCode: int}),
  urlRewrite: obj({hostname: str, path: pathModifier}),
  requestMirror: obj({backendRef, percent: int, fraction: ignored(NOT_SIMULATED)}),
  cors: ignored(NOT_SIMULATED),
  extensionRef: ignored(NOT_SIMULATED),
});
const typedMatch = (types: string[]) => arr(obj({type: oneOf(...types), name: str, value: str}));

/** gateway.networking.k8s.io kinds, with the fields of Gateway API v1.6.0 the simulator reads. */
const GATEWAY_API_SCHEMAS: Readonly<Record<string, FieldSchema>> = {
  K8sGateway: obj({
    gatewayClassName: str,
    listeners: arr(obj({name: str, hostname: str, port: int, protocol: str, tls: ignored(NOT_SIMULATED), allowedRoutes: ignored(NOT_SIMULATED)})),
    addresses: ignored(NOT_SIMULATED),
    infrastructure: ignored(NOT_SIMULATED),
  }),
  HTTPRoute: obj({
    parentRefs: arr(parentRef),
    hostnames: strs,
    rules: arr(
      obj({
        name: str,
        matches: arr(
          obj({
            path: obj({type: oneOf('Exact', 'PathPrefix', 'RegularExpression'), value: str}),
            headers: typedMatch(['Exact', 'RegularExpression']),
            queryParams: typedMatch(['Exact', 'RegularExpression']),
            method: oneOf('GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'CONNECT', 'OPTIONS', 'TRACE', 'PATCH'),
          }),
        ),
        filters: arr(httpRouteFilter),
        backendRefs: arr(obj({group: str, kind: str, name: str, namespace: str, port: int, weight: int, filters: arr(httpRouteFilter)})),
        timeouts: obj({request: dur, backendRequest: dur}),
        retry: ignored(NOT_SIMULATED),
        sessionPersistence: ignored(NOT_SIMULATED),
      }),
    ),
  }),
  TCPRoute: obj({parentRefs: arr(parentRef), rules: arr(obj({name: str, backendRefs: arr(backendRef)}))}),
};

export const SPEC_SCHEMAS: Readonly<Record<string, FieldSchema>> = {...ISTIO_SCHEMAS, ...GATEWAY_API_SCHEMAS};

/** meshConfig fields read from the istio ConfigMap's data.mesh. */
export const MESH_CONFIG_SCHEMA: FieldSchema = obj({
  enableAutoMtls: bool,
  extensionProviders: arr(obj({name: str, envoyExtAuthzHttp: anything, envoyExtAuthzGrpc: anything})),
  defaultConfig: obj({gatewayTopology: obj({numTrustedProxies: int, forwardClientCertDetails: ignored(NOT_SIMULATED)})}),
  rootNamespace: ignored(NOT_SIMULATED),
  trustDomain: ignored(NOT_SIMULATED),
  accessLogFile: ignored(NOT_SIMULATED),
  outboundTrafficPolicy: ignored(NOT_SIMULATED),
  defaultProviders: ignored(NOT_SIMULATED),
});

export const METADATA_SCHEMA: FieldSchema = obj({
  name: str,
  namespace: str,
  labels: strmap,
  annotations: strmap,
  uid: anything,
  resourceVersion: anything,
  generation: anything,
  creationTimestamp: anything,
});

export interface KindEntry {
  /** The kind as written in YAML. */
  readonly kind: string;
  readonly group: string;
  readonly versions: readonly string[];
  /** The current version, suggested in messages. */
  readonly current: string;
  /** Name inside the simulator (Gateway API's Gateway becomes K8sGateway). */
  readonly internal: string;
}

const istioKind = (kind: string, group: string, versions: string[]): KindEntry => ({kind, group, versions, current: 'v1', internal: kind});

/** Kinds the playground simulates, by the group and versions that serve them. */
export const KINDS: readonly KindEntry[] = [
  istioKind('VirtualService', 'networking.istio.io', ['v1', 'v1beta1', 'v1alpha3']),
  istioKind('DestinationRule', 'networking.istio.io', ['v1', 'v1beta1', 'v1alpha3']),
  istioKind('Gateway', 'networking.istio.io', ['v1', 'v1beta1', 'v1alpha3']),
  istioKind('PeerAuthentication', 'security.istio.io', ['v1', 'v1beta1']),
  istioKind('AuthorizationPolicy', 'security.istio.io', ['v1', 'v1beta1']),
  istioKind('RequestAuthentication', 'security.istio.io', ['v1', 'v1beta1']),
  {kind: 'Gateway', group: 'gateway.networking.k8s.io', versions: ['v1', 'v1beta1'], current: 'v1', internal: 'K8sGateway'},
  {kind: 'HTTPRoute', group: 'gateway.networking.k8s.io', versions: ['v1', 'v1beta1'], current: 'v1', internal: 'HTTPRoute'},
  {kind: 'TCPRoute', group: 'gateway.networking.k8s.io', versions: ['v1alpha2'], current: 'v1alpha2', internal: 'TCPRoute'},
  {kind: 'ConfigMap', group: '', versions: ['v1'], current: 'v1', internal: 'MeshConfig'},
];

/** Real kinds the playground does not simulate: accepted with a warning and skipped. */
export const KNOWN_UNSIMULATED_KINDS: readonly string[] = [
  'ServiceEntry',
  'Sidecar',
  'WorkloadEntry',
  'WorkloadGroup',
  'EnvoyFilter',
  'ProxyConfig',
  'Telemetry',
  'WasmPlugin',
  'GRPCRoute',
  'TLSRoute',
  'ReferenceGrant',
  'Service',
  'Deployment',
  'ServiceAccount',
  'Namespace',
  'Pod',
];
