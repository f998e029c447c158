/**
 * Which response headers script can read: https://fetch.spec.whatwg.org/#concept-filtered-response-cors
 */
import type { HeaderList } from './header-list.js';
import { combineHeader, extractTokenList, type ListParse } from './header-list.js';

const SAFELISTED = new Set(['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma']);

/** https://fetch.spec.whatwg.org/#forbidden-response-header-name — `Set-Cookie`, `Set-Cookie2`. */
export function isForbiddenResponseHeaderName(name: string): boolean {
  return forbiddenLower(name.toLowerCase());
}

/** `isForbiddenResponseHeaderName` of an already lower-cased name. */
function forbiddenLower(lower: string): boolean {
  return lower === 'set-cookie' || lower === 'set-cookie2';
}

/**
 * https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name — given a list of header names list:
 * `Cache-Control`, `Content-Language`, `Content-Length`, `Content-Type`, `Expires`, `Last-Modified`, `Pragma`,
 * and any item in list that is not a forbidden response-header name.
 */
export function isCorsSafelistedResponseHeaderName(name: string, exposed: ReadonlySet<string> | 'all'): boolean {
  return safelistedLower(name.toLowerCase(), exposed);
}

function safelistedLower(lower: string, exposed: ReadonlySet<string> | 'all'): boolean {
  if (SAFELISTED.has(lower)) return true;
  if (forbiddenLower(lower)) return false;
  return exposed === 'all' || exposed.has(lower);
}

/**
 * Main fetch, step "If request's response tainting is "cors"" (https://fetch.spec.whatwg.org/#main-fetch):
 * 1. Let headerNames be the result of extracting header list values given `Access-Control-Expose-Headers` and
 *    response's header list.
 * 2. If request's credentials mode is not "include" and headerNames contains `*`, then set response's
 *    CORS-exposed header-name list to all unique header names in response's header list.
 * 3. Otherwise, if headerNames is non-null and not failure, then set response's CORS-exposed header-name list to
 *    headerNames.
 * `lenient` (what engines do): a malformed list keeps its valid items instead of exposing nothing.
 */
export function corsExposedHeaderNames(
  headers: HeaderList,
  credentials: 'omit' | 'same-origin' | 'include',
  lenient = false,
  /** The list as extracted from `headers` (a caller that remembers parses passes its own). */
  parsed: ListParse | null = extractTokenList(headers, 'access-control-expose-headers'),
): Set<string> | 'all' {
  if (parsed === null) return new Set();
  let values: readonly string[];
  if (parsed.ok) values = parsed.values;
  else if (lenient) values = lenientTokens(headers);
  else return new Set();
  if (credentials !== 'include' && values.includes('*')) return 'all';
  return new Set(values.map((v) => v.toLowerCase()));
}

function lenientTokens(headers: HeaderList): string[] {
  const out: string[] = [];
  for (const [n, v] of headers) {
    if (n.toLowerCase() !== 'access-control-expose-headers') continue;
    for (const part of v.split(',')) {
      const t = part.trim();
      if (t && /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/.test(t)) out.push(t);
    }
  }
  return out;
}

/** The header list of a CORS filtered response: lower-cased names, repeats combined with `, `. */
export function filterCorsHeaders(headers: HeaderList, exposed: ReadonlySet<string> | 'all'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, v] of headers) {
    const lower = n.toLowerCase();
    if (safelistedLower(lower, exposed)) combineHeader(out, lower, v);
  }
  return out;
}

/** https://fetch.spec.whatwg.org/#concept-filtered-response-basic — all headers but forbidden response-header names. */
export function filterBasicHeaders(headers: HeaderList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [n, v] of headers) {
    const lower = n.toLowerCase();
    if (!forbiddenLower(lower)) combineHeader(out, lower, v);
  }
  return out;
}
