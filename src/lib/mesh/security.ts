/**
 * Security decisions: which PeerAuthentication mode is in force, what a RequestAuthentication
 * makes of a token, and the AuthorizationPolicy verdict (CUSTOM → DENY → ALLOW) at a sidecar,
 * a ztunnel or a waypoint, following Istio 1.31.
 */
import type {
  AuthorizationPolicySpec,
  AuthzCondition,
  AuthzOperation,
  AuthzRule,
  AuthzSource,
  MtlsMode,
  ResourceOf,
  WorkloadSelector,
} from './resources';
import type {AuthzVerdict, Mesh, Workload} from './types';

export type Enforcer = 'sidecar' | 'ztunnel' | 'waypoint' | 'gateway';

export function selectorMatches(selector: WorkloadSelector | undefined, labels: Readonly<Record<string, string>>): boolean {
  const wanted = selector?.matchLabels ?? {};
  return Object.entries(wanted).every(([key, value]) => labels[key] === value);
}

function hasSelector(selector: WorkloadSelector | undefined): boolean {
  return Object.keys(selector?.matchLabels ?? {}).length > 0;
}

// ---------------------------------------------------------------- PeerAuthentication

export interface MtlsDecision {
  /** Effective mode for the workload and port (UNSET resolved; PERMISSIVE when nothing applies). */
  readonly mode: Exclude<MtlsMode, 'UNSET'>;
  /** Human explanation of where the mode comes from. */
  readonly because: string;
}

export function effectivePeerAuthentication(
  mesh: Mesh,
  policies: readonly ResourceOf<'PeerAuthentication'>[],
  workload: Workload,
  port: number,
): MtlsDecision {
  const inNamespace = (namespace: string) => policies.filter((policy) => policy.namespace === namespace);
  const meshPolicy = inNamespace(mesh.rootNamespace).find((policy) => !hasSelector(policy.spec.selector));
  const namespacePolicy =
    workload.namespace === mesh.rootNamespace
      ? undefined
      : inNamespace(workload.namespace).find((policy) => !hasSelector(policy.spec.selector));
  const workloadPolicy = inNamespace(workload.namespace).find(
    (policy) => hasSelector(policy.spec.selector) && selectorMatches(policy.spec.selector, workload.labels),
  );
  let mode = 'PERMISSIVE' as Exclude<MtlsMode, 'UNSET'>;
  let because = 'no PeerAuthentication applies, so the default PERMISSIVE is in force';
  const apply = (candidate: MtlsMode | undefined, source: string) => {
    if (candidate && candidate !== 'UNSET') {
      mode = candidate;
      because = `${candidate} from ${source}`;
    }
  };
  if (meshPolicy) apply(meshPolicy.spec.mtls?.mode, `mesh-wide PeerAuthentication ${mesh.rootNamespace}/${meshPolicy.name}`);
  if (namespacePolicy) apply(namespacePolicy.spec.mtls?.mode, `namespace PeerAuthentication ${workload.namespace}/${namespacePolicy.name}`);
  if (workloadPolicy) {
    apply(workloadPolicy.spec.mtls?.mode, `workload PeerAuthentication ${workload.namespace}/${workloadPolicy.name}`);
    apply(
      workloadPolicy.spec.portLevelMtls?.[String(port)]?.mode,
      `portLevelMtls for port ${port} in ${workload.namespace}/${workloadPolicy.name}`,
    );
  }
  if (workload.mode === 'ambient' && mode === 'DISABLE') {
    return {mode: 'PERMISSIVE', because: `${because}, but ztunnel ignores DISABLE (ambient traffic between mesh workloads is always mutual TLS)`};
  }
  return {mode, because};
}

// ---------------------------------------------------------------- RequestAuthentication

export interface JwtResult {
  /** "iss/sub" when a token was accepted. */
  readonly requestPrincipal?: string;
  readonly claims?: Readonly<Record<string, unknown>>;
  /** Set when a token is present but rejected: the request gets 401. */
  readonly rejected?: string;
  readonly note: string;
}

