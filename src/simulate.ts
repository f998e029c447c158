/**
 * `simulate(request, options)`: one `fetch()` from a page, as a browser engine would run it, against a target.
 * The arguments are checked here (typed errors for mistakes); the emulator runs the rest as data.
 */
import { checkRequest } from './arguments/request.js';
import { checkSimulateOptions } from './arguments/simulate-options.js';
import { emulate } from './emulator/fetch.js';
import type { PreflightCache } from './emulator/preflight-cache.js';
import { BROWSER_ENGINES } from './engines/index.js';
import type { CorsRequest, EngineName, SimulateOptions, Verdict } from './types.js';

/** Run one `fetch()` as the chosen browser engine would, against `options.transport`. */
export async function simulate(request: CorsRequest, options: SimulateOptions): Promise<Verdict> {
  const checked = checkSimulateOptions(options);
  return emulate(checkRequest(request, checked.transport.baseUrl), checked);
}

export interface SimulateEnginesOptions extends Omit<SimulateOptions, 'engine' | 'preflightCache'> {
  /** Default: chromium, firefox and webkit. */
  engines?: readonly EngineName[];
  /** A preflight cache per engine (one page per engine), for callers that keep them across requests. */
  preflightCaches?: Partial<Record<EngineName, PreflightCache>>;
}

/**
 * One `fetch()` judged by several engines: the verdict of each engine in `options.engines`, in that order.
 * Callers that want more than one engine's verdict (matchers, the CLI, the mocks, the audit) call this rather
 * than `simulate` once per engine.
 */
export async function simulateEngines(request: CorsRequest, options: SimulateEnginesOptions): Promise<Verdict[]> {
  const { engines = BROWSER_ENGINES, preflightCaches, ...rest } = options;
  return Promise.all(
    engines.map((engine) => {
      const cache = preflightCaches?.[engine];
      return simulate(request, { ...rest, engine, ...(cache ? { preflightCache: cache } : {}) });
    }),
  );
}
