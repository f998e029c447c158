// toMatchCorsPolicy: what it catches (look-alikes, methods, headers, credentials, Vary, max-age, exposed headers,
// error responses), on real Koa, Fastify and Hono apps and a live server read through an OpenAPI document; how
// many requests it makes; argument errors and a server that does not answer.
import Router from '@koa/router';
import koaCors from '@koa/cors';
import Fastify from 'fastify';
import fastifyCors from '@fastify/cors';
import * as http from 'node:http';
import Koa from 'koa';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { defineCorsPolicy, InvalidArgumentError } from '../../src/index.js';
import { corsHandler } from '../../src/mock/index.js';
import { expressApp } from '../../examples/policy/backend.mjs';
import { listen } from '../cli/helpers.js';
import '../../src/vitest.js';

const policy = defineCorsPolicy({ origins: ['https://app.example'], methods: ['GET', 'PUT'], headers: ['content-type'], credentials: true, exposeHeaders: ['x-total-count'], maxAge: 600 });

async function failure(assertion: Promise<unknown>): Promise<string> {
  const error = await assertion.then(
    () => null,
    (e: unknown) => e,
  );
  if (!(error instanceof Error)) throw new Error('expected the assertion to fail, and it passed');
  return stripVTControlCharacters(error.message);
}

/** A hand-written server: the policy's answers, with one thing changed. */
function server(change: { vary?: boolean; expose?: string; maxAge?: string; credentialsAlways?: boolean; reflect?: boolean }) {
  return (request: Request): Response => {
    const origin = request.headers.get('origin');
    const allowed = origin !== null && (change.reflect || origin === 'https://app.example');
    const headers = new Headers();
    if (change.vary !== false) headers.set('vary', 'Origin');
    if (allowed) headers.set('access-control-allow-origin', origin);
    if (allowed || change.credentialsAlways) headers.set('access-control-allow-credentials', 'true');
    if (request.method === 'OPTIONS' && request.headers.has('access-control-request-method')) {
      headers.set('access-control-allow-methods', 'GET, PUT');
      headers.set('access-control-allow-headers', 'content-type');
      if (change.maxAge !== '') headers.set('access-control-max-age', change.maxAge ?? '600');
      return new Response(null, { status: 204, headers });
    }
    headers.set('access-control-expose-headers', change.expose ?? 'x-total-count');
    return new Response('[]', { headers });
  };
}

