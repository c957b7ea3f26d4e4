/**
 * Counts and distributions over every request of a run, kept in small maps while the run goes,
 * so a 10,000-request run returns a summary and a handful of full traces, not 10,000 traces.
 */
import type {HopRecord} from './trace';
import type {RunSummary, View} from './types';

function increment<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

export class SummaryBuilder {
  private readonly statuses = new Map<number, number>();
  private readonly destinations = new Map<string, number>();
  private readonly mirrored = new Map<string, number>();
  private readonly views = new Map<string, number>();
  private readonly hops = new Map<string, number>();
  private readonly outcomes = new Map<string, {count: number; firstIndex: number}>();
  private readonly latencies: Float64Array;
  private total = 0;
  private firstStart = Number.POSITIVE_INFINITY;
  private lastEnd = 0;

  constructor(capacity: number) {
    this.latencies = new Float64Array(capacity);
  }

  /** Adds one request; returns true when its outcome was not seen before. */
  add(index: number, hops: readonly HopRecord[], view: View | undefined): {outcome: string; isNew: boolean} {
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
      if (hop.depth > 0) increment(this.hops, `${hop.from} → ${hop.result?.destination ?? hop.to}: ${hop.result?.status || 'reset'}`);
    }
    if (view) increment(this.views, view.label);
    const flags = top?.flags.length ? ` ${top.flags.join(',')}` : '';
    const outcome = `${status || 'reset'}${flags} · ${top?.destination ?? 'no pod'}${view ? ` · ${view.label}` : ''}`;
    const seen = this.outcomes.get(outcome);
    if (seen) {
      seen.count += 1;
      return {outcome, isNew: false};
    }
    this.outcomes.set(outcome, {count: 1, firstIndex: index});
    return {outcome, isNew: true};
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
      byOutcome: [...this.outcomes.entries()].sort((a, b) => b[1].count - a[1].count).map(([outcome, {count, firstIndex}]) => ({outcome, count, firstIndex})),
      byView: sorted(this.views).map(([view, count]) => ({view, count})),
      byHop: sorted(this.hops).map(([hop, count]) => ({hop, count})),
      latency: {meanMs: mean, p50Ms: at(0.5), p90Ms: at(0.9), p99Ms: at(0.99), maxMs: max},
      meanLatencyMs: mean,
      maxLatencyMs: max,
      durationMs: this.total ? Math.round((this.lastEnd - this.firstStart) * 10) / 10 : 0,
    };
  }
}
