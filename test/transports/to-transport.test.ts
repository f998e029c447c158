/**
 * toTransport: every target kind is recognised (by arity and duck-typing), in-process targets answer on the
 * base URL, and anything else gets an InvalidArgumentError naming what was received and what is accepted.
 */
import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
import connect from 'connect';
import cors from 'cors';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { AutoRouter, cors as ittyCors } from 'itty-router';
import Koa from 'koa';
import { http as mswHttp, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import * as http from 'node:http';
import * as https from 'node:https';
import { describe, expect, test } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { simulate } from '../../src/simulate.js';
import * as api from '../../src/index.js';
import {
  fromFastify,
  fromFetchHandler,
  fromMswHandlers,
  fromNodeHandler,
  fromUrl,
  type Target,
  toTransport,
} from '../../src/transports/index.js';
import type { Transport } from '../../src/types.js';
import { getRequest, header, send } from './fixtures/exchange-table.js';
import { APP } from './fixtures/policies.js';

const okListener = (_req: http.IncomingMessage, res: http.ServerResponse): void => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.end('ok');
};

function invalid(run: () => unknown): InvalidArgumentError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(InvalidArgumentError);
  return caught as InvalidArgumentError;
}

async function answers(transport: Transport): Promise<string> {
  const response = await send(transport, getRequest(transport, APP));
  return `${response.status} ${new TextDecoder().decode(response.body)}`;
}

