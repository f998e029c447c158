// Real apps with real CORS middleware, as users write them (CommonJS, so every runner can load them).
const http = require('node:http');

const APP = 'https://app.example';
const EVIL = 'https://evil.example';

function express() {
  const app = require('express')();
  app.use(require('cors')({ origin: [APP], credentials: true, methods: ['GET', 'PUT'], allowedHeaders: ['content-type', 'x-csrf-token'], exposedHeaders: ['x-total-count'] }));
  app.get('/items', (_req, res) => res.set('x-total-count', '3').json([1, 2, 3]));
  app.put('/items', (_req, res) => res.json({ ok: true }));
  return app;
}

async function fastify() {
  const app = require('fastify')();
  await app.register(require('@fastify/cors'), { origin: APP, methods: ['GET', 'PUT'] });
  app.get('/items', async () => [1, 2, 3]);
  app.put('/items', async () => ({ ok: true }));
  return app;
}

function hono() {
  const { Hono } = require('hono');
  const { cors } = require('hono/cors');
  const app = new Hono();
  app.use('*', cors({ origin: APP, allowMethods: ['GET', 'PUT'], allowHeaders: ['content-type'] }));
  app.get('/items', (c) => c.json([1, 2, 3]));
  return app;
}

/** A plain node:http server on a free loopback port, answering with a hand-written policy. */
function listening() {
  const server = http.createServer((req, res) => {
    if (req.headers.origin === APP) res.setHeader('Access-Control-Allow-Origin', APP);
    res.setHeader('Vary', 'Origin');
    res.end('ok');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${server.address().port}`, close: () => new Promise((done) => server.close(done)) })));
}

class AppFailure extends Error {
  constructor(message) {
    super(message);
    this.name = 'AppFailure';
  }
}

module.exports = { APP, EVIL, express, fastify, hono, listening, AppFailure };
