/**
 * Origins: https://html.spec.whatwg.org/multipage/browsers.html#origin and the Fetch Standard's use of them.
 */
import { InvalidArgumentError } from '../errors.js';

/** A tuple origin (scheme, host, port) serialized, e.g. `https://app.example` or `http://127.0.0.1:8080`. */
export type SerializedOrigin = string;

/** https://html.spec.whatwg.org/multipage/browsers.html#ascii-serialisation-of-an-origin — via the URL parser. */
export function originOf(url: string | URL): SerializedOrigin {
  if (typeof url !== 'string') return url.origin;
  return remembered(recentOrigins, url, urlOrigin);
}

/**
 * One fetch asks for the origin of the same few URLs many times (same-origin test, request origin
 * serialization, preflight cache keys), and a test passes the same few page origins thousands of times; URL
 * parsing dominates both. The last results are remembered, in maps of at most 256 entries (emptied when full).
 * Only successful parses are kept, so invalid input still throws every time.
 */
const REMEMBERED_MAX = 256;
const recentOrigins = new Map<string, SerializedOrigin>();
const validOrigins = new Map<string, SerializedOrigin>();

const urlOrigin = (url: string): SerializedOrigin => new URL(url).origin;

function remembered(cache: Map<string, SerializedOrigin>, key: string, compute: (key: string) => SerializedOrigin): SerializedOrigin {
  let value = cache.get(key);
  if (value === undefined) {
    value = compute(key);
    if (cache.size >= REMEMBERED_MAX) cache.clear();
    cache.set(key, value);
  }
  return value;
}

/** https://html.spec.whatwg.org/multipage/browsers.html#same-origin */
export function sameOrigin(a: SerializedOrigin, b: SerializedOrigin): boolean {
  return a !== 'null' && a === b;
}

/**
 * Validate what a user passes as the page's origin. Accepts `scheme://host[:port]` (a trailing `/` is
 * tolerated) and the opaque origin `null`. Anything with a path, query, fragment or credentials is rejected with
 * a typed error saying what to pass instead.
 */
export function parseOrigin(input: unknown, argument = 'origin'): SerializedOrigin {
  if (typeof input !== 'string' || input === '') {
    throw new InvalidArgumentError(argument, `expected an origin string such as 'https://app.example', got ${typeof input === 'string' ? 'an empty string' : typeof input}`, "Pass the page's origin: scheme, host and optional port.");
  }
  if (input === 'null') return 'null';
  return remembered(validOrigins, input, (origin) => parseNewOrigin(origin, argument));
}

function parseNewOrigin(input: string, argument: string): SerializedOrigin {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new InvalidArgumentError(argument, `'${input}' is not a URL origin (no scheme?)`, "Pass scheme, host and optional port, e.g. 'https://app.example'.");
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(argument, `'${input}' has scheme '${url.protocol.slice(0, -1)}'`, "A page origin for CORS is http: or https:, e.g. 'https://app.example'.");
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || /\/[^/]*\/./.test(input.replace(/^[a-z]+:\/\//i, ''))) {
    throw new InvalidArgumentError(argument, `'${input}' is a URL with a path, query, fragment or credentials, not an origin`, `Pass only scheme, host and port: '${url.origin}'.`);
  }
  return url.origin;
}

/**
 * https://fetch.spec.whatwg.org/#concept-request-tainted-origin — "request has a redirect-tainted origin":
 * 1. Let lastURL be null. 2. For each url of request's URL list: 1. If lastURL is null, set lastURL to url and
 * continue. 2. If url's origin is not same origin with lastURL's origin and request's origin is not same origin
 * with lastURL's origin, then return true. 3. Set lastURL to url. 3. Return false.
 */
export function hasRedirectTaintedOrigin(origin: SerializedOrigin, urlList: readonly string[]): boolean {
  // A single URL is never tainted (the loop below only compares pairs); skip parsing it.
  if (urlList.length < 2) return false;
  let last: string | null = null;
  for (const url of urlList) {
    const o = originOf(url);
    if (last === null) {
      last = o;
      continue;
    }
    if (!sameOrigin(o, last) && !sameOrigin(origin, last)) return true;
    last = o;
  }
  return false;
}

/**
 * https://fetch.spec.whatwg.org/#serializing-a-request-origin
 * 1. If request has a redirect-tainted origin, then return "null". 2. Return request's origin, serialized.
 */
export function serializeRequestOrigin(origin: SerializedOrigin, urlList: readonly string[]): string {
  return hasRedirectTaintedOrigin(origin, urlList) ? 'null' : origin;
}
