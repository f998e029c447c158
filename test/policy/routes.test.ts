// Route discovery against the real routers: Express 4 and 5 (nested routers, params, app.all), Koa with
// @koa/router (prefixes, nested routers), Fastify (plugins with prefixes, wildcards), Hono (middleware left out),
// and an OpenAPI 3 document (server base path, $ref parameters, examples).
import Router from '@koa/router';
import connect from 'connect';
import * as http from 'node:http';
import express from 'express';
import express4 from 'express4';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import Koa from 'koa';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { discoverRoutes, fillTemplate } from '../../src/routes/index.js';

const sorted = (routes: Array<{ path: string; methods: string[] }>) => routes.map((r) => `${[...r.methods].sort().join(',')} ${r.path}`).sort();
const openapiFile = fileURLToPath(new URL('./fixtures/openapi.yaml', import.meta.url));

describe('routes read from routers', () => {
  for (const [name, make] of [['Express 5', express], ['Express 4', express4]] as const) {
    it(`${name}: routes, nested routers, mount paths with params, app.all`, async () => {
      const app = (make as typeof express)();
      app.use(express.json());
      app.get('/health', (req, res) => res.end());
      const items = (make as typeof express).Router();
      items.get('/', (req, res) => res.end());
      items.route('/:itemId').get((req, res) => res.end()).put((req, res) => res.end()).delete((req, res) => res.end());
      const users = (make as typeof express).Router({ mergeParams: true });
      users.post('/notes', (req, res) => res.end());
      app.use('/api/items', items);
      app.use('/api/users/:userId', users);
      app.all('/api/echo', (req, res) => res.end());
      const found = await discoverRoutes(app);
      expect(found.from).toBe('read from the Express router');
      expect(sorted(found.routes)).toEqual([' /api/echo', 'DELETE,GET,PUT /api/items/:itemId', 'GET /api/items', 'GET /health', 'POST /api/users/:userId/notes']);
    });
  }

  it('Connect: each mount path; an http.Server: the app it serves', async () => {
    const app = connect();
    app.use('/api', (req: http.IncomingMessage, res: http.ServerResponse) => res.end());
    app.use('/health', (req: http.IncomingMessage, res: http.ServerResponse) => res.end());
    const found = await discoverRoutes(app);
    expect(sorted(found.routes)).toEqual([' /api', ' /health']);
    const server = http.createServer(express().get('/items', (req, res) => res.end()));
    expect(sorted((await discoverRoutes(server)).routes)).toEqual(['GET /items']);
  });

  it('Koa with @koa/router: prefixes and nested routers', async () => {
    const app = new Koa();
    const router = new Router({ prefix: '/api' });
    router.get('/items', (ctx) => (ctx.body = []));
    router.put('/items/:id', (ctx) => (ctx.body = {}));
    const admin = new Router();
    admin.delete('/users/:id', (ctx) => (ctx.status = 204));
    router.use('/admin', admin.routes());
    app.use(router.routes()).use(router.allowedMethods());
    const found = await discoverRoutes(app);
    expect(found.from).toBe('read from the Koa router');
    expect(sorted(found.routes)).toEqual(['DELETE /api/admin/users/:id', 'GET,HEAD /api/items', 'PUT /api/items/:id']);
  });

  it('Fastify: plugins with prefixes, params and wildcards', async () => {
    const app = Fastify();
    app.get('/items', async () => []);
    app.put('/items/:id', async () => ({}));
    app.get('/items/:id', async () => ({}));
    app.delete('/files/*', async () => ({}));
    await app.register(async (scope) => {
      scope.post('/login', async () => ({}));
    }, { prefix: '/auth' });
    const found = await discoverRoutes(app);
    expect(found.from).toBe('read from the Fastify router');
    expect(sorted(found.routes)).toEqual(['DELETE /files/*', 'GET,HEAD /items', 'GET,HEAD,PUT /items/:id', 'POST /auth/login']);
    await app.close();
  });

  it('Hono: routes without the middleware', async () => {
    const app = new Hono();
    app.use('*', honoCors({ origin: 'https://app.example' }));
    app.get('/items', (c) => c.json([]));
    app.put('/items/:id{[0-9]+}', (c) => c.json({}));
    const api = new Hono();
    api.delete('/sessions/:id', (c) => c.body(null, 204));
    app.route('/api', api);
    const found = await discoverRoutes(app);
    expect(found.from).toBe('read from the Hono router');
    expect(sorted(found.routes)).toEqual(['DELETE /api/sessions/:id', 'GET /items', 'PUT /items/:id{[0-9]+}']);
  });

  it('an OpenAPI 3 document: server base path, methods, examples through $ref', async () => {
    const found = await discoverRoutes(null, { openapi: openapiFile });
    expect(found.from).toBe('read from the OpenAPI document');
    expect(sorted(found.routes)).toEqual(['DELETE,GET,PATCH /v1/items/{itemId}', 'GET /v1/health', 'GET,POST /v1/items', 'POST /v1/items/{itemId}/notes/{noteId}']);
    const item = found.routes.find((r) => r.path === '/v1/items/{itemId}/notes/{noteId}')!;
    expect(item.examples).toEqual({ itemId: 'it-42', noteId: '7' });
  });

  it('a target without a router: the base URL and the policy route keys', async () => {
    const found = await discoverRoutes('http://127.0.0.1:9/', { fallbackPaths: ['/admin'] });
    expect(sorted(found.routes)).toEqual([' /', ' /admin']);
  });
});

describe('fillTemplate', () => {
  it.each([
    ['/items/:id', {}, '/items/1'],
    ['/items/:id', { id: 'it-42' }, '/items/it-42'],
    ['/items/{itemId}', { itemId: 'a b' }, '/items/a%20b'],
    ['/items/:id{[0-9]+}', {}, '/items/1'],
    ['/items/:slug{[a-z]+}', {}, '/items/corsproof'],
    ['/files/*', {}, '/files/corsproof'],
    ['/files/*splat', {}, '/files/corsproof'],
    ['/files{/:name}', {}, '/files'],
    ['/users/:id?', {}, '/users/1'],
    ['/v1/users/:id(\\d+)/x', {}, '/v1/users/1/x'],
  ])('%s with %o is %s', (template, params, path) => {
    expect(fillTemplate(template, params).path).toBe(path);
  });
});
