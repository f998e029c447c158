/**
 * HTTP byte-level primitives the Fetch Standard builds on.
 * https://fetch.spec.whatwg.org/#terminology-http
 */

/** https://fetch.spec.whatwg.org/#http-whitespace-byte — HTTP tab or space byte, or HTTP newline byte. */
export function isHttpWhitespace(code: number): boolean {
  return code === 0x09 || code === 0x0a || code === 0x0d || code === 0x20;
}

/** https://fetch.spec.whatwg.org/#http-tab-or-space */
export function isHttpTabOrSpace(code: number): boolean {
  return code === 0x09 || code === 0x20;
}

/**
 * https://fetch.spec.whatwg.org/#concept-header-value-normalize
 * "To normalize a byte sequence potentialValue, remove any leading and trailing HTTP whitespace bytes."
 */
export function normalizeHeaderValue(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpWhitespace(value.charCodeAt(start))) start++;
  while (end > start && isHttpWhitespace(value.charCodeAt(end - 1))) end--;
  return start === 0 && end === value.length ? value : value.slice(start, end);
}

/** Strip leading and trailing HTTP tab or space bytes. */
export function trimTabOrSpace(value: string): string {
  let start = 0;
  let end = value.length;
  while (start < end && isHttpTabOrSpace(value.charCodeAt(start))) start++;
  while (end > start && isHttpTabOrSpace(value.charCodeAt(end - 1))) end--;
  return value.slice(start, end);
}

const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;

/** RFC 9110 token (https://httpwg.org/specs/rfc9110.html#tokens); methods and header names are tokens. */
export function isToken(value: string): boolean {
  return TOKEN.test(value);
}

/** https://fetch.spec.whatwg.org/#concept-method — a method is a byte sequence that matches the method token production. */
export const isMethod = isToken;

/** https://fetch.spec.whatwg.org/#header-name — a header name is a byte sequence that matches the field-name token production. */
export const isHeaderName = isToken;

/**
 * https://fetch.spec.whatwg.org/#header-value — a header value has no leading or trailing HTTP tab or space
 * bytes and contains no 0x00 NUL, 0x0A LF or 0x0D CR bytes. (Callers normalize first.)
 */
export function isHeaderValue(value: string): boolean {
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c === 0x00 || c === 0x0a || c === 0x0d || c > 0xff) return false;
  }
  return true;
}

/** ASCII lower-case, the "byte-lowercase" of the standard. */
export function byteLowercase(value: string): string {
  return value.toLowerCase();
}

/** https://fetch.spec.whatwg.org/#ok-status — "An ok status is a status in the range 200 to 299, inclusive." */
export function isOkStatus(status: number): boolean {
  return status >= 200 && status <= 299;
}

/** https://fetch.spec.whatwg.org/#redirect-status — 301, 302, 303, 307 or 308. */
export function isRedirectStatus(status: number): boolean {
  return status === 301 || status === 302 || status === 303 || status === 307 || status === 308;
}

/** https://fetch.spec.whatwg.org/#null-body-status — 101, 103, 204, 205 or 304. */
export function isNullBodyStatus(status: number): boolean {
  return status === 101 || status === 103 || status === 204 || status === 205 || status === 304;
}
