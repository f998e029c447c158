/**
 * The options of `simulate()`, checked: a typed error naming the option and the fix for each mistake.
 */
import { getEngine, type EngineProfile } from '../engines/index.js';
import { PreflightCache } from '../emulator/preflight-cache.js';
import { InvalidArgumentError } from '../errors.js';
import { fromFetchHandler } from '../transports/fetch-handler.js';
import { MAX_TIMEOUT_MS } from '../transports/options.js';
import type { SimulateOptions, Transport } from '../types.js';

const OPTION_KEYS = new Set(['transport', 'engine', 'preflightCache', 'timeoutMs']);
const DEFAULT_TIMEOUT_MS = 10_000;
export { MAX_TIMEOUT_MS };

export interface CheckedSimulateOptions {
  engine: EngineProfile;
  transport: Transport;
  cache: PreflightCache;
  timeoutMs: number;
}

export function checkSimulateOptions(options: SimulateOptions): CheckedSimulateOptions {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('options', `expected an object, got ${options === null ? 'null' : typeof options}`, 'Pass { transport, engine? }.');
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.has(key)) throw new InvalidArgumentError(`options.${key}`, 'unknown option', `Known options: ${[...OPTION_KEYS].join(', ')}.`);
  }
  const engine = getEngine(options.engine ?? 'chromium', 'options.engine');
  const transport = checkTransport(options.transport);
  const cache = checkPreflightCache(options.preflightCache, 'options.preflightCache');
  return { engine, transport, cache, timeoutMs: checkTimeout(options.timeoutMs, 'options.timeoutMs') };
}

/** A `PreflightCache`, or a new one when none is given. `argument` (with `key`, for a record's member) names it in the error. */
export function checkPreflightCache(value: unknown, argument: string, key?: string): PreflightCache {
  if (value === undefined) return new PreflightCache();
  if (!(value instanceof PreflightCache)) {
    throw new InvalidArgumentError(key === undefined ? argument : `${argument}.${key}`, 'not a PreflightCache', 'Pass new PreflightCache() (from corsproof) to share preflights across calls.');
  }
  return value;
}

/** A non-empty list of engine names, each once. */
export function checkEngines(value: unknown, argument: string): EngineProfile[] {
  if (!Array.isArray(value) || value.length === 0) {
    throw new InvalidArgumentError(argument, `expected a non-empty array of engine names, got ${Array.isArray(value) ? 'an empty array' : typeof value}`, "Pass e.g. ['chromium', 'firefox', 'webkit'].");
  }
  // (The argument's words are made only for an error: this runs for every matcher call.)
  const profiles: EngineProfile[] = [];
  for (let k = 0; k < value.length; k++) {
    const profile = getEngine(value[k], argument, k);
    if (profiles.includes(profile)) throw new InvalidArgumentError(argument, `'${profile.name}' is listed twice`, 'List each engine once.');
    profiles.push(profile);
  }
  return profiles;
}

/** A positive number of milliseconds a timer can hold; `undefined` gives the default (10 s). */
export function checkTimeout(value: unknown, argument: string): number {
  const timeoutMs = value ?? DEFAULT_TIMEOUT_MS;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0) || !Number.isFinite(timeoutMs)) {
    const given = typeof timeoutMs === 'number' ? String(timeoutMs) : `${typeof timeoutMs} '${String(timeoutMs)}'`;
    throw new InvalidArgumentError(argument, `${given} is not a positive number of milliseconds`, 'Pass e.g. 5000.');
  }
  if (timeoutMs > MAX_TIMEOUT_MS) {
    throw new InvalidArgumentError(argument, `${timeoutMs} ms is longer than a timer can hold (${MAX_TIMEOUT_MS} ms, about 24 days)`, 'Pass a shorter timeout, e.g. 30000.');
  }
  return timeoutMs;
}

export function checkTransport(value: unknown): Transport {
  if (typeof value === 'function') return fromFetchHandler(value as (r: Request) => Promise<Response>);
  if (value !== null && typeof value === 'object' && typeof (value as Transport).send === 'function') return value as Transport;
  throw new InvalidArgumentError(
    'options.transport',
    `expected a Transport or a fetch handler function, got ${value === null ? 'null' : typeof value}`,
    'Pass toTransport(target) for an app, URL or mocks, or a (request: Request) => Response function.',
  );
}
