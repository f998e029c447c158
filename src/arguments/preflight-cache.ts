/**
 * `new PreflightCache(options)`, checked: the cache users make is the emulator's, with its options validated
 * like every other argument. An unknown key, a `now` that is no function (or returns no time), or a bound that
 * is no whole number is a typed error; a negative bound used to make the eviction loop spin forever.
 */
import { PreflightCache as EmulatorPreflightCache, type PreflightCacheOptions } from '../emulator/preflight-cache.js';
import { InvalidArgumentError } from '../errors.js';

const OPTION_KEYS = ['now', 'maxEntries'];
const DEFAULT_MAX_ENTRIES = 10_000;

export type { PreflightCacheOptions };

/**
 * A bounded, clock-injectable CORS-preflight cache to share across calls, as one page keeps its preflights.
 * `maxEntries` (default 10,000; 0 keeps none) bounds it, the oldest entry going first; `now` is the clock.
 */
export class PreflightCache extends EmulatorPreflightCache {
  constructor(options?: PreflightCacheOptions) {
    super(checkPreflightCacheOptions(options));
  }
}

export function checkPreflightCacheOptions(options: unknown): Required<PreflightCacheOptions> {
  if (options === undefined) return { now: Date.now, maxEntries: DEFAULT_MAX_ENTRIES };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    const given = options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options;
    throw new InvalidArgumentError('PreflightCache options', `expected an object, got ${given}`, 'Pass { maxEntries?, now? } or nothing.');
  }
  for (const key of Object.keys(options)) {
    if (!OPTION_KEYS.includes(key)) {
      throw new InvalidArgumentError(`PreflightCache options.${key}`, 'unknown option', 'PreflightCache accepts `maxEntries` and `now`.');
    }
  }
  const { now, maxEntries } = options as PreflightCacheOptions;
  if (now !== undefined && typeof now !== 'function') {
    throw new InvalidArgumentError('PreflightCache options.now', `expected a function, got ${now === null ? 'null' : typeof now}`, 'Pass a function returning milliseconds, such as () => Date.now(), or leave it out.');
  }
  if (maxEntries !== undefined && !(typeof maxEntries === 'number' && Number.isSafeInteger(maxEntries) && maxEntries >= 0)) {
    const given = typeof maxEntries === 'number' ? String(maxEntries) : `${typeof maxEntries} ${JSON.stringify(maxEntries)}`;
    throw new InvalidArgumentError('PreflightCache options.maxEntries', `${given} is not a whole number of entries, 0 or more`, `Pass e.g. 1000, or leave it out for the default (${DEFAULT_MAX_ENTRIES}).`);
  }
  return { now: now === undefined ? Date.now : checkedClock(now), maxEntries: maxEntries ?? DEFAULT_MAX_ENTRIES };
}

/** The user's clock, checked on every reading: a clock that returns no time would make entries live forever or never. */
function checkedClock(now: () => number): () => number {
  return () => {
    const time = now();
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new InvalidArgumentError(
        'PreflightCache options.now',
        `it returned ${typeof time === 'number' ? String(time) : typeof time}, not a finite number of milliseconds`,
        'Pass a function returning milliseconds since an epoch, such as () => Date.now().',
      );
    }
    return time;
  };
}
