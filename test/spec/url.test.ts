/**
 * src/spec/url.ts: remembered parses give what `new URL()` gives, for every base and input, however the pairs
 * are spelled, and after the memo has been emptied.
 */
import { describe, expect, it } from 'vitest';
import { parseUrl, resolveHref } from '../../src/spec/url.js';

describe('resolveHref', () => {
  it('gives new URL(input, base).href, remembered per pair: pairs whose texts run together stay apart', () => {
    // The same characters split differently between base and input.
    const pairs: Array<[string, string]> = [
      ['bar', 'http://x/\nfoo'],
      ['foo\nbar', 'http://x/'],
      ['b/c', 'http://x/a'],
      ['c', 'http://x/a/b/'],
      ['?q', 'http://x/a#f'],
      ['#g', 'http://x/a?q'],
    ];
    for (let round = 0; round < 2; round++) {
      for (const [input, base] of pairs) expect(resolveHref(input, base)).toBe(new URL(input, base).href);
    }
    expect(resolveHref('bar', 'http://x/\nfoo')).not.toBe(resolveHref('foo\nbar', 'http://x/'));
  });

  it('throws the TypeError new URL() throws, every time', () => {
    for (let round = 0; round < 2; round++) expect(() => resolveHref('http://[', 'http://x/')).toThrow(TypeError);
  });

  it('stays right past its bound (the memo empties and fills again)', () => {
    for (let k = 0; k < 5000; k++) expect(resolveHref(`p${k}`, `http://h${k % 7}.example/d/`)).toBe(`http://h${k % 7}.example/d/p${k}`);
    expect(resolveHref('../up', 'http://h.example/a/b/c')).toBe('http://h.example/a/up');
  });

  it('without a base, is the absolute URL parsed', () => {
    expect(resolveHref('HTTP://EXAMPLE.com:80/a/../b', undefined)).toBe('http://example.com/b');
    expect(parseUrl('http://example.com/b').pathname).toBe('/b');
  });
});
