/**
 * Each engine's URL parser where it departs from the URL Standard (recorded byte by byte in
 * test/conformance/recorded/urls): extra path escapes, and its reading of a Location value's bytes.
 */
import { describe, expect, it } from 'vitest';
import { chromium } from '../../src/engines/chromium.js';
import { firefox } from '../../src/engines/firefox.js';
import { spec } from '../../src/engines/spec.js';
import { webkit } from '../../src/engines/webkit.js';
import { enginePathHref, redirectHref, redirectTargetOf } from '../../src/emulator/url-quirks.js';
import { simulate } from '../../src/simulate.js';
import type { Transport } from '../../src/types.js';

const BASE = 'https://api.example/a';

describe('URLs as each engine serializes them', () => {
  it('escapes ^ in a path (Chromium also |), never in the query, and leaves the standard alone', () => {
    const href = 'https://api.example/x^y|z?q=^|';
    expect(enginePathHref(href, chromium)).toBe('https://api.example/x%5Ey%7Cz?q=^|');
    expect(enginePathHref(href, firefox)).toBe('https://api.example/x%5Ey|z?q=^|');
    expect(enginePathHref(href, webkit)).toBe('https://api.example/x%5Ey|z?q=^|');
    expect(enginePathHref(href, spec)).toBe(href);
    expect(enginePathHref('https://api.example/plain', chromium)).toBe('https://api.example/plain');
  });

  it("reads a Location's bytes 0x80-0xFF as each engine does", () => {
    expect(redirectTargetOf('/n?q=a\u0080b', BASE, spec)).toBe('https://api.example/n?q=a%C2%80b');
    expect(redirectTargetOf('/n?q=a\u0080b', BASE, chromium)).toBe('https://api.example/n?q=a%80b');
    expect(redirectTargetOf('/n?q=a\u0080b', BASE, firefox)).toBe('https://api.example/n?q=a%80b');
    expect(redirectTargetOf('/n?q=a\u0080b', BASE, webkit)).toBe('https://api.example/n?q=a%C3%AF%C2%BF%C2%BDb');
    // Valid UTF-8 (é as C3 A9): its bytes in Chromium; WebKit percent-encodes the bytes it holds as code points.
    expect(redirectTargetOf('/n?q=\u00c3\u00a9', BASE, chromium)).toBe('https://api.example/n?q=%C3%A9');
    expect(redirectTargetOf('/n?q=\u00c3\u00a9', BASE, webkit)).toBe('https://api.example/n?q=%C3%83%C2%A9');
    // A cut sequence is one replacement per byte in WebKit (GLib), not one for the sequence.
    expect(redirectTargetOf('/n?q=\u00e2\u0082', BASE, webkit)).toBe('https://api.example/n?q=%C3%AF%C2%BF%C2%BD%C3%AF%C2%BF%C2%BD');
  });

  it("gives a redirect the fragment of the URL it answered when its Location has none (an empty one included), as setting url.hash does", () => {
    for (const engine of [chromium, firefox, webkit, spec]) {
      const viaUrl = (location: string, base: string) => {
        const url = new URL(redirectTargetOf(location, base, engine)!);
        if (url.hash === '' && new URL(base).hash) url.hash = new URL(base).hash;
        return url.href;
      };
      for (const [location, base] of [
        ['/b', 'https://api.example/a#frag'],
        ['/b#', 'https://api.example/a#frag'],
        ['/b#own', 'https://api.example/a#frag'],
        ['/b', 'https://api.example/a#'],
        ['/b', 'https://api.example/a'],
        ['?q#x#y', 'https://api.example/a#f#g'],
        ['https://other.example/^x', 'https://api.example/a?q#f'],
      ]) {
        expect(redirectHref(location, base, engine)).toBe(viaUrl(location, base));
      }
      expect(redirectHref('/b', 'https://api.example/a#frag', engine)).toBe('https://api.example/b#frag');
      expect(redirectHref('http://[', BASE, engine)).toBeUndefined();
    }
  });

  it('keeps a tab inside a Location in Firefox only', () => {
    expect(redirectTargetOf('/n?q=a\tb', BASE, firefox)).toBe('https://api.example/n?q=a%09b');
    expect(redirectTargetOf('/n?q=a\tb', BASE, chromium)).toBe('https://api.example/n?q=ab');
  });

  it('sends the request to the URL the engine makes', async () => {
    const seen: string[] = [];
    const transport: Transport = { name: 'fixed', send: async (wire) => (seen.push(wire.url), { status: 200, statusText: '', headers: [['access-control-allow-origin', '*']], body: new Uint8Array(0) }) };
    await simulate({ url: 'https://api.example/x^y|z', origin: 'https://app.example' }, { transport, engine: 'chromium' });
    await simulate({ url: 'https://api.example/x^y|z', origin: 'https://app.example' }, { transport, engine: 'firefox' });
    expect(seen).toEqual(['https://api.example/x%5Ey%7Cz', 'https://api.example/x%5Ey|z']);
  });
});
