/**
 * toAllowOrigin, toAllowCredentials and toExposeHeaders on every kind of received response.
 */
import { createServer, get, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import inject from 'light-my-request';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { APP, EVIL, allowListApi } from './apps.js';
import { failureOf } from './helpers.js';

describe('fetch Response', () => {
  it('checks Access-Control-Allow-Origin and -Credentials', () => {
    const res = new Response('{}', { headers: { 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true', vary: 'Origin' } });
    expect(res).toAllowOrigin(APP);
    expect(res).toAllowCredentials(APP);
    expect(res).not.toAllowOrigin(EVIL);
  });

  it('checks exposed headers: safelisted, listed, * without credentials, never set-cookie', () => {
    const res = new Response('{}', {
      headers: [
        ['access-control-allow-origin', '*'],
        ['access-control-expose-headers', '*'],
        ['content-type', 'application/json'],
        ['x-total-count', '1'],
        ['set-cookie', 'a=1'],
      ],
    });
    expect(res).toExposeHeaders(['content-type', 'x-total-count'], { origin: APP });
    expect(res).not.toExposeHeaders('set-cookie', { origin: APP });
    expect(res).not.toExposeHeaders('x-absent', { origin: APP });
  });

  it("'*' in Access-Control-Expose-Headers does not cover a credentialed request", async () => {
    const res = new Response('{}', {
      headers: { 'access-control-allow-origin': APP, 'access-control-allow-credentials': 'true', 'access-control-expose-headers': '*', 'x-total-count': '1' },
    });
    expect(res).toExposeHeaders('x-total-count', { origin: APP });
    const message = await failureOf(() => expect(res).toExposeHeaders('x-total-count', { origin: APP, credentials: 'include' }));
    expect(message).toContain("Access-Control-Expose-Headers: * does not apply to a request with credentials.");
    expect(message).toContain("Fix: List x-total-count by name in Access-Control-Expose-Headers: '*' does not cover requests with credentials.");
  });

  it('repeated Access-Control-Allow-Origin values are blocked', async () => {
    const res = new Response('{}', { headers: [['access-control-allow-origin', APP], ['access-control-allow-origin', APP]] });
    const message = await failureOf(() => expect(res).toAllowOrigin(APP));
    expect(message).toContain('blocked (MultipleAllowOriginValues)');
  });
});

describe('headers records and Headers', () => {
  it('checks a plain record, arrays kept as repeated lines', () => {
    expect({ 'access-control-allow-origin': APP }).toAllowOrigin(APP);
    expect({ 'Access-Control-Allow-Origin': '*', 'Access-Control-Allow-Credentials': 'true' }).not.toAllowCredentials(APP);
    expect({ 'access-control-allow-origin': [APP, APP] }).not.toAllowOrigin(APP);
    expect({}).not.toAllowOrigin(APP);
  });

  it('checks a Headers object', () => {
    expect(new Headers({ 'access-control-allow-origin': APP })).toAllowOrigin(APP);
  });

  it('needs the origin for toExposeHeaders when the response does not know its request', () => {
    expect(() => expect({ 'access-control-allow-origin': '*' }).toExposeHeaders('x-a')).toThrow(InvalidArgumentError);
    expect(() => expect({ 'access-control-allow-origin': '*' }).toExposeHeaders('x-a')).toThrow(/request\.origin: it is missing/);
  });
});

describe('Node IncomingMessage from a real socket', () => {
  let server: Server;
  let base: string;
  beforeAll(async () => {
    server = createServer(allowListApi());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  function fetchRaw(path: string, origin: string): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      get(`${base}${path}`, { headers: { origin } }, (res) => {
        res.resume();
        res.on('end', () => resolve(res));
      }).on('error', reject);
    });
  }

  it('checks the response and knows the Origin its request carried', async () => {
    const ok = await fetchRaw('/items', APP);
    expect(ok).toAllowOrigin(APP);
    expect(ok).toExposeHeaders('x-total-count');
    const bad = await fetchRaw('/items', EVIL);
    const message = await failureOf(() => expect(bad).toAllowOrigin(EVIL));
    expect(message).toContain('blocked (MissingAllowOriginHeader)');
    expect(message).toMatch(/IncomingMessage from http:\/\/127\.0\.0\.1:\d+\/items:/);
  });
});

describe('light-my-request response', () => {
  it('checks the injected response', async () => {
    const res = await inject(allowListApi(), { method: 'GET', url: '/items', headers: { origin: APP } });
    expect(res).toAllowOrigin(APP);
    expect(res).toAllowCredentials(APP);
    expect(res).toExposeHeaders('x-total-count');
    expect(res).not.toExposeHeaders('x-internal');
  });
});

describe('what a response cannot do', () => {
  const res = { 'access-control-allow-origin': '*' };

  it('rejects request options that need a new request', () => {
    expect(() => expect(res).toAllowOrigin(APP, { method: 'PUT' } as never)).toThrow(/request\.method: it has no effect on a response object/);
    expect(() => expect(res).toAllowOrigin(APP, { timeoutMs: 5 } as never)).toThrow(InvalidArgumentError);
  });

  it('target-only matchers say to pass the app instead', async () => {
    await expect(expect(res as unknown).toPassPreflight({ origin: APP })).rejects.toThrow(/toPassPreflight sends its own requests, so it needs a target/);
    await expect(expect(res as unknown).toAllowMethods(['PUT'], { origin: APP })).rejects.toThrow(InvalidArgumentError);
    await expect(expect(res as unknown).toAllowHeaders(['x-a'], { origin: APP })).rejects.toThrow(InvalidArgumentError);
    await expect(expect(res as unknown).toBeBlockedByCors({ origin: APP })).rejects.toThrow(InvalidArgumentError);
  });

  it('honours engine / engines on a response', () => {
    expect(res).toAllowOrigin(APP, { engine: 'firefox' });
    expect(res).toAllowOrigin(APP, { engines: ['chromium', 'webkit', 'spec'] });
  });
});
