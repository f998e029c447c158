// corsproof config: each printed module, mounted on a real app of its framework with real routes (error
// responses included), passes toMatchCorsPolicy for the policy it was printed from.
import Router from '@koa/router';
import express from 'express';
import express4 from 'express4';
import Fastify from 'fastify';
import { Hono } from 'hono';
import Koa from 'koa';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { defineCorsPolicy, type DefinedCorsPolicy } from '../../src/index.js';
import { middlewareConfig, MIDDLEWARES, type MiddlewareName } from '../../src/policy/middleware-config.js';
import '../../src/vitest.js';

const here = dirname(fileURLToPath(import.meta.url));
// A dot-directory inside the repository, so the printed imports resolve from node_modules.
const outDir = join(here, `.config-generated-${process.pid}`);
mkdirSync(outDir, { recursive: true });
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const policies: Record<string, DefinedCorsPolicy> = {
  'one scope, a pattern, credentials': defineCorsPolicy({
    origins: ['https://app.example', 'https://*.preview.app.example'],
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    headers: ['content-type', 'x-csrf-token'],
    credentials: true,
    exposeHeaders: ['x-total-count'],
    maxAge: 600,
  }),
  'route scopes, any header, a public prefix': defineCorsPolicy({
    origins: ['https://app.example'],
    methods: ['GET', 'PUT'],
    headers: '*',
    routes: {
      '/admin/*': { origins: ['https://admin.app.example'], methods: ['GET', 'DELETE'], headers: ['x-csrf-token'], credentials: true },
      '/public/*': { origins: '*', methods: ['GET'] },
    },
  }),
};

let counter = 0;
async function load(code: string): Promise<{ applyCors: (app: unknown) => unknown }> {
  const file = join(outDir, `config-${++counter}.mjs`);
  writeFileSync(file, code);
  return import(pathToFileURL(file).href);
}

async function appFor(framework: MiddlewareName | 'express4', applyCors: (app: unknown) => unknown): Promise<{ app: unknown; close?: () => Promise<unknown> }> {
  const paths = ['/items', '/admin/users/:id', '/public/logo'];
  if (framework === 'express' || framework === 'express4') {
    const app = framework === 'express' ? express() : express4();
    applyCors(app);
    for (const p of paths) app.get(p, (req, res) => res.json({ ok: true }));
    app.put('/items', (req, res) => res.json({}));
    app.delete('/admin/users/:id', (req, res) => res.status(204).end());
    app.get('/boom', () => {
      throw new Error('boom');
    });
    return { app };
  }
  if (framework === 'fastify') {
    const app = Fastify({ logger: false });
    await applyCors(app);
    for (const p of paths) app.get(p, async () => ({ ok: true }));
    app.put('/items', async () => ({}));
    app.delete('/admin/users/:id', async (req, reply) => reply.code(204).send());
    app.get('/boom', async () => {
      throw new Error('boom');
    });
    return { app, close: () => app.close() };
  }
  if (framework === 'hono') {
    const app = new Hono();
    app.onError((error, c) => c.json({ error: error.message }, 500));
    applyCors(app);
    for (const p of paths) app.get(p, (c) => c.json({ ok: true }));
    app.put('/items', (c) => c.json({}));
    app.delete('/admin/users/:id', (c) => c.body(null, 204));
    app.get('/boom', () => {
      throw new Error('boom');
    });
    return { app };
  }
  const app = new Koa();
  applyCors(app);
  const router = new Router();
  for (const p of paths) router.get(p, (ctx) => (ctx.body = { ok: true }));
  router.put('/items', (ctx) => (ctx.body = {}));
  router.delete('/admin/users/:id', (ctx) => (ctx.status = 204));
  router.get('/boom', () => {
    throw new Error('boom');
  });
  app.use(router.routes());
  app.silent = true;
  return { app };
}

describe('corsproof config: the printed configuration passes toMatchCorsPolicy', () => {
  for (const [name, policy] of Object.entries(policies)) {
    for (const framework of MIDDLEWARES) {
      it(`${framework}: ${name}`, async () => {
        const config = middlewareConfig(policy, framework, 'cors.policy.json');
        expect(config.notes).toEqual([]);
        const { applyCors } = await load(config.code);
        const { app, close } = await appFor(framework, applyCors);
        try {
          await expect(app).toMatchCorsPolicy(policy);
        } finally {
          await close?.();
        }
      });
    }
  }

  it('express on Express 4: the same module works', async () => {
    const policy = policies['route scopes, any header, a public prefix'];
    const { applyCors } = await load(middlewareConfig(policy, 'express').code);
    const { app } = await appFor('express4', applyCors);
    await expect(app).toMatchCorsPolicy(policy);
  });

  it('a predicate origin cannot be printed: it is left out and the module says so', async () => {
    const policy = defineCorsPolicy({ origins: ['https://app.example', { match: (o: string) => o.endsWith('.tenants.example'), examples: ['https://a.tenants.example'], description: 'tenant origins' }] });
    const config = middlewareConfig(policy, 'express', 'cors.policy.js');
    expect(config.notes).toEqual(['tenant origins is code in the policy and cannot be printed: it is left out, so only the listed origins are allowed. Add your check to the origin function by hand.']);
    expect(config.code).toContain('// Note: tenant origins is code');
    const { applyCors } = await load(config.code);
    const { app } = await appFor('express', applyCors);
    // The closest safe form: the listed origin passes, the predicate's origins are refused (never more allowed).
    await expect(app).toAllowOrigin('https://app.example', { url: '/items' });
    await expect(app).not.toAllowOrigin('https://a.tenants.example', { url: '/items' });
  });
});
