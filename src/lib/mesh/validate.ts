/**
 * Semantic checks on parsed resources, located in the YAML: what istiod's validation would
 * reject (errors) and what runs but probably not as meant (warnings, notes).
 */
import {configHost, DEFAULT_NAMESPACE, findService} from './hosts';
import type {IstioResource, ResourceOf, StringMatch, TrafficPolicy} from './resources';
import type {Config} from './stages/config';
import type {Diagnostic, Mesh} from './types';

type Add = (resource: IstioResource, path: string, severity: Diagnostic['severity'], message: string) => void;

function regexProblems(add: Add, resource: IstioResource, base: string, fields: readonly [string, StringMatch | undefined][]): void {
  for (const [field, match] of fields) {
    if (match?.regex === undefined) continue;
    try {
      new RegExp(match.regex);
    } catch {
      add(resource, `${base}.${field}.regex`, 'error', `invalid regular expression ${JSON.stringify(match.regex)}.`);
    }
  }
}

function checkHttpRoutes(add: Add, vs: ResourceOf<'VirtualService'>): void {
  for (const [r, route] of (vs.spec.http ?? []).entries()) {
    const destinations = route.route ?? [];
    if (destinations.length === 0 && !route.redirect && !route.directResponse) add(vs, `spec.http[${r}]`, 'error', `http[${r}] needs a route, a redirect or a directResponse (delegate is not simulated).`);
    let total = 0;
    for (const [d, destination] of destinations.entries()) {
      if (!destination.destination?.host) add(vs, `spec.http[${r}].route[${d}]`, 'error', `route[${d}].destination.host is required.`);
      if ((destination.weight ?? 0) < 0) add(vs, `spec.http[${r}].route[${d}].weight`, 'error', `weight ${destination.weight} < 0.`);
      total += destination.weight ?? 0;
    }
    if (destinations.length > 1 && total === 0) add(vs, `spec.http[${r}].route`, 'error', 'total destination weight = 0: give at least one destination a weight.');
    else if (destinations.length > 1 && total !== 100)
      add(vs, `spec.http[${r}].route`, 'info', `weights add up to ${total}, not 100: Istio treats them as relative shares, so each destination gets weight/${total}.`);
    for (const [m, block] of (route.match ?? []).entries()) {
      const headers = Object.entries(block.headers ?? {}).map(([name, match]): [string, StringMatch] => [`headers.${name}`, match]);
      regexProblems(add, vs, `spec.http[${r}].match[${m}]`, [['uri', block.uri], ['method', block.method], ...headers]);
      for (const name of Object.keys(block.headers ?? {}))
        if (name !== name.toLowerCase()) add(vs, `spec.http[${r}].match[${m}].headers.${name}`, 'error', `header names must be lower case ("${name.toLowerCase()}").`);
    }
    const retries = route.retries;
    if (retries && !(retries.attempts && retries.attempts > 0) && (retries.perTryTimeout !== undefined || retries.retryOn !== undefined))
      add(vs, `spec.http[${r}].retries`, 'error', 'http retry policy configured when attempts are set to 0 (disabled): set attempts.');
    if (route.fault && !route.fault.abort && !route.fault.delay) add(vs, `spec.http[${r}].fault`, 'error', 'HTTP fault injection must have an abort and/or a delay.');
    for (const [kind, percent] of [['delay', route.fault?.delay?.percentage?.value], ['abort', route.fault?.abort?.percentage?.value]] as const)
      if (percent !== undefined && (percent < 0 || percent > 100)) add(vs, `spec.http[${r}].fault.${kind}.percentage.value`, 'error', `percentage must be in [0, 100], got ${percent}.`);
    const status = route.fault?.abort?.httpStatus;
    if (status !== undefined && (status < 200 || status > 600)) add(vs, `spec.http[${r}].fault.abort.httpStatus`, 'error', `HTTP status ${status} is not in range 200-599.`);
    if (route.fault && (route.retries || route.timeout))
      add(vs, `spec.http[${r}].fault`, 'info', 'fault injection and retries/timeout on the same route: the fault filter runs before the router, so the timeout does not cover the injected delay and aborts are never retried.');
  }
}

function checkVirtualServices(add: Add, config: Config, mesh: Mesh): void {
  const seenHosts = new Map<string, string>();
  for (const vs of config.vs) {
    const ns = vs.namespace ?? DEFAULT_NAMESPACE;
    if (!vs.spec.hosts || vs.spec.hosts.length === 0) add(vs, 'spec', 'error', 'spec.hosts must list at least one host.');
    const meshBound = !vs.spec.gateways?.length || vs.spec.gateways.includes('mesh');
    for (const [index, host] of (vs.spec.hosts ?? []).entries()) {
      const full = configHost(host, ns);
      const earlier = seenHosts.get(full);
      if (meshBound && earlier) add(vs, `spec.hosts[${index}]`, 'warning', `host ${host} is also claimed by VirtualService ${earlier}; the playground uses the first one (Istio uses the oldest).`);
      else if (meshBound) seenHosts.set(full, vs.name);
      if (meshBound && !full.startsWith('*') && !findService(mesh, full))
        add(vs, `spec.hosts[${index}]`, 'warning', `no service ${full} in the ${mesh.name} mesh${host.includes('.') && !host.endsWith('.svc.cluster.local') ? ' (a host with a dot is not completed with the namespace: write the short name or the full name)' : ''}.`);
    }
    if (vs.spec.gateways?.length && !vs.spec.gateways.includes('mesh'))
      add(vs, 'spec.gateways', 'info', 'gateways lists no "mesh", so this VirtualService applies only at those gateways, not to traffic inside the mesh.');
    checkHttpRoutes(add, vs);
  }
}