describe('detection', () => {
  const cases: Array<[string, () => Target, string]> = [
    ['a URL string', () => 'http://127.0.0.1:9/', 'url http://127.0.0.1:9'],
    ['a URL object', () => new URL('https://api.live.example/v1/'), 'url https://api.live.example'],
    ['an Express app', () => express().get('/x', (_q, r) => void r.send('ok')), 'express'],
    ['a Connect app', () => connect().use((_q: http.IncomingMessage, r: http.ServerResponse) => r.end('ok')), 'connect'],
    ['a (req, res) listener', () => okListener, 'node-listener'],
    ['a Koa app', () => new Koa().use((ctx) => void (ctx.body = 'ok')), 'koa'],
    ['a Koa app.callback()', () => new Koa().use((ctx) => void (ctx.body = 'ok')).callback(), 'node-listener'],
    ['an http.Server', () => http.createServer(okListener), 'http.Server'],
    ['an https.Server', () => https.createServer(okListener), 'http.Server'],
    ['a Fastify instance', () => Fastify().get('/x', async () => 'ok'), 'fastify'],
    ['a Hono app', () => new Hono().get('/x', (c) => c.text('ok')), 'hono'],
    ['a Hono app.fetch', () => new Hono().get('/x', (c) => c.text('ok')).fetch, 'fetch-handler'],
    ['an itty-router AutoRouter', () => AutoRouter().get('/x', () => new Response('ok')), 'fetch-handler'],
    ['a fetch handler', () => (_request: Request) => new Response('ok'), 'fetch-handler'],
    ['an array of MSW handlers', () => [mswHttp.get('/x', () => HttpResponse.text('ok'))], 'msw'],
    ['an MSW setupServer()', () => setupServer(mswHttp.get('/x', () => HttpResponse.text('ok'))), 'msw'],
  ];
  for (const [label, make, name] of cases) {
    test(`${label} -> ${name}`, async () => {
      const transport = toTransport(make());
      expect(transport.name).toBe(name);
      if (!name.startsWith('url')) {
        expect(transport.baseUrl).toBe('https://api.example');
        expect(await answers(transport)).toBe('200 ok');
      }
    });
  }

  test('a URL target is its own base URL', () => {
    expect(toTransport('http://127.0.0.1:3000').baseUrl).toBe('http://127.0.0.1:3000/');
    expect(toTransport(new URL('https://api.live.example/v1/')).baseUrl).toBe('https://api.live.example/v1/');
  });

  test('a Transport is returned as is, or with the base URL given', async () => {
    const transport = fromFetchHandler(() => new Response('ok'));
    expect(toTransport(transport)).toBe(transport);
    const rebased = toTransport(transport, { baseUrl: 'http://localhost:8080' });
    expect(rebased.baseUrl).toBe('http://localhost:8080');
    expect(await answers(rebased)).toBe('200 ok');
  });

  test('in-process targets answer on the base URL that is set', async () => {
    const seen: string[] = [];
    const app = express().get('/x', (req, res) => {
      seen.push(`${req.protocol}://${req.get('host')}${req.originalUrl}`);
      res.send('ok');
    });
    const transport = toTransport(app, { baseUrl: 'http://localhost:4000' });
    expect(transport.baseUrl).toBe('http://localhost:4000');
    const verdict = await simulate({ url: '/x?q=1', origin: 'http://localhost:4000' }, { transport });
    expect(verdict.allowed).toBe(true);
    expect(seen).toEqual(['http://localhost:4000/x?q=1']);
    await simulate({ url: '/x', origin: APP }, { transport: toTransport(app) });
    expect(seen[1]).toBe('https://api.example/x');
  });

  test('a function declaring no parameters is taken as a fetch handler; failing as one, the error says how to wrap a Node listener', async () => {
    const listener = (...args: unknown[]) => (args[1] as http.ServerResponse).end('ok');
    const transport = toTransport(listener as never);
    expect(transport.name).toBe('fetch-handler');
    await expect(send(transport, getRequest(transport, APP))).rejects.toThrow(/wrap it with fromNodeHandler/);
    expect(await answers(fromNodeHandler(listener as never))).toBe('200 ok');
  });

  test('a Koa app picks up middleware added after toTransport, and after earlier requests', async () => {
    const app = new Koa();
    const transport = toTransport(app);
    app.use(async (ctx, next) => {
      ctx.body = 'late';
      await next();
    });
    expect(await answers(transport)).toBe('200 late');
    app.use((ctx) => void (ctx.body = 'later'));
    expect(await answers(toTransport(app))).toBe('200 later');
  });

  test('an Express app gains routes added after its first transport was made', async () => {
    const app = express();
    expect((await answers(toTransport(app))).startsWith('404')).toBe(true);
    app.get('/x', (_req, res) => void res.send('ok'));
    expect(await answers(toTransport(app))).toBe('200 ok');
  });

  test('an MSW setupServer() instance is read live: server.use() handlers apply', async () => {
    const server = setupServer(mswHttp.get('/x', () => HttpResponse.text('ok')));
    const transport = toTransport(server);
    expect(await answers(transport)).toBe('200 ok');
    server.use(mswHttp.get('/x', () => HttpResponse.text('override')));
    expect(await answers(transport)).toBe('200 override');
  });

  test('an itty-router with its own cors() works end to end', async () => {
    const { preflight, corsify } = ittyCors({ origin: APP, allowMethods: ['GET', 'PUT'], allowHeaders: ['X-Api-Key'] });
    const router = AutoRouter({ before: [preflight], finally: [corsify] }).get('/x', () => 'ok').put('/x', () => 'put');
    const transport = toTransport(router);
    expect((await simulate({ url: '/x', origin: APP, method: 'PUT', headers: { 'X-Api-Key': 'k' } }, { transport })).allowed).toBe(true);
    const refused = await simulate({ url: '/x', origin: 'https://evil.example' }, { transport });
    expect(refused.allowed).toBe(false);
  });

  test('the public entry point exports the transports', () => {
    expect(api.toTransport).toBe(toTransport);
    for (const name of ['fromUrl', 'fromNock', 'fromNodeHandler', 'fromFastify', 'fromFetchHandler', 'fromMswHandlers'] as const) {
      expect(typeof api[name]).toBe('function');
    }
  });
});

