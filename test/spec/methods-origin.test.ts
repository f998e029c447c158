// Written from https://fetch.spec.whatwg.org/#methods and https://fetch.spec.whatwg.org/#concept-request-tainted-origin.
import { describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from '../../src/spec/methods.js';
import { parseOrigin } from '../../src/arguments/origin.js';
import { hasRedirectTaintedOrigin as taintedOrigins, originOf, serializeRequestOrigin as serializeOrigins } from '../../src/spec/origin.js';

/** The spec functions take the origins of the URL list; these take the URLs. */
const hasRedirectTaintedOrigin = (origin: string, urls: string[]) => taintedOrigins(origin, urls.map((u) => originOf(u)));
const serializeRequestOrigin = (origin: string, urls: string[]) => serializeOrigins(origin, urls.map((u) => originOf(u)));

describe('methods', () => {
  it('safelists GET, HEAD and POST byte-case-sensitively', () => {
    expect(['GET', 'HEAD', 'POST'].every(isCorsSafelistedMethod)).toBe(true);
    expect(isCorsSafelistedMethod('post')).toBe(false);
    expect(isCorsSafelistedMethod('PUT')).toBe(false);
  });
  it('forbids CONNECT, TRACE and TRACK in any case', () => {
    expect(isForbiddenMethod('connect')).toBe(true);
    expect(isForbiddenMethod('Track')).toBe(true);
    expect(isForbiddenMethod('OPTIONS')).toBe(false);
  });
  it('normalizes only DELETE, GET, HEAD, OPTIONS, POST and PUT', () => {
    expect(normalizeMethod('delete')).toBe('DELETE');
    expect(normalizeMethod('put')).toBe('PUT');
    expect(normalizeMethod('patch')).toBe('patch');
    expect(normalizeMethod('Foo')).toBe('Foo');
  });
});

describe('redirect-tainted origin', () => {
  const page = 'https://app.example';
  it('is tainted when a hop leaves a cross-origin URL for yet another origin', () => {
    expect(hasRedirectTaintedOrigin(page, ['https://api.example/a', 'https://other.example/b'])).toBe(true);
    expect(serializeRequestOrigin(page, ['https://api.example/a', 'https://other.example/b'])).toBe('null');
  });
  it('is tainted even when the chain comes back to the page origin', () => {
    expect(hasRedirectTaintedOrigin(page, ['https://api.example/a', 'https://app.example/b'])).toBe(true);
  });
  it('is not tainted for same-origin hops or when starting from the page origin', () => {
    expect(hasRedirectTaintedOrigin(page, ['https://api.example/a', 'https://api.example/b'])).toBe(false);
    expect(hasRedirectTaintedOrigin(page, ['https://app.example/a', 'https://api.example/b'])).toBe(false);
    expect(serializeRequestOrigin(page, ['https://api.example/a'])).toBe(page);
  });
});

describe('parseOrigin', () => {
  it('accepts scheme://host[:port] and null', () => {
    expect(parseOrigin('https://app.example')).toBe('https://app.example');
    expect(parseOrigin('https://app.example/')).toBe('https://app.example');
    expect(parseOrigin('http://localhost:5173')).toBe('http://localhost:5173');
    expect(parseOrigin('https://app.example:443')).toBe('https://app.example');
    expect(parseOrigin('null')).toBe('null');
  });
  it('rejects a path, a missing scheme and other schemes with a typed error that names the fix', () => {
    expect(() => parseOrigin('https://app.example/path')).toThrow(InvalidArgumentError);
    expect(() => parseOrigin('https://app.example/path')).toThrow(/Pass only scheme, host and port: 'https:\/\/app.example'/);
    expect(() => parseOrigin('app.example')).toThrow(/not a URL origin/);
    expect(() => parseOrigin('ftp://app.example')).toThrow(/scheme 'ftp'/);
    expect(() => parseOrigin(42)).toThrow(InvalidArgumentError);
  });
});
