// The backend, twice: an Express app and a Hono app with the same routes and the same CORS configuration.
import cors from 'cors';
import express from 'express';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import { admin, api } from './cors-config.mjs';

const items = [{ id: 'it-1', name: 'first' }];

export function expressApp() {
  const app = express();
  const options = (scope) => ({ origin: scope.origins, methods: scope.methods, allowedHeaders: scope.headers, exposedHeaders: scope.exposeHeaders ?? [], credentials: true, maxAge: scope.maxAge });
  app.use('/api/admin', cors(options(admin)));
  app.use('/api', (req, res, next) => (req.path.startsWith('/admin') ? next() : cors(options(api))(req, res, next)));
  app.use(express.json());
  app.get('/api/items', (req, res) => res.set('x-total-count', String(items.length)).json(items));
  app.post('/api/items', (req, res) => res.status(201).json({ id: 'it-2', ...req.body }));
  app.put('/api/items/:id', (req, res) => res.json({ id: req.params.id, ...req.body }));
  app.delete('/api/admin/items/:id', (req, res) => res.status(204).end());
  return app;
}

export function honoApp() {
  const app = new Hono();
  const options = (scope) => ({
    origin: (origin) => (scope.origins.some((o) => (typeof o === 'string' ? o === origin : o.test(origin))) ? origin : null),
    allowMethods: scope.methods,
    allowHeaders: scope.headers,
    exposeHeaders: scope.exposeHeaders ?? [],
    credentials: true,
    maxAge: scope.maxAge,
  });
  const adminCors = honoCors(options(admin));
  const apiCors = honoCors(options(api));
  app.use('/api/*', (c, next) => (c.req.path.startsWith('/api/admin') ? adminCors(c, next) : apiCors(c, next)));
  app.get('/api/items', (c) => c.json(items, 200, { 'x-total-count': String(items.length) }));
  app.post('/api/items', async (c) => c.json({ id: 'it-2', ...(await c.req.json()) }, 201));
  app.put('/api/items/:id', async (c) => c.json({ id: c.req.param('id'), ...(await c.req.json()) }));
  app.delete('/api/admin/items/:id', (c) => c.body(null, 204));
  return app;
}
