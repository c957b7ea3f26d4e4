/**
 * The configuration of a run, indexed once: which VirtualService or HTTPRoute routes each host
 * (inside the mesh and at each gateway), which DestinationRule applies, the policies, and
 * meshConfig. Gateway API HTTPRoutes are translated into the same route rules istiod builds from
 * them (pilot/pkg/config/kube/gateway/conversion.go), so one routing stage serves both APIs.
 */
import {configHost, DEFAULT_NAMESPACE} from '../hosts';
import {parseDuration} from '../parse';
import type {
  GatewayHTTPRouteSpec,
  HTTPMatchRequest,
  HTTPRoute,
  HTTPRouteFilter,
  IstioResource,
  ResourceOf,
  StringMatch,
  TCPRoute,
} from '../resources';

/** A match block; Gateway API prefixes match whole path segments ("/api" matches "/api/x", not "/apix"). */
export interface MatchBlock extends HTTPMatchRequest {
  readonly pathSeparatedPrefix?: boolean;
}

export interface RouteRule extends Omit<HTTPRoute, 'match'> {
  readonly match?: readonly MatchBlock[];
}

/** What routes one host: a VirtualService's http/tcp list or the rules of HTTPRoutes, in order. */
export interface RouteTable {
  readonly kind: 'VirtualService' | 'HTTPRoute' | 'TCPRoute';
  readonly id: string;
  readonly namespace: string;
  readonly hosts: readonly string[];
  readonly http: readonly RouteRule[];
  readonly tcp: readonly TCPRoute[];
  /** Labels of each rule for traces: "http[0] (v2)". */
  readonly labels: readonly string[];
}

export interface MeshSettings {
  readonly autoMtls: boolean;
  readonly numTrustedProxies: number;
  readonly extensionProviders: readonly string[];
}

export interface Config {
  readonly resources: readonly IstioResource[];
  readonly vs: readonly ResourceOf<'VirtualService'>[];
  readonly dr: readonly ResourceOf<'DestinationRule'>[];
  readonly pa: readonly ResourceOf<'PeerAuthentication'>[];
  readonly ap: readonly ResourceOf<'AuthorizationPolicy'>[];
  readonly ra: readonly ResourceOf<'RequestAuthentication'>[];
  readonly istioGateways: readonly ResourceOf<'Gateway'>[];
  readonly k8sGateways: readonly ResourceOf<'K8sGateway'>[];
  /** Route tables for traffic inside the mesh (VirtualServices for "mesh", HTTPRoutes with a Service parent). */
  readonly meshTables: readonly RouteTable[];
  /** Route tables bound to a gateway, by "namespace/name" of the gateway. */
  readonly gatewayTables: ReadonlyMap<string, readonly RouteTable[]>;
  readonly settings: MeshSettings;
}

const ofKind = <K extends IstioResource['kind']>(resources: readonly IstioResource[], kind: K) =>
  resources.filter((resource): resource is ResourceOf<K> => resource.kind === kind);

function ruleLabels(rules: readonly {name?: string}[]): string[] {
  return rules.map((rule, index) => `http[${index}]${rule.name ? ` (${rule.name})` : ''}`);
}

function vsTable(vs: ResourceOf<'VirtualService'>): RouteTable {
  const namespace = vs.namespace ?? DEFAULT_NAMESPACE;
  return {
    kind: 'VirtualService',
    id: `VirtualService ${namespace}/${vs.name}`,
    namespace,
    hosts: (vs.spec.hosts ?? []).map((host) => configHost(host, namespace)),
    http: vs.spec.http ?? [],
    tcp: vs.spec.tcp ?? [],
    labels: ruleLabels(vs.spec.http ?? []),
  };
}

function headerFilter(filter: HTTPRouteFilter['requestHeaderModifier']) {
  if (!filter) return undefined;
  const pairs = (list: readonly {name?: string; value?: string}[] | undefined) =>
    Object.fromEntries((list ?? []).map((item) => [(item.name ?? '').toLowerCase(), item.value ?? '']));
  return {set: pairs(filter.set), add: pairs(filter.add), remove: filter.remove ?? []};
}

type GatewayRule = NonNullable<GatewayHTTPRouteSpec['rules']>[number];
type GatewayMatch = NonNullable<GatewayRule['matches']>[number];

function typedMatch(type: string | undefined, value: string | undefined): StringMatch {
  return type === 'RegularExpression' ? {regex: value ?? ''} : {exact: value ?? ''};
}

function convertMatch(match: GatewayMatch): MatchBlock {
  const type = match.path?.type ?? 'PathPrefix';
  const value = match.path?.value ?? '/';
  const uri: StringMatch =
    type === 'Exact' ? {exact: value} : type === 'RegularExpression' ? {regex: value} : {prefix: value !== '/' ? value.replace(/\/$/, '') : value};
  return {
    uri,
    pathSeparatedPrefix: type === 'PathPrefix' && value !== '/',
    method: match.method ? {exact: match.method} : undefined,
    headers: match.headers?.length ? Object.fromEntries(match.headers.map((h) => [(h.name ?? '').toLowerCase(), typedMatch(h.type, h.value)])) : undefined,
    queryParams: match.queryParams?.length ? Object.fromEntries(match.queryParams.map((q) => [q.name ?? '', typedMatch(q.type, q.value)])) : undefined,
  };
}

