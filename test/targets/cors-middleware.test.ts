/**
 * A fix in the middleware's own form is proven the way a user would apply it: the app fails, the options the
 * fix names are merged into the app's CORS middleware options, and the same request then passes, for `cors`
 * (Express), `@fastify/cors`, `hono/cors` and `@koa/cors` on real apps.
 */
import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
import cors from 'cors';
import express from 'express';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import Koa from 'koa';
import { describe, expect, it } from 'vitest';
import { middlewareFix, middlewareFixSentence } from '../../src/report/middleware-fix.js';
import { simulateEngines } from '../../src/simulate.js';
import { detectCorsMiddleware, type CorsMiddleware } from '../../src/targets/cors-middleware.js';
import { toTransport } from '../../src/transports/index.js';
import type { CorsRequest } from '../../src/types.js';

const APP = 'https://app.example';
type Options = Record<string, unknown>;

/** Each middleware on a real app, built from options; the option names are the middleware's own. */
const APPS: Record<CorsMiddleware, { start: Options; build: (options: Options) => Promise<unknown> }> = {
  cors: {
    start: { origin: [APP], allowedHeaders: ['content-type'], methods: ['GET', 'PUT'] },
    build: async (options) => {
      const app = express();
      app.use(cors(options));
      app.all('/items', (_req, res) => res.json({ ok: true }));
      return app;
    },
  },
  '@fastify/cors': {
    start: { origin: [APP], allowedHeaders: ['content-type'], methods: ['GET', 'PUT'] },
    build: async (options) => {
      const app = Fastify();
      await app.register(fastifyCors, options);
      app.all('/items', async () => ({ ok: true }));
      await app.ready();
      return app;
    },
  },
  'hono/cors': {
    start: { origin: [APP], allowHeaders: ['content-type'], allowMethods: ['GET', 'PUT'] },
    build: async (options) => {
      const app = new Hono();
      app.use('*', honoCors(options as never));
      app.all('/items', (c) => c.json({ ok: true }));
      return app;
    },
  },
  '@koa/cors': {
    start: { origin: APP, allowHeaders: ['content-type'], allowMethods: ['GET', 'PUT'] },
    build: async (options) => {
      const app = new Koa();
      app.use(koaCors(options as never));
      app.use((ctx) => {
        ctx.body = { ok: true };
      });
      return app;
    },
  },
};

const CASES: Array<[string, Omit<CorsRequest, 'url' | 'origin'> & { origin?: string }]> = [
  ['an origin the options leave out', { method: 'GET', origin: 'https://admin.example' }],
  ['a request header the options leave out', { method: 'PUT', headers: { 'content-type': 'application/json', 'x-csrf-token': '1' }, body: '{}' }],
  ['a method the options leave out', { method: 'DELETE' }],
  ['credentials the options do not allow', { method: 'GET', credentials: 'include' }],
];

describe.each(Object.keys(APPS) as CorsMiddleware[])('%s', (name) => {
  it('is detected on the app', async () => {
    expect(detectCorsMiddleware(await APPS[name].build(APPS[name].start))).toBe(name);
  });
  it.each(CASES)('the fix in its options form makes %s pass in every engine', async (_what, request) => {
    const { start, build } = APPS[name];
    const run = async (options: Options) => simulateEngines({ url: '/items', origin: APP, ...request } as CorsRequest, { transport: toTransport((await build(options)) as never) });
    const before = await run(start);
    expect(before.some((v) => !v.allowed)).toBe(true);
    const blocked = before.find((v) => !v.allowed)!;
    const fix = middlewareFix(blocked.reason!, name);
    expect(fix, 'a fix in the middleware form').not.toBeNull();
    expect(middlewareFixSentence(fix!)).toMatch(new RegExp(`^${name.replace(/[/@]/g, '\\$&')}\\(\\{ `));
    const after = await run({ ...start, ...fix!.options });
    expect(after.map((v) => [v.engine, v.allowed, v.reason?.code])).toEqual(after.map((v) => [v.engine, true, undefined]));
  });
});

describe('detection', () => {
  it('finds cors in a nested Express router and says nothing for apps without a known middleware', async () => {
    const nested = express();
    const router = express.Router();
    router.use(cors());
    nested.use('/api', router);
    expect(detectCorsMiddleware(nested)).toBe('cors');
    expect(detectCorsMiddleware(express())).toBeNull();
    expect(detectCorsMiddleware(new Hono())).toBeNull();
    expect(detectCorsMiddleware('https://api.example')).toBeNull();
    const hostile = new Proxy({}, { get() { throw new Error('no'); } });
    expect(detectCorsMiddleware(hostile)).toBeNull();
  });
});
