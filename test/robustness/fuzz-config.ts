/**
 * How long the robustness properties run. By default a small number of runs with a fixed seed, so
 * `npx vitest run test/robustness` stays well under a minute and any failure reproduces as is. Environment:
 * - `CORSPROOF_FUZZ_RUNS=<n>` runs every property n times (`npm run fuzz` uses 20 000);
 * - `CORSPROOF_FUZZ_SEED=<int>` uses another seed;
 * - `CORSPROOF_FUZZ_PATH=<path>` replays the shrink path fast-check printed for one failing property (use it
 *   with `-t '<test name>'`: a path only means something for the property it came from).
 * fast-check's failure report prints `{ seed, path, endOnFailure }` and the shrunk counterexample.
 */
import type { Parameters } from 'fast-check';

/** The default seed: fixed, so a failure on one machine fails the same way on every other. */
const DEFAULT_SEED = 0x5eed_c025;

function integerFromEnv(name: string, min: number): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === '') return undefined;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < min) throw new Error(`${name}=${raw}: expected an integer >= ${min}`);
  return value;
}

/** Set when a long run was asked for (`npm run fuzz`). */
export const LONG_RUNS = integerFromEnv('CORSPROOF_FUZZ_RUNS', 1);
export const SEED = (integerFromEnv('CORSPROOF_FUZZ_SEED', Number.MIN_SAFE_INTEGER) ?? DEFAULT_SEED) | 0;
const PATH = process.env.CORSPROOF_FUZZ_PATH?.trim() || undefined;

/** Runs of one property: `CORSPROOF_FUZZ_RUNS` when set, else the property's default. */
export function runsFor(defaultRuns: number): number {
  return LONG_RUNS ?? defaultRuns;
}

/** fast-check parameters for one property. */
export function fuzzParameters<T>(defaultRuns: number): Parameters<T> {
  return { numRuns: runsFor(defaultRuns), seed: SEED, ...(PATH === undefined ? {} : { path: PATH }) };
}

/** A Vitest timeout that grows with the runs, so a long run is not cut short by the 20 s default. */
export function timeoutFor(defaultRuns: number, msPerRun: number): number {
  return 20_000 + Math.ceil(runsFor(defaultRuns) * msPerRun);
}