const uriRank = (block: MatchBlock | undefined) => (block?.uri?.exact !== undefined ? 3 : block?.uri?.prefix !== undefined ? 2 : block?.uri?.regex !== undefined ? 1 : -1);
const uriLength = (block: MatchBlock | undefined) => (block?.uri?.exact ?? block?.uri?.prefix ?? block?.uri?.regex ?? '').length;

/** Gateway API precedence as istiod sorts converted rules (conversion.go sortHTTPRoutes). */
function precedes(a: RouteRule, b: RouteRule): number {
  const m1 = a.match?.[0];
  const m2 = b.match?.[0];
  if (!m1) return m2 ? 1 : 0;
  if (!m2) return -1;
  if (uriRank(m1) !== uriRank(m2)) return uriRank(m2) - uriRank(m1);
  if (uriLength(m1) !== uriLength(m2)) return uriLength(m2) - uriLength(m1);
  if (!m1.method !== !m2.method) return m1.method ? -1 : 1;
  const headers = Object.keys(m2.headers ?? {}).length - Object.keys(m1.headers ?? {}).length;
  if (headers !== 0) return headers;
  return Object.keys(m2.queryParams ?? {}).length - Object.keys(m1.queryParams ?? {}).length;
}

/** One HTTPRoute rule → one route rule per match, as istiod does (each gets match[0] only). */
function convertRule(rule: GatewayRule, namespace: string, id: string, index: number): RouteRule[] {
  const base: {-readonly [K in keyof RouteRule]?: RouteRule[K]} = {name: rule.name ?? `${id}.${index}`};
  const mirrors: NonNullable<HTTPRoute['mirrors']>[number][] = [];
  for (const filter of rule.filters ?? []) {
    if (filter.type === 'RequestHeaderModifier') base.headers = {request: headerFilter(filter.requestHeaderModifier)};
    if (filter.type === 'RequestRedirect' && filter.requestRedirect) {
      const redirect = filter.requestRedirect;
      base.redirect = {authority: redirect.hostname, uri: redirect.path?.replaceFullPath ?? redirect.path?.replacePrefixMatch, redirectCode: redirect.statusCode ?? 302};
    }
    if (filter.type === 'URLRewrite' && filter.urlRewrite)
      base.rewrite = {authority: filter.urlRewrite.hostname, uri: filter.urlRewrite.path?.replacePrefixMatch ?? filter.urlRewrite.path?.replaceFullPath};
    if (filter.type === 'RequestMirror' && filter.requestMirror?.backendRef?.name) {
      const ref = filter.requestMirror.backendRef;
      mirrors.push({destination: {host: configHost(ref.name ?? '', ref.namespace ?? namespace), port: ref.port ? {number: ref.port} : undefined}, percentage: filter.requestMirror.percent !== undefined ? {value: filter.requestMirror.percent} : undefined});
    }
  }
  if (mirrors.length) base.mirrors = mirrors;
  const request = rule.timeouts?.request ? parseDuration(rule.timeouts.request) : undefined;
  const backend = rule.timeouts?.backendRequest ? parseDuration(rule.timeouts.backendRequest) : undefined;
  if (request) base.timeout = rule.timeouts?.request;
  if (backend && !request) base.timeout = rule.timeouts?.backendRequest;
  const refs = rule.backendRefs ?? [];
  const weightSum = refs.reduce((sum, ref) => sum + (ref.weight ?? 1), 0);
  if (weightSum === 0 && !base.redirect) base.directResponse = {status: 500};
  else if (!base.redirect)
    base.route = refs.map((ref) => ({
      destination: {host: configHost(ref.name ?? '', ref.namespace ?? namespace), port: ref.port ? {number: ref.port} : undefined},
      weight: ref.weight ?? 1,
    }));
  const matches = rule.matches?.length ? rule.matches : [{}];
  return matches.map((match) => ({...base, match: [convertMatch(match)]}));
}

function httpRouteTable(route: ResourceOf<'HTTPRoute'>, hosts: readonly string[]): RouteTable {
  const namespace = route.namespace ?? DEFAULT_NAMESPACE;
  const id = `HTTPRoute ${namespace}/${route.name}`;
  const http = (route.spec.rules ?? []).flatMap((rule, index) => convertRule(rule, namespace, `${namespace}.${route.name}`, index));
  return {kind: 'HTTPRoute', id, namespace, hosts, http, tcp: [], labels: http.map((rule, index) => `rule ${index}${rule.name ? ` (${rule.name})` : ''}`)};
}

