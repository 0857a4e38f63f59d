/** Summary of a list of timings in milliseconds. */
export interface Timing {
  count: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
}

const percentile = (sorted: number[], p: number): number =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? 0;

const round = (ms: number): number => Math.round(ms * 1000) / 1000;

export const summarize = (samples: number[]): Timing => {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    count: sorted.length,
    medianMs: round(percentile(sorted, 50)),
    p99Ms: round(percentile(sorted, 99)),
    maxMs: round(sorted.at(-1) ?? 0),
  };
};

/** Times `fn` once per input, after a short warm-up. */
export const timeEach = <T>(inputs: readonly T[], fn: (input: T) => unknown, warmup = 50): Timing => {
  for (const input of inputs.slice(0, warmup)) fn(input);
  const samples: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    fn(input);
    samples.push(performance.now() - started);
  }
  return summarize(samples);
};

/** Deterministic pseudo-random numbers (mulberry32), so generated data is the same on every run. */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
};
