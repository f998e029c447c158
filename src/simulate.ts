/**
 * `simulate(request, options)`: one `fetch()` from a page, as a browser engine would run it, against a target.
 * The arguments are checked here (typed errors for mistakes); the emulator runs the rest as data.
 */
import { checkRequest } from './arguments/request.js';
import { checkEngines, checkPreflightCache, checkSimulateOptions } from './arguments/simulate-options.js';
import { emulate, emulateEngines } from './emulator/fetch.js';
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
  if (options === null || typeof options !== 'object') return simulate(request, options as never).then((v) => [v]);
  const { engines = BROWSER_ENGINES, preflightCaches, ...rest } = options;
  const profiles = checkEngines(engines, 'options.engines');
  const caches = profiles.map((engine) => checkPreflightCache(preflightCaches?.[engine.name], 'options.preflightCaches', engine.name));
  const checked = checkSimulateOptions(rest);
  return emulateEngines(checkRequest(request, checked.transport.baseUrl), { engines: profiles, transport: checked.transport, caches, timeoutMs: checked.timeoutMs });
}
