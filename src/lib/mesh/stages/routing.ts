/**
 * Stage 1, route selection (Envoy's route table): the first rule whose match list matches wins;
 * the blocks of a match list are ORed, the conditions inside a block ANDed.
 */
import {hostMatches} from '../hosts';
import type {StringMatch} from '../resources';
import {selectorMatches} from '../security';
import type {Call, HopContext} from './context';
import type {MatchBlock, RouteRule, RouteTable} from './config';

/** Full match of an Istio StringMatch; regex is anchored like Envoy's RE2 full match. */
export function stringMatches(match: StringMatch, value: string | undefined, ignoreCase = false): boolean {
  if (value === undefined) return false;
  if (match.exact !== undefined) return ignoreCase ? value.toLowerCase() === match.exact.toLowerCase() : value === match.exact;
  if (match.prefix !== undefined) return ignoreCase ? value.toLowerCase().startsWith(match.prefix.toLowerCase()) : value.startsWith(match.prefix);
  if (match.regex !== undefined) return anchored(match.regex)?.test(value) ?? false;
  return true; // an empty match only asks for presence
}

const regexCache = new Map<string, RegExp | null>();
function anchored(source: string): RegExp | null {
  let compiled = regexCache.get(source);
  if (compiled === undefined) {
    try {
      compiled = new RegExp(`^(?:${source})$`);
    } catch {
      compiled = null;
    }
    regexCache.set(source, compiled);
  }
  return compiled;
}

function describe(match: StringMatch): string {
  if (match.exact !== undefined) return `exact "${match.exact}"`;
  if (match.prefix !== undefined) return `prefix "${match.prefix}"`;
  if (match.regex !== undefined) return `regex "${match.regex}"`;
  return 'present';
}

function pathMatches(block: MatchBlock, path: string): boolean {
  const uri = block.uri;
  if (!uri) return true;
  if (block.pathSeparatedPrefix && uri.prefix !== undefined) return path === uri.prefix || path.startsWith(`${uri.prefix}/`);
  return stringMatches(uri, path, block.ignoreUriCase);
}

type Check = readonly [ok: boolean, why: string];

/** Every condition of a block with its result, for the trace (built only for kept requests). */
function explainBlock(block: MatchBlock, call: Call, port: number): Check[] {
  const checks: Check[] = [];
  if (block.uri) checks.push([pathMatches(block, call.path), `uri ${describe(block.uri)}${block.pathSeparatedPrefix ? ' (whole path segments)' : ''} vs ${call.path}`]);
  if (block.method) checks.push([stringMatches(block.method, call.method), `method ${describe(block.method)} vs ${call.method}`]);
  for (const [name, match] of Object.entries(block.headers ?? {}))
    checks.push([stringMatches(match, call.headers[name.toLowerCase()]), `header ${name} ${describe(match)} vs ${call.headers[name.toLowerCase()] ?? '(absent)'}`]);
  for (const [name, match] of Object.entries(block.withoutHeaders ?? {}))
    checks.push([!stringMatches(match, call.headers[name.toLowerCase()]), `withoutHeaders ${name} ${describe(match)}`]);
  for (const [name, match] of Object.entries(block.queryParams ?? {}))
    checks.push([stringMatches(match, call.query[name]), `query ${name} ${describe(match)} vs ${call.query[name] ?? '(absent)'}`]);
  if (block.port !== undefined) checks.push([block.port === port, `port ${block.port} vs ${port}`]);
  if (block.sourceLabels) checks.push([selectorMatches({matchLabels: block.sourceLabels}, call.client.labels), `sourceLabels ${JSON.stringify(block.sourceLabels)} vs ${call.client.name}`]);
  if (block.sourceNamespace !== undefined) checks.push([block.sourceNamespace === call.client.namespace, `sourceNamespace ${block.sourceNamespace} vs ${call.client.namespace}`]);
  return checks;
}

/** One match block: every condition must hold (AND). */
export function blockMatches(block: MatchBlock, call: Call, port: number): boolean {
  if (block.uri && !pathMatches(block, call.path)) return false;
  if (block.method && !stringMatches(block.method, call.method)) return false;
  if (block.headers) for (const name in block.headers) if (!stringMatches(block.headers[name]!, call.headers[name.toLowerCase()])) return false;
  if (block.withoutHeaders) for (const name in block.withoutHeaders) if (stringMatches(block.withoutHeaders[name]!, call.headers[name.toLowerCase()])) return false;
  if (block.queryParams) for (const name in block.queryParams) if (!stringMatches(block.queryParams[name]!, call.query[name])) return false;
  if (block.port !== undefined && block.port !== port) return false;
  if (block.sourceLabels && !selectorMatches({matchLabels: block.sourceLabels}, call.client.labels)) return false;
  if (block.sourceNamespace !== undefined && block.sourceNamespace !== call.client.namespace) return false;
  return true;
}

/** Index of the first rule that matches, or -1. */
export function firstMatchingRule(rules: readonly RouteRule[], call: Call, port: number): number {
  for (let index = 0; index < rules.length; index += 1) {
    const match = rules[index]!.match;
    if (!match || match.length === 0) return index;
    for (const block of match) if (blockMatches(block, call, port)) return index;
  }
  return -1;
}

/** The route table for a host: the first table in config order that names it (Istio: the oldest). */
export function tableFor(tables: readonly RouteTable[], host: string, protocol: 'http' | 'tcp'): RouteTable | undefined {
  return tables.find((table) => (protocol === 'http' ? table.kind !== 'TCPRoute' : table.tcp.length > 0) && table.hosts.some((pattern) => hostMatches(pattern, host)));
}

function explainSelection(table: RouteTable, call: Call, port: number): string {
  const lines: string[] = [];
  for (const [index, rule] of table.http.entries()) {
    const label = table.labels[index] ?? `http[${index}]`;
    if (!rule.match || rule.match.length === 0) {
      lines.push(`${label} has no match, so it takes every request`);
      return lines.join('; ');
    }
    const blocks = rule.match.map((block) => explainBlock(block, call, port));
    const hit = blocks.findIndex((checks) => checks.every(([ok]) => ok));
    if (hit >= 0) {
      lines.push(`${label} match[${hit}] matches: ${blocks[hit]!.map(([, why]) => why).join(' AND ') || 'empty match block'}`);
      return lines.join('; ');
    }
    lines.push(`${label} skipped — ${blocks.map((checks, i) => `match[${i}]: ${checks.find(([ok]) => !ok)?.[1] ?? ''} fails`).join(' OR ')}`);
  }
  lines.push('no rule matches');
  return lines.join('; ');
}

const explainTemplate = (table: RouteTable, call: Call, port: number) => `${table.id}: ${explainSelection(table, call, port)}`;

/** Selects the rule for a call; records why in the trace. */
export function selectRoute(context: HopContext, at: string, table: RouteTable, port: number): {rule: RouteRule; label: string} | undefined {
  const index = firstMatchingRule(table.http, context.call, port);
  context.sim.trace.step(context.hop, 'routing', at, index < 0 ? 'fail' : 'info', explainTemplate, table, context.call, port);
  if (index < 0) return undefined;
  return {rule: table.http[index]!, label: `${table.id} ${table.labels[index] ?? ''}`.trim()};
}
