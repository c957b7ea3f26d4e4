/**
 * Semantic checks on parsed resources, located in the YAML: what istiod's validation would
 * reject (errors) and what runs but probably not as meant (warnings, notes).
 */
import type {Problem, Severity} from '../problem';
import {checkReferences, checkResource} from '../rules';
import {configHost, DEFAULT_NAMESPACE, findService} from './hosts';
import {PLAYGROUND_FILE} from './parse';
import type {IstioResource, ResourceOf, StringMatch, TrafficPolicy} from './resources';
import type {Config} from './stages/config';
import type {Mesh} from './types';

type Add = (resource: IstioResource, path: string | readonly (string | number)[], severity: Severity, message: string) => void;

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
    for (const [d, destination] of (route.route ?? []).entries())
      if (!destination.destination?.host) add(vs, `spec.http[${r}].route[${d}]`, 'error', `route[${d}].destination.host is required.`);
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

/**
 * The shared rulebook (src/lib/rules), then the playground's own checks. Reference findings
 * (unknown host or subset) are warnings here: Istio accepts such a resource, and the run shows
 * what it does (503 NC), which is the lesson.
 */
function sharedRules(add: Add, config: Config, mesh: Mesh): void {
  for (const resource of config.resources) for (const finding of checkResource(resource)) add(resource, finding.path, finding.severity, finding.message);
  const services = mesh.services.map((service) => ({name: service.name, namespace: service.namespace}));
  for (const finding of checkReferences(config.resources, {services}))
    add(config.resources[finding.resource]!, finding.path, finding.severity === 'error' ? 'warning' : finding.severity, `${finding.message}: requests routed there fail with 503 NC`);
}

export function validateConfig(config: Config, mesh: Mesh): Problem[] {
  const problems: Problem[] = [];
  const add: Add = (resource, path, severity, message) => {
    const at = resource.locate(path);
    problems.push({file: PLAYGROUND_FILE, line: at.line, column: at.column, severity, message: `${resource.kind === 'K8sGateway' ? 'Gateway' : resource.kind} ${resource.name}: ${message}`});
  };
  sharedRules(add, config, mesh);
  checkVirtualServices(add, config, mesh);
  checkDestinationRules(add, config);
  checkSecurity(add, config);
  checkGatewayApi(add, config);
  return problems;
}
