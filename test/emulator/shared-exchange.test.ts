/**
 * The shared exchange compares requests in place (`sameWireRequest`); the robustness oracle's `wireKey` says the
 * same thing as a string, written apart from src.
 * The two must agree on every pair: generated requests whose header names vary in case, with engine identity
 * headers (User-Agent, Sec-Fetch-*, ...) mixed in, equal or differing bodies.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameWireRequest } from '../../src/emulator/shared-exchange.js';
import { wireKey } from '../robustness/oracle.js';
import type { WireRequest } from '../../src/types.js';

const NAMES = ['Accept', 'Origin', 'User-Agent', 'user-agent', 'USER-AGENT', 'Sec-Fetch-Site', 'sec-fetch-mode', 'Referer', 'Priority', 'X-Token', 'x-token', 'Pragma', 'Cache-Control', 'sec-ch-ua', 'Sec-CH-UA-Mobile', 'Content-Type', 'Accept-Language', 'accept-languagE', 'Sec-Fetch-Dest', 'sec-ch-ua-platform', 'sec-ch-ua-mobile', 'Sec-Fetch-Mode'];
const header = fc.tuple(fc.constantFrom(...NAMES), fc.constantFrom('a', 'b', '*/*', 'Mozilla/5.0'));
const request = fc.record({
  method: fc.constantFrom('GET', 'PUT', 'OPTIONS'),
  url: fc.constantFrom('https://api.example/a', 'https://api.example/b'),
  headers: fc.array(header, { maxLength: 8 }),
  body: fc.option(fc.uint8Array({ maxLength: 3 }), { nil: null }),
}) as fc.Arbitrary<WireRequest>;

/** `b` as another engine might send it: identity headers added, dropped or changed; everything else kept. */
const variant = (r: WireRequest) =>
  fc.array(header, { maxLength: 3 }).map((extra) => ({
    ...r,
    headers: [...r.headers.filter(([n]) => !/^(user-agent|referer|priority)$/i.test(n)), ...extra.filter(([n]) => /^(user-agent|sec-fetch-site|referer)$/i.test(n))],
  }));

describe('sameWireRequest', () => {
  it('agrees with wireKey on random pairs and on engine variants of one request', () => {
    let same = 0;
    fc.assert(
      fc.property(request, request, (a, b) => {
        expect(sameWireRequest(a, b)).toBe(wireKey(a) === wireKey(b));
      }),
      { seed: 0x5eedc025, numRuns: 2000 },
    );
    fc.assert(
      fc.property(request.chain((a) => fc.tuple(fc.constant(a), variant(a))), ([a, b]) => {
        const expected = wireKey(a) === wireKey(b);
        if (expected) same++;
        expect(sameWireRequest(a, b)).toBe(expected);
      }),
      { seed: 0x5eedc025, numRuns: 2000 },
    );
    // The variants exercise the "same but for identity headers" case, not only differences.
    expect(same).toBeGreaterThan(500);
  });

  it('tells apart a header whose name differs only in case, and bodies that differ in one byte', () => {
    const base: WireRequest = { method: 'PUT', url: 'https://api.example/a', headers: [['X-Token', 'a']], body: new Uint8Array([1, 2]) };
    expect(sameWireRequest(base, { ...base, headers: [['x-token', 'a']] })).toBe(false);
    expect(sameWireRequest(base, { ...base, body: new Uint8Array([1, 3]) })).toBe(false);
    expect(sameWireRequest(base, { ...base, headers: [['User-Agent', 'x'], ['X-Token', 'a'], ['sec-fetch-site', 'cross-site']] })).toBe(true);
  });
});