function tcpRouteTable(route: ResourceOf<'TCPRoute'>, hosts: readonly string[]): RouteTable {
  const namespace = route.namespace ?? DEFAULT_NAMESPACE;
  const tcp: TCPRoute[] = (route.spec.rules ?? []).map((rule) => ({
    route: (rule.backendRefs ?? []).map((ref) => ({destination: {host: configHost(ref.name ?? '', ref.namespace ?? namespace), port: ref.port ? {number: ref.port} : undefined}, weight: ref.weight ?? 1})),
  }));
  return {kind: 'TCPRoute', id: `TCPRoute ${namespace}/${route.name}`, namespace, hosts, http: [], tcp, labels: []};
}

function gatewayKey(name: string, namespace: string): string {
  const [ns, local] = name.includes('/') ? name.split('/', 2) : [namespace, name];
  return `${ns}/${local}`;
}

function buildTables(vs: readonly ResourceOf<'VirtualService'>[], httpRoutes: readonly ResourceOf<'HTTPRoute'>[], tcpRoutes: readonly ResourceOf<'TCPRoute'>[]) {
  const meshTables: RouteTable[] = [];
  const gatewayTables = new Map<string, RouteTable[]>();
  const addGateway = (key: string, table: RouteTable) => gatewayTables.set(key, [...(gatewayTables.get(key) ?? []), table]);
  for (const resource of vs) {
    const table = vsTable(resource);
    const gateways = resource.spec.gateways ?? [];
    if (gateways.length === 0 || gateways.includes('mesh')) meshTables.push(table);
    for (const gateway of gateways) if (gateway !== 'mesh') addGateway(gatewayKey(gateway, table.namespace), table);
  }
  for (const route of [...httpRoutes, ...tcpRoutes]) {
    const namespace = route.namespace ?? DEFAULT_NAMESPACE;
    for (const parent of route.spec.parentRefs ?? []) {
      const parentNamespace = parent.namespace ?? namespace;
      if (parent.kind === 'Service') {
        const host = configHost(parent.name ?? '', parentNamespace);
        meshTables.push(route.kind === 'HTTPRoute' ? httpRouteTable(route, [host]) : tcpRouteTable(route, [host]));
      } else {
        const hostnames = route.kind === 'HTTPRoute' ? (route.spec.hostnames ?? ['*']) : ['*'];
        addGateway(`${parentNamespace}/${parent.name ?? ''}`, route.kind === 'HTTPRoute' ? httpRouteTable(route, hostnames) : tcpRouteTable(route, hostnames));
      }
    }
  }
  // Gateway API rules are merged per host and sorted by precedence, like istiod does.
  for (const [key, tables] of gatewayTables) gatewayTables.set(key, mergeHttpRoutes(tables));
  return {meshTables: mergeHttpRoutes(meshTables), gatewayTables};
}

function mergeHttpRoutes(tables: readonly RouteTable[]): RouteTable[] {
  const others = tables.filter((table) => table.kind !== 'HTTPRoute');
  const byHost = new Map<string, RouteTable[]>();
  for (const table of tables) if (table.kind === 'HTTPRoute') for (const host of table.hosts) byHost.set(host, [...(byHost.get(host) ?? []), table]);
  const merged = [...byHost.entries()].map(([host, group]): RouteTable => {
    const rules = group.flatMap((table) => table.http.map((rule, index) => ({rule, label: `${table.id} ${table.labels[index] ?? ''}`})));
    rules.sort((a, b) => precedes(a.rule, b.rule));
    return {kind: 'HTTPRoute', id: group.map((table) => table.id).join(' + '), namespace: group[0]?.namespace ?? DEFAULT_NAMESPACE, hosts: [host], http: rules.map((r) => r.rule), tcp: [], labels: rules.map((r) => r.label)};
  });
  return [...others, ...merged];
}

function meshSettings(resources: readonly IstioResource[], defaults: readonly string[]): MeshSettings {
  const config = ofKind(resources, 'MeshConfig')[0]?.spec;
  return {
    autoMtls: config?.enableAutoMtls ?? true,
    numTrustedProxies: Math.max(0, config?.defaultConfig?.gatewayTopology?.numTrustedProxies ?? 0),
    extensionProviders: config?.extensionProviders ? config.extensionProviders.map((provider) => provider.name ?? '') : defaults,
  };
}

export function buildConfig(parsed: readonly IstioResource[], defaultProviders: readonly string[]): Config {
  const resources = parsed.map((resource) => ({...resource, namespace: resource.namespace ?? DEFAULT_NAMESPACE}) as IstioResource);
  const vs = ofKind(resources, 'VirtualService');
  const tables = buildTables(vs, ofKind(resources, 'HTTPRoute'), ofKind(resources, 'TCPRoute'));
  return {
    resources,
    vs,
    dr: ofKind(resources, 'DestinationRule'),
    pa: ofKind(resources, 'PeerAuthentication'),
    ap: ofKind(resources, 'AuthorizationPolicy'),
    ra: ofKind(resources, 'RequestAuthentication'),
    istioGateways: ofKind(resources, 'Gateway'),
    k8sGateways: ofKind(resources, 'K8sGateway'),
    ...tables,
    settings: meshSettings(resources, defaultProviders),
  };
}
