/**
 * Planted CORS configurations on real servers (Express with `cors`, Fastify with `@fastify/cors`, Hono on
 * `@hono/node-server`, plain `node:http`), each with the findings a browser-exact audit must report, and the
 * correctly configured ones that must get nothing at `low` or above. Shared by the audit's tests and by
 * `scripts/planted-servers.mjs`-style manual runs of other scanners against the same servers.
 *
 * The trusted front end is TRUSTED; every server is started on 127.0.0.1, port 0.
 */
import { createHash } from 'node:crypto';
import http from 'node:http';
import cors from 'cors';
import express from 'express';
import fastifyCors from '@fastify/cors';
import Fastify from 'fastify';
import { Hono } from 'hono';
import { cors as honoCors } from 'hono/cors';
import { createAdaptorServer } from '@hono/node-server';
import { listen, type Running } from '../cli/helpers.js';
import type { Severity } from '../../src/audit/types.js';

/** The trusted front end (`CORSPROOF_PLANTED_ORIGIN` overrides it, for running other scanners against these servers). */
export const TRUSTED = process.env.CORSPROOF_PLANTED_ORIGIN ?? 'https://app.example';
const HOST = new URL(TRUSTED).hostname;
const escaped = HOST.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const BODY = JSON.stringify({ id: 42, email: 'ada@app.example' });

export interface Planted {
  name: string;
  framework: 'express' | 'fastify' | 'hono' | 'node:http';
  /** What is wrong (or right), in a few words. */
  what: string;
  /** The findings at `low` or above the audit must report, exactly (info findings are not listed). */
  expect: Array<[id: string, severity: Severity]>;
  /** Info findings that must be among the report's. */
  info?: string[];
  /** Audit options beyond the origin. */
  cookie?: string;
  websocket?: boolean;
  start(): Promise<Running>;
}

/** A plain node:http server from a CORS policy function. */
function plain(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void): () => Promise<Running> {
  return () =>
    listen(
      http.createServer((req, res) => {
        handler(req, res);
        if (!res.writableEnded) {
          if (req.method === 'OPTIONS') {
            res.statusCode = 204;
            res.end();
          } else {
            res.setHeader('Content-Type', 'application/json');
            res.end(BODY);
          }
        }
      }),
    );
}

function expressApp(configure: (app: express.Express) => void): () => Promise<Running> {
  return () => {
    const app = express();
    configure(app);
    app.all('/api', (_req, res) => {
      res.json({ id: 42 });
    });
    return listen(http.createServer(app));
  };
}

function fastifyApp(options: Parameters<typeof fastifyCors>[1]): () => Promise<Running> {
  return async () => {
    const app = Fastify();
    await app.register(fastifyCors, options);
    app.all('/api', async () => ({ id: 42 }));
    await app.ready();
    const running = await listen(app.server);
    return { url: running.url, close: async () => { await running.close(); await app.close(); } };
  };
}

function honoApp(options: Parameters<typeof honoCors>[0]): () => Promise<Running> {
  return () => {
    const app = new Hono();
    app.use('/api/*', honoCors(options));
    app.use('/api', honoCors(options));
    app.all('/api', (c) => c.json({ id: 42 }));
    return listen(createAdaptorServer({ fetch: app.fetch }) as http.Server);
  };
}

const allowList = (origin: string | undefined, res: http.ServerResponse, ok: (o: string) => boolean, credentials = true, vary = true) => {
  if (vary) res.setHeader('Vary', 'Origin');
  if (origin !== undefined && ok(origin)) {
    res.setHeader('Access-Control-Allow-Origin', origin);
    if (credentials) res.setHeader('Access-Control-Allow-Credentials', 'true');
  }
};

/** The RFC 6455 accept key for a handshake's key. */
function acceptKey(key: string): string {
  return createHash('sha1').update(`${key}258EAFA5-E914-47DA-95CA-C5AB0DC85B11`).digest('base64');
}

