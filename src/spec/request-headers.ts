/**
 * Request-header rules of the CORS protocol: https://fetch.spec.whatwg.org/#terminology-headers
 */
import { parseMimeEssence } from './mime.js';
import { isForbiddenMethod } from './methods.js';
import { parseSingleRange } from './range.js';
import { splitHeaderValue } from './header-list.js';

const FORBIDDEN_NAMES = new Set([
  'accept-charset', 'accept-encoding', 'access-control-request-headers', 'access-control-request-method',
  'connection', 'content-length', 'cookie', 'cookie2', 'date', 'dnt', 'expect', 'host', 'keep-alive', 'origin',
  'referer', 'set-cookie', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'via',
]);
const METHOD_OVERRIDE = new Set(['x-http-method', 'x-http-method-override', 'x-method-override']);

/**
 * https://fetch.spec.whatwg.org/#forbidden-request-header
 * 1. If name is a byte-case-insensitive match for one of the listed names, return true.
 * 2. If name when byte-lowercased starts with `proxy-` or `sec-`, then return true.
 * 3. If name is `X-HTTP-Method`, `X-HTTP-Method-Override` or `X-Method-Override`: let parsedValues be the
 *    result of getting, decoding, and splitting value; for each method of parsedValues: if the isomorphic
 *    encoding of method is a forbidden method, then return true.
 * 4. Return false.
 */
export function isForbiddenRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  if (FORBIDDEN_NAMES.has(lower)) return true;
  if (lower.startsWith('proxy-') || lower.startsWith('sec-')) return true;
  if (METHOD_OVERRIDE.has(lower)) return splitHeaderValue(value).some(isForbiddenMethod);
  return false;
}

/**
 * https://fetch.spec.whatwg.org/#cors-unsafe-request-header-byte — a byte less than 0x20 that is not 0x09
 * HT, or 0x22 ("), 0x28 ((), 0x29 ()), 0x3A (:), 0x3C (<), 0x3E (>), 0x3F (?), 0x40 (@), 0x5B ([), 0x5C (\),
 * 0x5D (]), 0x7B ({), 0x7D (}), or 0x7F DEL.
 */
export function isCorsUnsafeRequestHeaderByte(code: number): boolean {
  if (code < 0x20) return code !== 0x09;
  switch (code) {
    case 0x22: case 0x28: case 0x29: case 0x3a: case 0x3c: case 0x3e: case 0x3f:
    case 0x40: case 0x5b: case 0x5c: case 0x5d: case 0x7b: case 0x7d: case 0x7f:
      return true;
    default:
      return false;
  }
}

function hasUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (isCorsUnsafeRequestHeaderByte(value.charCodeAt(i))) return true;
  return false;
}

const LANGUAGE_BYTES = /^[0-9A-Za-z *,\-.;=]*$/;
const SAFELISTED_CONTENT_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * https://fetch.spec.whatwg.org/#cors-safelisted-request-header
 * 1. If value's length is greater than 128, then return false.
 * 2. Byte-lowercase name and switch on the result:
 *    `accept`: if value contains a CORS-unsafe request-header byte, then return false.
 *    `accept-language`, `content-language`: if value contains a byte that is not in the range 0x30 (0) to 0x39
 *      (9), inclusive, is not in the range 0x41 (A) to 0x5A (Z), inclusive, is not in the range 0x61 (a) to
 *      0x7A (z), inclusive, and is not 0x20 SP, 0x2A (*), 0x2C (,), 0x2D (-), 0x2E (.), 0x3B (;), or 0x3D (=),
 *      then return false.
 *    `content-type`: 1. If value contains a CORS-unsafe request-header byte, then return false.
 *      2. Let mimeType be the result of parsing the result of isomorphic decoding value.
 *      3. If mimeType is failure, then return false.
 *      4. If mimeType's essence is not "application/x-www-form-urlencoded", "multipart/form-data", or
 *         "text/plain", then return false.
 *    `range`: 1. Let rangeValue be the result of parsing a single range header value given value and false.
 *      2. If rangeValue is failure, then return false.
 *      3. If rangeValue[0] is null, then return false.
 *    Otherwise: return false.
 * 3. Return true.
 */
export function isCorsSafelistedRequestHeader(name: string, value: string): boolean {
  if (value.length > 128) return false;
  switch (name.toLowerCase()) {
    case 'accept':
      return !hasUnsafeByte(value);
    case 'accept-language':
    case 'content-language':
      return LANGUAGE_BYTES.test(value);
    case 'content-type': {
      if (hasUnsafeByte(value)) return false;
      const essence = parseMimeEssence(value);
      return essence !== null && SAFELISTED_CONTENT_TYPES.has(essence);
    }
    case 'range': {
      const range = parseSingleRange(value, false);
      return range !== null && range.start !== null;
    }
    default:
      return false;
  }
}

/** A per-engine override of the safelist: `true`/`false` decides, `undefined` defers to the standard. */
export type SafelistHook = (lowerName: string, value: string) => boolean | undefined;

