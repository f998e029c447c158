/**
 * The request headers a fetch()'s cache mode adds: https://fetch.spec.whatwg.org/#http-network-or-cache-fetch
 * step 8: "If httpRequest's cache mode is "no-cache", httpRequest's prevent no-cache cache-control header
 * modification flag is unset, and httpRequest's header list does not contain `Cache-Control`, then append
 * (`Cache-Control`, `max-age=0`)." "If httpRequest's cache mode is "no-store" or "reload", then: if httpRequest's
 * header list does not contain `Pragma`, then append (`Pragma`, `no-cache`); if it does not contain
 * `Cache-Control`, then append (`Cache-Control`, `no-cache`)."
 */
import type { RequestCacheMode } from './preflight-cache.js';

export function cacheModeHeaders(mode: RequestCacheMode, present: ReadonlySet<string>): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (mode === 'no-cache' && !present.has('cache-control')) out.push(['Cache-Control', 'max-age=0']);
  if (mode === 'no-store' || mode === 'reload') {
    if (!present.has('pragma')) out.push(['Pragma', 'no-cache']);
    if (!present.has('cache-control')) out.push(['Cache-Control', 'no-cache']);
  }
  return out;
}
