/**
 * The `policy` option of createCorsFetch (and corsRoute, in test/playwright/route.test.ts): any target, however
 * it answers CORS itself, answers the page as a correct server with the policy would. Preflights never reach the
 * target; its status and body stay; its own CORS headers give way to the policy's.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { createCorsFetch } from '../../src/mock/cors-fetch.js';
import { defineCorsPolicy } from '../../src/policy/define.js';
import type { CorsFetchError } from '../../src/mock/cors-fetch.js';

const PAGE = 'https://app.example';
const policy = defineCorsPolicy({ origins: [PAGE], methods: ['GET', 'PUT'], headers: ['content-type'], credentials: true, exposeHeaders: ['x-total'] });

function app(seen: string[]): Hono {
  const hono = new Hono();
  hono.all('*', (c) => {
    seen.push(c.req.method);
    // A backend that gets CORS wrong: it lets every origin in, without credentials, and exposes nothing.
    c.header('access-control-allow-origin', '*');
    c.header('x-total', '2');
    return c.json({ path: new URL(c.req.url).pathname }, c.req.method === 'PUT' ? 201 : 200);
  });
  return hono;
}

const silent = () => undefined;

describe('createCorsFetch({ policy })', () => {
  it('answers as the policy says, whatever the app sends: credentials, exposed headers, the preflight', async () => {
    const seen: string[] = [];
    const target = app(seen);
    const without = createCorsFetch({ origin: PAGE, target, onBlocked: silent });
    const blocked = await without('https://api.example/me', { credentials: 'include' }).catch((e: CorsFetchError) => e);
    expect((blocked as CorsFetchError).verdict.reason?.code).toBe('WildcardOriginNotAllowed');

    const corsFetch = createCorsFetch({ origin: PAGE, target, policy, onBlocked: silent });
    const read = await corsFetch('https://api.example/me', { credentials: 'include' });
    expect([read.status, read.headers.get('x-total'), await read.json()]).toEqual([200, '2', { path: '/me' }]);
    seen.length = 0;
    const put = await corsFetch('https://api.example/items/1', { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(put.status).toBe(201);
    // The preflight was answered by the policy: only the PUT reached the app.
    expect(seen).toEqual(['PUT']);
  });

  it('refuses what the policy refuses, even where the app would allow it', async () => {
    const corsFetch = createCorsFetch({ origin: PAGE, target: app([]), policy, onBlocked: silent });
    const error = (await corsFetch('https://api.example/items/1', { method: 'DELETE' }).catch((e: CorsFetchError) => e)) as CorsFetchError;
    expect(error).toBeInstanceOf(TypeError);
    expect(error.verdict.reason?.code).toBe('MethodDisallowedByPreflightResponse');
    const stranger = createCorsFetch({ origin: 'https://evil.example', target: app([]), policy, onBlocked: silent });
    expect(((await stranger('https://api.example/me').catch((e: CorsFetchError) => e)) as CorsFetchError).verdict.reason?.code).toBe('MissingAllowOriginHeader');
  });

  describe('on a real server', () => {
    const server = http.createServer((req, res) => {
      res.writeHead(req.method === 'OPTIONS' ? 500 : 200, { 'content-type': 'text/plain' });
      res.end(`${req.method} answered`);
    });
    let base = '';
    beforeAll(async () => {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it('a URL target gets the policy too', async () => {
      const corsFetch = createCorsFetch({ origin: PAGE, target: base, policy, onBlocked: silent });
      const res = await corsFetch(`${base}/items/1`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
      expect([res.status, await res.text()]).toEqual([200, 'PUT answered']);
    });
  });

  it('refuses something that is no policy, naming the option', () => {
    let error: unknown;
    try {
      createCorsFetch({ origin: PAGE, target: app([]), policy: 'https://app.example' as never });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('options.policy');
  });
});
