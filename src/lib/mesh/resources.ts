/**
 * The shapes of the Istio resources the simulator reads, after parse.ts has checked every field
 * against schema.ts. Only the fields the simulator uses are typed; all are optional, as in YAML.
 */

export interface StringMatch {
  readonly exact?: string;
  readonly prefix?: string;
  readonly regex?: string;
}

export interface Percent {
  readonly value?: number;
}

export interface Destination {
  readonly host?: string;
  readonly subset?: string;
  readonly port?: {readonly number?: number};
}

export interface HTTPMatchRequest {
  readonly name?: string;
  readonly uri?: StringMatch;
  readonly method?: StringMatch;
  readonly headers?: Readonly<Record<string, StringMatch>>;
  readonly withoutHeaders?: Readonly<Record<string, StringMatch>>;
  readonly queryParams?: Readonly<Record<string, StringMatch>>;
  readonly ignoreUriCase?: boolean;
  readonly port?: number;
  readonly sourceLabels?: Readonly<Record<string, string>>;
  readonly sourceNamespace?: string;
}

export interface HTTPRetry {
  readonly attempts?: number;
  readonly perTryTimeout?: string;
  readonly retryOn?: string;
  readonly retryIgnorePreviousHosts?: boolean;
  readonly backoff?: string;
}

export interface HTTPFaultInjection {
  readonly delay?: {readonly fixedDelay?: string; readonly percentage?: Percent; readonly percent?: number};
  readonly abort?: {readonly httpStatus?: number; readonly percentage?: Percent};
}

export interface HeaderOperations {
  readonly set?: Readonly<Record<string, string>>;
  readonly add?: Readonly<Record<string, string>>;
  readonly remove?: readonly string[];
}

export interface HTTPRoute {
  readonly name?: string;
  readonly match?: readonly HTTPMatchRequest[];
  readonly route?: readonly {readonly destination?: Destination; readonly weight?: number; readonly headers?: {readonly request?: HeaderOperations}}[];
  readonly redirect?: {readonly uri?: string; readonly authority?: string; readonly redirectCode?: number};
  readonly directResponse?: {readonly status?: number; readonly body?: {readonly string?: string}};
  readonly rewrite?: {readonly uri?: string; readonly authority?: string};
  readonly headers?: {readonly request?: HeaderOperations};
  readonly timeout?: string;
  readonly retries?: HTTPRetry;
  readonly fault?: HTTPFaultInjection;
  readonly mirror?: Destination;
  readonly mirrorPercentage?: Percent;
  readonly mirrors?: readonly {readonly destination?: Destination; readonly percentage?: Percent}[];
}

export interface TCPRoute {
  readonly match?: readonly {readonly port?: number; readonly sourceLabels?: Readonly<Record<string, string>>; readonly sourceNamespace?: string; readonly gateways?: readonly string[]}[];
  readonly route?: readonly {readonly destination?: Destination; readonly weight?: number}[];
}

export interface VirtualServiceSpec {
  readonly hosts?: readonly string[];
  readonly gateways?: readonly string[];
  readonly http?: readonly HTTPRoute[];
  readonly tcp?: readonly TCPRoute[];
}

/** networking.istio.io Gateway: the listeners of an ingress gateway deployment. */
export interface IstioGatewaySpec {
  readonly selector?: Readonly<Record<string, string>>;
  readonly servers?: readonly {readonly port?: {readonly number?: number; readonly name?: string; readonly protocol?: string}; readonly hosts?: readonly string[]}[];
}

/** gateway.networking.k8s.io Gateway. */
export interface K8sGatewaySpec {
  readonly gatewayClassName?: string;
  readonly listeners?: readonly {readonly name?: string; readonly hostname?: string; readonly port?: number; readonly protocol?: string}[];
}

export interface ParentRef {
  readonly group?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly port?: number;
  readonly sectionName?: string;
}

export interface BackendRef {
  readonly group?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
  readonly port?: number;
  readonly weight?: number;
}

export interface HTTPRouteFilter {
  readonly type?: string;
  readonly requestHeaderModifier?: {readonly set?: readonly {name?: string; value?: string}[]; readonly add?: readonly {name?: string; value?: string}[]; readonly remove?: readonly string[]};
  readonly requestRedirect?: {readonly scheme?: string; readonly hostname?: string; readonly path?: {readonly type?: string; readonly replaceFullPath?: string; readonly replacePrefixMatch?: string}; readonly port?: number; readonly statusCode?: number};
  readonly urlRewrite?: {readonly hostname?: string; readonly path?: {readonly type?: string; readonly replaceFullPath?: string; readonly replacePrefixMatch?: string}};
  readonly requestMirror?: {readonly backendRef?: BackendRef; readonly percent?: number};
}

export interface GatewayHTTPRouteSpec {
  readonly parentRefs?: readonly ParentRef[];
  readonly hostnames?: readonly string[];
  readonly rules?: readonly {
    readonly name?: string;
    readonly matches?: readonly {
      readonly path?: {readonly type?: string; readonly value?: string};
      readonly headers?: readonly {readonly type?: string; readonly name?: string; readonly value?: string}[];
      readonly queryParams?: readonly {readonly type?: string; readonly name?: string; readonly value?: string}[];
      readonly method?: string;
    }[];
    readonly filters?: readonly HTTPRouteFilter[];
    readonly backendRefs?: readonly (BackendRef & {readonly filters?: readonly HTTPRouteFilter[]})[];
    readonly timeouts?: {readonly request?: string; readonly backendRequest?: string};
  }[];
}