function decodeBase64Url(text: string): string | undefined {
  try {
    const normal = text.replace(/-/g, '+').replace(/_/g, '/');
    const padded = normal + '='.repeat((4 - (normal.length % 4)) % 4);
    if (typeof atob === 'function') {
      const binary = atob(padded);
      const bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
      return new TextDecoder().decode(bytes);
    }
    return undefined;
  } catch {
    return undefined;
  }
}

export function authenticateJwt(
  policies: readonly ResourceOf<'RequestAuthentication'>[],
  headers: Readonly<Record<string, string>>,
): JwtResult {
  const authorization = headers.authorization;
  const token = authorization?.match(/^Bearer\s+(.+)$/i)?.[1];
  if (policies.length === 0) return {note: 'no RequestAuthentication applies; tokens are not inspected'};
  const names = policies.map((policy) => `${policy.namespace}/${policy.name}`).join(', ');
  if (!token) {
    return {note: `${names}: no token, so the request goes on without a request principal (RequestAuthentication alone never requires a token)`};
  }
  const payloadText = token.split('.')[1];
  const payload = payloadText ? decodeBase64Url(payloadText) : undefined;
  let claims: Record<string, unknown> | undefined;
  try {
    claims = payload ? (JSON.parse(payload) as Record<string, unknown>) : undefined;
  } catch {
    claims = undefined;
  }
  if (!claims) return {rejected: 'the token is not a JWT', note: `${names}: the Authorization header does not hold a JWT → 401 "Jwt is not in the form of Header.Payload.Signature"`};
  const issuer = typeof claims.iss === 'string' ? claims.iss : '';
  const rules = policies.flatMap((policy) => policy.spec.jwtRules ?? []);
  const rule = rules.find((candidate) => candidate.issuer === issuer);
  if (!rule) return {rejected: `issuer ${issuer || '(none)'} is not configured`, note: `${names}: the token's issuer "${issuer}" is not in any jwtRules → 401`};
  if (rule.audiences && rule.audiences.length > 0) {
    const aud = claims.aud;
    const audiences = Array.isArray(aud) ? aud.map(String) : typeof aud === 'string' ? [aud] : [];
    if (!audiences.some((value) => rule.audiences?.includes(value)))
      return {rejected: 'audience not allowed', note: `${names}: the token's audience is not in ${rule.audiences.join(', ')} → 401`};
  }
  const exp = typeof claims.exp === 'number' ? claims.exp : undefined;
  if (exp !== undefined && exp * 1000 < Date.UTC(2026, 0, 1))
    return {rejected: 'token expired', note: `${names}: the token has expired → 401 "Jwt is expired"`};
  const subject = typeof claims.sub === 'string' ? claims.sub : '';
  return {
    requestPrincipal: `${issuer}/${subject}`,
    claims,
    note: `${names}: token from issuer ${issuer} accepted (the playground does not check signatures); request principal ${issuer}/${subject}`,
  };
}

// ---------------------------------------------------------------- AuthorizationPolicy

export interface AuthzRequest {
  /** Peer identity when the connection is mutual TLS, e.g. cluster.local/ns/default/sa/curl. */
  readonly principal?: string;
  readonly requestPrincipal?: string;
  readonly claims?: Readonly<Record<string, unknown>>;
  readonly method: string;
  /** Path without the query string. */
  readonly path: string;
  readonly host: string;
  readonly port: number;
  readonly headers: Readonly<Record<string, string>>;
  /** Address of the connection's peer (ipBlocks, source.ip). */
  readonly sourceIp?: string;
  /** Original client address from X-Forwarded-For and numTrustedProxies (remoteIpBlocks, remote.ip). */
  readonly remoteIp?: string;
}

function ipv4(text: string): number | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return value;
}

