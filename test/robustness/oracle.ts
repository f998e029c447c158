/**
 * An oracle written from the Fetch Standard for what script may see of a response, independent of corsproof's
 * own code (nothing here imports from src/spec or src/emulator):
 * - https://fetch.spec.whatwg.org/#concept-filtered-response-basic, -cors, -opaque, -opaque-redirect;
 * - https://fetch.spec.whatwg.org/#cors-safelisted-response-header-name and #forbidden-response-header-name;
 * - https://fetch.spec.whatwg.org/#extract-header-list-values for Access-Control-Expose-Headers (`#field-name`);
 * - main fetch step 12 (response tainting) and https://fetch.spec.whatwg.org/#concept-cors-check;
 * - https://fetch.spec.whatwg.org/#concept-request-tainted-origin.
 * Plus projections of verdicts for comparing two runs.
 */
import { ENGINE_IDENTITY_HEADERS } from '../../src/engines/request-headers.js';
import type { Verdict, WireRequest } from '../../src/types.js';
import type { Pairs } from './scenarios.js';

/** https://infra.spec.whatwg.org/#byte-lowercase: A-Z only. */
export function byteLowercase(value: string): string {
  return value.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0x20));
}

/** https://fetch.spec.whatwg.org/#concept-header-value-normalize: strip leading and trailing HTTP whitespace bytes. */
function normalize(value: string): string {
  return value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');
}

/** https://fetch.spec.whatwg.org/#concept-header-list-get: the values of all headers named `name`, joined with `, `. */
export function get(list: Pairs, name: string): string | null {
  const values = list.filter(([n]) => byteLowercase(n) === name).map(([, v]) => normalize(v));
  return values.length === 0 ? null : values.join(', ');
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/**
 * Extracting header list values for Access-Control-Expose-Headers, whose ABNF is `#field-name` (a list of tokens):
 * null when absent; failure when any element of any of its headers is not a token; else every element, in order.
 * RFC 9110 §5.6.1: elements are separated by OWS "," OWS, and a recipient ignores empty elements.
 */
function exposeHeaderNames(list: Pairs): string[] | null | 'failure' {
  const headers = list.filter(([n]) => byteLowercase(n) === 'access-control-expose-headers');
  if (headers.length === 0) return null;
  const values: string[] = [];
  for (const [, value] of headers) {
    for (const element of normalize(value).split(',')) {
      const item = element.replace(/^[ \t]+|[ \t]+$/g, '');
      if (item === '') continue;
      if (!TOKEN.test(item)) return 'failure';
      values.push(item);
    }
  }
  return values;
}

const SAFELISTED = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];
const FORBIDDEN = ['set-cookie', 'set-cookie2'];

export type Credentials = 'omit' | 'same-origin' | 'include';
export type FilteredType = 'basic' | 'cors' | 'opaque' | 'opaqueredirect';

/**
 * The header names (byte-lowercased) script can read on a response of `type` whose internal header list is `list`:
 * basic: all but forbidden response-header names; cors: CORS-safelisted response-header names given the
 * CORS-exposed header-name list; opaque and opaque-redirect: none.
 */
export function visibleHeaderNames(list: Pairs, type: FilteredType, credentials: Credentials): Set<string> {
  const names = list.map(([n]) => byteLowercase(n));
  if (type === 'opaque' || type === 'opaqueredirect') return new Set();
  if (type === 'basic') return new Set(names.filter((n) => !FORBIDDEN.includes(n)));
  // Main fetch: "1. Let headerNames be the result of extracting header list values given
  // `Access-Control-Expose-Headers` and response's header list. 2. If request's credentials mode is not "include"
  // and headerNames contains `*`, then set response's CORS-exposed header-name list to all unique header names in
  // response's header list. 3. Otherwise, if headerNames is non-null or failure, then set [it] to headerNames."
  const extracted = exposeHeaderNames(list);
  let exposed: string[] = [];
  if (Array.isArray(extracted)) exposed = credentials !== 'include' && extracted.includes('*') ? names : extracted;
  const exposedLower = exposed.map(byteLowercase);
  // "A CORS-safelisted response-header name, given a list of header names list, is a header name that is a
  // byte-case-insensitive match for one of Cache-Control, ..., Pragma; any item in list that is not a forbidden
  // response-header name."
  return new Set(names.filter((n) => SAFELISTED.includes(n) || (exposedLower.includes(n) && !FORBIDDEN.includes(n))));
}

