// Written from https://fetch.spec.whatwg.org/#cors-safelisted-request-header and neighbours.
import { describe, expect, it } from 'vitest';
import {
  corsUnsafeRequestHeaderNames,
  isCorsSafelistedRequestHeader,
  isCorsUnsafeRequestHeaderByte,
  isForbiddenRequestHeader,
  isNoCorsSafelistedRequestHeader,
} from '../../src/spec/request-headers.js';

describe('CORS-unsafe request-header byte', () => {
  it('is a control byte other than HT, or one of the listed delimiters, or DEL', () => {
    for (const c of '"():<>?@[\\]{}\u007f') expect(isCorsUnsafeRequestHeaderByte(c.charCodeAt(0))).toBe(true);
    expect(isCorsUnsafeRequestHeaderByte(0x00)).toBe(true);
    expect(isCorsUnsafeRequestHeaderByte(0x1f)).toBe(true);
    expect(isCorsUnsafeRequestHeaderByte(0x09)).toBe(false);
    for (const c of 'aZ09 ;=,-*/.+') expect(isCorsUnsafeRequestHeaderByte(c.charCodeAt(0))).toBe(false);
  });
});

describe('CORS-safelisted request-header', () => {
  it('rejects any value longer than 128 bytes', () => {
    expect(isCorsSafelistedRequestHeader('accept', 'x'.repeat(128))).toBe(true);
    expect(isCorsSafelistedRequestHeader('accept', 'x'.repeat(129))).toBe(false);
  });
  it('accept: no CORS-unsafe request-header byte', () => {
    expect(isCorsSafelistedRequestHeader('Accept', 'application/json')).toBe(true);
    expect(isCorsSafelistedRequestHeader('accept', 'a"b')).toBe(false);
  });
  it('accept-language and content-language: only 0-9 A-Z a-z space * , - . ; =', () => {
    expect(isCorsSafelistedRequestHeader('accept-language', 'de;q=0.9, en')).toBe(true);
    expect(isCorsSafelistedRequestHeader('accept-language', 'en_US')).toBe(false);
    expect(isCorsSafelistedRequestHeader('content-language', 'de{')).toBe(false);
  });
  it('content-type: parsable MIME type whose essence is one of the three', () => {
    expect(isCorsSafelistedRequestHeader('content-type', 'text/plain')).toBe(true);
    expect(isCorsSafelistedRequestHeader('Content-Type', 'Text/Plain')).toBe(true);
    expect(isCorsSafelistedRequestHeader('content-type', 'multipart/form-data; boundary=x')).toBe(true);
    expect(isCorsSafelistedRequestHeader('content-type', 'application/x-www-form-urlencoded')).toBe(true);
    expect(isCorsSafelistedRequestHeader('content-type', 'text/plain; charset=utf-8')).toBe(true);
    expect(isCorsSafelistedRequestHeader('content-type', 'application/json')).toBe(false);
    expect(isCorsSafelistedRequestHeader('content-type', 'text/plain, application/json')).toBe(false);
    expect(isCorsSafelistedRequestHeader('content-type', 'text/plain;x="a b"')).toBe(false); // `"` is unsafe
    expect(isCorsSafelistedRequestHeader('content-type', 'text')).toBe(false);
  });
  it('range: a single bytes range with a start', () => {
    expect(isCorsSafelistedRequestHeader('range', 'bytes=0-10')).toBe(true);
    expect(isCorsSafelistedRequestHeader('range', 'bytes=5-')).toBe(true);
    expect(isCorsSafelistedRequestHeader('range', 'bytes=-5')).toBe(false);
    expect(isCorsSafelistedRequestHeader('range', 'bytes=0-1,3-4')).toBe(false);
    expect(isCorsSafelistedRequestHeader('range', 'bytes=10-5')).toBe(false);
    expect(isCorsSafelistedRequestHeader('range', 'bytes = 0-1')).toBe(false);
  });
  it('anything else is not safelisted', () => {
    expect(isCorsSafelistedRequestHeader('x-custom', '1')).toBe(false);
    expect(isCorsSafelistedRequestHeader('dpr', '2')).toBe(false);
    expect(isCorsSafelistedRequestHeader('cache-control', 'no-cache')).toBe(false);
  });
});

describe('CORS-unsafe request-header names', () => {
  it('returns a sorted, lower-cased set of the unsafe names', () => {
    expect(corsUnsafeRequestHeaderNames([['X-B', '1'], ['accept', 'x'], ['x-a', '2'], ['x-b', '3']])).toEqual(['x-a', 'x-b']);
  });
  it('makes every safelisted name unsafe once their values exceed 1024 bytes in total', () => {
    const big = 'a'.repeat(100);
    const headers: Array<[string, string]> = [];
    for (let i = 0; i < 10; i++) headers.push(['accept', big]);
    expect(corsUnsafeRequestHeaderNames(headers)).toEqual([]);
    headers.push(['accept-language', 'a'.repeat(25)]);
    expect(corsUnsafeRequestHeaderNames(headers)).toEqual(['accept', 'accept-language']);
  });
  it('lets an engine hook decide names the standard does not safelist', () => {
    expect(corsUnsafeRequestHeaderNames([['DPR', '2']], (n) => (n === 'dpr' ? true : undefined))).toEqual([]);
  });
});

describe('forbidden request-header', () => {
  it('matches the listed names and the proxy-/sec- prefixes', () => {
    for (const n of ['Cookie', 'host', 'Origin', 'referer', 'Content-Length', 'Access-Control-Request-Headers', 'Proxy-Authorization', 'Sec-Fetch-Mode']) {
      expect(isForbiddenRequestHeader(n, 'x')).toBe(true);
    }
    expect(isForbiddenRequestHeader('user-agent', 'x')).toBe(false);
    expect(isForbiddenRequestHeader('authorization', 'x')).toBe(false);
  });
  it('forbids method-override headers only when they name a forbidden method', () => {
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'PUT')).toBe(false);
    expect(isForbiddenRequestHeader('X-HTTP-Method-Override', 'PUT, trace')).toBe(true);
    expect(isForbiddenRequestHeader('x-method-override', 'CONNECT')).toBe(true);
  });
});

describe('no-CORS-safelisted request-header', () => {
  it('is one of the four names with a safelisted value', () => {
    expect(isNoCorsSafelistedRequestHeader('content-type', 'text/plain')).toBe(true);
    expect(isNoCorsSafelistedRequestHeader('range', 'bytes=0-1')).toBe(false);
    expect(isNoCorsSafelistedRequestHeader('x-custom', '1')).toBe(false);
  });
});