describe('bad input: InvalidArgumentError naming what was received and what is accepted', () => {
  const accepted = /Pass a URL .*Express\/Connect\/Koa\/Fastify\/Hono app.*MSW handlers.*Transport/;
  const cases: Array<[string, unknown, RegExp]> = [
    ['null', null, /received null/],
    ['undefined', undefined, /received undefined/],
    ['a number', 42, /received number 42/],
    ['a boolean', true, /received boolean true/],
    ['a plain object', { port: 3000 }, /received an object with keys \[port\]/],
    ['an empty array', [], /received an array of 0 items/],
    ['an array of non-handlers', [1, 2], /received an array of 2 items/],
  ];
  for (const [label, value, received] of cases) {
    test(label, () => {
      const error = invalid(() => toTransport(value as Target));
      expect(error.argument).toBe('target');
      expect(error.message).toMatch(received);
      if (!Array.isArray(value)) expect(error.message).toMatch(accepted);
      else expect(error.message).toMatch(/MSW handlers/);
    });
  }

  test('a string that is not an absolute URL', () => {
    const error = invalid(() => toTransport('localhost:3000/api'));
    expect(error.message).toMatch(/"localhost:3000\/api" uses localhost:, not http: or https:/);
    expect(invalid(() => toTransport('/api')).message).toMatch(/"\/api" is not an absolute URL/);
  });

  test('a URL with another scheme', () => {
    expect(invalid(() => toTransport('ftp://files.example/')).message).toMatch(/uses ftp:, not http: or https:/);
  });

  test('an http.Server with no request listener', () => {
    expect(invalid(() => toTransport(http.createServer())).message).toMatch(/has no request listener.*http\.createServer\(app\)/);
  });

  test('options: unknown key, bad numbers, bad base URL, options that do not apply', () => {
    expect(invalid(() => toTransport(okListener, { timeout: 5 } as never)).argument).toBe('toTransport options.timeout');
    expect(invalid(() => toTransport(okListener, { timeoutMs: 0 })).message).toMatch(/expected a positive number, received number 0/);
    expect(invalid(() => toTransport(okListener, { timeoutMs: Number.NaN })).argument).toBe('toTransport options.timeoutMs');
    expect(invalid(() => toTransport(okListener, { maxBodyBytes: 1.5 })).message).toMatch(/positive integer/);
    expect(invalid(() => toTransport(okListener, { baseUrl: 'api.example' })).argument).toBe('fromNodeHandler options.baseUrl');
    expect(invalid(() => fromFetchHandler(() => new Response(), { baseUrl: 'ws://api.example' })).message).toMatch(/uses ws:/);
    expect(invalid(() => toTransport('http://127.0.0.1:1', { baseUrl: 'https://api.example' })).message).toMatch(/does not apply to a URL target/);
    expect(invalid(() => toTransport(okListener, { agent: new http.Agent() })).message).toMatch(/only used for URL targets/);
    expect(invalid(() => toTransport(okListener, { onUnhandledRequest: 'error' })).message).toMatch(/MSW handlers only/);
    expect(invalid(() => toTransport(fromFetchHandler(() => new Response()), { timeoutMs: 5 })).message).toMatch(/Configure the Transport itself/);
  });

  test('the explicit adapters check their input too', () => {
    expect(invalid(() => fromUrl('nope')).argument).toBe('target URL');
    expect(invalid(() => fromUrl('http://x.example', { agent: {} as never })).argument).toBe('fromUrl options.agent');
    expect(invalid(() => fromNodeHandler({} as never)).message).toMatch(/fromNodeHandler expected a request listener/);
    expect(invalid(() => fromFastify(express() as never)).message).toMatch(/fromFastify expected a Fastify instance/);
    expect(invalid(() => fromFetchHandler({} as never)).message).toMatch(/fromFetchHandler expected a function/);
    expect(invalid(() => fromMswHandlers([] as never)).message).toMatch(/non-empty array of MSW handlers/);
    expect(invalid(() => fromMswHandlers([mswHttp.get('/x', () => undefined)], { onUnhandledRequest: 'bypass' as never })).argument).toBe(
      'fromMswHandlers options.onUnhandledRequest',
    );
  });
});

describe('CORS middleware reached through detection keeps its headers', () => {
  test('express + cors, koa + @koa/cors, fastify + @fastify/cors', async () => {
    const fastify = Fastify();
    await fastify.register(fastifyCors, { origin: APP });
    fastify.get('/x', async () => 'ok');
    for (const target of [
      express().use(cors({ origin: APP })).get('/x', (_q, r) => void r.send('ok')),
      new Koa().use(koaCors({ origin: APP })).use((ctx) => void (ctx.body = 'ok')),
      fastify,
    ] as Target[]) {
      const transport = toTransport(target);
      const response = await send(transport, getRequest(transport, APP));
      expect(header(response, 'access-control-allow-origin')).toBe(APP);
    }
    await fastify.close();
  });
});