describe('what toMatchCorsPolicy catches', () => {
  it('passes on a server that answers as the policy says', async () => {
    await expect(server({})).toMatchCorsPolicy(policy, { routes: ['/items'] });
  });

  it.each([
    [{ vary: false }, '✗ every response carries Vary: Origin (the answer depends on the Origin): no Vary header', "Fix: Add 'Vary: Origin' to every response of this route"],
    [{ expose: 'x-total-count, x-internal' }, '✗ Access-Control-Expose-Headers lists only what the policy exposes: it also exposes x-internal', 'Fix: Leave x-internal out of Access-Control-Expose-Headers (the policy exposes x-total-count).'],
    [{ expose: '' }, '✗ Access-Control-Expose-Headers lists x-total-count: Access-Control-Expose-Headers: (empty)', 'Fix: Add x-total-count to Access-Control-Expose-Headers.'],
    [{ maxAge: '7200' }, '✗ preflight answers carry Access-Control-Max-Age: 600: Access-Control-Max-Age: 7200', "Fix: Send 'Access-Control-Max-Age: 600' on preflight answers."],
    [{ reflect: true }, '✗ https://evilapp.example is refused (prefix look-alike of https://app.example): allowed in chromium', "Fix: Stop answering Origin https://evilapp.example with 'Access-Control-Allow-Origin: https://evilapp.example'"],
    [{ reflect: true }, '✗ null is refused (the opaque origin of sandboxed iframes and file: pages): allowed in chromium', 'match the Origin exactly against the policy'],
    [{ reflect: true }, '✗ a preflight from https://evil.example for PUT is refused: allowed in chromium', 'Answer preflights from origins outside the policy without Access-Control-Allow-Origin'],
  ])('%o: %s', async (change, line, fix) => {
    const message = await failure(expect(server(change)).toMatchCorsPolicy(policy, { routes: ['/items'], engine: 'chromium' }));
    expect(message).toContain(line);
    expect(message).toContain(fix);
  });

  it('credentials the policy does not allow, methods and headers outside it', async () => {
    const open = defineCorsPolicy({ origins: ['https://app.example'], methods: ['GET'] });
    const api = corsHandler(defineCorsPolicy({ origins: ['https://app.example'], methods: ['GET', 'DELETE'], headers: '*', credentials: true }), () => Response.json({}));
    const message = await failure(expect(api).toMatchCorsPolicy(open, { routes: ['/items'], engines: ['chromium', 'firefox'] }));
    expect(message).toContain('✗ requests with credentials from https://app.example are refused (credentials: false): allowed in chromium, firefox');
    expect(message).toContain("Fix: Do not send 'Access-Control-Allow-Credentials: true': the policy does not allow credentials.");
    expect(message).toContain('✗ DELETE is refused (not in the policy\'s methods): allowed in chromium, firefox');
    expect(message).toContain('The DELETE after the preflight was not sent: it is judged by its preflight.');
    expect(message).toContain("✗ request header authorization is refused (not in the policy's headers): allowed in chromium, firefox");
    expect(message).toContain('✗ request header x-corsproof-unlisted is refused');
  });

  it('a real Koa app whose origin function trusts every subdomain, on every route of its router', async () => {
    const app = new Koa();
    app.use(koaCors({ origin: (ctx) => (/\.?app\.example$/.test(ctx.get('Origin')) ? ctx.get('Origin') : ''), allowMethods: ['GET', 'PUT'], allowHeaders: ['content-type'], exposeHeaders: ['x-total-count'], credentials: true, maxAge: 600 }));
    const router = new Router();
    router.get('/items', (ctx) => (ctx.body = []));
    router.put('/items/:id', (ctx) => (ctx.body = {}));
    app.use(router.routes());
    const message = await failure(expect(app).toMatchCorsPolicy(policy, { engine: 'firefox' }));
    expect(message).toContain('Expected: every route (read from the Koa router) to answer as the policy says, in firefox');
    // Both routes answer alike, so the look-alike origins are probed on the first one only.
    expect(message).toContain('Received: 3 deviations on 1 of 2 routes');
    expect(message).toContain('GET, HEAD /items: 3 deviations');
    // The RegExp has no ^: the http: page of the app passes too.
    expect(message).toContain('✗ http://app.example is refused (other scheme of https://app.example): allowed in firefox');
    expect(message).toContain('✗ https://evilapp.example is refused (prefix look-alike of https://app.example): allowed in firefox');
    expect(message).toContain('✗ https://evil.app.example is refused (subdomain of https://app.example): allowed in firefox');
    expect(message).not.toContain('app.example.evil.example is refused');
  });

  it('look-alike origins run once per group of routes that answer alike, and on every route that answers differently', async () => {
    const express = (await import('express')).default;
    const cors = (await import('cors')).default;
    const app = express();
    const exact = cors({ origin: 'https://app.example', methods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposedHeaders: ['x-total-count'], credentials: true, maxAge: 600 });
    const sloppy = cors({ origin: /app\.example/, methods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposedHeaders: ['x-total-count'], credentials: true, maxAge: 600 });
    app.use(['/a', '/b'], exact);
    app.use('/legacy', sloppy);
    app.get(['/a', '/b', '/legacy'], (req, res) => res.json([]));
    const seen = new Map<string, Set<string>>();
    const counting = (req: http.IncomingMessage, res: http.ServerResponse) => {
      const path = (req.url ?? '').split('?')[0];
      if (!seen.has(path)) seen.set(path, new Set());
      seen.get(path)!.add(String(req.headers.origin));
      app(req, res);
    };
    const message = await failure(expect(counting).toMatchCorsPolicy(policy, { routes: ['/a', '/b', '/legacy'], engine: 'chromium' }));
    expect(seen.get('/a')).toContain('https://evilapp.example');
    expect(seen.get('/b')).not.toContain('https://evilapp.example');
    expect(seen.get('/legacy')).toContain('https://evilapp.example');
    expect(message).toContain('Received: 5 deviations on 1 of 3 routes');
    expect(message).toContain('/legacy: 5 deviations');
    expect(message).toContain('✗ https://app.example.evil.example is refused (suffix look-alike of https://app.example): allowed in chromium');
  });

  it('a real Fastify app whose route errors lose the CORS headers', async () => {
    const app = Fastify();
    await app.register(fastifyCors, { origin: 'https://app.example', methods: ['GET', 'PUT'], allowedHeaders: ['content-type'], exposedHeaders: ['x-total-count'], credentials: true, maxAge: 600 });
    app.get('/items', async () => []);
    app.get('/broken', async (req, reply) => {
      reply.removeHeader('access-control-allow-origin');
      return reply.code(500).send({ error: 'boom' });
    });
    const message = await failure(expect(app).toMatchCorsPolicy(policy, { engine: 'webkit' }));
    expect(message).toContain('Received: 1 deviation on 1 of 2 routes');
    expect(message).toContain('✗ https://app.example may read GET /broken with credentials: blocked in webkit (MissingAllowOriginHeader)');
    expect(message).toContain('< 500 Internal Server Error');
    // @fastify/cors answers every origin with the same Access-Control-Allow-Origin: no Vary: Origin is needed.
    expect(message).not.toContain('Vary: Origin');
    await app.close();
  });

  it('a live server, its routes read from an OpenAPI document; only GET, HEAD and preflights are sent to a URL', async () => {
    const methods = new Set<string>();
    const app = expressApp();
    const running = await listen(http.createServer((req, res) => {
      methods.add(req.method ?? '');
      app(req, res);
    }));
    try {
      const examplePolicy = defineCorsPolicy(JSON.parse(await import('node:fs').then((fs) => fs.readFileSync(new URL('../../examples/policy/cors.policy.json', import.meta.url), 'utf8'))));
      await expect(running.url).toMatchCorsPolicy(examplePolicy, { openapi: fileURLToPath(new URL('../../examples/policy/openapi.yaml', import.meta.url)), engine: 'chromium' });
      expect([...methods].sort()).toEqual(['GET', 'OPTIONS']);
    } finally {
      await running.close();
    }
  });
});

