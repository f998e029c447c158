/**
 * The CORS-preflight cache: https://fetch.spec.whatwg.org/#concept-cache
 * Entries are keyed by network partition key (here: the page origin), byte-serialized origin, URL and
 * credentials; each holds a method or a header name and an expiry. Engines cap max-age differently.
 */
import { InvalidArgumentError } from '../errors.js';

export interface CacheKeyParts {
  /** Serialized request origin (`null` when redirect-tainted). */
  origin: string;
  url: string;
  credentials: boolean;
}

interface Entry {
  expires: number;
}

export interface PreflightCacheOptions {
  /** Milliseconds since an epoch; default `Date.now`. */
  now?: () => number;
  /** At most this many entries (a whole number, 0 keeps none); the oldest go first. Default 10 000. */
  maxEntries?: number;
}

const OPTION_KEYS = ['now', 'maxEntries'];
const DEFAULT_MAX_ENTRIES = 10_000;

/**
 * A bounded, clock-injectable CORS-preflight cache. `engine` decides the max-age cap when it is used by
 * `simulate` (Chromium 2 h, Firefox 24 h, WebKit 10 min; the standard sets no cap).
 */
export class PreflightCache {
  readonly now: () => number;
  readonly maxEntries: number;
  private readonly entries = new Map<string, Entry>();

  constructor(options: PreflightCacheOptions = {}) {
    const { now, maxEntries } = resolveCacheOptions(options);
    this.now = now;
    this.maxEntries = maxEntries;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  private key(parts: CacheKeyParts, kind: 'm' | 'h', item: string): string {
    return `${parts.origin}\u0000${parts.url}\u0000${parts.credentials ? 1 : 0}\u0000${kind}\u0000${item}`;
  }

  /**
   * https://fetch.spec.whatwg.org/#concept-cache-match-method — there is a method cache entry match for method
   * using request when there is a cache entry in cache for which there is a cache entry match for request and
   * its method is method or `*`. `*` entries are only created for uncredentialed requests.
   */
  matchMethod(parts: CacheKeyParts, method: string): boolean {
    return this.alive(this.key(parts, 'm', method)) || (!parts.credentials && this.alive(this.key(parts, 'm', '*')));
  }

  /**
   * https://fetch.spec.whatwg.org/#concept-cache-match-header — header names compare byte-case-insensitively;
   * a `*` entry matches any name but `Authorization` (a CORS non-wildcard request-header name), unless the
   * engine lets `*` cover it (`wildcardCoversAuthorization`).
   */
  matchHeader(parts: CacheKeyParts, name: string, wildcardCoversAuthorization = false): boolean {
    const lower = name.toLowerCase();
    if (this.alive(this.key(parts, 'h', lower))) return true;
    return !parts.credentials && (wildcardCoversAuthorization || lower !== 'authorization') && this.alive(this.key(parts, 'h', '*'));
  }

  /**
   * https://fetch.spec.whatwg.org/#concept-cache-create-entry — create (or update: #concept-cache-match-method
   * "set its max-age") an entry that expires maxAgeSeconds from now.
   */
  add(parts: CacheKeyParts, kind: 'method' | 'header', item: string, maxAgeSeconds: number): void {
    if (maxAgeSeconds <= 0) return;
    const key = this.key(parts, kind === 'method' ? 'm' : 'h', kind === 'header' ? item.toLowerCase() : item);
    this.entries.delete(key);
    this.entries.set(key, { expires: this.clock() + maxAgeSeconds * 1000 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-clear — on a failed preflight, remove entries for the request. */
  clearFor(parts: CacheKeyParts): void {
    const prefix = `${parts.origin}\u0000${parts.url}\u0000${parts.credentials ? 1 : 0}\u0000`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  /** `now()`, checked: a clock that returns no time would make entries live forever or never. */
  private clock(): number {
    const time = this.now();
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new InvalidArgumentError(
        'PreflightCache options.now',
        `it returned ${typeof time === 'number' ? String(time) : typeof time}, not a finite number of milliseconds`,
        'Pass a function returning milliseconds since an epoch, such as () => Date.now().',
      );
    }
    return time;
  }

  private alive(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.expires > this.clock()) return true;
    this.entries.delete(key);
    return false;
  }
}

/** Validate the options of `new PreflightCache()`: an unknown key, a `now` that is no function, a bound that is no whole number. */
function resolveCacheOptions(options: unknown): { now: () => number; maxEntries: number } {
  if (options === undefined) return { now: Date.now, maxEntries: DEFAULT_MAX_ENTRIES };
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new InvalidArgumentError('PreflightCache options', `expected an object, got ${options === null ? 'null' : Array.isArray(options) ? 'an array' : typeof options}`, 'Pass { maxEntries?, now? } or nothing.');
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
  return { now: now ?? Date.now, maxEntries: maxEntries ?? DEFAULT_MAX_ENTRIES };
}

/**
 * Max-age of a preflight response (CORS-preflight fetch, step 7.8): "Let max-age be the result of extracting
 * header list values given `Access-Control-Max-Age` and response's header list. If max-age is failure or null,
 * then set max-age to 5. If max-age is greater than an imposed limit on max-age, then set max-age to the
 * imposed limit."
 */
export function preflightMaxAge(raw: string | null, capSeconds: number): number {
  let seconds = 5;
  if (raw !== null && /^\d+$/.test(raw.trim())) seconds = Number(raw.trim());
  return Math.min(seconds, capSeconds);
}
