// MIME essence, single range, response-header filtering and the preflight cache, from their spec text.
import { describe, expect, it } from 'vitest';
import { parseMimeEssence } from '../../src/spec/mime.js';
import { parseSingleRange } from '../../src/spec/range.js';
import { corsExposedHeaderNames, filterBasicHeaders, filterCorsHeaders } from '../../src/spec/response-headers.js';
import { PreflightCache } from '../../src/emulator/preflight-cache.js';
import { preflightMaxAge } from '../../src/spec/max-age.js';

describe('parse a MIME type (essence)', () => {
  it('lower-cases type/subtype and ignores parameters', () => {
    expect(parseMimeEssence(' Text/Plain ; charset=utf-8')).toBe('text/plain');
    expect(parseMimeEssence('multipart/form-data; boundary=x')).toBe('multipart/form-data');
  });
  it('fails without a slash, with an empty part or non-token code points', () => {
    expect(parseMimeEssence('text')).toBeNull();
    expect(parseMimeEssence('/plain')).toBeNull();
    expect(parseMimeEssence('text/')).toBeNull();
    expect(parseMimeEssence('text/plain, application/json')).toBeNull();
  });
});

describe('parse a single range header value', () => {
  it('follows steps 1-20', () => {
    expect(parseSingleRange('bytes=0-10')).toEqual({ start: 0n, end: 10n });
    expect(parseSingleRange('bytes=5-')).toEqual({ start: 5n, end: null });
    expect(parseSingleRange('bytes=-5')).toEqual({ start: null, end: 5n });
    // Numbers are exact: 2^53 + 1 > 2^53, which doubles cannot tell.
    expect(parseSingleRange('bytes=9007199254740993-9007199254740992')).toBeNull();
    expect(parseSingleRange('bytes=9007199254740992-9007199254740993')).toEqual({ start: 9007199254740992n, end: 9007199254740993n });
    expect(parseSingleRange('bytes=-')).toBeNull();
    expect(parseSingleRange('bytes=3-2')).toBeNull();
    expect(parseSingleRange('bytes = 1-2')).toBeNull();
    expect(parseSingleRange('bytes = 1-2', true)).toEqual({ start: 1n, end: 2n });
    expect(parseSingleRange('items=1-2')).toBeNull();
  });
});

describe('CORS filtered response headers', () => {
  const headers: Array<[string, string]> = [
    ['Content-Type', 'text/plain'], ['X-A', '1'], ['x-b', '2'], ['Set-Cookie', 'a=b'], ['Cache-Control', 'no-cache'], ['x-a', '3'],
  ];
  it('keeps safelisted names only when nothing is exposed', () => {
    expect(filterCorsHeaders(headers, corsExposedHeaderNames(headers, 'omit'))).toEqual({ 'content-type': 'text/plain', 'cache-control': 'no-cache' });
  });
  it('adds the names in Access-Control-Expose-Headers, case-insensitively, combining repeats', () => {
    const h: Array<[string, string]> = [...headers, ['Access-Control-Expose-Headers', 'x-A']];
    expect(filterCorsHeaders(h, corsExposedHeaderNames(h, 'include'))).toEqual({ 'content-type': 'text/plain', 'x-a': '1, 3', 'cache-control': 'no-cache' });
  });
  it('exposes every name for * only without credentials, and never Set-Cookie', () => {
    const h: Array<[string, string]> = [...headers, ['access-control-expose-headers', '*']];
    expect(Object.keys(filterCorsHeaders(h, corsExposedHeaderNames(h, 'same-origin'))).sort()).toEqual(['access-control-expose-headers', 'cache-control', 'content-type', 'x-a', 'x-b']);
    expect(Object.keys(filterCorsHeaders(h, corsExposedHeaderNames(h, 'include'))).sort()).toEqual(['cache-control', 'content-type']);
  });

  it('keeps names that are also Object.prototype properties as plain own headers (a hostile server may send them)', () => {
    const h: Array<[string, string]> = [['Constructor', 'a'], ['__proto__', 'b'], ['toString', 'c'], ['__proto__', 'd'], ['Access-Control-Expose-Headers', 'constructor, __proto__, tostring']];
    for (const record of [filterBasicHeaders(h), filterCorsHeaders(h, corsExposedHeaderNames(h, 'omit'))]) {
      expect(Object.getPrototypeOf(record)).toBe(Object.prototype);
      expect(Object.entries(record).filter(([n]) => n !== 'access-control-expose-headers')).toEqual([['constructor', 'a'], ['__proto__', 'b, d'], ['tostring', 'c']]);
      expect({ ...record }.__proto__).toBe('b, d');
    }
  });
  it('exposes nothing extra when the list does not parse', () => {
    const h: Array<[string, string]> = [...headers, ['access-control-expose-headers', 'x a']];
    expect(corsExposedHeaderNames(h, 'omit')).toEqual(new Set());
  });
  it('basic filtering drops only Set-Cookie and Set-Cookie2', () => {
    expect(Object.keys(filterBasicHeaders([...headers, ['set-cookie2', 'x']]))).toEqual(['content-type', 'x-a', 'x-b', 'cache-control']);
  });
});

