/**
 * In-process Node targets: the app sees a genuine request (method, path, headers in order, body, Host, TLS
 * flag, peer address) and its response comes back as a socket would deliver it. And it leaves the process as
 * it found it: an Express app tested in-process still works with supertest afterwards.
 */
import connect from 'connect';
import cors from 'cors';
import express from 'express';
import Fastify from 'fastify';
import Koa from 'koa';
import * as http from 'node:http';
import request from 'supertest';
import { describe, expect, test } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { fromNodeHandler, toTransport } from '../../src/transports/index.js';
import type { WireRequest } from '../../src/types.js';
import { header, send } from './fixtures/exchange-table.js';
import { APP } from './fixtures/policies.js';

interface Seen {
  method?: string;
  url?: string;
  rawHeaders?: string[];
  body?: string;
  encrypted?: boolean;
  remoteAddress?: string;
}

function recorder(seen: Seen, answer: (res: http.ServerResponse) => void = (res) => res.end('ok')): http.RequestListener {
  return (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      Object.assign(seen, {
        method: req.method,
        url: req.url,
        rawHeaders: req.rawHeaders,
        body: Buffer.concat(chunks).toString(),
        encrypted: (req.socket as { encrypted?: boolean }).encrypted === true,
        remoteAddress: req.socket.remoteAddress,
      });
      answer(res);
    });
  };
}

const ctx = () => ({ signal: new AbortController().signal });