/** How an engine applies the safelist to a header list (the standard: each header on its own, 1024 in all). */
export interface SafelistOptions {
  /** Per-engine verdicts on single values. */
  hook?: SafelistHook;
  /**
   * Check the values of a repeated name combined (`a, b`, as the engine's header map holds them), not one by
   * one: the 128-byte limit, the grammar and the total then apply to the combined value (Chromium, WebKit).
   */
  combineRepeated?: boolean;
  /** The limit on the safelisted values' total length; `null`: none (Firefox). Default 1024. */
  totalLimit?: number | null;
  /** Remove repeated names from the result (the standard's "sorted-lowercase set"); Firefox keeps them. */
  dedupe?: boolean;
}

/**
 * https://fetch.spec.whatwg.org/#cors-unsafe-request-header-names
 * 1. Let unsafeNames be a new list. 2. Let potentiallyUnsafeNames be a new list.
 * 3. Let safelistValueSize be 0.
 * 4. For each header of headers: 1. If header is not a CORS-safelisted request-header, then append header's
 *    name to unsafeNames. 2. Otherwise, append header's name to potentiallyUnsafeNames and increase
 *    safelistValueSize by header's value's length.
 * 5. If safelistValueSize is greater than 1024, then for each name of potentiallyUnsafeNames, append name to
 *    unsafeNames.
 * 6. Return the result of convert header names to a sorted-lowercase set with unsafeNames.
 * (The second argument may also be a bare hook, as before.)
 */
export function corsUnsafeRequestHeaderNames(
  headers: ReadonlyArray<readonly [string, string]>,
  options: SafelistOptions | SafelistHook = {},
): string[] {
  const { hook, combineRepeated = false, totalLimit = 1024, dedupe = true } = typeof options === 'function' ? { hook: options } : options;
  const unsafe: string[] = [];
  let size = 0;
  const list = combineRepeated ? combineByName(headers) : headers;
  for (const [name, value] of list) {
    const lower = name.toLowerCase();
    const decided = hook?.(lower, value);
    const safe = decided ?? isCorsSafelistedRequestHeader(lower, value);
    if (!safe) unsafe.push(lower);
    else size += value.length;
  }
  if (totalLimit !== null && size > totalLimit) {
    // Step 5: every potentially unsafe name too (the safelisted ones, in list order).
    for (const [name, value] of list) {
      const lower = name.toLowerCase();
      if (hook?.(lower, value) ?? isCorsSafelistedRequestHeader(lower, value)) unsafe.push(lower);
    }
  }
  // (The names are lower-cased already; most requests have no unsafe name, or one.)
  if (unsafe.length < 2) return unsafe;
  if (!dedupe) return unsafe.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return toSortedLowercaseSet(unsafe);
}

/** The header list as a map keyed by lower-cased name holds it: one entry per name, values joined with `, `. */
function combineByName(headers: ReadonlyArray<readonly [string, string]>): ReadonlyArray<readonly [string, string]> {
  // (Most lists repeat no name: they are returned as they are.)
  if (!repeatsName(headers)) return headers;
  const combined: Array<[string, string]> = [];
  for (const [name, value] of headers) {
    const lower = name.toLowerCase();
    const entry = combined.find(([n]) => n.toLowerCase() === lower);
    if (entry) entry[1] = `${entry[1]}, ${value}`;
    else combined.push([name, value]);
  }
  return combined;
}

function repeatsName(headers: ReadonlyArray<readonly [string, string]>): boolean {
  for (let i = 1; i < headers.length; i++) {
    const lower = headers[i][0].toLowerCase();
    for (let j = 0; j < i; j++) if (headers[j][0].toLowerCase() === lower) return true;
  }
  return false;
}

/**
 * https://fetch.spec.whatwg.org/#convert-header-names-to-a-sorted-lowercase-set
 * 1. Let headerNamesSet be a new ordered set. 2. For each name of headerNames, append the result of
 * byte-lowercasing name to headerNamesSet. 3. Return the result of sorting headerNamesSet in ascending order
 * with byte less than.
 */
export function toSortedLowercaseSet(names: readonly string[]): string[] {
  // (Most requests have no unsafe name, or one.)
  if (names.length < 2) return names.map((n) => n.toLowerCase());
  const set = [...new Set(names.map((n) => n.toLowerCase()))];
  return set.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}

const NO_CORS_SAFELISTED_NAMES = new Set(['accept', 'accept-language', 'content-language', 'content-type']);

/**
 * https://fetch.spec.whatwg.org/#no-cors-safelisted-request-header
 * 1. If name is not a no-CORS-safelisted request-header name, then return false.
 * 2. Return whether (name, value) is a CORS-safelisted request-header.
 */
export function isNoCorsSafelistedRequestHeader(name: string, value: string): boolean {
  const lower = name.toLowerCase();
  return NO_CORS_SAFELISTED_NAMES.has(lower) && isCorsSafelistedRequestHeader(lower, value);
}

/**
 * https://fetch.spec.whatwg.org/#cors-non-wildcard-request-header-name — `Authorization`: never covered by a
 * `*` in `Access-Control-Allow-Headers`.
 */
export function isCorsNonWildcardRequestHeaderName(name: string): boolean {
  return name.toLowerCase() === 'authorization';
}

/** https://fetch.spec.whatwg.org/#request-body-header-name */
export const REQUEST_BODY_HEADER_NAMES = ['content-encoding', 'content-language', 'content-location', 'content-type'];
