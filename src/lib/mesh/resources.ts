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

export interface HTTPRoute {
  readonly name?: string;
  readonly match?: readonly HTTPMatchRequest[];
  readonly route?: readonly {readonly destination?: Destination; readonly weight?: number}[];
  readonly timeout?: string;
  readonly retries?: HTTPRetry;
  readonly fault?: HTTPFaultInjection;
  readonly mirror?: Destination;
  readonly mirrorPercentage?: Percent;
  readonly mirrors?: readonly {readonly destination?: Destination; readonly percentage?: Percent}[];
}

export interface VirtualServiceSpec {
  readonly hosts?: readonly string[];
  readonly gateways?: readonly string[];
  readonly http?: readonly HTTPRoute[];
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
  /** As written; undefined means "the namespace of the run's default" (see simulate.ts). */
  readonly namespace: string | undefined;
  readonly labels: Readonly<Record<string, string>>;
  readonly spec: S;
  /** Line and column of a field path inside this resource's document. */
  readonly locate: (path: string) => {readonly line: number; readonly column: number};
}

export type IstioResource =
  | ResourceBase<'VirtualService', VirtualServiceSpec>
  | ResourceBase<'DestinationRule', DestinationRuleSpec>
  | ResourceBase<'PeerAuthentication', PeerAuthenticationSpec>
  | ResourceBase<'AuthorizationPolicy', AuthorizationPolicySpec>
  | ResourceBase<'RequestAuthentication', RequestAuthenticationSpec>;

export type ResourceOf<K extends IstioResource['kind']> = Extract<IstioResource, {kind: K}>;
