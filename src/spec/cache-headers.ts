/**
 * The request headers a fetch()'s cache mode adds: https://fetch.spec.whatwg.org/#http-network-or-cache-fetch
 * step 8: "If httpRequest's cache mode is "no-cache", httpRequest's prevent no-cache cache-control header
 * modification flag is unset, and httpRequest's header list does not contain `Cache-Control`, then append
 * (`Cache-Control`, `max-age=0`)." "If httpRequest's cache mode is "no-store" or "reload", then: if httpRequest's
 * header list does not contain `Pragma`, then append (`Pragma`, `no-cache`); if it does not contain
 * `Cache-Control`, then append (`Cache-Control`, `no-cache`)."
 */
import type { RequestCacheMode } from './preflight-cache.js';

/** The names a header list has: `has` takes a lower-case name and compares it case-insensitively. */
export interface HeaderNames {
  has(lowerName: string): boolean;
}

/** Append to `out` the headers the cache mode adds to a request whose header list has the names `present`. */
export function cacheModeHeaders(out: Array<[string, string]>, mode: RequestCacheMode, present: HeaderNames): void {
  if (mode === 'no-cache' && !present.has('cache-control')) out.push(['Cache-Control', 'max-age=0']);
  if (mode === 'no-store' || mode === 'reload') {
    if (!present.has('pragma')) out.push(['Pragma', 'no-cache']);
    if (!present.has('cache-control')) out.push(['Cache-Control', 'no-cache']);
  }
}