/** The value script reads for a visible name: every value with that name, in order, joined with `, `. */
export function visibleHeaders(list: Pairs, type: FilteredType, credentials: Credentials): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of visibleHeaderNames(list, type, credentials)) out[name] = get(list, name) as string;
  return out;
}

/**
 * What WebKit's script reads of a header value, the one recorded deviation from the standard's bytes
 * (test/conformance/probes/hostile): the bytes go through UTF-8 decoding, an invalid sequence becoming U+FFFD, and
 * script reads the UTF-8 bytes of the result, one character per byte.
 */
export function webkitReads(value: string): string {
  const bytes = Uint8Array.from(value, (char) => char.charCodeAt(0) & 0xff);
  return String.fromCharCode(...new TextEncoder().encode(glibMakeValid(bytes)));
}

/**
 * GLib's g_utf8_make_valid, as WebKitGTK reads header values (recorded: response-values): each complete, valid UTF-8
 * sequence is kept, and every other byte becomes U+FFFD on its own (a cut sequence of two bytes gives two, where
 * the Encoding Standard's decoder gives one).
 */
function glibMakeValid(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i];
    const length = b < 0x80 ? 1 : b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    let code = length === 1 ? b : length === 2 ? b & 0x1f : length === 3 ? b & 0x0f : b & 0x07;
    let valid = length > 0 && i + length <= bytes.length;
    for (let k = 1; valid && k < length; k++) {
      const c = bytes[i + k];
      if ((c & 0xc0) !== 0x80) valid = false;
      else code = (code << 6) | (c & 0x3f);
    }
    // No overlong form, no surrogate, nothing past U+10FFFF.
    if (valid && ((length === 3 && (code < 0x800 || (code >= 0xd800 && code <= 0xdfff))) || (length === 4 && (code < 0x10000 || code > 0x10ffff)))) valid = false;
    if (valid) {
      out += String.fromCodePoint(code);
      i += length;
    } else {
      out += '\ufffd';
      i += 1;
    }
  }
  return out;
}

function originOf(url: string): string {
  return new URL(url).origin;
}

/** https://html.spec.whatwg.org/multipage/browsers.html#same-origin — an opaque origin (`null`) is same origin with nothing else. */
function sameOrigin(a: string, b: string): boolean {
  return a !== 'null' && a === b;
}

/**
 * The response tainting main fetch ends with for the URL list (one URL per request that went out, redirects
 * included), or null when main fetch returns a network error on the way:
 * "request's current URL's origin is same origin with request's origin, and request's response tainting is
 * basic" → basic; mode "same-origin" → network error; mode "no-cors" → opaque (network error unless redirect mode
 * is "follow"); otherwise → cors.
 */
export function tainting(urlList: readonly string[], pageOrigin: string, mode: string, redirect: string): 'basic' | 'cors' | 'opaque' | null {
  let t: 'basic' | 'cors' | 'opaque' = 'basic';
  for (const url of urlList) {
    if (sameOrigin(originOf(url), pageOrigin) && t === 'basic') continue;
    if (mode === 'same-origin') return null;
    if (mode === 'no-cors') {
      if (redirect !== 'follow') return null;
      t = 'opaque';
    } else t = 'cors';
  }
  return t;
}

/** https://fetch.spec.whatwg.org/#concept-request-tainted-origin, then #serializing-a-request-origin. */
export function serializedRequestOrigin(urlList: readonly string[], pageOrigin: string): string {
  let last: string | null = null;
  for (const url of urlList) {
    if (last === null) {
      last = url;
      continue;
    }
    if (!sameOrigin(originOf(url), originOf(last)) && !sameOrigin(pageOrigin, originOf(last))) return 'null';
    last = url;
  }
  return pageOrigin;
}

/**
 * https://fetch.spec.whatwg.org/#concept-cors-check: Access-Control-Allow-Origin null → failure; credentials mode
 * not "include" and `*` → success; not the serialized request origin → failure; not "include" → success;
 * Access-Control-Allow-Credentials `true` → success; else failure.
 */
