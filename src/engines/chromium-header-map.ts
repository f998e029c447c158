/**
 * The order Chromium goes through a request's headers when it looks for one the preflight did not allow: the order
 * of Blink's `HTTPHeaderMap`, a WTF hash table, from which the renderer hands the request's headers to the network
 * service. The network service keeps that order (`net::HttpRequestHeaders` is a list), and its preflight check
 * names the first CORS-unsafe header `Access-Control-Allow-Headers` misses in it.
 *
 * What goes into the table, in this order: the page's header names, sorted (fetch()'s header list is kept sorted),
 * `Content-Type` among them when the body gave one; then Blink's own: the UA client hints (`sec-ch-ua`,
 * `sec-ch-ua-mobile`, `sec-ch-ua-platform`, to potentially trustworthy URLs, as on the wire) and `User-Agent`.
 * `Accept` is added later, by the network service, unless the page set it.
 *
 * The table (WTF `HashTable`): 8 buckets to start with, doubled (every entry put again, in bucket order) once it is
 * half full; a key's bucket is its hash masked to the table's size, and a taken bucket sends it on by 1, 2, 3, ...
 * buckets (quadratic probing). The hash is Blink's case-folding string hash: rapidhash of the case-folded name's
 * UTF-16 code units, kept to its low 24 bits (0 becomes 0x800000).
 *
 * The table is built once, for the request the page's fetch() started; a redirect that drops a header (Content-Type,
 * when a 303 turns a POST into a GET) leaves the others in that order.
 *
 * Recorded with Chromium 150 (test/conformance/recorded/header-map-order): the full order of 202 requests' headers
 * on the wire (the actual request goes out in this order) and 338 console messages naming one of several missing
 * headers, 12 of them after such a redirect; with it every recorded Chromium console message in every folder
 * agrees (Chromium 150 and 156). Every recording is on loopback: that the client hints stay out of the table for a
 * URL that is not potentially trustworthy follows the rule the engine's wire headers use (request-headers.ts), not
 * a recording.
 */
import { isPotentiallyTrustworthy } from '../spec/site.js';
import { BoundedMemo } from '../bounded-memo.js';

/**
 * Blink's own keys after the page's, in the order it adds them (the recorded orders fit this one): the UA client
 * hints to a potentially trustworthy URL, then `User-Agent`.
 */
const TRUSTWORTHY_OWN_KEYS: readonly string[] = ['sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform', 'user-agent'];
const OWN_KEYS: readonly string[] = ['user-agent'];
const MINIMUM_TABLE_SIZE = 8;

/**
 * The headers of a request Chromium sends to `url`, in the order its preflight check goes through them:
 * `[printed name, lower-cased name]` (Chromium prints names lower-cased), each name once.
 */
export function chromiumHeaderCheckOrder(headers: ReadonlyArray<readonly [string, string]>, url: string): Array<readonly [string, string]> {
  const page = pageKeys(headers);
  const out: Array<readonly [string, string]> = [];
  for (const key of headerMapOrder(withOwnKeys(page, url))) if (page.has(key)) out.push([key, key]);
  return out;
}

/**
 * The keys of the request's `HTTPHeaderMap`, in the order they go in: the page's header names (lower-cased, each
 * once, sorted), then Blink's own.
 */
export function chromiumHeaderMapKeys(headers: ReadonlyArray<readonly [string, string]>, url: string): string[] {
  return withOwnKeys(pageKeys(headers), url);
}

function pageKeys(headers: ReadonlyArray<readonly [string, string]>): Set<string> {
  return new Set(headers.map(([name]) => name.toLowerCase()).sort());
}

function withOwnKeys(page: ReadonlySet<string>, url: string): string[] {
  const keys = [...page];
  // (The page cannot set these, forbidden names all; a key is in a hash table once whatever sets it.)
  for (const key of isPotentiallyTrustworthy(url) ? TRUSTWORTHY_OWN_KEYS : OWN_KEYS) if (!page.has(key)) keys.push(key);
  return keys;
}

/** The iteration order of a WTF hash table after `keys` (distinct, lower-cased) were added one by one. */
export function headerMapOrder(keys: readonly string[]): string[] {
  let table: Array<string | undefined> = new Array(MINIMUM_TABLE_SIZE);
  let count = 0;
  for (const key of keys) {
    place(table, key);
    count++;
    if (count * 2 >= table.length) {
      const old = table;
      table = new Array(old.length * 2);
      for (const moved of old) if (moved !== undefined) place(table, moved);
    }
  }
  return table.filter((key): key is string => key !== undefined);
}

