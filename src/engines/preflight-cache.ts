/**
 * How each engine keeps preflights, as recorded with several fetches on one page
 * (scripts/conformance/probes/preflight-cache.mjs; test/conformance/recorded/preflight-cache/). The standard keeps
 * one entry per method and header name (src/spec/preflight-cache.ts); Chromium and WebKit keep one result per
 * origin and URL, replaced by each preflight; Firefox keeps the standard's entries with its own rules.
 */
import { isCorsSafelistedMethod } from '../spec/methods.js';
import { isCorsNonWildcardRequestHeaderName } from '../spec/request-headers.js';
import { itemCacheModel, type CacheStore, type PreflightCacheModel, type RequestCacheMode } from '../spec/preflight-cache.js';

interface CachedResult {
  methods: ReadonlySet<string>;
  headers: ReadonlySet<string>;
  /** The preflight was for a credentialed request: the result also serves uncredentialed ones, not the reverse. */
  credentialed: boolean;
}

export interface ResultCacheOptions {
  /** Seconds a result lives, from the raw `Access-Control-Max-Age` (0 or less: not kept), before the cap. */
  maxAge(raw: string | null): number;
  capSeconds: number;
  reads(mode: RequestCacheMode): boolean;
  writes(mode: RequestCacheMode): boolean;
  /** Whether a cached `*` in `Access-Control-Allow-Headers` covers `Authorization`. */
  wildcardCoversAuthorization: boolean;
  /** Whether a preflight whose lists refused the request still replaces the result (WebKit) or clears it. */
  keepsRefused: boolean;
}

/**
 * One result per origin and URL: the methods and header names the last preflight allowed, whether it was
 * credentialed, and when it expires. A request goes without a preflight when the result allows its method (or the
 * method is safelisted) and every unsafe header; a result that does not allow it is dropped.
 */
export function resultCacheModel(options: ResultCacheOptions): PreflightCacheModel {
  const key = (origin: string, url: string) => `result\u0000${origin}\u0000${url}`;
  return {
    covers(cache, q) {
      if (!options.reads(q.cacheMode)) return false;
      const k = key(q.parts.origin, q.parts.url);
      const result = cache.read<CachedResult>(k);
      if (!result) return false;
      const credentialed = q.parts.credentials;
      const wildcardMethods = !credentialed && result.methods.has('*');
      const wildcardHeaders = !credentialed && result.headers.has('*');
      const allows =
        (!credentialed || result.credentialed) &&
        (result.methods.has(q.method) || isCorsSafelistedMethod(q.method) || wildcardMethods) &&
        q.unsafeNames.every(
          (name) => result.headers.has(name) || (wildcardHeaders && (options.wildcardCoversAuthorization || !isCorsNonWildcardRequestHeaderName(name))),
        );
      if (!allows) cache.remove(k);
      return allows;
    },
    store(cache, r) {
      const k = key(r.parts.origin, r.parts.url);
      if (!r.passed && !options.keepsRefused) {
        cache.remove(k);
        return;
      }
      if (!options.writes(r.cacheMode)) return;
      const value: CachedResult = { methods: new Set(r.methods), headers: new Set(r.headerNames), credentialed: r.parts.credentials };
      cache.write(k, value, Math.min(options.maxAge(r.maxAge), options.capSeconds));
    },
    fail(cache: CacheStore, parts) {
      cache.remove(key(parts.origin, parts.url));
    },
  };
}

/** A signed 64-bit decimal integer, sign included (`+10` is 10), nothing around it; null otherwise. */
function signedInteger(raw: string): number | null {
  return /^[+-]?[0-9]+$/.test(raw) ? Number(raw) : null;
}

/**
 * Chromium (services/network/cors/preflight_result.cc): `Access-Control-Max-Age` as a signed integer (`+10` is 10;
 * anything else, a list or a fraction, falls back to 5 seconds); 0 or less keeps nothing; at most 2 hours. Only
 * the `default` and `force-cache` modes answer from the cache; `no-store` does not keep the preflight either.
 */
export const chromiumPreflightCache = resultCacheModel({
  maxAge: (raw) => (raw === null ? 5 : signedInteger(raw) ?? 5),
  capSeconds: 7200,
  reads: (mode) => mode === 'default' || mode === 'force-cache' || mode === 'only-if-cached',
  writes: (mode) => mode !== 'no-store',
  // Recorded: after `Access-Control-Allow-Headers: *`, a request adding Authorization is preflighted again.
  wildcardCoversAuthorization: false,
  keepsRefused: false,
});

/**
 * WebKit (CrossOriginPreflightResultCache.cpp): `Access-Control-Max-Age` as a signed integer (`+10` is 10;
 * anything else falls back to 5 seconds); 0 or less keeps nothing; at most 10 minutes. Every cache mode reads and
 * writes it, and a preflight whose lists refused the request still replaces the result.
 */
export const webkitPreflightCache = resultCacheModel({
  maxAge: (raw) => (raw === null ? 5 : signedInteger(raw.trim()) ?? 5),
  capSeconds: 600,
  reads: () => true,
  writes: () => true,
  wildcardCoversAuthorization: true,
  keepsRefused: true,
});

/**
 * Firefox (nsPreflightCache in nsCORSListenerProxy.cpp): the standard's entries per method and header name, but
 * `Access-Control-Max-Age` must be digits (surrounding whitespace allowed; absent or empty: 5 seconds; anything
 * else keeps nothing), at most 24 hours; a cached `*` is no wildcard; GET and POST need no method entry (HEAD
 * does); a preflight that refused the request clears the entries; `no-store` and `reload` do not answer from it.
 */
export const firefoxPreflightCache = itemCacheModel({
  maxAge: (raw) => {
    const value = (raw ?? '').trim();
    if (value === '') return 5;
    return /^[0-9]+$/.test(value) ? Number(value) : 0;
  },
  capSeconds: 86400,
  wildcards: false,
  wildcardCoversAuthorization: false,
  methodNeedsEntry: (method) => method !== 'GET' && method !== 'POST',
  reads: (mode) => mode !== 'no-store' && mode !== 'reload',
  writes: () => true,
  clearsOnRefusal: true,
});
