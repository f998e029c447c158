/**
 * Fetch handlers (functions and objects with fetch: Hono, itty-router) and MSW handlers run in-process: what
 * the handler receives, what comes back, and the choice for requests no MSW handler answers.
 */
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import { graphql, http as mswHttp, HttpResponse, passthrough } from 'msw';
import { describe, expect, test } from 'vitest';
import { TransportError } from '../../src/errors.js';
import { simulate } from '../../src/simulate.js';
import { fromFetchHandler, fromMswHandlers, toTransport } from '../../src/transports/index.js';
import type { Transport, WireRequest } from '../../src/types.js';
import { header, preflightRequest, send } from './fixtures/exchange-table.js';
import { APP } from './fixtures/policies.js';

const ctx = () => ({ signal: new AbortController().signal });

async function failure(transport: Transport, request: WireRequest): Promise<TransportError> {
  const error = await transport.send(request, ctx()).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

describe('fetch handlers', () => {
  test('the handler gets a Request with the URL, method, headers and body; repeated Set-Cookie comes back one by one', async () => {
    let seen: { url: string; method: string; trace: string | null; body: string; redirect: RequestRedirect } | undefined;
    const transport = fromFetchHandler(async (request) => {
      seen = { url: request.url, method: request.method, trace: request.headers.get('x-trace'), body: await request.text(), redirect: request.redirect };
      const headers = new Headers([['Access-Control-Allow-Origin', APP]]);
      headers.append('Set-Cookie', 'a=1');
      headers.append('Set-Cookie', 'b=2');
      return new Response('ok', { status: 201, statusText: 'Made', headers });
    });
    const response = await transport.send(
      { method: 'POST', url: 'https://api.example/x?q=1', headers: [['X-Trace', 'one'], ['X-Trace', 'two']], body: new TextEncoder().encode('hi') },
      ctx(),
    );
    expect(seen).toEqual({ url: 'https://api.example/x?q=1', method: 'POST', trace: 'one, two', body: 'hi', redirect: 'manual' });
    expect([response.status, response.statusText]).toEqual([201, 'Made']);
    expect(response.headers.filter(([n]) => n === 'set-cookie').map(([, v]) => v)).toEqual(['a=1', 'b=2']);
  });

  test('a handler that throws, or returns something else than a Response: a handler error saying so', async () => {
    const wire: WireRequest = { method: 'GET', url: 'https://api.example/', headers: [], body: null };
    const thrown = await failure(
      fromFetchHandler(() => {
        throw new RangeError('bad');
      }),
      wire,
    );
    expect([thrown.kind, thrown.message]).toEqual(['handler', 'The fetch handler threw: RangeError: bad']);
    const wrong = await failure(fromFetchHandler((() => ({ status: 200 })) as never), wire);
    expect(wrong.message).toMatch(/returned \[object Object\] instead of a Response/);
  });

  test('the name given as second argument is kept (compatible signature)', () => {
    expect(fromFetchHandler(() => new Response(), 'my-api').name).toBe('my-api');
    expect(fromFetchHandler(() => new Response(), { name: 'mine', baseUrl: 'http://localhost:8787' })).toMatchObject({
      name: 'mine',
      baseUrl: 'http://localhost:8787',
    });
  });

  test('a Hono app (object with fetch) and its hono/cors middleware, end to end', async () => {
    const app = new Hono();
    app.use('*', honoCors({ origin: [APP], allowHeaders: ['X-Api-Key'], credentials: true }));
    app.put('/x', (c) => c.text('put'));
    const transport = toTransport(app);
    const allowed = await simulate({ url: '/x', origin: APP, method: 'PUT', headers: { 'X-Api-Key': 'k' }, credentials: 'include' }, { transport });
    expect(allowed.allowed).toBe(true);
    expect(allowed.response?.text()).toBe('put');
    const refused = await simulate({ url: '/x', origin: 'https://evil.example', method: 'PUT', headers: { 'X-Api-Key': 'k' } }, { transport });
    expect(refused.reason?.code).toBe('PreflightMissingAllowOriginHeader');
  });
});

describe('MSW handlers', () => {
  test('relative and absolute handler URLs both resolve against the base URL', async () => {
    const transport = fromMswHandlers(
      [mswHttp.get('/relative', () => HttpResponse.text('rel')), mswHttp.get('https://api.example/absolute', () => HttpResponse.text('abs'))],
      {},
    );
    for (const [path, body] of [['/relative', 'rel'], ['/absolute', 'abs']]) {
      const response = await send(transport, { method: 'GET', url: `https://api.example${path}`, headers: [], body: null });
      expect(new TextDecoder().decode(response.body)).toBe(body);
    }
    const moved = fromMswHandlers([mswHttp.get('/relative', () => HttpResponse.text('rel'))], { baseUrl: 'http://localhost:5173' });
    const response = await send(moved, { method: 'GET', url: 'http://localhost:5173/relative', headers: [], body: null });
    expect(new TextDecoder().decode(response.body)).toBe('rel');
  });

  test('path parameters, request headers and bodies reach the resolver', async () => {
    const transport = toTransport([
      mswHttp.post('/users/:id', async ({ params, request }) =>
        HttpResponse.json({ id: params.id, origin: request.headers.get('origin'), body: await request.json() }, { headers: { 'Access-Control-Allow-Origin': APP } }),
      ),
    ]);
    const verdict = await simulate(
      { url: '/users/7', origin: APP, method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: '{"x":1}' },
      { transport },
    );
    expect(verdict.allowed).toBe(true);
    expect(JSON.parse(verdict.response?.text() ?? '')).toEqual({ id: '7', origin: APP, body: { x: 1 } });
  });

  test('an unmatched preflight gets a bare 404 by default: the mocks are treated as the server', async () => {
    const transport = toTransport([mswHttp.put('/x', () => HttpResponse.text('put', { headers: { 'Access-Control-Allow-Origin': '*' } }))]);
    const response = await send(transport, preflightRequest(transport, APP));
    expect(response).toEqual({ status: 404, statusText: 'Not Found', headers: [], body: new Uint8Array(0) });
    const verdict = await simulate({ url: '/x', origin: APP, method: 'PUT', headers: { 'X-Api-Key': 'k' } }, { transport });
    expect(verdict.reason?.code).toBe('PreflightMissingAllowOriginHeader');
    expect(verdict.reason?.preflight).toBe(true);
  });

  test('onUnhandledRequest: "error" makes an unmatched request a network error naming it', async () => {
    const transport = toTransport([mswHttp.get('/x', () => HttpResponse.text('ok'))], { onUnhandledRequest: 'error' });
    const error = await failure(transport, preflightRequest(transport, APP));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/No MSW handler answered OPTIONS https:\/\/api\.example\/x\. Add one \(for a preflight: http\.options/);
    const verdict = await simulate({ url: '/x', origin: APP, method: 'PUT' }, { transport });
    expect(verdict.reason?.code).toBe('NetworkError');
  });

  test('passthrough() counts as unhandled (there is no network behind the mocks)', async () => {
    const transport = toTransport([mswHttp.get('/x', () => passthrough())]);
    const response = await send(transport, { method: 'GET', url: 'https://api.example/x', headers: [], body: null });
    expect(response.status).toBe(404);
  });

  test('HttpResponse.error() is a network error; a throwing resolver a handler error; a thrown Response is the answer', async () => {
    const wire: WireRequest = { method: 'GET', url: 'https://api.example/x', headers: [], body: null };
    expect((await failure(toTransport([mswHttp.get('/x', () => HttpResponse.error())]), wire)).kind).toBe('network');
    const thrown = await failure(
      toTransport([
        mswHttp.get('/x', () => {
          throw new Error('resolver broke');
        }),
      ]),
      wire,
    );
    expect(thrown.kind).toBe('handler');
    expect(thrown.message).toMatch(/An MSW handler threw for GET https:\/\/api\.example\/x: Error: resolver broke/);
    const response = await send(
      toTransport([
        mswHttp.get('/x', () => {
          throw HttpResponse.text('teapot', { status: 418 });
        }),
      ]),
      wire,
    );
    expect(response.status).toBe(418);
  });

  test('once() handlers are used once, like under setupServer', async () => {
    const transport = toTransport([mswHttp.get('/x', () => HttpResponse.text('first'), { once: true }), mswHttp.get('/x', () => HttpResponse.text('later'))]);
    const wire: WireRequest = { method: 'GET', url: 'https://api.example/x', headers: [], body: null };
    const bodies = [];
    for (let i = 0; i < 2; i++) bodies.push(new TextDecoder().decode((await send(transport, wire)).body));
    expect(bodies).toEqual(['first', 'later']);
  });

  test('GraphQL handlers answer too', async () => {
    const transport = toTransport([
      graphql.query('Me', () => HttpResponse.json({ data: { me: 'you' } }, { headers: { 'Access-Control-Allow-Origin': APP } })),
    ]);
    const verdict = await simulate(
      {
        url: '/graphql',
        origin: APP,
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ query: 'query Me { me }' }),
      },
      { transport },
    );
    // application/json is not a safelisted content type: preflight, which no handler answers.
    expect(verdict.reason?.code).toBe('PreflightMissingAllowOriginHeader');
    const simple = await send(transport, {
      method: 'POST',
      url: 'https://api.example/graphql',
      headers: [['Content-Type', 'application/json']],
      body: new TextEncoder().encode(JSON.stringify({ query: 'query Me { me }' })),
    });
    expect(header(simple, 'access-control-allow-origin')).toBe(APP);
    expect(JSON.parse(new TextDecoder().decode(simple.body))).toEqual({ data: { me: 'you' } });
  });
});