describe('how many requests', () => {
  it('each distinct request is sent once for all engines, and a route costs a bounded number of them', async () => {
    const seen: string[] = [];
    const api = corsHandler(policy, () => Response.json([]));
    const counting = (request: Request) => {
      const h = request.headers;
      seen.push([request.method, request.url, h.get('origin'), h.get('access-control-request-method'), h.get('access-control-request-headers'), h.get('content-type')].join(' '));
      return api(request);
    };
    await expect(counting).toMatchCorsPolicy(policy, { routes: ['/items', '/items/:id'] });
    const distinct = new Set(seen);
    // (Unless the suite runs with every engine on its own, as npm test runs the matcher suites once.)
    if (process.env.CORSPROOF_ENGINES_SEPARATELY !== '1') expect(seen.length).toBe(distinct.size);
    // Two routes: allowed origin, methods, header, error path, a foreign site, null, six look-alikes, a
    // foreign preflight, refused methods and headers, credentials.
    expect(seen.length).toBeLessThanOrEqual(2 * 30);
  });
});

describe('argument errors and no answer', () => {
  it.each([
    [() => expect(server({})).not.toMatchCorsPolicy(policy), 'Invalid expect(target).not.toMatchCorsPolicy: .not is not supported'],
    [() => expect(server({})).toMatchCorsPolicy('cors.policy.json' as never), 'Invalid toMatchCorsPolicy policy: expected a policy'],
    [() => expect(server({})).toMatchCorsPolicy({ origins: ['https://app.example'], methods: ['TRACE'] }), 'Invalid toMatchCorsPolicy policy.methods[0]: TRACE is a forbidden method'],
    [() => expect(server({})).toMatchCorsPolicy(policy, { route: ['/x'] } as never), 'Invalid toMatchCorsPolicy options.route: unknown option'],
    [() => expect(server({})).toMatchCorsPolicy(policy, { openapi: 'missing.yaml' }), "Invalid toMatchCorsPolicy options.openapi: 'missing.yaml' does not exist"],
    [() => expect(server({})).toMatchCorsPolicy({ origins: [(o: string) => o.endsWith('.example')] }, { routes: ['/'] }), 'Invalid policy.origins: a predicate allows origins corsproof cannot guess'],
    [() => expect({ 'access-control-allow-origin': '*' }).toMatchCorsPolicy(policy as never), 'toMatchCorsPolicy sends its own requests, so it needs a target'],
  ])('%#: %s', async (run, text) => {
    const error = await run().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as Error).message).toContain(text);
  });

  it('a server that hangs on preflights: a verdict per probe, within the timeout, not a hung test', async () => {
    const sockets = new Set<import('node:net').Socket>();
    const hanging = http.createServer((req, res) => {
      if (req.method === 'OPTIONS') return; // never answers
      res.setHeader('access-control-allow-origin', 'https://app.example');
      res.setHeader('vary', 'Origin');
      res.end('[]');
    });
    hanging.on('connection', (s) => sockets.add(s));
    const running = await listen(hanging);
    const started = Date.now();
    try {
      const message = await failure(expect(running.url).toMatchCorsPolicy(defineCorsPolicy({ origins: ['https://app.example'], methods: ['GET', 'PUT'] }), { routes: ['/items'], timeoutMs: 300, engine: 'chromium' }));
      expect(message).toContain('✗ https://app.example may send PUT /items: no answer (Timeout) in chromium');
      expect(message).toContain('Fix: Make the server answer this request');
      expect(Date.now() - started).toBeLessThan(8000);
    } finally {
      for (const s of sockets) s.destroy();
      await running.close();
    }
  });

  it('a server that does not answer fails the assertion, after one probe', async () => {
    const closed = await listen(http.createServer());
    const url = closed.url;
    await closed.close();
    const started = Date.now();
    const message = await failure(expect(url).toMatchCorsPolicy(policy, { routes: ['/items', '/items/:id'] }));
    expect(message).toContain('Received: no answer: the server could not be reached, so nothing was checked');
    expect(message).toContain('✗ https://app.example may read GET /items with credentials: no answer (NetworkError) in chromium, firefox, webkit');
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
