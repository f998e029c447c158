#!/usr/bin/env node
/**
 * corsproof's example API: a plain `node:http` server (no dependencies) whose routes show the CORS
 * outcomes people meet in real life. Point `corsproof check` and `corsproof audit` at it.
 *
 *   node examples/server.mjs            # http://127.0.0.1:8080 (or $PORT)
 *   node examples/server.mjs --port 0   # any free port; the URL is printed
 *
 * Routes (the trusted front end is https://app.example):
 *   GET  /api/public    public data, `Access-Control-Allow-Origin: *`
 *   *    /api/user      allow-list (https://app.example only), credentials, `Vary: Origin`, full preflight
 *   *    /api/admin     like /api/user, but its preflight forgets `X-CSRF-Token` in Allow-Headers
 *   GET  /api/reflect   reflects any Origin with credentials and no `Vary` (what `audit` flags as high)
 *   GET  /api/partner   origin check by an unanchored regex: look-alike origins get in (audit: high)
 *
 * Importable: `import { createServer } from './examples/server.mjs'` returns an unstarted `http.Server`.
 */
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

/** The one front-end origin this API trusts. */
export const TRUSTED_ORIGIN = 'https://app.example';

const ALLOWED_METHODS = 'GET, POST, PUT, DELETE';

/** Each route: a CORS policy and what it answers. */
const routes = {
  '/api/public': {
    methods: ['GET', 'HEAD'],
    cors(origin, res) {
      res.setHeader('Access-Control-Allow-Origin', '*');
    },
    preflight(origin, res) {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Methods', 'GET, HEAD');
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
      res.setHeader('Access-Control-Max-Age', '86400');
    },
    body: () => ({ status: 'ok', time: new Date().toISOString() }),
  },
  '/api/user': {
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    cors: allowListed,
    preflight(origin, res) {
      allowListed(origin, res);
      if (origin !== TRUSTED_ORIGIN) return;
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization, X-CSRF-Token');
      res.setHeader('Access-Control-Max-Age', '600');
    },
    body: () => ({ id: 42, name: 'Ada', email: 'ada@app.example' }),
  },
  '/api/admin': {
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    cors: allowListed,
    preflight(origin, res) {
      allowListed(origin, res);
      if (origin !== TRUSTED_ORIGIN) return;
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      // The bug this route demonstrates: the front end sends X-CSRF-Token, the preflight does not allow it.
      res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');
    },
    body: () => ({ users: 1280, flags: ['beta-dashboard'] }),
  },
  '/api/reflect': {
    methods: ['GET'],
    cors(origin, res) {
      // The mistake this route demonstrates: echoing whatever Origin came in, with credentials, no Vary.
      if (origin) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
      }
    },
    preflight(origin, res) {
      this.cors(origin, res);
      res.setHeader('Access-Control-Allow-Methods', '*');
      res.setHeader('Access-Control-Allow-Headers', '*');
    },
    body: () => ({ id: 42, apiKey: 'sk_live_example' }),
  },
  '/api/partner': {
    methods: ['GET'],
    cors(origin, res) {
      res.setHeader('Vary', 'Origin');
      // The mistake this route demonstrates: dots unescaped and no anchors, so look-alikes match.
      if (origin && /https?:\/\/.*app.example/.test(origin)) {
        res.setHeader('Access-Control-Allow-Origin', origin);
        res.setHeader('Access-Control-Allow-Credentials', 'true');
      }
    },
    preflight(origin, res) {
      this.cors(origin, res);
      res.setHeader('Access-Control-Allow-Methods', 'GET');
      res.setHeader('Access-Control-Max-Age', '31536000');
    },
    body: () => ({ partner: 'acme', invoices: 3 }),
  },
};

/** An exact allow-list with credentials; `Vary: Origin` on every answer, allowed or not. */
function allowListed(origin, res) {
  res.setHeader('Vary', 'Origin');
  if (origin === TRUSTED_ORIGIN) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
}

function sendJson(res, status, value) {
  const body = JSON.stringify(value);
  res.statusCode = status;
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('Content-Length', Buffer.byteLength(body));
  res.end(body);
}

/** The request listener, for use with any `http.Server` (or a corsproof target). */
export function handleRequest(req, res) {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const origin = req.headers.origin;
  if (url.pathname === '/') {
    sendJson(res, 200, { routes: Object.keys(routes) });
    return;
  }
  const route = routes[url.pathname];
  if (!route) {
    sendJson(res, 404, { error: 'not found' });
    return;
  }
  if (req.method === 'OPTIONS') {
    route.preflight(origin, res);
    res.statusCode = 204;
    res.end();
    return;
  }
  route.cors(origin, res);
  if (!route.methods.includes(req.method ?? 'GET')) {
    res.setHeader('Allow', [...route.methods, 'OPTIONS'].join(', '));
    sendJson(res, 405, { error: 'method not allowed' });
    return;
  }
  // Drain any request body before answering, so keep-alive connections stay usable.
  req.resume();
  req.on('end', () => sendJson(res, 200, route.body()));
}

/** An unstarted `http.Server` serving the example API. Call `.listen(port, host)` yourself. */
export function createServer() {
  return http.createServer(handleRequest);
}

async function main() {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', short: 'p' },
      host: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    process.stdout.write('Usage: node examples/server.mjs [--port N] [--host H]   (PORT env works too; default 8080)\n');
    return;
  }
  const rawPort = values.port ?? process.env.PORT ?? '8080';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65535) {
    process.stderr.write(`Invalid port ${JSON.stringify(rawPort)}: use a number from 0 to 65535.\n`);
    process.exitCode = 2;
    return;
  }
  const host = values.host ?? '127.0.0.1';
  const server = createServer();
  server.on('error', (error) => {
    process.stderr.write(`Cannot listen on ${host}:${port}: ${error.message}\n`);
    process.exitCode = 1;
  });
  server.listen(port, host, () => {
    const address = server.address();
    const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    process.stdout.write(`corsproof example server listening on http://${shownHost}:${address.port}\n`);
  });
  const stop = (signal) => {
    process.stdout.write(`${signal}: stopping\n`);
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((error) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = String(error?.code).startsWith('ERR_PARSE_ARGS') ? 2 : 1;
  });
}
