/**
 * The CORS-preflight cache: https://fetch.spec.whatwg.org/#concept-cache — its entries and how they match, over a
 * store the emulator keeps (src/emulator/preflight-cache.ts). Entries are keyed by network partition key (here:
 * the page origin), byte-serialized origin, URL and credentials; each holds a method or a header name and an
 * expiry. Engines keep what a preflight allowed in other shapes (src/engines/preflight-cache.ts).
 */
import { preflightMaxAge } from './max-age.js';
import { isCorsSafelistedMethod } from './methods.js';
import { isCorsNonWildcardRequestHeaderName } from './request-headers.js';

export interface CacheKeyParts {
  /** Serialized request origin (`null` when redirect-tainted). */
  origin: string;
  url: string;
  credentials: boolean;
}

/** Where entries live: a bounded map of keys to values with an expiry, on the emulator's clock. */
export interface CacheStore {
  /** The live value under `key`, or undefined. */
  read<T>(key: string): T | undefined;
  /** Keep `value` under `key` for `maxAgeSeconds` (0 or less: remove the key). */
  write(key: string, value: unknown, maxAgeSeconds: number): void;
  /** Remove `key`, or every key starting with it when `prefix`. */
  remove(key: string, prefix?: boolean): void;
}

function itemPrefix(parts: CacheKeyParts): string {
  return `items\u0000${parts.origin}\u0000${parts.url}\u0000${parts.credentials ? 1 : 0}\u0000`;
}

function itemKey(parts: CacheKeyParts, kind: 'm' | 'h', item: string): string {
  return `${itemPrefix(parts)}${kind}\u0000${item}`;
}

/**
 * https://fetch.spec.whatwg.org/#concept-cache-match-method — there is a method cache entry match for method
 * using request when there is a cache entry in cache for which there is a cache entry match for request and
 * its method is method or `*`. `*` entries are only created for uncredentialed requests.
 */
export function matchMethod(store: CacheStore, parts: CacheKeyParts, method: string, wildcards = true): boolean {
  return store.read(itemKey(parts, 'm', method)) !== undefined || (wildcards && !parts.credentials && store.read(itemKey(parts, 'm', '*')) !== undefined);
}

/**
 * https://fetch.spec.whatwg.org/#concept-cache-match-header — header names compare byte-case-insensitively;
 * a `*` entry matches any name but `Authorization` (a CORS non-wildcard request-header name), unless the
 * engine lets `*` cover it (`wildcardCoversAuthorization`).
 */
export function matchHeader(store: CacheStore, parts: CacheKeyParts, name: string, wildcardCoversAuthorization = false, wildcards = true): boolean {
  const lower = name.toLowerCase();
  if (store.read(itemKey(parts, 'h', lower)) !== undefined) return true;
  return wildcards && !parts.credentials && (wildcardCoversAuthorization || !isCorsNonWildcardRequestHeaderName(lower)) && store.read(itemKey(parts, 'h', '*')) !== undefined;
}

/**
 * https://fetch.spec.whatwg.org/#concept-cache-create-entry — create (or update: #concept-cache-match-method
 * "set its max-age") an entry that expires maxAgeSeconds from now.
 */
export function addEntry(store: CacheStore, parts: CacheKeyParts, kind: 'method' | 'header', item: string, maxAgeSeconds: number): void {
  if (maxAgeSeconds <= 0) return;
  store.write(itemKey(parts, kind === 'method' ? 'm' : 'h', kind === 'header' ? item.toLowerCase() : item), true, maxAgeSeconds);
}

/** https://fetch.spec.whatwg.org/#concept-cache-clear — remove the entries for the request. */
export function clearEntries(store: CacheStore, parts: CacheKeyParts): void {
  store.remove(itemPrefix(parts), true);
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
  covers(cache: CacheStore, query: CacheQuery): boolean;
  /** A preflight's lists parsed: keep what it allowed (or, on `passed: false`, what the engine does then). */
  store(cache: CacheStore, result: PreflightResult): void;
  /** The preflight failed its CORS check or status. */
  fail(cache: CacheStore, parts: CacheKeyParts): void;
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
      if (options.methodNeedsEntry(q.method, q.useCorsPreflight) && !matchMethod(cache, q.parts, q.method, options.wildcards)) return false;
      return q.unsafeNames.every((name) => matchHeader(cache, q.parts, name, options.wildcardCoversAuthorization, options.wildcards));
    },
    store(cache, r) {
      if (!r.passed) {
        if (options.clearsOnRefusal) clearEntries(cache, r.parts);
        return;
      }
      if (!options.writes(r.cacheMode)) return;
      // CORS-preflight fetch steps 11-14: update or create an entry for each method and header name.
      const maxAge = Math.min(options.maxAge(r.maxAge), options.capSeconds);
      for (const method of r.methods) addEntry(cache, r.parts, 'method', method, maxAge);
      for (const name of r.headerNames) addEntry(cache, r.parts, 'header', name, maxAge);
    },
    fail(cache, parts) {
      clearEntries(cache, parts);
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
