/**
 * Type test (compiled by `npm run typecheck`, and against the built package by types.test.ts): the matchers as
 * Vitest users write them, and misuse the compiler must reject.
 */
import express from 'express';
import { Hono } from 'hono';
import request from 'supertest';
import { expect, test } from 'vitest';
import '../../src/vitest.js';

const app = express();
const origin = 'https://app.example';

test('targets are awaited', async () => {
  const pending: Promise<void> = expect(app).toAllowOrigin(origin);
  await pending;
  await expect(app).toAllowOrigin(origin, { url: '/items', method: 'PUT', headers: { 'x-a': '1' }, credentials: 'include', engines: ['chromium', 'firefox'] });
  await expect(new Hono()).not.toAllowOrigin('https://evil.example', { engine: 'webkit', baseUrl: 'https://api.example', timeoutMs: 500 });
  await expect('http://127.0.0.1:3000').toAllowCredentials(origin);
  await expect(new URL('http://127.0.0.1:3000')).toExposeHeaders(['x-total-count'], { origin });
  await expect(app).toPassPreflight({ origin, method: 'DELETE' });
  await expect(app).toAllowMethods(['PUT', 'DELETE'], { origin, url: '/items' });
  await expect(app).toAllowMethods('PATCH', { origin });
  await expect(app).toAllowHeaders(['authorization'], { origin });
  await expect(app).toAllowHeaders({ 'content-type': 'application/json' }, { origin });
  await expect(app).toBeBlockedByCors({ origin });
  await expect(app).not.toBeBlockedByCors('AllowOriginMismatch', { origin });
  await expect(app).toMatchCorsPolicy({ origins: [origin], methods: ['GET', 'PUT'], routes: { '/admin/*': { credentials: true } } });
  await expect(app).toMatchCorsPolicy({ origins: '*' }, { routes: ['/items/:id'], params: { id: 'it-42' }, engines: ['chromium'], actualRequests: 'safe' });

  // @ts-expect-error on a target the matcher is asynchronous: its result is a promise, not void
  const notAwaited: void = expect(app).toAllowOrigin(origin);
  void notAwaited;
});

test('responses are checked synchronously', async () => {
  const res = await request(app).get('/').set('Origin', origin);
  const done: void = expect(res).toAllowOrigin(origin);
  void done;
  expect(res).toAllowCredentials(origin);
  expect(res).not.toExposeHeaders('x-internal');
  expect(new Response()).toAllowOrigin(origin, { credentials: 'include', engine: 'firefox' });
  expect({ 'access-control-allow-origin': '*' }).toAllowOrigin(origin);
});

test('misuse does not compile', async () => {
  const res = await request(app).get('/');
  // @ts-expect-error the origin is a string
  await expect(app).toAllowOrigin(42);
  // @ts-expect-error toPassPreflight needs the origin in its request
  await expect(app).toPassPreflight({ method: 'PUT' });
  // @ts-expect-error toAllowMethods needs a request with the origin
  await expect(app).toAllowMethods(['PUT']);
  // @ts-expect-error on a target toExposeHeaders needs a request with the origin
  await expect(app).toExposeHeaders('x-total-count');
  // @ts-expect-error reason codes are checked
  await expect(app).toBeBlockedByCors('NoSuchReason', { origin });
  // @ts-expect-error engine names are checked
  await expect(app).toAllowOrigin(origin, { engine: 'edge' });
  // @ts-expect-error unknown request options are rejected
  await expect(app).toAllowOrigin(origin, { header: { 'x-a': '1' } });
  // @ts-expect-error a received response cannot take options that need a new request
  expect(res).toAllowOrigin(origin, { method: 'PUT' });
  // @ts-expect-error matchers that send their own requests do not take a response
  await expect(res).toPassPreflight({ origin, method: 'PUT' });
  // @ts-expect-error matchers that send their own requests do not take a response
  await expect(res).toAllowMethods(['PUT'], { origin });
  // @ts-expect-error toMatchCorsPolicy takes a target, not a response
  await expect(res).toMatchCorsPolicy({ origins: [origin] });
  // @ts-expect-error a policy needs its origins
  await expect(app).toMatchCorsPolicy({ methods: ['GET'] });
  // @ts-expect-error unknown options are rejected
  await expect(app).toMatchCorsPolicy({ origins: [origin] }, { route: ['/items'] });
});
