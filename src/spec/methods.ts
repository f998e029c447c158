/**
 * Methods: https://fetch.spec.whatwg.org/#methods
 */

const SAFELISTED = new Set(['GET', 'HEAD', 'POST']);
const FORBIDDEN = new Set(['CONNECT', 'TRACE', 'TRACK']);
const NORMALIZED = new Set(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT']);

/** https://fetch.spec.whatwg.org/#cors-safelisted-method — "`GET`, `HEAD`, or `POST`" (byte-case-sensitive). */
export function isCorsSafelistedMethod(method: string): boolean {
  return SAFELISTED.has(method);
}

/** https://fetch.spec.whatwg.org/#forbidden-method — "a byte-case-insensitive match for `CONNECT`, `TRACE`, or `TRACK`". */
export function isForbiddenMethod(method: string): boolean {
  return FORBIDDEN.has(method.toUpperCase());
}

/**
 * https://fetch.spec.whatwg.org/#concept-method-normalize — "To normalize a method, if it is a
 * byte-case-insensitive match for `DELETE`, `GET`, `HEAD`, `OPTIONS`, `POST`, or `PUT`, byte-uppercase it."
 * So `patch` stays `patch`.
 */
export function normalizeMethod(method: string): string {
  const upper = method.toUpperCase();
  return NORMALIZED.has(upper) ? upper : method;
}
