/**
 * Timing helpers. Every figure is a median over several rounds measured in this process; a ratio is the median
 * of per-round ratios of two operations timed back to back (interleaved), so drift in CPU frequency or GC
 * pressure hits both sides of the ratio alike.
 */

export type Op = () => unknown;

export interface Rate {
  /** Operations per second (median round). */
  perSecond: number;
  /** Microseconds per operation (median round). */
  micros: number;
}

export interface Ratio {
  /** `a` time over `b` time per operation, median over rounds. */
  ratio: number;
  a: Rate;
  b: Rate;
}

export interface MeasureOptions {
  /** Operations per round. */
  batch: number;
  /** Timed rounds (after warm-up). */
  rounds: number;
  /** Untimed rounds first, so the JIT has compiled the hot paths. */
  warmupRounds?: number;
}

/** Run `op` `count` times, one after the other (awaiting each), and return the elapsed milliseconds. */
export async function timeBatch(op: Op, count: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < count; i++) await op();
  return performance.now() - start;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function rateOf(ms: number, count: number): Rate {
  return { perSecond: (count / ms) * 1000, micros: (ms * 1000) / count };
}

/** Operations per second of `op`. */
export async function measureRate(op: Op, options: MeasureOptions): Promise<Rate> {
  for (let i = 0; i < (options.warmupRounds ?? 2); i++) await timeBatch(op, options.batch);
  const times: number[] = [];
  for (let i = 0; i < options.rounds; i++) times.push(await timeBatch(op, options.batch));
  return rateOf(median(times), options.batch);
}

/** How much slower `a` is than `b` (time of a / time of b), measured interleaved. */
export async function measureRatio(a: Op, b: Op, options: MeasureOptions): Promise<Ratio> {
  for (let i = 0; i < (options.warmupRounds ?? 2); i++) {
    await timeBatch(a, options.batch);
    await timeBatch(b, options.batch);
  }
  const ratios: number[] = [];
  const aTimes: number[] = [];
  const bTimes: number[] = [];
  for (let i = 0; i < options.rounds; i++) {
    // Alternate which side goes first, so neither always runs right after a GC-heavy batch of the other.
    const first = i % 2 === 0;
    const ta = first ? await timeBatch(a, options.batch) : 0;
    const tb = await timeBatch(b, options.batch);
    const ta2 = first ? ta : await timeBatch(a, options.batch);
    aTimes.push(ta2);
    bTimes.push(tb);
    ratios.push(ta2 / tb);
  }
  return { ratio: median(ratios), a: rateOf(median(aTimes), options.batch), b: rateOf(median(bTimes), options.batch) };
}
