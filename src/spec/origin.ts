/**
 * Origins: https://html.spec.whatwg.org/multipage/browsers.html#origin and the Fetch Standard's use of them.
 * The functions that walk a request's URL list take the origins of its URLs (the caller parses each URL once).
 */
import { derive, urlFact } from './url.js';

/** A tuple origin (scheme, host, port) serialized, e.g. `https://app.example` or `http://127.0.0.1:8080`. */
export type SerializedOrigin = string;

/** https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin — via the URL parser. */
export function originOf(url: string | URL): SerializedOrigin {
  return typeof url === 'string' ? derive(url, originOfUrl) : url.origin;
}

const originOfUrl = urlFact((url): SerializedOrigin => url.origin);

/** https://html.spec.whatwg.org/multipage/browsers.html#same-origin */
export function sameOrigin(a: SerializedOrigin, b: SerializedOrigin): boolean {
  return a !== 'null' && a === b;
}

/**
 * https://fetch.spec.whatwg.org/#concept-request-tainted-origin — "request has a redirect-tainted origin":
 * 1. Let lastURL be null. 2. For each url of request's URL list: 1. If lastURL is null, set lastURL to url and
 * continue. 2. If url's origin is not same origin with lastURL's origin and request's origin is not same origin
 * with lastURL's origin, then return true. 3. Set lastURL to url. 3. Return false.
 * `urlOrigins` holds the origin of each URL of the URL list, in order.
 */
export function hasRedirectTaintedOrigin(origin: SerializedOrigin, urlOrigins: readonly SerializedOrigin[]): boolean {
  for (let k = 1; k < urlOrigins.length; k++) {
    const last = urlOrigins[k - 1];
    if (!sameOrigin(urlOrigins[k], last) && !sameOrigin(origin, last)) return true;
  }
  return false;
}

/**
 * https://fetch.spec.whatwg.org/#serializing-a-request-origin
 * 1. If request has a redirect-tainted origin, then return "null". 2. Return request's origin, serialized.
 */
export function serializeRequestOrigin(origin: SerializedOrigin, urlOrigins: readonly SerializedOrigin[]): string {
  return hasRedirectTaintedOrigin(origin, urlOrigins) ? 'null' : origin;
}