describe('preflight cache', () => {
  const parts = { origin: 'https://app.example', url: 'https://api.example/x', credentials: false };
  it('defaults max-age to 5 seconds and caps it', () => {
    expect(preflightMaxAge(null, 7200)).toBe(5);
    expect(preflightMaxAge('abc', 7200)).toBe(5);
    expect(preflightMaxAge('-1', 7200)).toBe(5);
    expect(preflightMaxAge('600', 7200)).toBe(600);
    expect(preflightMaxAge('86400', 7200)).toBe(7200);
    expect(preflightMaxAge('0', 7200)).toBe(0);
  });
  it('matches methods and headers until they expire, on an injected clock', () => {
    let now = 0;
    const cache = new PreflightCache({ now: () => now });
    cache.add(parts, 'method', 'PUT', 10);
    cache.add(parts, 'header', 'X-Token', 10);
    expect(cache.matchMethod(parts, 'PUT')).toBe(true);
    expect(cache.matchMethod(parts, 'put')).toBe(false);
    expect(cache.matchHeader(parts, 'x-token')).toBe(true);
    expect(cache.matchMethod({ ...parts, credentials: true }, 'PUT')).toBe(false);
    now = 10_000;
    expect(cache.matchMethod(parts, 'PUT')).toBe(false);
  });
  it('lets * match any method and any header but Authorization, only without credentials', () => {
    const cache = new PreflightCache();
    cache.add(parts, 'method', '*', 60);
    cache.add(parts, 'header', '*', 60);
    expect(cache.matchMethod(parts, 'DELETE')).toBe(true);
    expect(cache.matchHeader(parts, 'x-any')).toBe(true);
    expect(cache.matchHeader(parts, 'authorization')).toBe(false);
    const cred = { ...parts, credentials: true };
    cache.add(cred, 'method', '*', 60);
    expect(cache.matchMethod(cred, 'DELETE')).toBe(false);
  });
  it('stays bounded', () => {
    const cache = new PreflightCache({ maxEntries: 3 });
    for (let i = 0; i < 10; i++) cache.add({ ...parts, url: `${parts.url}/${i}` }, 'method', 'PUT', 60);
    expect(cache.size).toBe(3);
    expect(cache.matchMethod({ ...parts, url: `${parts.url}/9` }, 'PUT')).toBe(true);
    expect(cache.matchMethod({ ...parts, url: `${parts.url}/0` }, 'PUT')).toBe(false);
  });
  it('stays within its bound when it is only ever written', () => {
    const cache = new PreflightCache({ maxEntries: 5 });
    for (let i = 0; i < 1000; i++) cache.add({ ...parts, url: `${parts.url}/${i}` }, 'method', 'PUT', 60);
    // Held-back writes are applied in batches: never more than the bound plus one batch is held.
    expect((cache as unknown as { pending?: unknown[] }).pending?.length ?? 0).toBeLessThan(64);
    expect(cache.size).toBe(5);
  });
  it('dates each entry by the clock when it was written, and applies writes in order, however late it is read', () => {
    let now = 0;
    const cache = new PreflightCache({ now: () => now, maxEntries: 2 });
    cache.add(parts, 'method', 'PUT', 10);
    now = 5_000;
    cache.add(parts, 'method', 'PATCH', 10);
    cache.add(parts, 'method', 'DELETE', 10); // the bound drops PUT, the oldest
    now = 9_000;
    expect(cache.size).toBe(2);
    expect(cache.matchMethod(parts, 'PUT')).toBe(false);
    expect(cache.matchMethod(parts, 'PATCH')).toBe(true);
    cache.add(parts, 'method', 'GET', 10); // the bound drops PATCH
    now = 15_001; // DELETE, written at 5 s for 10 s, is gone; GET, written at 9 s, is not
    expect(cache.matchMethod(parts, 'PATCH')).toBe(false);
    expect(cache.matchMethod(parts, 'DELETE')).toBe(false);
    expect(cache.matchMethod(parts, 'GET')).toBe(true);
    cache.add(parts, 'method', 'PUT', 10);
    cache.clearFor(parts);
    expect(cache.size).toBe(0);
    cache.add(parts, 'method', 'PUT', 10);
    cache.clear();
    expect(cache.matchMethod(parts, 'PUT')).toBe(false);
  });
});