function checkDestinationRules(add: Add, config: Config): void {
  for (const dr of config.dr) {
    if (!dr.spec.host) add(dr, 'spec', 'error', 'spec.host is required.');
    const names = new Set<string>();
    for (const [index, subset] of (dr.spec.subsets ?? []).entries()) {
      if (!subset.name) add(dr, `spec.subsets[${index}]`, 'error', 'a subset needs a name.');
      else if (names.has(subset.name)) add(dr, `spec.subsets[${index}].name`, 'error', `duplicate subset name ${subset.name}.`);
      else names.add(subset.name);
    }
    const policies: [string, TrafficPolicy | undefined][] = [['spec.trafficPolicy', dr.spec.trafficPolicy], ...(dr.spec.subsets ?? []).map((s, i): [string, TrafficPolicy | undefined] => [`spec.subsets[${i}].trafficPolicy`, s.trafficPolicy])];
    for (const [path, policy] of policies) {
      const mode = policy?.tls?.mode;
      if (mode === 'SIMPLE' || mode === 'MUTUAL') add(dr, `${path}.tls.mode`, 'warning', `tls.mode ${mode} (TLS with your own certificates) is not simulated; the playground treats it like automatic mutual TLS.`);
    }
  }
}

function checkSecurity(add: Add, config: Config): void {
  for (const pa of config.pa) {
    const hasSelector = Object.keys(pa.spec.selector?.matchLabels ?? {}).length > 0;
    if (pa.spec.portLevelMtls && !hasSelector) add(pa, 'spec.portLevelMtls', 'error', 'portLevelMtls needs a workload selector; namespace-wide and mesh-wide policies cannot set it.');
    for (const port of Object.keys(pa.spec.portLevelMtls ?? {}))
      if (!/^\d+$/.test(port)) add(pa, `spec.portLevelMtls.${port}`, 'error', `portLevelMtls keys are port numbers, got "${port}".`);
  }
  for (const ap of config.ap) {
    const action = ap.spec.action ?? 'ALLOW';
    if (action === 'CUSTOM' && !ap.spec.provider?.name) add(ap, 'spec.action', 'error', 'action CUSTOM needs provider.name.');
    if (action !== 'CUSTOM' && ap.spec.provider) add(ap, 'spec.provider', 'error', 'provider is only allowed with action CUSTOM.');
    if (ap.spec.selector && (ap.spec.targetRef || ap.spec.targetRefs)) add(ap, 'spec.selector', 'error', 'use either selector or targetRefs, not both.');
    for (const [r, rule] of (ap.spec.rules ?? []).entries()) {
      for (const [f, from] of (rule.from ?? []).entries())
        for (const field of ['principals', 'notPrincipals'] as const)
          for (const [i, value] of (from.source?.[field] ?? []).entries())
            if (value.startsWith('spiffe://')) add(ap, `spec.rules[${r}].from[${f}].source.${field}[${i}]`, 'warning', `principal "${value}" starts with spiffe://, so it never matches: write ${value.slice('spiffe://'.length)}.`);
      for (const [t, to] of (rule.to ?? []).entries())
        for (const field of ['ports', 'notPorts'] as const)
          for (const [i, value] of (to.operation?.[field] ?? []).entries())
            if (!/^\d+$/.test(value)) add(ap, `spec.rules[${r}].to[${t}].operation.${field}[${i}]`, 'error', `port "${value}" is not a number.`);
      for (const [w, when] of (rule.when ?? []).entries()) {
        const key = when.key ?? '';
        const known =
          /^request\.headers\[.+\]$/.test(key) ||
          /^request\.auth\.claims\[.+\]$/.test(key) ||
          ['source.principal', 'source.namespace', 'request.auth.principal', 'destination.port', 'source.ip', 'remote.ip', 'destination.ip', 'request.auth.audiences', 'request.auth.presenter', 'connection.sni', 'experimental.envoy.filters.network.mysql_proxy'].includes(key);
        if (!key) add(ap, `spec.rules[${r}].when[${w}]`, 'error', 'when needs a key.');
        else if (!known) add(ap, `spec.rules[${r}].when[${w}].key`, 'error', `unknown condition key "${key}".`);
      }
    }
  }
}

function checkGatewayApi(add: Add, config: Config): void {
  for (const route of config.resources) {
    if (route.kind !== 'HTTPRoute' && route.kind !== 'TCPRoute') continue;
    if (!route.spec.parentRefs?.length) add(route, 'spec', 'warning', `${route.kind} has no parentRefs, so nothing uses it.`);
    for (const [i, parent] of (route.spec.parentRefs ?? []).entries()) {
      if ((parent.kind ?? 'Gateway') === 'Gateway' && !config.k8sGateways.some((g) => g.name === parent.name && (g.namespace ?? DEFAULT_NAMESPACE) === (parent.namespace ?? route.namespace)))
        add(route, `spec.parentRefs[${i}]`, 'warning', `no Gateway ${parent.name} (gateway.networking.k8s.io) in this configuration: the route is not attached.`);
    }
  }
}

export function validateConfig(config: Config, mesh: Mesh): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const add: Add = (resource, path, severity, message) => {
    const at = resource.locate(path);
    diagnostics.push({severity, message: `${resource.kind === 'K8sGateway' ? 'Gateway' : resource.kind} ${resource.name}: ${message}`, line: at.line, column: at.column, path});
  };
  checkVirtualServices(add, config, mesh);
  checkDestinationRules(add, config);
  checkSecurity(add, config);
  checkGatewayApi(add, config);
  return diagnostics;
}
