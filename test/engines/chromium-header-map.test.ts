import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { caseFoldingHash, chromiumHeaderCheckOrder, chromiumHeaderMapKeys, headerMapOrder } from '../../src/engines/chromium-header-map.js';
import { simulate } from '../../src/simulate.js';
import type { Transport } from '../../src/types.js';

interface RecordedRequest {
  id: string;
  /** The page's header names, in the order it set them. */
  headers: string[];
  /** Whether the request had a (text) body, which gives it a Content-Type. */
  body: boolean;
  /** Every header name of the actual request, in the order the server received them. */
  wireOrder: string[];
}

const recorded = JSON.parse(readFileSync(new URL('./fixtures/chromium-header-map-order.json', import.meta.url), 'utf8')) as { requests: RecordedRequest[] };
const URL_ = 'http://127.0.0.1:41001/s/o/0';

describe("Chromium's header map order", () => {
  it('is the order of every recorded request on the wire, for the keys the map holds', () => {
    expect(recorded.requests.length).toBe(202);
    for (const r of recorded.requests) {
      const page: Array<[string, string]> = r.headers.map((name) => [name, '1']);
      if (r.body && !r.headers.some((n) => n.toLowerCase() === 'content-type')) page.push(['content-type', 'text/plain;charset=UTF-8']);
      const keys = chromiumHeaderMapKeys(page, URL_);
      const onWire = r.wireOrder.filter((name) => keys.includes(name));
      expect({ id: r.id, order: headerMapOrder(keys) }).toEqual({ id: r.id, order: onWire });
    }
  });

  it('keeps every key once, whatever the number of keys (the table grows and moves them)', () => {
    for (let size = 0; size <= 70; size++) {
      const keys = Array.from({ length: size }, (_, k) => `x-${k * 7919}`);
      const order = headerMapOrder(keys);
      expect(order).toHaveLength(size);
      expect(new Set(order)).toEqual(new Set(keys));
    }
  });

  it('hashes names case-insensitively, to 24 bits, never 0', () => {
    expect(caseFoldingHash('X-Zeta')).toBe(caseFoldingHash('x-zeta'));
    for (const name of ['a', 'x-a', 'authorization', 'x-requested-with', 'a'.repeat(17), 'a'.repeat(49), 'a'.repeat(100)]) {
      const hash = caseFoldingHash(name);
      expect(hash).toBeGreaterThan(0);
      expect(hash).toBeLessThan(2 ** 24);
    }
  });

  it('holds the UA client hints only for a request to a potentially trustworthy URL', () => {
    expect(chromiumHeaderMapKeys([['X-B', '1'], ['x-a', '1']], 'https://api.example/')).toEqual(['x-a', 'x-b', 'sec-ch-ua', 'sec-ch-ua-mobile', 'sec-ch-ua-platform', 'user-agent']);
    expect(chromiumHeaderMapKeys([['x-a', '1']], 'http://api.example/')).toEqual(['x-a', 'user-agent']);
  });

  it('names the header the recorded Chromium named: x-zeta before authorization, whatever the page order', () => {
    for (const headers of [[['x-zeta', '1'], ['authorization', '1']], [['authorization', '1'], ['x-zeta', '1']]] as Array<Array<[string, string]>>) {
      expect(chromiumHeaderCheckOrder(headers, URL_).map(([printed]) => printed)).toEqual(['x-zeta', 'authorization']);
    }
  });
});

describe('the emulator names the header in that order', () => {
  const transport: Transport = {
    name: 'fixed',
    send: async (wire) =>
      wire.method === 'OPTIONS'
        ? { status: 204, statusText: '', headers: [['access-control-allow-origin', 'http://127.0.0.1:41000'], ['access-control-allow-headers', 'x-allowed']], body: new Uint8Array(0) }
        : { status: 200, statusText: '', headers: [['access-control-allow-origin', 'http://127.0.0.1:41000']], body: new Uint8Array(0) },
  };
  const request = { url: URL_, origin: 'http://127.0.0.1:41000', headers: { authorization: '1', 'x-zeta': '1' } };

  it('Chromium: its header map order', async () => {
    const verdict = await simulate(request, { transport, engine: 'chromium' });
    expect(verdict.reason?.failedParameter).toBe('x-zeta');
  });

  it('the standard: sorted order', async () => {
    const verdict = await simulate(request, { transport, engine: 'spec' });
    expect(verdict.reason?.failedParameter).toBe('authorization');
  });
});
