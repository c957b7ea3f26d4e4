/**
 * Counts and distributions over every request of a run, kept in small maps while the run goes,
 * so a 10,000-request run returns a summary and a handful of full traces, not 10,000 traces.
 */
import type {HopRecord} from './trace';
import type {RunSummary, View} from './types';

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/** A tree of maps keyed by parts, so hot paths count without building a string per request. */
type Tree<T> = Map<string | number, Tree<T> | T>;

function leaf<T>(tree: Tree<T>, parts: readonly (string | number)[], create: () => T): {value: T; created: boolean} {
  let level = tree;
  for (let index = 0; index < parts.length - 1; index += 1) {
    let next = level.get(parts[index]!) as Tree<T> | undefined;
    if (!next) level.set(parts[index]!, (next = new Map()));
    level = next;
  }
  const last = parts[parts.length - 1]!;
  const found = level.get(last) as T | undefined;
  if (found !== undefined) return {value: found, created: false};
  const value = create();
  level.set(last, value);
  return {value, created: true};
}

function leaves<T>(tree: Tree<T>, depth: number, prefix: (string | number)[] = []): [(string | number)[], T][] {
  const out: [(string | number)[], T][] = [];
  for (const [key, value] of tree) {
    if (depth === 1) out.push([[...prefix, key], value as T]);
    else out.push(...leaves(value as Tree<T>, depth - 1, [...prefix, key]));
  }
  return out;
}

export class SummaryBuilder {
  private readonly statuses = new Map<number, number>();
  private readonly destinations = new Map<string, number>();
  private readonly mirrored = new Map<string, number>();
  private readonly views = new Map<string, number>();
  private readonly hops: Tree<{count: number}> = new Map();
  private readonly outcomes: Tree<{count: number; firstIndex: number}> = new Map();
  private readonly latencies: Float64Array;
  private total = 0;
  private firstStart = Number.POSITIVE_INFINITY;
  private lastEnd = 0;

  constructor(capacity: number) {
    this.latencies = new Float64Array(capacity);
  }

  /** Adds one request; returns true when its outcome was not seen before. */
  add(index: number, hops: readonly HopRecord[], view: View | undefined): boolean {
    const top = hops[0]?.result;
    const status = top?.status ?? 0;
    const latency = top?.latencyMs ?? 0;
    const startMs = hops[0]?.startMs ?? 0;
    this.latencies[this.total] = latency;
    this.total += 1;
    this.firstStart = Math.min(this.firstStart, startMs);
    this.lastEnd = Math.max(this.lastEnd, startMs + latency);
    increment(this.statuses, status);
    increment(this.destinations, top?.destination ?? 'not sent to any pod');
    for (const hop of hops) {
      if (hop.result?.mirroredTo) increment(this.mirrored, hop.result.mirroredTo);
      if (hop.depth > 0) leaf(this.hops, [hop.from, hop.result?.destination ?? hop.to, hop.result?.status ?? 0], () => ({count: 0})).value.count += 1;
    }
    if (view) increment(this.views, view.label);
    const flags = top?.flags.length ? top.flags.join(',') : '';
    const {value, created} = leaf(this.outcomes, [status, flags, top?.destination ?? '', view?.label ?? ''], () => ({count: 0, firstIndex: index}));
    value.count += 1;
    return created;
  }

  build(): RunSummary {
    const latencies = this.latencies.subarray(0, this.total).sort();
    const at = (q: number) => (this.total ? latencies[Math.min(this.total - 1, Math.floor(q * this.total))]! : 0);
    let sum = 0;
    for (const value of latencies) sum += value;
    const mean = this.total ? Math.round((sum / this.total) * 10) / 10 : 0;
    const max = this.total ? latencies[this.total - 1]! : 0;
    const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => a[0].localeCompare(b[0]));
    return {
      total: this.total,
      byStatus: [...this.statuses.entries()].sort((a, b) => a[0] - b[0]).map(([status, count]) => ({status, count})),
      byDestination: sorted(this.destinations).map(([destination, count]) => ({destination, count})),
      mirrored: sorted(this.mirrored).map(([destination, count]) => ({destination, count})),
      byOutcome: leaves(this.outcomes, 4)
        .map(([[status, flags, destination, view], {count, firstIndex}]) => ({
          outcome: `${status || 'reset'}${flags ? ` ${flags}` : ''} · ${destination || 'no pod'}${view ? ` · ${view}` : ''}`,
          count,
          firstIndex,
        }))
        .sort((a, b) => b.count - a.count || a.firstIndex - b.firstIndex),
      byView: sorted(this.views).map(([view, count]) => ({view, count})),
      byHop: leaves(this.hops, 3)
        .map(([[from, to, status], {count}]) => ({hop: `${from} → ${to}: ${status || 'reset'}`, count}))
        .sort((a, b) => a.hop.localeCompare(b.hop)),
      latency: {meanMs: mean, p50Ms: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), maxMs: max},
      meanLatencyMs: mean,
      maxLatencyMs: max,
      durationMs: this.total ? Math.round((this.lastEnd - this.firstStart) * 10) / 10 : 0,
    };
  }
}
