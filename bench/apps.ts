/**
 * The in-process apps the matcher benchmark runs against: one policy (an allow-list with credentials, GET,
 * PUT and PATCH, `content-type` and `x-csrf-token`, `x-total-count` exposed), written for Express with `cors`
 * and for Hono with `hono/cors`.
 */
import cors from 'cors';
import express, { type Express } from 'express';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';

export const PAGE = 'https://app.example';
export const STRANGER = 'https://evil.example';
export const API_BASE = 'https://api.example';

const POLICY = {
  methods: ['GET', 'PUT', 'PATCH'],
  headers: ['content-type', 'x-csrf-token'],
  exposed: ['x-total-count'],
};

/** Counts the requests an app answered (every exchange a matcher makes reaches the app once). */
export interface Counter {
  calls: number;
  /** When set, the Hono app also keeps each request it answers (method, URL, headers, body). */
  seen?: Array<{ method: string; url: string; headers: Array<[string, string]>; body: ArrayBuffer | null }>;
}

export function expressApp(counter: Counter = { calls: 0 }): Express {
  const app = express();
  app.use((_req, _res, next) => {
    counter.calls++;
    next();
  });
  app.use(cors({ origin: [PAGE], credentials: true, methods: POLICY.methods, allowedHeaders: POLICY.headers, exposedHeaders: POLICY.exposed }));
  app.all('/items', (_req, res) => {
    res.set('x-total-count', '3').json([1, 2, 3]);
  });
  return app;
}

export function honoApp(counter: Counter = { calls: 0 }): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    counter.calls++;
    if (counter.seen) {
      const raw = c.req.raw;
      const body = raw.method === 'GET' || raw.method === 'HEAD' ? null : await raw.clone().arrayBuffer();
      counter.seen.push({ method: raw.method, url: raw.url, headers: [...raw.headers], body });
    }
    await next();
  });
  app.use('*', honoCors({ origin: [PAGE], credentials: true, allowMethods: POLICY.methods, allowHeaders: POLICY.headers, exposeHeaders: POLICY.exposed }));
  app.all('/items', (c) => {
    c.header('x-total-count', '3');
    return c.json([1, 2, 3]);
  });
  return app;
}
