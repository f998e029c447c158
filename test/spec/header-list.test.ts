// Written from https://fetch.spec.whatwg.org/#concept-header-list-get and #header-value-get-decode-and-split.
import { describe, expect, it } from 'vitest';
import { extractTokenList, getHeader, parseTokenList, splitHeaderValue } from '../../src/spec/header-list.js';

describe('get', () => {
  it('combines repeated headers with ", " in order, case-insensitively', () => {
    expect(getHeader([['A', '1'], ['b', '2'], ['a', '3']], 'a')).toBe('1, 3');
    expect(getHeader([['A', '1']], 'c')).toBeNull();
  });
});

describe('get, decode, and split', () => {
  it('splits on commas outside quoted strings and strips tab or space', () => {
    expect(splitHeaderValue('nosniff, ')).toEqual(['nosniff', '']);
    expect(splitHeaderValue('text/html;", x/x')).toEqual(['text/html;", x/x']);
    expect(splitHeaderValue('a, "b,c" ,d')).toEqual(['a', '"b,c"', 'd']);
    expect(splitHeaderValue('')).toEqual(['']);
  });
});

describe('extract header list values (#token lists)', () => {
  it('returns null when the header is absent', () => {
    expect(extractTokenList([], 'access-control-allow-methods')).toBeNull();
  });
  it('allows empty elements and optional whitespace', () => {
    expect(parseTokenList('PUT,,GET')).toEqual({ ok: true, values: ['PUT', 'GET'] });
    expect(parseTokenList(' x-a , x-b,')).toEqual({ ok: true, values: ['x-a', 'x-b'] });
  });
  it('fails on an element that is not a token', () => {
    expect(parseTokenList('PUT GET')).toEqual({ ok: false, invalid: 'PUT GET' });
    expect(parseTokenList('x a')).toEqual({ ok: false, invalid: 'x a' });
  });
  it('parses every header with the name', () => {
    expect(extractTokenList([['Access-Control-Allow-Methods', 'PUT'], ['access-control-allow-methods', 'PATCH']], 'access-control-allow-methods')).toEqual({ ok: true, values: ['PUT', 'PATCH'] });
  });
});