/** Does an address fall in a CIDR block ("10.0.0.0/8") or equal a single address? IPv4 only. */
export function inCidr(block: string, ip: string | undefined): boolean {
  if (!ip) return false;
  const [base = '', bitsText] = block.split('/', 2);
  const address = ipv4(ip);
  const network = ipv4(base);
  if (address === undefined || network === undefined) return block === ip;
  const bits = bitsText === undefined ? 32 : Number(bitsText);
  if (!Number.isInteger(bits) || bits < 0 || bits > 32) return false;
  const size = 2 ** (32 - bits);
  return Math.floor(address / size) === Math.floor(network / size);
}

/** Istio's string form: "*" any (present), "abc*" prefix, "*abc" suffix, otherwise exact. */
export function istioStringMatch(pattern: string, value: string | undefined): boolean {
  if (value === undefined) return false;
  if (pattern === '*') return value !== '';
  if (pattern.startsWith('*')) return value.endsWith(pattern.slice(1));
  if (pattern.endsWith('*')) return value.startsWith(pattern.slice(0, -1));
  return value === pattern;
}

function namespaceOf(principal: string | undefined): string | undefined {
  return principal?.match(/\/ns\/([^/]+)\/sa\//)?.[1];
}

interface FieldResult {
  readonly ok: boolean;
  readonly why: string;
}

const L7_SOURCE_FIELDS = ['requestPrincipals', 'notRequestPrincipals', 'remoteIpBlocks', 'notRemoteIpBlocks'] as const;
const L7_OPERATION_FIELDS = ['hosts', 'notHosts', 'methods', 'notMethods', 'paths', 'notPaths'] as const;
const L4_WHEN_KEYS = ['source.ip', 'source.namespace', 'source.principal', 'destination.ip', 'destination.port'];

/** The HTTP-only attributes a rule uses (what ztunnel cannot enforce). */
export function l7AttributesOf(rule: AuthzRule): string[] {
  const found = new Set<string>();
  for (const from of rule.from ?? []) for (const field of L7_SOURCE_FIELDS) if (from.source?.[field]?.length) found.add(field);
  for (const to of rule.to ?? []) for (const field of L7_OPERATION_FIELDS) if (to.operation?.[field]?.length) found.add(field);
  for (const when of rule.when ?? []) if (when.key && !L4_WHEN_KEYS.includes(when.key)) found.add(when.key);
  return [...found];
}

function listMatch(
  field: string,
  patterns: readonly string[] | undefined,
  value: string | undefined,
  negate: boolean,
  compare: (pattern: string, value: string | undefined) => boolean = istioStringMatch,
): FieldResult | undefined {
  if (!patterns || patterns.length === 0) return undefined;
  const hit = patterns.find((pattern) => compare(pattern, value));
  const shown = value === undefined ? '(none)' : value;
  if (negate) return hit ? {ok: false, why: `${field} lists ${hit}, which matches ${shown}`} : {ok: true, why: `${field}: ${shown} is not listed`};
  return hit ? {ok: true, why: `${field}: ${shown} matches ${hit}`} : {ok: false, why: `${field} [${patterns.join(', ')}] does not match ${shown}`};
}

function principalMatch(pattern: string, value: string | undefined): boolean {
  // Istio prefixes every principal with spiffe:// itself: a value that already has it never matches.
  if (pattern.startsWith('spiffe://')) return false;
  return istioStringMatch(pattern, value);
}

function sourceMatches(source: AuthzSource, request: AuthzRequest, policyNamespace: string, strip: boolean): FieldResult {
  const reasons: string[] = [];
  const ns = namespaceOf(request.principal);
  const account = request.principal?.match(/\/ns\/([^/]+)\/sa\/(.+)$/);
  const accountValue = account ? `${account[1]}/${account[2]}` : undefined;
  const accountMatch = (pattern: string, value: string | undefined) =>
    value !== undefined && (pattern.includes('/') ? pattern : `${policyNamespace}/${pattern}`) === value;
  const checks: (FieldResult | undefined)[] = [
    listMatch('principals', source.principals, request.principal, false, principalMatch),
    listMatch('notPrincipals', source.notPrincipals, request.principal, true, principalMatch),
    listMatch('namespaces', source.namespaces, ns, false),
    listMatch('notNamespaces', source.notNamespaces, ns, true),
    listMatch('serviceAccounts', source.serviceAccounts, accountValue, false, accountMatch),
    listMatch('notServiceAccounts', source.notServiceAccounts, accountValue, true, accountMatch),
    listMatch('ipBlocks', source.ipBlocks, request.sourceIp, false, inCidr),
    listMatch('notIpBlocks', source.notIpBlocks, request.sourceIp, true, inCidr),
  ];
  if (!strip) {
    checks.push(
      listMatch('requestPrincipals', source.requestPrincipals, request.requestPrincipal, false),
      listMatch('notRequestPrincipals', source.notRequestPrincipals, request.requestPrincipal, true),
      listMatch('remoteIpBlocks', source.remoteIpBlocks, request.remoteIp, false, inCidr),
      listMatch('notRemoteIpBlocks', source.notRemoteIpBlocks, request.remoteIp, true, inCidr),
    );
  }
  for (const check of checks) {
    if (!check) continue;
    if (!check.ok) {
      const spiffe = [...(source.principals ?? []), ...(source.notPrincipals ?? [])].some((p) => p.startsWith('spiffe://'));
      return {ok: false, why: check.why + (spiffe ? ' — a principal written with spiffe:// never matches: Istio adds that prefix itself' : '')};
    }
    reasons.push(check.why);
  }
  return {ok: true, why: reasons.join('; ') || 'empty source matches any'};
}

function operationMatches(operation: AuthzOperation, request: AuthzRequest, strip: boolean): FieldResult {
  const reasons: string[] = [];
  const host = request.host.toLowerCase();
  const hostMatch = (pattern: string, value: string | undefined) => istioStringMatch(pattern.toLowerCase(), value);
  const checks: (FieldResult | undefined)[] = [
    listMatch('ports', operation.ports, String(request.port), false),
    listMatch('notPorts', operation.notPorts, String(request.port), true),
  ];
  if (!strip) {
    checks.push(
      listMatch('hosts', operation.hosts, host, false, hostMatch),
      listMatch('notHosts', operation.notHosts, host, true, hostMatch),
      listMatch('methods', operation.methods, request.method, false),
      listMatch('notMethods', operation.notMethods, request.method, true),
      listMatch('paths', operation.paths, request.path, false),
      listMatch('notPaths', operation.notPaths, request.path, true),
    );
  }
  for (const check of checks) {
    if (!check) continue;
    if (!check.ok) return check;
    reasons.push(check.why);
  }
  return {ok: true, why: reasons.join('; ') || 'empty operation matches any'};
}

/** Values of a `when` key; a list claim gives every element (Istio matches it with a ListMatcher oneOf). */
function conditionValues(key: string, request: AuthzRequest): readonly (string | undefined)[] {
  const claim = key.match(/^request\.auth\.claims\[(.+)\]$/);
  if (claim?.[1]) {
    const value = request.claims?.[claim[1]];
    if (Array.isArray(value)) return value.length ? value.map(String) : [undefined];
    return [value === undefined ? undefined : String(value)];
  }
  return [conditionValue(key, request)];
}

function conditionValue(key: string, request: AuthzRequest): string | undefined {
  const header = key.match(/^request\.headers\[(.+)\]$/);
  if (header?.[1]) return request.headers[header[1].toLowerCase()];
  switch (key) {
    case 'source.principal':
      return request.principal;
    case 'source.namespace':
      return namespaceOf(request.principal);
    case 'request.auth.principal':
      return request.requestPrincipal;
    case 'destination.port':
      return String(request.port);
    case 'source.ip':
      return request.sourceIp;
    case 'remote.ip':
      return request.remoteIp;
    default:
      return undefined;
  }
}

function conditionMatches(condition: AuthzCondition, request: AuthzRequest, strip: boolean): FieldResult {
  const key = condition.key ?? '';
  if (strip && !L4_WHEN_KEYS.includes(key)) return {ok: true, why: `when ${key}: dropped (HTTP attribute)`};
  const values = conditionValues(key, request);
  const compare = key.endsWith('.ip') ? inCidr : istioStringMatch;
  const matchesWith = (value: string | undefined) => listMatch(`when ${key}`, condition.values, value, false, compare);
  const positive = values.map(matchesWith).find((result) => result?.ok) ?? matchesWith(values[0]);
  if (positive && !positive.ok) return positive;
  const negatives = values.map((value) => listMatch(`when ${key} notValues`, condition.notValues, value, true, compare));
  const negative = negatives.find((result) => result && !result.ok) ?? negatives[0];
  if (negative && !negative.ok) return negative;
  return {ok: true, why: [positive?.why, negative?.why].filter(Boolean).join('; ') || `when ${key}`};
}

/** Does one rule match? `strip` drops HTTP attributes (a DENY rule as ztunnel enforces it). */
export function ruleMatches(rule: AuthzRule, request: AuthzRequest, policyNamespace: string, strip = false): FieldResult {
  const parts: string[] = [];
  if (rule.from && rule.from.length > 0) {
    const results = rule.from.map((from) => sourceMatches(from.source ?? {}, request, policyNamespace, strip));
    const hit = results.find((result) => result.ok);
    if (!hit) return {ok: false, why: `from: ${results.map((result) => result.why).join(' | ')}`};
    parts.push(`from: ${hit.why}`);
  }
  if (rule.to && rule.to.length > 0) {
    const results = rule.to.map((to) => operationMatches(to.operation ?? {}, request, strip));
    const hit = results.find((result) => result.ok);
    if (!hit) return {ok: false, why: `to: ${results.map((result) => result.why).join(' | ')}`};
    parts.push(`to: ${hit.why}`);
  }
  for (const condition of rule.when ?? []) {
    const result = conditionMatches(condition, request, strip);
    if (!result.ok) return result;
    parts.push(result.why);
  }
  return {ok: true, why: parts.join('; ') || 'an empty rule matches every request'};
}

export interface AuthzTarget {
  readonly workload: Workload;
  /** Service the request was addressed to (for waypoint targetRefs). */
  readonly service: string;
  readonly serviceNamespace: string;
  readonly waypoint?: string;
}

export interface AuthzOutcome {
  readonly verdict: AuthzVerdict;
  /** Lines for the trace, one per policy looked at. */
  readonly notes: readonly string[];
}

function targetRefsOf(spec: AuthorizationPolicySpec) {
  return [...(spec.targetRef ? [spec.targetRef] : []), ...(spec.targetRefs ?? [])];
}

/** Policies that apply at this enforcement point, plus notes on the ones that do not. */
export function applicablePolicies(
  mesh: Mesh,
  policies: readonly ResourceOf<'AuthorizationPolicy'>[],
  target: AuthzTarget,
  enforcer: Enforcer,
): {applies: ResourceOf<'AuthorizationPolicy'>[]; notes: string[]} {
  const applies: ResourceOf<'AuthorizationPolicy'>[] = [];
  const notes: string[] = [];
  for (const policy of policies) {
    const id = `${policy.namespace}/${policy.name}`;
    const refs = targetRefsOf(policy.spec);
    if (enforcer === 'waypoint' || (enforcer === 'gateway' && refs.length > 0)) {
      const hit = refs.some(
        (ref) =>
          policy.namespace === target.serviceNamespace &&
          ((ref.kind === 'Service' && ref.name === target.service) || (ref.kind === 'Gateway' && ref.name === target.waypoint)),
      );
      if (hit) applies.push(policy);
      continue;
    }
    if (refs.length > 0) {
      if (policy.namespace === target.serviceNamespace && refs.some((ref) => ref.name === target.service || ref.name === target.waypoint))
        notes.push(`${id} attaches with targetRefs, so only a waypoint (or gateway) enforces it — the ${enforcer} ignores it`);
      continue;
    }
    const scoped = policy.namespace === mesh.rootNamespace || policy.namespace === target.workload.namespace;
    if (scoped && selectorMatches(policy.spec.selector, target.workload.labels)) applies.push(policy);
  }
  return {applies, notes};
}

/** The sample ext-authz server's rule, standing in for any CUSTOM provider. */
function customProviderAllows(headers: Readonly<Record<string, string>>): boolean {
  return headers['x-ext-authz'] === 'allow';
}

const DRY_RUN = 'istio.io/dry-run';

function isDryRun(policy: ResourceOf<'AuthorizationPolicy'>): boolean {
  return policy.annotations[DRY_RUN]?.toLowerCase() === 'true';
}

/**
 * The verdict at one enforcement point. Policies annotated istio.io/dry-run: "true" are
 * evaluated as shadow rules: their result is only noted (pilot/pkg/security/authz/builder).
 * `l4Only` is true at ztunnel and for TCP traffic at a proxy: HTTP-only fields cannot be
 * evaluated, so ALLOW rules using them are skipped and DENY rules are enforced without them
 * (pilot/pkg/security/authz/model/model.go checkError).
 */
export function authorize(
  mesh: Mesh,
  policies: readonly ResourceOf<'AuthorizationPolicy'>[],
  target: AuthzTarget,
  enforcer: Enforcer,
  request: AuthzRequest,
  l4Only = enforcer === 'ztunnel',
): AuthzOutcome {
  const dryRun = policies.filter(isDryRun);
  if (dryRun.length === 0) return enforce(mesh, policies, target, enforcer, request, l4Only);
  const enforced = enforce(mesh, policies.filter((policy) => !isDryRun(policy)), target, enforcer, request, l4Only);
  const shadow = enforce(mesh, dryRun, target, enforcer, request, l4Only);
  const touched = applicablePolicies(mesh, dryRun, target, enforcer).applies;
  if (touched.length === 0) return enforced;
  const note = `dry-run (${touched.map((policy) => `${policy.namespace}/${policy.name}`).join(', ')}): would ${shadow.verdict.decision} — ${shadow.verdict.reason}; only logged, not enforced`;
  return {verdict: enforced.verdict, notes: [...enforced.notes, note]};
}

function enforce(
  mesh: Mesh,
  policies: readonly ResourceOf<'AuthorizationPolicy'>[],
  target: AuthzTarget,
  enforcer: Enforcer,
  request: AuthzRequest,
  l4Only: boolean,
): AuthzOutcome {
  const where = enforcer === 'sidecar' ? 'server sidecar' : enforcer === 'ztunnel' ? 'destination ztunnel' : enforcer === 'gateway' ? 'ingress gateway' : 'waypoint';
  const {applies, notes} = applicablePolicies(mesh, policies, target, enforcer);
  const deny = (policy: string, rule: number | undefined, reason: string): AuthzOutcome => ({
    verdict: {decision: 'deny', enforcedBy: where, policy, rule, reason},
    notes,
  });
  const firstMatch = (policy: ResourceOf<'AuthorizationPolicy'>, strip: boolean) => {
    const rules = policy.spec.rules ?? [];
    for (const [index, rule] of rules.entries()) {
      const result = ruleMatches(rule, request, policy.namespace ?? '', strip);
      if (result.ok) return {index, why: result.why};
    }
    return undefined;
  };
  const byAction = (action: string) => applies.filter((policy) => (policy.spec.action ?? 'ALLOW') === action);

  // CUSTOM
  for (const policy of byAction('CUSTOM')) {
    const id = `${policy.namespace}/${policy.name}`;
    if (enforcer === 'ztunnel') {
      notes.push(`${id}: ztunnel does not support the CUSTOM action; the policy is ignored here`);
      continue;
    }
    const provider = policy.spec.provider?.name ?? '';
    if (!mesh.extensionProviders.includes(provider))
      return deny(id, undefined, `CUSTOM provider "${provider}" is not defined in meshConfig.extensionProviders, so the policy denies every request`);
    const match = firstMatch(policy, false);
    if (!match) {
      notes.push(`${id} (CUSTOM): no rule matches, the request is not sent to ${provider}`);
      continue;
    }
    if (!customProviderAllows(request.headers))
      return deny(id, match.index, `CUSTOM rule ${match.index} matches (${match.why}); ${provider} denies it (it allows only requests with x-ext-authz: allow)`);
    notes.push(`${id} (CUSTOM): ${provider} allows the request (x-ext-authz: allow)`);
  }

  // DENY
  for (const policy of byAction('DENY')) {
    const id = `${policy.namespace}/${policy.name}`;
    const strip = l4Only;
    if (strip) {
      const l7 = (policy.spec.rules ?? []).flatMap(l7AttributesOf);
      if (l7.length > 0)
        notes.push(`${id}: ${enforcer === 'ztunnel' ? 'ztunnel' : 'a TCP connection'} has no HTTP attributes (${[...new Set(l7)].join(', ')}), so this DENY is enforced without them — more restrictive than written`);
    }
    const match = firstMatch(policy, strip);
    if (match) return deny(id, match.index, `DENY rule ${match.index} matches: ${match.why}`);
    notes.push(`${id} (DENY): no rule matches`);
  }

  // AUDIT never changes the decision.
  for (const policy of byAction('AUDIT')) {
    if (enforcer === 'ztunnel') continue;
    const match = firstMatch(policy, false);
    notes.push(`${policy.namespace}/${policy.name} (AUDIT): ${match ? `rule ${match.index} matches, the request is marked for audit logging` : 'no rule matches'}; AUDIT never allows or denies`);
  }

  // ALLOW
  const allowPolicies = byAction('ALLOW');
  if (allowPolicies.length === 0) {
    return {verdict: {decision: 'allow', enforcedBy: where, reason: 'no ALLOW policy applies to this workload, so the request is allowed'}, notes};
  }
  for (const policy of allowPolicies) {
    const id = `${policy.namespace}/${policy.name}`;
    if (l4Only) {
      const rules = policy.spec.rules ?? [];
      const usable = rules.map((rule, index) => ({rule, index, l7: l7AttributesOf(rule)}));
      for (const {index, l7} of usable)
        if (l7.length > 0)
          notes.push(
            enforcer === 'ztunnel'
              ? `${id} rule ${index}: ztunnel cannot enforce HTTP attributes (${l7.join(', ')}), so this ALLOW rule is dropped and never matches — use a waypoint with targetRefs`
              : `${id} rule ${index}: HTTP-only fields (${l7.join(', ')}) on TCP traffic: this ALLOW rule is dropped and never matches`,
          );
      for (const {rule, index, l7} of usable) {
        if (l7.length > 0) continue;
        const result = ruleMatches(rule, request, policy.namespace ?? '', false);
        if (result.ok)
          return {verdict: {decision: 'allow', enforcedBy: where, policy: id, rule: index, reason: `ALLOW rule ${index} matches: ${result.why}`}, notes};
      }
      continue;
    }
    const match = firstMatch(policy, false);
    if (match)
      return {verdict: {decision: 'allow', enforcedBy: where, policy: id, rule: match.index, reason: `ALLOW rule ${match.index} matches: ${match.why}`}, notes};
    const reasons = (policy.spec.rules ?? []).map((rule, index) => `rule ${index}: ${ruleMatches(rule, request, policy.namespace ?? '').why}`);
    notes.push(`${id} (ALLOW): ${reasons.length ? reasons.join(' · ') : 'no rules, so it matches nothing'}`);
  }
  return deny(
    allowPolicies.map((policy) => `${policy.namespace}/${policy.name}`).join(', '),
    undefined,
    'ALLOW policies apply to this workload and none of their rules matches, so the request is denied',
  );
}