export function corsCheckPasses(list: Pairs, serializedOrigin: string, credentials: Credentials): boolean {
  const origin = get(list, 'access-control-allow-origin');
  if (origin === null) return false;
  if (credentials !== 'include' && origin === '*') return true;
  if (origin !== serializedOrigin) return false;
  if (credentials !== 'include') return true;
  return get(list, 'access-control-allow-credentials') === 'true';
}

// ---------------------------------------------------------------------------------------------------------------
// Projections

const latin1 = new TextDecoder('latin1');
/** undici's multipart boundary is random per extraction: mask it so two runs of one FormData body compare equal. */
const maskBoundary = (text: string) => text.replace(/formdata-undici-\d+/g, 'formdata-undici-BOUNDARY');

/** What script sees of the response, as plain data (`text()` called, bytes as text). */
const scriptResponse = (v: Verdict) => v.response && { ...v.response, body: latin1.decode(v.response.body), text: v.response.text() };

/** Everything a verdict says, as plain data (functions called, bytes as text), to compare two runs exactly. */
export function fullProjection(v: Verdict): unknown {
  return {
    engine: v.engine,
    allowed: v.allowed,
    reason: v.reason,
    response: scriptResponse(v),
    exchanges: v.exchanges.map((e) => ({
      kind: e.kind,
      request: { ...e.request, headers: e.request.headers.map(([n, val]) => [n, maskBoundary(val)]), body: e.request.body && maskBoundary(latin1.decode(e.request.body)) },
      response: e.response && { ...e.response, body: latin1.decode(e.response.body) },
      error: e.error,
    })),
  };
}

/**
 * A verdict with header names byte-lowercased on the wire records: what must not change when names are re-cased.
 * (A header name the preflight did not allow is named as the request spelled it, in WebKit, and repeated
 * `Access-Control-Allow-Origin` lines keep their spelling: lower-cased too.)
 */
export function caseFreeProjection(v: Verdict): unknown {
  const lowerNames = (list: Pairs) => list.map(([n, val]) => [byteLowercase(n), maskBoundary(val)]);
  const full = fullProjection(v) as { reason?: Verdict['reason']; exchanges: Array<{ request: { headers: Pairs }; response?: { headers: Pairs } }> };
  let reason = full.reason && full.reason.code === 'HeaderDisallowedByPreflightResponse' && full.reason.failedParameter !== undefined
    ? { ...full.reason, failedParameter: byteLowercase(full.reason.failedParameter) }
    : full.reason;
  // (The spellings of repeated Access-Control-Allow-Origin lines are kept as sent: Firefox's words depend on them.)
  if (reason?.allowOriginNames) reason = { ...reason, allowOriginNames: reason.allowOriginNames.map(byteLowercase) };
  return {
    ...full,
    reason,
    exchanges: full.exchanges.map((e) => ({
      ...e,
      request: { ...e.request, headers: lowerNames(e.request.headers) },
      response: e.response && { ...e.response, headers: lowerNames(e.response.headers) },
    })),
  };
}

/**
 * What script and the report see, without the wire records: to compare a verdict across transports. (How a
 * repeated `Access-Control-Allow-Origin` was spelled on the wire is a wire record: a Response's Headers joins
 * repeated lines into one, lower-cased.)
 */
export function outcomeProjection(v: Verdict): unknown {
  const { allowOriginNames: _, ...reason } = v.reason ?? {};
  return {
    engine: v.engine,
    allowed: v.allowed,
    reason: v.reason && reason,
    response: scriptResponse(v),
    exchanges: v.exchanges.map((e) => ({ kind: e.kind, method: e.request.method, url: e.request.url, status: e.response?.status, failed: e.error !== undefined })),
  };
}

/**
 * The identity of a request on the wire, as a string: everything a server can see of it but which browser sends
 * it (the engine identity headers, in any case). Two requests with equal keys are one request to the server.
 */
export function wireKey(request: WireRequest): string {
  let key = `${request.method} ${request.url}`;
  for (const [name, value] of request.headers) {
    if (!ENGINE_IDENTITY_HEADERS.has(byteLowercase(name))) key += `\n${name}: ${value}`;
  }
  // latin1 gives every byte a code point of its own, so equal keys mean equal bytes.
  if (request.body !== null) key += `\n\n${Buffer.from(request.body).toString('latin1')}`;
  return key;
}