describe('what the app receives', () => {
  test('method, path and query, headers in order with case and repeats, Host from the URL, the body', async () => {
    const seen: Seen = {};
    const wire: WireRequest = {
      method: 'POST',
      url: 'https://api.example/items?page=2',
      headers: [
        ['Origin', APP],
        ['X-Trace', 'one'],
        ['content-type', 'application/json'],
        ['X-Trace', 'two'],
      ],
      body: new TextEncoder().encode('{"a":1}'),
    };
    await fromNodeHandler(recorder(seen)).send(wire, ctx());
    expect(seen.method).toBe('POST');
    expect(seen.url).toBe('/items?page=2');
    expect(seen.body).toBe('{"a":1}');
    const names = (seen.rawHeaders ?? []).filter((_, i) => i % 2 === 0);
    const pairs = names.map((name, i) => [name, seen.rawHeaders?.[i * 2 + 1]]);
    expect(pairs.slice(0, 5)).toEqual([
      ['Host', 'api.example'],
      ['Origin', APP],
      ['X-Trace', 'one'],
      ['content-type', 'application/json'],
      ['X-Trace', 'two'],
    ]);
    expect(pairs).toContainEqual(['Content-Length', '7']);
  });

  test('an https base URL looks like TLS to the app (req.secure, req.protocol); http does not; the peer is 127.0.0.1', async () => {
    const app = express().get('/x', (req, res) => void res.json({ secure: req.secure, protocol: req.protocol, ip: req.ip }));
    const body = async (base: string) =>
      JSON.parse(new TextDecoder().decode((await send(toTransport(app, { baseUrl: base }), { method: 'GET', url: `${base}/x`, headers: [], body: null })).body));
    expect(await body('https://api.example')).toEqual({ secure: true, protocol: 'https', ip: '127.0.0.1' });
    expect(await body('http://localhost:3000')).toEqual({ secure: false, protocol: 'http', ip: '127.0.0.1' });
  });

  test('express.json() parses the body of a preflighted request', async () => {
    const app = express()
      .use(cors({ origin: APP }))
      .use(express.json())
      .put('/items', (req, res) => void res.json({ got: req.body }));
    const verdict = await simulate(
      { url: '/items', origin: APP, method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{"n":42}' },
      { transport: toTransport(app) },
    );
    expect(verdict.allowed).toBe(true);
    expect(JSON.parse(verdict.response?.text() ?? '')).toEqual({ got: { n: 42 } });
  });
});

describe('what comes back', () => {
  test('repeated response headers, in order, names in the case the app wrote them', async () => {
    const listener: http.RequestListener = (_req, res) => {
      res.writeHead(200, [
        'Access-Control-Allow-Origin', APP,
        'Set-Cookie', 'a=1',
        'Vary', 'Origin',
        'Set-Cookie', 'b=2',
        'access-control-expose-headers', 'X-One',
        'Access-Control-Expose-Headers', 'X-Two',
      ]);
      res.end('ok');
    };
    const response = await fromNodeHandler(listener).send({ method: 'GET', url: 'https://api.example/', headers: [], body: null }, ctx());
    expect(response.headers.slice(0, 6)).toEqual([
      ['Access-Control-Allow-Origin', APP],
      ['Set-Cookie', 'a=1'],
      ['Vary', 'Origin'],
      ['Set-Cookie', 'b=2'],
      ['access-control-expose-headers', 'X-One'],
      ['Access-Control-Expose-Headers', 'X-Two'],
    ]);
  });

  test('two Access-Control-Allow-Origin lines stay two (and the browser refuses them)', async () => {
    const app = express().get('/x', (_req, res) => {
      res.append('Access-Control-Allow-Origin', APP);
      res.append('Access-Control-Allow-Origin', '*');
      res.send('ok');
    });
    const transport = toTransport(app);
    const response = await send(transport, { method: 'GET', url: 'https://api.example/x', headers: [['Origin', APP]], body: null });
    expect(response.headers.filter(([n]) => n === 'Access-Control-Allow-Origin')).toHaveLength(2);
    const verdict = await simulate({ url: '/x', origin: APP }, { transport });
    expect(verdict.reason?.code).toBe('MultipleAllowOriginValues');
  });

  test('HEAD and 204 carry no body; status text is kept', async () => {
    const listener: http.RequestListener = (req, res) => {
      res.statusMessage = req.method === 'HEAD' ? 'Fine' : 'Nothing Here';
      res.writeHead(req.method === 'HEAD' ? 200 : 204, { 'Content-Type': 'text/plain' });
      res.end(req.method === 'HEAD' ? undefined : '');
    };
    const transport = fromNodeHandler(listener);
    const head = await transport.send({ method: 'HEAD', url: 'https://api.example/', headers: [], body: null }, ctx());
    expect([head.status, head.statusText, head.body.byteLength]).toEqual([200, 'Fine', 0]);
    const empty = await transport.send({ method: 'DELETE', url: 'https://api.example/', headers: [], body: null }, ctx());
    expect([empty.status, empty.statusText, empty.body.byteLength]).toEqual([204, 'Nothing Here', 0]);
  });

  test('a redirect is returned, never followed', async () => {
    const app = express().get('/old', (_req, res) => res.redirect(301, '/new'));
    const response = await send(toTransport(app), { method: 'GET', url: 'https://api.example/old', headers: [], body: null });
    expect(response.status).toBe(301);
    expect(header(response, 'location')).toBe('/new');
  });

  test("an Express error becomes the app's own 500, not a transport failure", async () => {
    const app = express().get('/x', () => {
      throw new Error('route failed');
    });
    const response = await send(toTransport(app), { method: 'GET', url: 'https://api.example/x', headers: [], body: null });
    expect(response.status).toBe(500);
  });
});

describe('leaves the process as it found it', () => {
  test('an Express app tested in-process still serves supertest (POST bodies included) afterwards', async () => {
    const app = express()
      .use(express.json())
      .post('/x', (req, res) => void res.json({ got: req.body }));
    const transport = toTransport(app);
    await send(transport, {
      method: 'POST',
      url: 'https://api.example/x',
      headers: [['Content-Type', 'application/json']],
      body: new TextEncoder().encode('{"a":1}'),
    });
    const viaSupertest = await request(app).post('/x').send({ b: 2 });
    expect(viaSupertest.body).toEqual({ got: { b: 2 } });
    const other = express().use(express.json()).post('/y', (req, res) => void res.json({ got: req.body }));
    expect((await request(other).post('/y').send({ c: 3 })).body).toEqual({ got: { c: 3 } });
  });

  test('an http.Server target is not started: it never listens', async () => {
    const server = http.createServer((_req, res) => res.end('ok'));
    const response = await send(toTransport(server), { method: 'GET', url: 'https://api.example/', headers: [], body: null });
    expect(new TextDecoder().decode(response.body)).toBe('ok');
    expect(server.listening).toBe(false);
  });

  test('every request listener of an http.Server runs, as Node runs them', async () => {
    const calls: string[] = [];
    const server = http.createServer((_req, _res) => void calls.push('first'));
    server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
      calls.push('second');
      res.end('ok');
    });
    await send(toTransport(server), { method: 'GET', url: 'https://api.example/', headers: [], body: null });
    expect(calls).toEqual(['first', 'second']);
  });

  test('a Koa app and a connect app: errors stay inside the app', async () => {
    const koa = new Koa();
    koa.silent = true;
    koa.use(() => {
      throw new Error('koa failed');
    });
    expect((await send(toTransport(koa), { method: 'GET', url: 'https://api.example/', headers: [], body: null })).status).toBe(500);
    const app = connect().use((_req: http.IncomingMessage, _res: http.ServerResponse, next: (error?: unknown) => void) => next(new Error('connect failed')));
    const original = process.env.NODE_ENV;
    process.env.NODE_ENV = 'test';
    try {
      expect((await send(toTransport(app), { method: 'GET', url: 'https://api.example/', headers: [], body: null })).status).toBe(500);
    } finally {
      process.env.NODE_ENV = original;
    }
  });
});

