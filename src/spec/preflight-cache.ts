/**
 * The CORS-preflight cache: https://fetch.spec.whatwg.org/#concept-cache
 * Entries are keyed by network partition key (here: the page origin), byte-serialized origin, URL and
 * credentials; each holds a method or a header name and an expiry. Engines keep what a preflight allowed in
 * other shapes (src/engines/preflight-cache.ts): `PreflightCache` is the one store all of them use, bounded and
 * on an injectable clock, and `specCacheModel` is the standard's use of it.
 */
import { isCorsSafelistedMethod } from './methods.js';
import { isCorsNonWildcardRequestHeaderName } from './request-headers.js';

export interface CacheKeyParts {
  /** Serialized request origin (`null` when redirect-tainted). */
  origin: string;
  url: string;
  credentials: boolean;
}

interface Entry {
  expires: number;
  value: unknown;
}

export interface PreflightCacheOptions {
  /** Milliseconds since an epoch; default `Date.now`. */
  now?: () => number;
  /** At most this many entries; the oldest go first. Default 10 000. */
  maxEntries?: number;
}

/**
 * A bounded, clock-injectable CORS-preflight cache, shared across `simulate()` calls to emulate a page that keeps
 * its preflight cache. What an entry holds and when it answers is the engine's (`EngineProfile.preflightCache`):
 * keys are prefixed by the model that wrote them, so one cache can serve several engines without mixing.
 */
export class PreflightCache {
  readonly now: () => number;
  readonly maxEntries: number;
  private readonly entries = new Map<string, Entry>();

