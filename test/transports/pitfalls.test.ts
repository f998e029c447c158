/**
 * The known pitfalls of each CORS middleware, as a browser sees them through `simulate` with the real
 * packages: their defaults, reflection with credentials, and enabling credentials alone.
 */
import fastifyCors from '@fastify/cors';
import koaCors from '@koa/cors';
import cors from 'cors';
import express from 'express';
import Fastify, { type FastifyInstance } from 'fastify';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import Koa from 'koa';
import { afterAll, describe, expect, test } from 'vitest';
import { simulate } from '../../src/simulate.js';
import { type Target, toTransport } from '../../src/transports/index.js';
import type { CorsRequest, ReasonCode } from '../../src/types.js';
import { APP, EVIL } from './fixtures/policies.js';

const fastifyApps: FastifyInstance[] = [];
afterAll(async () => {
  await Promise.all(fastifyApps.map((app) => app.close()));
});

async function fastifyWith(options?: Parameters<typeof fastifyCors>[1]): Promise<FastifyInstance> {
  const app = Fastify();
  fastifyApps.push(app);
  await app.register(fastifyCors, options ?? {});
  for (const method of ['get', 'post', 'put', 'delete'] as const) app[method]('/x', async () => 'ok');
  return app;
}

function expressWith(middleware: express.RequestHandler): express.Express {
  const app = express().use(middleware);
  for (const method of ['get', 'post', 'put', 'delete'] as const) app[method]('/x', (_req, res) => void res.send('ok'));
  return app;
}

function koaWith(middleware: Koa.Middleware): Koa {
  return new Koa().use(middleware).use(async (ctx) => {
    if (ctx.path === '/x') ctx.body = 'ok';
  });
}

function honoWith(middleware: ReturnType<typeof honoCors>): Hono {
  return new Hono().use('*', middleware).on(['GET', 'POST', 'PUT', 'DELETE'], '/x', (c) => c.text('ok'));
}

const simpleGet: CorsRequest = { url: '/x', origin: APP };
const credentialedGet: CorsRequest = { url: '/x', origin: APP, credentials: 'include' };
const evilCredentialed: CorsRequest = { url: '/x', origin: EVIL, credentials: 'include' };
const putWithKey: CorsRequest = { url: '/x', origin: APP, method: 'PUT', headers: { 'X-Api-Key': 'k' } };
const postWithKey: CorsRequest = { url: '/x', origin: APP, method: 'POST', headers: { 'X-Api-Key': 'k' } };
const deleteRequest: CorsRequest = { url: '/x', origin: APP, method: 'DELETE' };

async function outcome(target: Target, request: CorsRequest): Promise<ReasonCode | 'allowed'> {
  const verdict = await simulate(request, { transport: toTransport(target) });
  return verdict.allowed ? 'allowed' : (verdict.reason?.code as ReasonCode);
}

interface Row {
  label: string;
  target: () => Target | Promise<Target>;
  expect: Array<[CorsRequest, ReasonCode | 'allowed', string]>;
}

const ROWS: Row[] = [
  {
    label: 'express cors() with no options',
    target: () => expressWith(cors()),
    expect: [
      [simpleGet, 'allowed', 'origin defaults to *'],
      [putWithKey, 'allowed', 'methods default to GET,HEAD,PUT,PATCH,POST,DELETE; request headers are reflected'],
      [credentialedGet, 'WildcardOriginNotAllowed', '* cannot be used with credentials'],
    ],
  },
  {
    label: 'express cors({ origin: true, credentials: true })',
    target: () => expressWith(cors({ origin: true, credentials: true })),
    expect: [[evilCredentialed, 'allowed', 'pitfall: any origin is reflected, credentials included']],
  },
  {
    label: 'express cors({ credentials: true }) alone',
    target: () => expressWith(cors({ credentials: true })),
    expect: [[credentialedGet, 'WildcardOriginNotAllowed', 'credentials without an origin option keep *']],
  },
  {
    label: '@fastify/cors with no options',
    target: () => fastifyWith(),
    expect: [
      [simpleGet, 'allowed', 'origin defaults to *'],
      [postWithKey, 'allowed', 'request headers are reflected'],
      [putWithKey, 'MethodDisallowedByPreflightResponse', 'pitfall: methods default to GET,HEAD,POST only'],
      [deleteRequest, 'MethodDisallowedByPreflightResponse', 'pitfall: methods default to GET,HEAD,POST only'],
      [credentialedGet, 'WildcardOriginNotAllowed', '* cannot be used with credentials'],
    ],
  },
  {
    label: '@fastify/cors { origin: true, credentials: true }',
    target: () => fastifyWith({ origin: true, credentials: true }),
    expect: [[evilCredentialed, 'allowed', 'pitfall: any origin is reflected, credentials included']],
  },
  {
    label: '@koa/cors with no options',
    target: () => koaWith(koaCors()),
    expect: [
      [simpleGet, 'allowed', 'origin defaults to *'],
      [putWithKey, 'allowed', 'methods default to GET,HEAD,PUT,POST,DELETE,PATCH; request headers are reflected'],
      [credentialedGet, 'WildcardOriginNotAllowed', '* cannot be used with credentials'],
    ],
  },
  {
    label: '@koa/cors { credentials: true }',
    target: () => koaWith(koaCors({ credentials: true })),
    expect: [[evilCredentialed, 'allowed', 'pitfall: with credentials and no origin option, @koa/cors reflects any origin']],
  },
  {
    label: 'hono cors() with no options',
    target: () => honoWith(honoCors()),
    expect: [
      [simpleGet, 'allowed', 'origin defaults to *'],
      [putWithKey, 'allowed', 'request headers are reflected when allowHeaders is empty'],
      [credentialedGet, 'WildcardOriginNotAllowed', '* cannot be used with credentials'],
    ],
  },
  {
    label: 'hono cors({ credentials: true }) alone',
    target: () => honoWith(honoCors({ credentials: true })),
    expect: [[credentialedGet, 'WildcardOriginNotAllowed', 'pitfall: credentials: true still sends *']],
  },
];

describe('middleware defaults and pitfalls, end to end', () => {
  for (const row of ROWS) {
    describe(row.label, () => {
      for (const [request, expected, why] of row.expect) {
        const label = `${request.method ?? 'GET'}${request.headers ? ' + X-Api-Key' : ''} from ${request.origin}${request.credentials ? ' with credentials' : ''}: ${expected} (${why})`;
        test(label, async () => {
          expect(await outcome(await row.target(), request)).toBe(expected);
        });
      }
    });
  }
});
