/**
 * One `fetch()` judged by several engines. Callers that want more than one engine's verdict (matchers, the
 * CLI, the mocks, the audit) call this rather than `simulate` once per engine.
 */
import { BROWSER_ENGINES } from '../engines/index.js';
import type { PreflightCache } from './preflight-cache.js';
import type { CorsRequest, EngineName, SimulateOptions, Verdict } from '../types.js';
import { simulate } from './simulate.js';

export interface SimulateEnginesOptions extends Omit<SimulateOptions, 'engine' | 'preflightCache'> {
  /** Default: chromium, firefox and webkit. */
  engines?: readonly EngineName[];
  /** A preflight cache per engine (one page per engine), for callers that keep them across requests. */
  preflightCaches?: Partial<Record<EngineName, PreflightCache>>;
}

/** The verdict of each engine in `options.engines`, in that order. */
export function simulateEngines(request: CorsRequest, options: SimulateEnginesOptions): Promise<Verdict[]> {
  const { engines = BROWSER_ENGINES, preflightCaches, ...rest } = options;
  return Promise.all(
    engines.map((engine) => {
      const cache = preflightCaches?.[engine];
      return simulate(request, { ...rest, engine, ...(cache ? { preflightCache: cache } : {}) });
    }),
  );
}
