import {describe, expect, it} from 'vitest';
import {median, summariseLighthouse, type LighthouseResultLike} from '@site/src/lib/perf';

function result(score: number, lcp: number, scriptBytes: number): LighthouseResultLike {
  return {
    categories: {performance: {score}},
    audits: {
      'largest-contentful-paint': {numericValue: lcp},
      'total-blocking-time': {numericValue: 100},
      'cumulative-layout-shift': {numericValue: 0.01},
      'resource-summary': {details: {items: [{resourceType: 'total', transferSize: 9e6}, {resourceType: 'script', transferSize: scriptBytes}]}},
    },
  };
}

describe('page-speed benchmark', () => {
  it('reads score, LCP, TBT, CLS and script bytes from a Lighthouse result', () => {
    expect(summariseLighthouse(result(0.914, 2100, 170_000))).toEqual({
      performance: 91,
      lcpMs: 2100,
      tbtMs: 100,
      cls: 0.01,
      scriptTransferBytes: 170_000,
    });
  });

  it('refuses a result without a performance score rather than reporting zero', () => {
    expect(() => summariseLighthouse({categories: {}, audits: {}})).toThrow(/no performance score/);
  });

  it('takes the median of each metric over the runs', () => {
    const runs = [result(0.9, 3000, 1), result(0.8, 1000, 3), result(0.95, 2000, 2)].map(summariseLighthouse);
    const middle = median(runs);
    expect(middle.performance).toBe(90);
    expect(middle.lcpMs).toBe(2000);
    expect(middle.scriptTransferBytes).toBe(2);
  });
});
