/**
 * Header lists: https://fetch.spec.whatwg.org/#concept-header-list
 * A header list is an ordered list of (name, value) pairs; names compare byte-case-insensitively and may repeat.
 */
import { isHttpTabOrSpace, isHttpWhitespace, isToken, normalizeHeaderValue } from './http.js';

export type HeaderList = ReadonlyArray<readonly [string, string]>;

/**
 * https://fetch.spec.whatwg.org/#concept-header-list-get
 * 1. If list does not contain name, then return null.
 * 2. Return the values of all headers in list whose name is a byte-case-insensitive match for name,
 *    separated from each other by 0x2C 0x20, in order.
 */
export function getHeader(list: HeaderList, name: string): string | null {
  const lower = name.toLowerCase();
  let out: string | null = null;
  for (let i = 0; i < list.length; i++) {
    const header = list[i];
    if (namesMatch(header[0], lower)) out = out === null ? header[1] : `${out}, ${header[1]}`;
  }
  return out;
}

/**
 * Add a header to a record (name to value), a repeated name's values joined with `, `. Any token is a header
 * name, `constructor` and `__proto__` too: every own value is a string, so a value that is not is inherited and
 * no repeat, and `__proto__` is defined as an own property like any other name rather than set.
 */
export function combineHeader(record: Record<string, string>, name: string, value: string): void {
  const before = record[name];
  if (name !== '__proto__') record[name] = typeof before === 'string' ? `${before}, ${value}` : value;
  else Object.defineProperty(record, name, { value: Object.hasOwn(record, name) ? `${before}, ${value}` : value, enumerable: true, writable: true, configurable: true });
}

/** https://fetch.spec.whatwg.org/#header-list-contains */
export function hasHeader(list: HeaderList, name: string): boolean {
  const lower = name.toLowerCase();
  for (let i = 0; i < list.length; i++) if (namesMatch(list[i][0], lower)) return true;
  return false;
}

/** The names `list` has, as a lookup (`has(name)`, any case) without copying them. */
export function namesOf(list: HeaderList): { has(name: string): boolean } {
  return { has: (name) => hasHeader(list, name) };
}

/**
 * `name.toLowerCase() === lower` for an already lower-cased `lower`, without allocating a lower-cased copy of
 * every name in the list (this runs for every header of every response). Non-ASCII names take the exact
 * `toLowerCase` path, so the result is the same for every input.
 */
export function namesMatch(name: string, lower: string): boolean {
  if (name === lower) return true;
  if (name.length !== lower.length) return false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c > 0x7f) return name.toLowerCase() === lower;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    if (c !== lower.charCodeAt(i)) return false;
  }
  return true;
}

/**
 * https://fetch.spec.whatwg.org/#header-value-get-decode-and-split — "get, decode, and split" a value:
 * split on commas outside quoted strings, strip HTTP tab or space from each part.
 * Steps 1-5: position, values, temporaryValue; collect until `"` or `,`; on `"` collect an HTTP quoted
 * string (kept with its quotes); on `,` or end: strip HTTP tab or space, append.
 */
export function splitHeaderValue(input: string): string[] {
  const values: string[] = [];
  let position = 0;
  let temporary = '';
  while (true) {
    while (position < input.length && input[position] !== '"' && input[position] !== ',') {
      temporary += input[position++];
    }
    if (position < input.length && input[position] === '"') {
      const start = position;
      position = skipQuotedString(input, position);
      temporary += input.slice(start, position);
      if (position < input.length) continue;
    }
    values.push(trimTabOrSpaceLocal(temporary));
    temporary = '';
    if (position >= input.length) return values;
    position++; // past ","
  }
}

/** https://fetch.spec.whatwg.org/#collect-an-http-quoted-string (extract-value false): returns the new position. */
function skipQuotedString(input: string, position: number): number {
  position++; // opening quote
  while (position < input.length) {
    const c = input[position];
    if (c === '\\') {
      position += 2;
      continue;
    }
    position++;
    if (c === '"') break;
  }
  return Math.min(position, input.length);
}

function trimTabOrSpaceLocal(v: string): string {
  let s = 0;
  let e = v.length;
  while (s < e && isHttpTabOrSpace(v.charCodeAt(s))) s++;
  while (e > s && isHttpTabOrSpace(v.charCodeAt(e - 1))) e--;
  return v.slice(s, e);
}

/**
 * https://fetch.spec.whatwg.org/#concept-header-list-get-decode-split
 * 1. Let value be the result of getting name from list. 2. If value is null, then return null.
 * 3. Return the result of getting, decoding, and splitting value.
 */
export function getDecodeSplit(list: HeaderList, name: string): string[] | null {
  const value = getHeader(list, name);
  return value === null ? null : splitHeaderValue(value);
}

/**
 * https://fetch.spec.whatwg.org/#extract-header-list-values — for the `#token` lists of the CORS protocol
 * (`Access-Control-Allow-Methods`, `-Allow-Headers`, `-Expose-Headers`):
 * 1. If list does not contain name, then return null.
 * 2. If the ABNF for name allows a single header and list contains more than one, then return failure.
 * 3. Let values be an empty list.
 * 4. For each header header list contains whose name is name: parse header's value per the ABNF for name;
 *    if parsing failed, then return failure; append each value in the parsed values to values.
 * 5. Return values.
 * ABNF `#token` (RFC 9110 list rule): empty list elements are allowed and ignored; each element must be a token.
 */
export type ListParse = { ok: true; values: readonly string[] } | { ok: false; invalid: string };

export function extractTokenList(list: HeaderList, name: string): ListParse | null {
  const raw = getHeader(list, name);
  if (raw === null) return null;
  return parseTokenList(raw);
}

export function parseTokenList(raw: string): ListParse {
  const values: string[] = [];
  for (const part of raw.split(',')) {
    const item = trimOws(part);
    if (item === '') continue;
    if (!isToken(item)) return { ok: false, invalid: item };
    values.push(item);
  }
  return { ok: true, values };
}

function trimOws(v: string): string {
  let s = 0;
  let e = v.length;
  while (s < e && isHttpWhitespace(v.charCodeAt(s))) s++;
  while (e > s && isHttpWhitespace(v.charCodeAt(e - 1))) e--;
  return v.slice(s, e);
}

/** Normalize every value and drop nothing: how a header list looks after it crossed an HTTP parser. */
export function normalizeList(list: HeaderList): Array<[string, string]> {
  return list.map(([n, v]) => [n, normalizeHeaderValue(v)]);
}
