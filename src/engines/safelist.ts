/**
 * How each engine reads the values of CORS-safelisted request-headers where it departs from the standard
 * (https://fetch.spec.whatwg.org/#cors-safelisted-request-header), as recorded byte by byte
 * (scripts/conformance/probes/safelist-values.mjs; test/conformance/recorded/safelist-values/).
 */
import { isCorsUnsafeRequestHeaderByte } from '../spec/request-headers.js';
import { parseSingleRange } from '../spec/range.js';

/** A `Range` the standard safelists whose numbers are at most `max` (engines parse them into fixed-width integers). */
export function isBoundedSingleRange(value: string, max: bigint): boolean {
  const range = parseSingleRange(value, false);
  return range !== null && range.start !== null && range.start <= max && (range.end === null || range.end <= max);
}

/** 2^63 - 2: Chromium refuses a range position of 2^63 - 1 and above (recorded). */
export const CHROMIUM_RANGE_MAX = 2n ** 63n - 2n;
/** 2^64 - 1: Firefox and WebKit read range positions as unsigned 64-bit integers (recorded). */
export const UINT64_MAX = 2n ** 64n - 1n;

/** `1*DIGIT [ "." 1*DIGIT ]` (Chromium's IsSimilarToDoubleABNF). */
const DOUBLE = /^[0-9]+(\.[0-9]+)?$/;
/** `1*DIGIT` (Chromium's IsSimilarToIntABNF). */
const INT = /^[0-9]+$/;
/** The values of `ECT` Chromium knows (kWebEffectiveConnectionTypeMapping), compared as sent. */
const ECT_VALUES = new Set(['slow-2g', '2g', '3g', '4g']);

/**
 * The client hints Chromium still treats as CORS-safelisted request-headers, each with the grammar its value
 * must match (services/network/public/cpp/cors/cors.cc, IsCorsSafelistedHeader; recorded value by value): a
 * value that does not match is preflighted like any other header.
 */
export function chromiumClientHint(lowerName: string, value: string): boolean | undefined {
  switch (lowerName) {
    case 'device-memory':
    case 'dpr':
    case 'downlink':
      return DOUBLE.test(value);
    case 'width':
    case 'viewport-width':
    case 'rtt':
      return INT.test(value);
    case 'ect':
      return ECT_VALUES.has(value);
    case 'save-data':
      return value.toLowerCase() === 'on';
    default:
      return undefined;
  }
}

/** Firefox also counts every byte above 0x7F as CORS-unsafe (recorded: `Accept: text/<0x80-0xFF>html` is preflighted). */
export function hasFirefoxUnsafeByte(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code > 0x7f || isCorsUnsafeRequestHeaderByte(code)) return true;
  }
  return false;
}

const HTTP_LWS = new Set([' ', '\t']);
const SAFELISTED_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data', 'text/plain']);

/**
 * Firefox's `Content-Type` check (nsContentUtils::IsAllowedNonCorsContentType over net_ParseRequestContentType,
 * strict): no CORS-unsafe byte (non-ASCII included), no comma at all, the type up to the first space, tab or `;`
 * must contain `/` and be one of the three, and the value must not end in a parameter list closed by `;` other
 * than the first one (`text/plain;` passes, `text/plain;;` and `text/plain;a=b;` do not). Recorded value by value.
 */
export function isFirefoxSafelistedContentType(value: string): boolean {
  if (hasFirefoxUnsafeByte(value) || value.includes(',')) return false;
  let typeStart = 0;
  while (typeStart < value.length && HTTP_LWS.has(value[typeStart])) typeStart++;
  let typeEnd = typeStart;
  while (typeEnd < value.length && !HTTP_LWS.has(value[typeEnd]) && value[typeEnd] !== ';') typeEnd++;
  const type = value.slice(typeStart, typeEnd);
  if (!type.includes('/')) return false;
  // Where parsing stopped: the end of the type, or the end of the last parameter (a `;` that closes one).
  let consumed = typeEnd - typeStart;
  const paramStart = value.indexOf(';', typeEnd);
  if (paramStart !== -1) {
    let cursor = paramStart + 1;
    do {
      const next = value.indexOf(';', cursor);
      const paramEnd = next === -1 ? value.length : next;
      consumed = paramEnd;
      cursor = paramEnd + 1;
    } while (cursor < value.length);
  }
  for (let i = consumed; i < value.length; i++) if (!HTTP_LWS.has(value[i])) return false;
  return SAFELISTED_TYPES.has(type.toLowerCase());
}

/** Bytes WebKit's integer parser skips around a number (parseInteger trims them; space and tab are refused first). */
const WEBKIT_SKIPPED = /^[\v\f]*|[\v\f]*$/g;

/**
 * WebKit's `Range` check (isSimpleRangeHeaderValue): `bytes` in any case, then `=`; no space or tab anywhere; a
 * first position and an optional last one, each an unsigned 64-bit integer that may carry a `+` sign and
 * surrounding vertical tabs or form feeds; the first no greater than the last. Recorded value by value.
 */
export function isWebKitSimpleRange(value: string): boolean {
  if (!/^bytes=/i.test(value) || /[ \t]/.test(value)) return false;
  const rest = value.slice(6);
  const dash = rest.indexOf('-');
  if (dash <= 0) return false;
  const start = webkitInteger(rest.slice(0, dash));
  if (start === null) return false;
  const tail = rest.slice(dash + 1);
  if (tail === '') return true;
  const end = webkitInteger(tail);
  return end !== null && start <= end;
}

function webkitInteger(text: string): bigint | null {
  const m = /^\+?([0-9]+)$/.exec(text.replace(WEBKIT_SKIPPED, ''));
  if (!m) return null;
  const n = BigInt(m[1]);
  return n <= UINT64_MAX ? n : null;
}
