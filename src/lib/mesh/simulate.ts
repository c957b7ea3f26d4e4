/**
 * The mesh simulator: sends N requests through a mesh configured with Istio YAML. Each request
 * starts at a client in the mesh or at a browser outside it (through the ingress gateway) and
 * goes hop by hop through the applications' own calls; the stages each hop passes are in
 * stages/ (gateway, routing, fault, destination, mirror, pool and outlier, attempts and retries,
 * mTLS, authentication and authorization). Deterministic for a given seed; requests carry
 * simulated timestamps, so state such as outlier ejection and pool occupancy carries over.
 */
import {callService} from './hop';
import {podIp} from './hosts';
import {sortProblems} from '../problem';
import {parseConfig, PLAYGROUND_FILE} from './parse';
import {seededRandom} from './prng';
import {buildConfig} from './stages/config';
import type {Body, Call, Sim} from './stages/context';
import {enterThroughGateway} from './stages/gateway';
import {SummaryBuilder} from './summary';
import {Tracer} from './trace';
import type {Problem} from '../problem';
import type {Mesh, RequestSpec, RequestTrace, RunOptions, RunResult, View, Workload} from './types';
import {validateConfig} from './validate';

export const MAX_REQUESTS = 20_000;
export const MAX_CONCURRENCY = 64;
export const MAX_RATE_PER_SECOND = 100_000;
/** The pseudo-source for requests from outside the cluster. */
export const BROWSER = 'browser';
const DEFAULT_CLIENT_IP = '203.0.113.10';
const DEFAULT_SAMPLE_FIRST = 5;

const browser: Workload = {name: BROWSER, namespace: 'external', serviceAccount: '', labels: {}, mode: 'outside', pods: [{name: 'browser'}]};

function parseRequestPath(path: string): {path: string; query: Record<string, string>} {
  const [pathOnly = '/', queryString = ''] = path.split('?', 2);
  const query: Record<string, string> = {};
  for (const pair of queryString.split('&')) {
    if (!pair) continue;
    const [key = '', value = ''] = pair.split('=', 2);
    try {
      query[decodeURIComponent(key)] = decodeURIComponent(value);
    } catch {
      query[key] = value;
    }
  }
  return {path: pathOnly.startsWith('/') ? pathOnly : `/${pathOnly}`, query};
}

function viewOf(body: Body | undefined): View | undefined {
  if (body?.app === 'productpage') return {label: body.label, lines: body.lines};
  if (body?.app === 'tcp-echo') return {label: `echo "${body.text}"`, lines: [body.text]};
  return undefined;
}

function firstCall(mesh: Mesh, spec: RequestSpec, source: Workload): Call {
  const headers: Record<string, string> = {};
  for (const [key, value] of Object.entries(spec.headers ?? {})) if (key.trim()) headers[key.trim().toLowerCase()] = String(value);
  const {path, query} = parseRequestPath(spec.path || '/');
  const ip = source === browser ? (spec.clientIp ?? DEFAULT_CLIENT_IP) : podIp(mesh, source, 0);
  return {client: source, host: spec.host, port: spec.port, method: (spec.method || 'GET').toUpperCase(), path, query, headers, depth: 0, peerIp: ip, remoteIp: ip};
}

function problemsOf(mesh: Mesh, yaml: string): {problems: Problem[]; config?: ReturnType<typeof buildConfig>} {
  const parsed = parseConfig(yaml);
  if (parsed.problems.some((p) => p.severity === 'error')) return {problems: sortProblems(parsed.problems)};
  const config = buildConfig(parsed.resources, mesh.extensionProviders);
  return {problems: sortProblems([...parsed.problems, ...validateConfig(config, mesh)]), config};
}

/** Start times: an open model at a fixed rate, or N clients each sending when its last answer came. */
function scheduler(options: RunOptions): {next: () => number; done: (start: number, latency: number) => void} {
  const rate = options.ratePerSecond !== undefined ? Math.min(MAX_RATE_PER_SECOND, Math.max(0, options.ratePerSecond)) : 0;
  let index = 0;
  if (rate > 0) return {next: () => (index++ * 1000) / rate, done: () => undefined};
  const concurrency = Math.max(1, Math.min(MAX_CONCURRENCY, Math.floor(options.concurrency ?? 1) || 1));
  const free = new Float64Array(concurrency);
  let client = 0;
  return {
    next: () => {
      client = 0;
      for (let c = 1; c < concurrency; c += 1) if (free[c]! < free[client]!) client = c;
      return free[client]!;
    },
    done: (start, latency) => {
      free[client] = start + latency;
    },
  };
}

const EMPTY = new SummaryBuilder(0).build();

/** Runs the simulation. Never throws for bad YAML or bad input: problems come back as diagnostics. */
export function simulate(mesh: Mesh, yaml: string, spec: RequestSpec, options: RunOptions): RunResult {
  const {problems, config} = problemsOf(mesh, yaml);
  if (!config || problems.some((p) => p.severity === 'error')) return {problems, summary: EMPTY, samples: []};
  const source = spec.source === BROWSER ? browser : mesh.workloads.find((workload) => workload.name === spec.source);
  if (!source) return {problems: [...problems, {file: PLAYGROUND_FILE, severity: 'error', message: `unknown source workload "${spec.source}"`, line: 0}], summary: EMPTY, samples: []};
  const count = Math.max(0, Math.min(MAX_REQUESTS, Math.floor(Number.isFinite(options.count) ? options.count : 0)));
  const sampleFirst = Math.max(0, Math.floor(options.sampleFirst ?? DEFAULT_SAMPLE_FIRST));
  const sim: Sim = {mesh, config, random: seededRandom(options.seed), trace: new Tracer(), clusters: new Map(), memo: new Map()};
  const call = firstCall(mesh, spec, source);
  const summary = new SummaryBuilder(count);
  const samples: RequestTrace[] = [];
  const clock = scheduler(options);
  for (let index = 0; index < count; index += 1) {
    const startMs = clock.next();
    sim.trace.reset();
    const result = source === browser ? enterThroughGateway(sim, call, startMs) : callService(sim, call, startMs);
    clock.done(startMs, result.latencyMs);
    const view = viewOf(result.reply.body);
    const isNew = summary.add(index, sim.trace.hops, view);
    if (index < sampleFirst || isNew) {
      const hops = sim.trace.render();
      samples.push({...hops[0]!, index, view, hops});
    }
  }
  return {problems, summary: summary.build(), samples};
}

/** Only the problems in the YAML, for live feedback while the learner types. */
export function checkYaml(mesh: Mesh, yaml: string): readonly Problem[] {
  return problemsOf(mesh, yaml).problems;
}
