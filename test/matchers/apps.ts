/**
 * Real in-process apps with the CORS policies the matcher tests assert on: Express with `cors`, Hono with
 * `hono/cors`, and hand-written middleware for the policies no package produces on purpose.
 */
import cors from 'cors';
import express, { type Express } from 'express';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';

export const APP = 'https://app.example';
export const EVIL = 'https://evil.example';

function routes(app: Express): Express {
  app.get('/', (_req, res) => {
    res.set('x-total-count', '42').set('x-internal', 'secret').set('set-cookie', 'sid=1').json({ ok: true });
  });
  app.all('/items', (_req, res) => {
    res.set('x-total-count', '3').json([1, 2, 3]);
  });
  return app;
}

/** `cors()` defaults: `Access-Control-Allow-Origin: *`, every method, request headers reflected. */
export function publicApi(): Express {
  const app = express();
  app.use(cors());
  return routes(app);
}

/** An allow-list with credentials, a few methods and headers, one exposed header. */
export function allowListApi(): Express {
  const app = express();
  app.use(
    cors({
      origin: [APP],
      credentials: true,
      methods: ['GET', 'PUT', 'PATCH'],
      allowedHeaders: ['content-type', 'x-csrf-token'],
      exposedHeaders: ['x-total-count'],
    }),
  );
  return routes(app);
}

/** No CORS at all. */
export function privateApi(): Express {
  return routes(express());
}

/** The classic mistake: any origin reflected, with credentials. */
export function reflectingApi(): Express {
  const app = express();
  app.use(cors({ origin: true, credentials: true }));
  return routes(app);
}

/** Preflights answered `500` with no CORS headers: Chromium and the others name the failure differently. */
export function brokenPreflightApi(): Express {
  const app = express();
  app.options('/items', (_req, res) => {
    res.status(500).send('boom');
  });
  app.use(cors({ origin: APP }));
  return routes(app);
}

/** Hono with `hono/cors`: an allow-list, `PUT` and `DELETE`, `x-request-id` exposed. */
export function honoApi(): Hono {
  const app = new Hono();
  app.use('*', honoCors({ origin: [APP], allowMethods: ['GET', 'PUT', 'DELETE'], allowHeaders: ['content-type', 'authorization'], exposeHeaders: ['x-request-id'] }));
  app.get('/', (c) => {
    c.header('x-request-id', 'r-1');
    c.header('x-internal', 'secret');
    return c.json({ ok: true });
  });
  app.all('/items', (c) => c.json([1, 2, 3]));
  return app;
}

/** Preflights pass, but the actual responses carry no CORS headers: a common half-configured server. */
export function preflightOnlyApi(): Express {
  const app = express();
  app.options('/items', (_req, res) => {
    res.set({ 'access-control-allow-origin': APP, 'access-control-allow-methods': 'PUT' }).status(204).end();
  });
  return routes(app);
}