export interface GatewayTCPRouteSpec {
  readonly parentRefs?: readonly ParentRef[];
  readonly rules?: readonly {readonly backendRefs?: readonly BackendRef[]}[];
}

/** The istio ConfigMap in the root namespace: data.mesh holds meshConfig as YAML text. */
export interface MeshConfig {
  readonly enableAutoMtls?: boolean;
  readonly extensionProviders?: readonly {readonly name?: string}[];
  readonly defaultConfig?: {readonly gatewayTopology?: {readonly numTrustedProxies?: number}};
}

export interface TrafficPolicy {
  readonly loadBalancer?: {readonly simple?: string};
  readonly connectionPool?: {
    readonly tcp?: {readonly maxConnections?: number};
    readonly http?: {
      readonly http1MaxPendingRequests?: number;
      readonly http2MaxRequests?: number;
      readonly maxRequestsPerConnection?: number;
    };
  };
  readonly outlierDetection?: {
    readonly consecutive5xxErrors?: number;
    readonly consecutiveGatewayErrors?: number;
    readonly interval?: string;
    readonly baseEjectionTime?: string;
    readonly maxEjectionPercent?: number;
    readonly minHealthPercent?: number;
    readonly consecutiveErrors?: number;
  };
  readonly tls?: {readonly mode?: 'DISABLE' | 'SIMPLE' | 'MUTUAL' | 'ISTIO_MUTUAL'};
}

export interface DestinationRuleSpec {
  readonly host?: string;
  readonly trafficPolicy?: TrafficPolicy;
  readonly subsets?: readonly {readonly name?: string; readonly labels?: Readonly<Record<string, string>>; readonly trafficPolicy?: TrafficPolicy}[];
}

export type MtlsMode = 'UNSET' | 'DISABLE' | 'PERMISSIVE' | 'STRICT';

export interface WorkloadSelector {
  readonly matchLabels?: Readonly<Record<string, string>>;
}

export interface PolicyTargetRef {
  readonly group?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

export interface PeerAuthenticationSpec {
  readonly selector?: WorkloadSelector;
  readonly mtls?: {readonly mode?: MtlsMode};
  readonly portLevelMtls?: Readonly<Record<string, {readonly mode?: MtlsMode}>>;
}

export interface AuthzSource {
  readonly principals?: readonly string[];
  readonly notPrincipals?: readonly string[];
  readonly requestPrincipals?: readonly string[];
  readonly notRequestPrincipals?: readonly string[];
  readonly namespaces?: readonly string[];
  readonly notNamespaces?: readonly string[];
  readonly serviceAccounts?: readonly string[];
  readonly notServiceAccounts?: readonly string[];
  readonly ipBlocks?: readonly string[];
  readonly notIpBlocks?: readonly string[];
  readonly remoteIpBlocks?: readonly string[];
  readonly notRemoteIpBlocks?: readonly string[];
}

export interface AuthzOperation {
  readonly hosts?: readonly string[];
  readonly notHosts?: readonly string[];
  readonly ports?: readonly string[];
  readonly notPorts?: readonly string[];
  readonly methods?: readonly string[];
  readonly notMethods?: readonly string[];
  readonly paths?: readonly string[];
  readonly notPaths?: readonly string[];
}

export interface AuthzCondition {
  readonly key?: string;
  readonly values?: readonly string[];
  readonly notValues?: readonly string[];
}

export interface AuthzRule {
  readonly from?: readonly {readonly source?: AuthzSource}[];
  readonly to?: readonly {readonly operation?: AuthzOperation}[];
  readonly when?: readonly AuthzCondition[];
}

export interface AuthorizationPolicySpec {
  readonly selector?: WorkloadSelector;
  readonly targetRef?: PolicyTargetRef;
  readonly targetRefs?: readonly PolicyTargetRef[];
  readonly action?: 'ALLOW' | 'DENY' | 'AUDIT' | 'CUSTOM';
  readonly provider?: {readonly name?: string};
  readonly rules?: readonly AuthzRule[];
}

export interface RequestAuthenticationSpec {
  readonly selector?: WorkloadSelector;
  readonly targetRef?: PolicyTargetRef;
  readonly targetRefs?: readonly PolicyTargetRef[];
  readonly jwtRules?: readonly {readonly issuer?: string; readonly audiences?: readonly string[]}[];
}

interface ResourceBase<K extends string, S> {
  readonly kind: K;
  readonly name: string;
  readonly annotations: Readonly<Record<string, string>>;
  /** As written; undefined means "the namespace of the run's default" (see simulate.ts). */
  readonly namespace: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly spec: S;
  /** Line and column of a field path ("spec.http[0]" or a list of keys) inside this resource's document. */
  readonly locate: (path: string | readonly (string | number)[]) => {readonly line: number; readonly column: number};
}

export type IstioResource =
  | ResourceBase<'VirtualService', VirtualServiceSpec>
  | ResourceBase<'DestinationRule', DestinationRuleSpec>
  | ResourceBase<'PeerAuthentication', PeerAuthenticationSpec>
  | ResourceBase<'AuthorizationPolicy', AuthorizationPolicySpec>
  | ResourceBase<'RequestAuthentication', RequestAuthenticationSpec>
  | ResourceBase<'Gateway', IstioGatewaySpec>
  | ResourceBase<'K8sGateway', K8sGatewaySpec>
  | ResourceBase<'HTTPRoute', GatewayHTTPRouteSpec>
  | ResourceBase<'TCPRoute', GatewayTCPRouteSpec>
  | ResourceBase<'MeshConfig', MeshConfig>;

export type ResourceOf<K extends IstioResource['kind']> = Extract<IstioResource, {kind: K}>;