  constructor(options: PreflightCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /** The live value under `key`, or undefined (an expired entry is dropped). */
  read<T>(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.value as T;
    this.entries.delete(key);
    return undefined;
  }

  /** Store `value` under `key` until `maxAgeSeconds` from now (0 or less: remove the key). */
  write(key: string, value: unknown, maxAgeSeconds: number): void {
    this.entries.delete(key);
    if (!(maxAgeSeconds > 0)) return;
    this.entries.set(key, { expires: this.now() + maxAgeSeconds * 1000, value });
    while (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  /** Remove `key`, or every key that starts with `prefix` when `prefix` is true. */
  remove(key: string, prefix = false): void {
    if (!prefix) {
      this.entries.delete(key);
      return;
    }
    for (const k of [...this.entries.keys()]) if (k.startsWith(key)) this.entries.delete(k);
  }

  // The standard's entries, one per method or header name (`specCacheModel`); kept as methods for callers that
  // fill or query a cache directly.

  /**
   * https://fetch.spec.whatwg.org/#concept-cache-match-method — there is a method cache entry match for method
   * using request when there is a cache entry in cache for which there is a cache entry match for request and
   * its method is method or `*`. `*` entries are only created for uncredentialed requests.
   */
  matchMethod(parts: CacheKeyParts, method: string, wildcards = true): boolean {
    return this.read(itemKey(parts, 'm', method)) !== undefined || (wildcards && !parts.credentials && this.read(itemKey(parts, 'm', '*')) !== undefined);
  }

  /**
   * https://fetch.spec.whatwg.org/#concept-cache-match-header — header names compare byte-case-insensitively;
   * a `*` entry matches any name but `Authorization` (a CORS non-wildcard request-header name), unless the
   * engine lets `*` cover it (`wildcardCoversAuthorization`).
   */
  matchHeader(parts: CacheKeyParts, name: string, wildcardCoversAuthorization = false, wildcards = true): boolean {
    const lower = name.toLowerCase();
    if (this.read(itemKey(parts, 'h', lower)) !== undefined) return true;
    return wildcards && !parts.credentials && (wildcardCoversAuthorization || !isCorsNonWildcardRequestHeaderName(lower)) && this.read(itemKey(parts, 'h', '*')) !== undefined;
  }

  /**
   * https://fetch.spec.whatwg.org/#concept-cache-create-entry — create (or update: #concept-cache-match-method
   * "set its max-age") an entry that expires maxAgeSeconds from now.
   */
  add(parts: CacheKeyParts, kind: 'method' | 'header', item: string, maxAgeSeconds: number): void {
    if (maxAgeSeconds <= 0) return;
    this.write(itemKey(parts, kind === 'method' ? 'm' : 'h', kind === 'header' ? item.toLowerCase() : item), true, maxAgeSeconds);
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-clear — remove the entries for the request. */
  clearFor(parts: CacheKeyParts): void {
    this.remove(itemPrefix(parts), true);
  }
}

function itemPrefix(parts: CacheKeyParts): string {
  return `items\u0000${parts.origin}\u0000${parts.url}\u0000${parts.credentials ? 1 : 0}\u0000`;
}

function itemKey(parts: CacheKeyParts, kind: 'm' | 'h', item: string): string {
  return `${itemPrefix(parts)}${kind}\u0000${item}`;
}

/** The request's cache mode (https://fetch.spec.whatwg.org/#concept-request-cache-mode). */
export type RequestCacheMode = 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';

/** What a request asks of the preflight cache. */
export interface CacheQuery {
  parts: CacheKeyParts;
  method: string;
  /** The CORS-unsafe request-header names (lower-cased). */
  unsafeNames: readonly string[];
  /** https://fetch.spec.whatwg.org/#use-cors-preflight-flag */
  useCorsPreflight: boolean;
  cacheMode: RequestCacheMode;
}

/** What a preflight response said, once its `Access-Control-Allow-*` lists parsed. */
export interface PreflightResult {
  parts: CacheKeyParts;
  /** `Access-Control-Allow-Methods`, as listed. */
  methods: readonly string[];
  /** `Access-Control-Allow-Headers`, lower-cased. */
  headerNames: readonly string[];
  /** The combined `Access-Control-Max-Age` value, or null. */
  maxAge: string | null;
  /** Whether the request's method and headers passed the lists. */
  passed: boolean;
  cacheMode: RequestCacheMode;
}

/** How an engine uses the preflight cache: what answers a request, what a preflight leaves, what a failure clears. */
export interface PreflightCacheModel {
  /** Whether the cache holds everything the request would ask a preflight for (it then goes without one). */
  covers(cache: PreflightCache, query: CacheQuery): boolean;
  /** A preflight's lists parsed: keep what it allowed (or, on `passed: false`, what the engine does then). */
  store(cache: PreflightCache, result: PreflightResult): void;
  /** The preflight failed its CORS check or status. */
  fail(cache: PreflightCache, parts: CacheKeyParts): void;
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

export interface ItemCacheOptions {
  /** Seconds an entry lives, from the raw `Access-Control-Max-Age` (before the cap). */
  maxAge(raw: string | null): number;
  capSeconds: number;
  /** Whether `*` entries match any method or header name (the standard: yes; Firefox: no). */
  wildcards: boolean;
  /** Whether `*` covers `Authorization` (the standard: no). */
  wildcardCoversAuthorization: boolean;
  /** Whether the request's method must have an entry (the standard: when not safelisted, or use-CORS-preflight). */
  methodNeedsEntry(method: string, useCorsPreflight: boolean): boolean;
  /** Whether a request in this cache mode may go without a preflight on a hit, and whether its preflight is kept. */
  reads(mode: RequestCacheMode): boolean;
  writes(mode: RequestCacheMode): boolean;
  /** Whether a preflight whose lists did not allow the request clears the entries (the standard: no). */
  clearsOnRefusal: boolean;
}

/** A cache of one entry per method and per header name, each with its own expiry: the standard's, and Firefox's. */
export function itemCacheModel(options: ItemCacheOptions): PreflightCacheModel {
  return {
    covers(cache, q) {
      if (!options.reads(q.cacheMode)) return false;
      if (options.methodNeedsEntry(q.method, q.useCorsPreflight) && !cache.matchMethod(q.parts, q.method, options.wildcards)) return false;
      return q.unsafeNames.every((name) => cache.matchHeader(q.parts, name, options.wildcardCoversAuthorization, options.wildcards));
    },
    store(cache, r) {
      if (!r.passed) {
        if (options.clearsOnRefusal) cache.clearFor(r.parts);
        return;
      }
      if (!options.writes(r.cacheMode)) return;
      // CORS-preflight fetch steps 11-14: update or create an entry for each method and header name.
      const maxAge = Math.min(options.maxAge(r.maxAge), options.capSeconds);
      for (const method of r.methods) cache.add(r.parts, 'method', method, maxAge);
      for (const name of r.headerNames) cache.add(r.parts, 'header', name, maxAge);
    },
    fail(cache, parts) {
      cache.clearFor(parts);
    },
  };
}

/** The standard's preflight cache: no cap on max-age, every cache mode reads and writes it. */
export const specCacheModel: PreflightCacheModel = itemCacheModel({
  maxAge: (raw) => preflightMaxAge(raw, Number.POSITIVE_INFINITY),
  capSeconds: Number.POSITIVE_INFINITY,
  wildcards: true,
  wildcardCoversAuthorization: false,
  // HTTP fetch step 4.1: "there is no method cache entry match for request's method using request, and either
  // request's method is not a CORS-safelisted method or request's use-CORS-preflight flag is set".
  methodNeedsEntry: (method, useCorsPreflight) => useCorsPreflight || !isCorsSafelistedMethod(method),
  reads: () => true,
  writes: () => true,
  clearsOnRefusal: false,
});