function place(table: Array<string | undefined>, key: string): void {
  const mask = table.length - 1;
  let i = caseFoldingHash(key) & mask;
  for (let step = 1; table[i] !== undefined; step++) i = (i + step) & mask;
  table[i] = key;
}

const hashes = new BoundedMemo<number>(1024);

/** Blink's `CaseFoldingHash` of an ASCII (token) name, remembered per name: the same few names recur. */
export function caseFoldingHash(name: string): number {
  return hashes.of(name, computeCaseFoldingHash);
}

function computeCaseFoldingHash(name: string): number {
  const bytes = new Uint8Array(name.length * 2);
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    bytes[2 * i] = c & 0xff;
    bytes[2 * i + 1] = c >> 8;
  }
  return Number(rapidhash(bytes) & 0xffffffn) || 0x800000;
}

// rapidhash (Nicolas De Carli, after wyhash), the 64-bit hash WTF's string hasher uses: its default seed and secrets.
const MASK64 = (1n << 64n) - 1n;
const SEED = 0xbdd89aa982704029n;
const SECRET = [0x2d358dccaa6c78a5n, 0x8bb84b93962eacc9n, 0x4b33a62ed433d4a3n] as const;

/** The 128-bit product of two 64-bit numbers, as [low, high]. */
function multiply(a: bigint, b: bigint): [bigint, bigint] {
  const product = a * b;
  return [product & MASK64, product >> 64n];
}

function mix(a: bigint, b: bigint): bigint {
  const [low, high] = multiply(a, b);
  return low ^ high;
}

/** Little-endian reads. */
function read64(bytes: Uint8Array, at: number): bigint {
  return (read32(bytes, at + 4) << 32n) | read32(bytes, at);
}

function read32(bytes: Uint8Array, at: number): bigint {
  return BigInt((bytes[at] | (bytes[at + 1] << 8) | (bytes[at + 2] << 16) | (bytes[at + 3] << 24)) >>> 0);
}

export function rapidhash(bytes: Uint8Array): bigint {
  const length = bytes.length;
  const size = BigInt(length);
  let seed = SEED ^ mix(SEED ^ SECRET[0], SECRET[1]) ^ size;
  let a: bigint;
  let b: bigint;
  if (length <= 16) {
    if (length >= 4) {
      // The first and last four bytes, and four from a quarter in from each end.
      const last = length - 4;
      const quarter = (length & 24) >> (length >> 3);
      a = (read32(bytes, 0) << 32n) | read32(bytes, last);
      b = (read32(bytes, quarter) << 32n) | read32(bytes, last - quarter);
    } else if (length > 0) {
      a = (BigInt(bytes[0]) << 56n) | (BigInt(bytes[length >> 1]) << 32n) | BigInt(bytes[length - 1]);
      b = 0n;
    } else {
      a = 0n;
      b = 0n;
    }
  } else {
    let at = 0;
    let left = length;
    if (left > 48) {
      // Three lanes over 48-byte blocks (the unrolled 96-byte loop of the original gives the same result).
      let lane1 = seed;
      let lane2 = seed;
      while (left >= 48) {
        seed = mix(read64(bytes, at) ^ SECRET[0], read64(bytes, at + 8) ^ seed);
        lane1 = mix(read64(bytes, at + 16) ^ SECRET[1], read64(bytes, at + 24) ^ lane1);
        lane2 = mix(read64(bytes, at + 32) ^ SECRET[2], read64(bytes, at + 40) ^ lane2);
        at += 48;
        left -= 48;
      }
      seed ^= lane1 ^ lane2;
    }
    if (left > 16) {
      seed = mix(read64(bytes, at) ^ SECRET[2], read64(bytes, at + 8) ^ seed ^ SECRET[1]);
      if (left > 32) seed = mix(read64(bytes, at + 16) ^ SECRET[2], read64(bytes, at + 24) ^ seed);
    }
    a = read64(bytes, at + left - 16);
    b = read64(bytes, at + left - 8);
  }
  a ^= SECRET[1];
  b ^= seed;
  [a, b] = multiply(a, b);
  return mix(a ^ SECRET[0] ^ size, b ^ SECRET[1]);
}
