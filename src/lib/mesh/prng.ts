/**
 * A small seeded pseudo-random generator (mulberry32), so weight splits, fault percentages and
 * load-balancer tie-breaks are the same every time for the same seed.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** True with the given probability in percent (0–100). */
  percent(value: number): boolean;
  /** An integer in [0, n). */
  below(n: number): number;
}

export function seededRandom(seed: number): Random {
  let state = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    percent: (value) => value >= 100 || (value > 0 && next() * 100 < value),
    below: (n) => Math.min(n - 1, Math.floor(next() * n)),
  };
}