describe('concurrency', () => {
  test('1,000 concurrent requests to one in-process Express app all get their own answer', async () => {
    const app = express()
      .use(cors({ origin: APP }))
      .get('/n/:n', (req, res) => void res.send(req.params.n));
    const transport = toTransport(app);
    const answers = await Promise.all(
      Array.from({ length: 1_000 }, (_, n) =>
        send(transport, { method: 'GET', url: `https://api.example/n/${n}`, headers: [['Origin', APP]], body: null }).then((r) =>
          new TextDecoder().decode(r.body),
        ),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 1_000 }, (_, n) => String(n)));
  });
});

describe('Fastify, through its own request listener', () => {
  test('repeated headers come back line by line, in order; ready() is awaited for you', async () => {
    const app = Fastify();
    app.get('/x', async (_request, reply) => {
      reply.header('Access-Control-Allow-Origin', APP);
      reply.header('set-cookie', ['a=1', 'b=2']);
      return 'ok';
    });
    const response = await send(toTransport(app), { method: 'GET', url: 'https://api.example/x', headers: [['Origin', APP]], body: null });
    expect(response.headers.filter(([n]) => n.toLowerCase() === 'set-cookie').map(([, v]) => v)).toEqual(['a=1', 'b=2']);
    expect(header(response, 'access-control-allow-origin')).toBe(APP);
    await app.close();
  });

  test('a route that never answers times out; a huge reply is cut at maxBodyBytes', async () => {
    const app = Fastify();
    app.get('/hang', () => new Promise(() => undefined));
    app.get('/big', async (_request, reply) => reply.send(Buffer.alloc(3 * 1024 * 1024, 'x')));
    const transport = toTransport(app, { timeoutMs: 200, maxBodyBytes: 1024 });
    const error = await send(transport, { method: 'GET', url: 'https://api.example/hang', headers: [], body: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'TransportError', kind: 'timeout' });
    const big = await send(transport, { method: 'GET', url: 'https://api.example/big', headers: [], body: null });
    expect([big.body.byteLength, big.bodyTruncated]).toEqual([1024, true]);
    await app.close();
  });

  test('a plugin that fails to load: a handler error naming it', async () => {
    const app = Fastify();
    app.register(async () => {
      throw new Error('plugin broke');
    });
    const error = await send(toTransport(app), { method: 'GET', url: 'https://api.example/x', headers: [], body: null }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'handler' });
    expect((error as Error).message).toMatch(/The Fastify instance failed to start: Error: plugin broke/);
    expect((error as Error & { cause?: unknown }).cause).toMatchObject({ message: 'plugin broke' });
  });

  test('an HTTP/2 instance (no HTTP/1 request listener) is answered through inject()', async () => {
    const app = Fastify({ http2: true });
    app.get('/x', async (_request, reply) => {
      reply.header('Access-Control-Allow-Origin', APP);
      return 'ok';
    });
    const response = await send(toTransport(app), { method: 'GET', url: 'https://api.example/x', headers: [['Origin', APP]], body: null });
    expect([response.status, header(response, 'access-control-allow-origin'), new TextDecoder().decode(response.body)]).toEqual([200, APP, 'ok']);
    await app.close();
  });
});
