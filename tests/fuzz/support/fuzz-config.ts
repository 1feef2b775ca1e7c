import type { Parameters } from 'fast-check';

/**
 * Volume and seed of the fuzz suite. FUZZ_RUNS is the number of runs of each property (the CI
 * default keeps the whole suite near a minute on two cores); FUZZ_SEED replays a run. A failing
 * property prints its seed and path; rerun with FUZZ_SEED=<seed> to see it again.
 */
const DEFAULT_RUNS = 180;
const DEFAULT_SEED = 20261107;

const whole = (name: string, fallback: number): number => {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n)) throw new Error(`${name} must be a whole number, not "${raw}".`);
  return n;
};

export const FUZZ_RUNS = whole('FUZZ_RUNS', DEFAULT_RUNS);
export const FUZZ_SEED = whole('FUZZ_SEED', DEFAULT_SEED);

/** fast-check parameters for one property: the shared seed, FUZZ_RUNS runs (or a share of them). */
export const fuzzParams = <T>(share = 1): Parameters<T> => ({
  numRuns: Math.max(1, Math.round(FUZZ_RUNS * share)),
  seed: FUZZ_SEED,
  // Shrinking replays requests against a server whose state has moved on: keep it short.
  interruptAfterTimeLimit: 120_000,
  markInterruptAsFailure: true,
});

/** A generous per-test timeout: the property's own time limit ends it first. */
export const FUZZ_TIMEOUT_MS = 180_000;
