/**
 * Heap growth over 100,000 verdicts sharing one PreflightCache. The requests go to 50,000 distinct URLs, half
 * of them preflighted with a long max-age, so an unbounded cache would hold ~100,000 entries; the bounded one
 * stays at its `maxEntries`. Verdicts are dropped as they come, as a test suite drops them.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { simulate } from '../src/simulate.js';
import { PreflightCache } from '../src/emulator/preflight-cache.js';
import type { CorsRequest, Transport, WireResponse } from '../src/types.js';

const PAGE = 'https://app.example';
const EMPTY = new Uint8Array(0);

/** A raw in-process server: preflights pass for 10 minutes, actual responses allow the page. */
const server: Transport = {
  name: 'heap-bench',
  async send(wire): Promise<WireResponse> {
    if (wire.method === 'OPTIONS') {
      return {
        status: 204,
        statusText: 'No Content',
        headers: [
          ['Access-Control-Allow-Origin', PAGE],
          ['Access-Control-Allow-Methods', 'PUT'],
          ['Access-Control-Allow-Headers', 'x-custom'],
          ['Access-Control-Max-Age', '600'],
        ],
        body: EMPTY,
      };
    }
    return { status: 200, statusText: 'OK', headers: [['Access-Control-Allow-Origin', PAGE], ['Content-Type', 'text/plain']], body: EMPTY };
  },
};

function requestFor(i: number): CorsRequest {
  const url = `https://api.example/items/${i % 50_000}`;
  return i % 2 === 0 ? { url, origin: PAGE } : { url, origin: PAGE, method: 'PUT', headers: { 'x-custom': '1' }, body: 'x' };
}

function collector(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (typeof exposed === 'function') return exposed;
  // Without --expose-gc: V8 can still hand out gc() to a fresh context once the flag is set at run time.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function settledHeap(gc: () => void): number {
  for (let i = 0; i < 3; i++) gc();
  return process.memoryUsage().heapUsed;
}

export interface HeapFigures {
  verdicts: number;
  /** Heap growth over all verdicts, after full GCs, in bytes. */
  growth: number;
  bytesPerVerdict: number;
  /** Growth over the second half alone: a leak grows here as much as in the first half. */
  secondHalfGrowth: number;
  cacheSize: number;
  cacheMax: number;
  exposedGc: boolean;
}

export async function benchHeap(verdicts = 100_000): Promise<HeapFigures> {
  const exposedGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  const gc = collector();
  const cache = new PreflightCache();
  const run = async (from: number, to: number) => {
    for (let i = from; i < to; i++) {
      const v = await simulate(requestFor(i), { transport: server, preflightCache: cache });
      if (!v.allowed) throw new Error(`verdict ${i} blocked: ${v.reason?.code}`);
    }
  };
  // Warm-up: compiled code and lazily built tables are not growth. Then fill the cache to its bound.
  await run(0, 20_000);
  cache.clear();
  const before = settledHeap(gc);
  await run(0, verdicts / 2);
  const middle = settledHeap(gc);
  await run(verdicts / 2, verdicts);
  const after = settledHeap(gc);
  return {
    verdicts,
    growth: after - before,
    bytesPerVerdict: (after - before) / verdicts,
    secondHalfGrowth: after - middle,
    cacheSize: cache.size,
    cacheMax: cache.maxEntries,
    exposedGc,
  };
}