/** A WebSocket endpoint: plain GET answers 426 Upgrade: websocket; handshakes from `accepts(origin)` get 101. */
function websocketServer(accepts: (origin: string | undefined) => boolean): () => Promise<Running> {
  return () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(426, { Upgrade: 'websocket', Connection: 'Upgrade', 'Content-Type': 'text/plain' });
      res.end('Upgrade Required');
    });
    server.on('upgrade', (req, socket) => {
      if (!accepts(req.headers.origin)) {
        socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      socket.write(`HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: ${acceptKey(String(req.headers['sec-websocket-key']))}\r\n\r\n`);
      socket.on('error', () => {});
      socket.on('data', () => {});
    });
    return listen(server);
  };
}

export const PLANTED: Planted[] = [
  {
    name: 'reflect-any-origin-credentials',
    framework: 'express',
    what: 'cors({ origin: true, credentials: true }): every Origin echoed, with credentials',
    expect: [['origin-reflected', 'high'], ['null-origin', 'high']],
    start: expressApp((app) => app.use(cors({ origin: true, credentials: true, maxAge: 600 }))),
  },
  {
    name: 'reflect-any-origin',
    framework: 'fastify',
    what: '@fastify/cors { origin: true } without credentials',
    expect: [['origin-reflected', 'low'], ['null-origin', 'low']],
    start: fastifyApp({ origin: true, maxAge: 600 }),
  },
  {
    name: 'null-on-allow-list',
    framework: 'express',
    what: `cors({ origin: ['${TRUSTED}', 'null'], credentials: true })`,
    expect: [['null-origin', 'high']],
    start: expressApp((app) => app.use(cors({ origin: [TRUSTED, 'null'], credentials: true, maxAge: 600 }))),
  },
  {
    name: 'static-null',
    framework: 'node:http',
    what: 'Access-Control-Allow-Origin: null on every answer, with credentials (a default left in)',
    expect: [['null-origin', 'high']],
    start: plain((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', 'null');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }),
  },
  {
    name: 'ends-with',
    framework: 'node:http',
    what: `origin.endsWith('${HOST}')`,
    expect: [['lookalike-origin', 'high'], ['subdomain-trusted', 'medium'], ['insecure-origin', 'medium']],
    start: plain((req, res) => allowList(req.headers.origin, res, (o) => o.endsWith(HOST))),
  },
  {
    name: 'starts-with',
    framework: 'hono',
    what: `origin: (o) => o.startsWith('${TRUSTED}') ? o : null, credentials`,
    expect: [['lookalike-origin', 'high'], ['parser-confusion-origin', 'medium']],
    start: honoApp({ origin: (o) => (o.startsWith(TRUSTED) ? o : null), credentials: true, maxAge: 600 }),
  },
  {
    name: 'unescaped-dot',
    framework: 'express',
    what: `cors({ origin: /^https:\\/\\/${HOST}$/ }) with the dot unescaped`,
    expect: [['lookalike-origin', 'high']],
    start: expressApp((app) => app.use(cors({ origin: new RegExp(`^https://${HOST}$`), credentials: true, maxAge: 600 }))),
  },
  {
    name: 'substring',
    framework: 'node:http',
    what: `'${TRUSTED}'.includes(origin)`,
    expect: [['lookalike-origin', 'high']],
    start: plain((req, res) => allowList(req.headers.origin, res, (o) => TRUSTED.includes(o))),
  },
  {
    name: 'any-subdomain',
    framework: 'fastify',
    what: `@fastify/cors { origin: /^https:\\/\\/([a-z0-9-]+\\.)*${escaped}$/, credentials: true }`,
    expect: [['subdomain-trusted', 'medium']],
    start: fastifyApp({ origin: new RegExp(`^https://([a-z0-9-]+\\.)*${escaped}$`), credentials: true, maxAge: 600 }),
  },
  {
    name: 'http-scheme',
    framework: 'express',
    what: `cors({ origin: ['${TRUSTED}', 'http://${HOST}'], credentials: true })`,
    expect: [['insecure-origin', 'medium']],
    start: expressApp((app) => app.use(cors({ origin: [TRUSTED, `http://${HOST}`], credentials: true, maxAge: 600 }))),
  },
  {
    name: 'parser-confusion',
    framework: 'node:http',
    what: 'host taken with /^https:\\/\\/([a-z0-9.-]+)/ and compared: stops at _ ! ~ ...',
    expect: [['parser-confusion-origin', 'medium']],
    start: plain((req, res) => allowList(req.headers.origin, res, (o) => /^https:\/\/([a-z0-9.-]+)/.exec(o)?.[1] === HOST)),
  },
  {
    name: 'pipe-split',
    framework: 'node:http',
    what: "origin.split('|')[0] compared: only an Origin no browser sends gets in",
    expect: [],
    info: ['parser-confusion-origin'],
    start: plain((req, res) => allowList(req.headers.origin, res, (o) => o.split('|')[0] === TRUSTED)),
  },
  {
    name: 'hosting-site',
    framework: 'hono',
    what: "origin: TRUSTED or any *.github.io (a team's demo pages), credentials",
    expect: [['third-party-origin', 'high']],
    start: honoApp({ origin: (o) => (o === TRUSTED || /^https:\/\/[a-z0-9-]+\.github\.io$/.test(o) ? o : null), credentials: true, maxAge: 600 }),
  },
  {
    name: 'percent-decoding',
    framework: 'node:http',
    what: 'the origin cut at its first %-escape before comparing',
    expect: [],
    info: ['percent-encoded-origin'],
    start: plain((req, res) => allowList(req.headers.origin, res, (o) => o.replace(/%[0-9a-f]{2}.*$/i, '') === TRUSTED)),
  },
  {
    name: 'permissive-preflight',
    framework: 'express',
    what: 'actual responses allow-listed, but OPTIONS answered by cors({ origin: true, credentials: true })',
    expect: [['preflight-any-origin', 'high']],
    start: expressApp((app) => {
      app.use((req, res, next) => (req.method === 'OPTIONS' ? cors({ origin: true, credentials: true, maxAge: 600 })(req, res, next) : next()));
      app.use(cors({ origin: TRUSTED, credentials: true }));
    }),
  },
  {
    name: 'pattern-allow-origin',
    framework: 'node:http',
    what: `Access-Control-Allow-Origin: https://*.${HOST} (a pattern, not an origin)`,
    expect: [['allow-origin-invalid', 'low']],
    start: plain((req, res) => {
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Origin', `https://*.${HOST}`);
    }),
  },
  {
    name: 'list-allow-origin',
    framework: 'node:http',
    what: `Access-Control-Allow-Origin: ${TRUSTED}, https://admin.${HOST} (a list)`,
    expect: [['allow-origin-invalid', 'low']],
    start: plain((req, res) => {
      res.setHeader('Vary', 'Origin');
      res.setHeader('Access-Control-Allow-Origin', `${TRUSTED}, https://admin.${HOST}`);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }),
  },
  {
    name: 'errors-without-cors',
    framework: 'express',
    what: 'authentication (401) and routing (404) answer before cors() runs',
    expect: [],
    info: ['error-without-cors'],
    cookie: 'session=s3cr3t-value',
    start: expressApp((app) => {
      app.use((req, res, next) => (req.method !== 'OPTIONS' && !String(req.headers.cookie ?? '').includes('session=') ? void res.status(401).json({ error: 'log in' }) : next()));
      app.use((req, res, next) => (req.path !== '/api' && req.method !== 'OPTIONS' ? void res.status(404).end() : next()));
      app.use(cors({ origin: TRUSTED, credentials: true, maxAge: 600 }));
    }),
  },
  {
    name: 'missing-vary',
    framework: 'node:http',
    what: 'an exact allow-list, but no Vary: Origin',
    expect: [['missing-vary-origin', 'low']],
    start: plain((req, res) => {
      allowList(req.headers.origin, res, (o) => o === TRUSTED, true, false);
      if (req.method === 'OPTIONS' && req.headers.origin === TRUSTED) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, PUT');
        res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
        res.setHeader('Access-Control-Max-Age', '600');
      }
    }),
  },
  {
    name: 'private-network-any',
    framework: 'node:http',
    what: 'Access-Control-Allow-Private-Network: true for any origin asking',
    expect: [],
    info: ['private-network-broad'],
    start: plain((req, res) => {
      if (req.method === 'OPTIONS' && req.headers['access-control-request-private-network'] === 'true') {
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('Access-Control-Allow-Private-Network', 'true');
        return;
      }
      allowList(req.headers.origin, res, (o) => o === TRUSTED, false);
    }),
  },
  {
    name: 'wildcard-credentials',
    framework: 'node:http',
    what: 'Access-Control-Allow-Origin: * with Access-Control-Allow-Credentials: true',
    expect: [['wildcard-with-credentials', 'low']],
    start: plain((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
    }),
  },
  {
    name: 'websocket-any-origin',
    framework: 'node:http',
    what: 'a WebSocket endpoint that accepts every Origin (detected by its 426 Upgrade: websocket)',
    expect: [['websocket-cross-site', 'medium']],
    start: websocketServer(() => true),
  },
  {
    name: 'websocket-any-origin-signed-in',
    framework: 'node:http',
    what: 'the same, audited with a session cookie',
    expect: [['websocket-cross-site', 'high']],
    cookie: 'sid=abc123',
    websocket: true,
    start: websocketServer(() => true),
  },
];

/** Correct configurations: nothing at `low` or above. */
export const CORRECT: Planted[] = [
  {
    name: 'allow-list-express',
    framework: 'express',
    what: `cors({ origin: ['${TRUSTED}'], credentials: true, maxAge: 600 })`,
    expect: [],
    start: expressApp((app) => app.use(cors({ origin: [TRUSTED], credentials: true, maxAge: 600 }))),
  },
  {
    name: 'allow-list-fastify',
    framework: 'fastify',
    what: `@fastify/cors { origin: ['${TRUSTED}'], credentials: true, maxAge: 600 }`,
    expect: [],
    start: fastifyApp({ origin: [TRUSTED], credentials: true, maxAge: 600 }),
  },
  {
    name: 'allow-list-hono',
    framework: 'hono',
    what: `hono/cors { origin: '${TRUSTED}', credentials: true, maxAge: 600 }`,
    expect: [],
    start: honoApp({ origin: TRUSTED, credentials: true, maxAge: 600 }),
  },
  {
    name: 'allow-list-node-http',
    framework: 'node:http',
    what: 'exact allow-list with Vary: Origin, preflight with methods, headers and max-age',
    expect: [],
    start: plain((req, res) => {
      allowList(req.headers.origin, res, (o) => o === TRUSTED);
      if (req.method === 'OPTIONS' && req.headers.origin === TRUSTED) {
        res.setHeader('Access-Control-Allow-Methods', 'GET, POST, PUT, DELETE');
        res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
        res.setHeader('Access-Control-Max-Age', '600');
      }
    }),
  },
  {
    name: 'public-wildcard-express',
    framework: 'express',
    what: 'cors() (Access-Control-Allow-Origin: *, every method)',
    expect: [],
    start: expressApp((app) => app.use(cors())),
  },
  {
    name: 'public-wildcard-hono',
    framework: 'hono',
    what: 'hono/cors() (Access-Control-Allow-Origin: *)',
    expect: [],
    start: honoApp({ origin: '*' }),
  },
  {
    name: 'public-wildcard-fastify',
    framework: 'fastify',
    what: "@fastify/cors { origin: '*' }",
    expect: [],
    start: fastifyApp({ origin: '*' }),
  },
  {
    name: 'no-cors',
    framework: 'node:http',
    what: 'no CORS headers at all',
    expect: [],
    start: plain(() => {}),
  },
  {
    name: 'websocket-checks-origin',
    framework: 'node:http',
    what: 'a WebSocket endpoint that refuses foreign origins (403)',
    expect: [],
    websocket: true,
    start: websocketServer((o) => o === TRUSTED),
  },
];
