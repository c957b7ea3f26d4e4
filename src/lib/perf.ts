/** Pure helpers of the page-speed benchmark (scripts/perf.ts): what one Lighthouse run says. */

export interface PageMetrics {
  /** Lighthouse performance score, 0–100. */
  readonly performance: number;
  readonly lcpMs: number;
  readonly tbtMs: number;
  readonly cls: number;
  /** JavaScript bytes over the wire (gzipped when the server gzips). */
  readonly scriptTransferBytes: number;
}

/** The part of a Lighthouse result this benchmark reads. */
export interface LighthouseResultLike {
  readonly categories: {readonly performance?: {readonly score: number | null}};
  readonly audits: Readonly<Record<string, {readonly numericValue?: number; readonly details?: unknown}>>;
}

interface ResourceSummaryItem {
  readonly resourceType?: string;
  readonly transferSize?: number;
}

function numeric(result: LighthouseResultLike, audit: string): number {
  const value = result.audits[audit]?.numericValue;
  if (typeof value !== 'number') throw new Error(`Lighthouse result has no numeric "${audit}"`);
  return value;
}

function scriptBytes(result: LighthouseResultLike): number {
  const details = result.audits['resource-summary']?.details as {items?: ResourceSummaryItem[]} | undefined;
  const script = details?.items?.find((item) => item.resourceType === 'script');
  return script?.transferSize ?? 0;
}

export function summariseLighthouse(result: LighthouseResultLike): PageMetrics {
  const score = result.categories.performance?.score;
  if (typeof score !== 'number') throw new Error('Lighthouse result has no performance score');
  return {
    performance: Math.round(score * 100),
    lcpMs: numeric(result, 'largest-contentful-paint'),
    tbtMs: numeric(result, 'total-blocking-time'),
    cls: numeric(result, 'cumulative-layout-shift'),
    scriptTransferBytes: scriptBytes(result),
  };
}

function medianOf(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Median of each metric on its own (the medians need not come from the same run). */
export function median(samples: readonly PageMetrics[]): PageMetrics {
  if (samples.length === 0) throw new Error('median of no samples');
  const of = (key: keyof PageMetrics): number => medianOf(samples.map((sample) => sample[key]));
  return {
    performance: of('performance'),
    lcpMs: of('lcpMs'),
    tbtMs: of('tbtMs'),
    cls: of('cls'),
    scriptTransferBytes: of('scriptTransferBytes'),
  };
}
