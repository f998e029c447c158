// corsproof verify and corsproof config, run as built against live servers: the example backend of
// examples/policy (every route of its OpenAPI document), a backend that drifted from the policy, a closed port.
import cors from 'cors';
import express from 'express';
import * as http from 'node:http';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expressApp } from '../../examples/policy/backend.mjs';
import { cli, listen, requireBuild, type Running } from './helpers.js';

const policyFile = fileURLToPath(new URL('../../examples/policy/cors.policy.json', import.meta.url));
const openapi = fileURLToPath(new URL('../../examples/policy/openapi.yaml', import.meta.url));
let good: Running;
let drifted: Running;

beforeAll(async () => {
  requireBuild();
  good = await listen(http.createServer(expressApp()));
  // Reflects any origin, and forgets the admin scope.
  const app = express();
  app.use(cors({ origin: true, credentials: true, methods: ['GET', 'POST', 'PUT'], allowedHeaders: ['content-type'], exposedHeaders: ['x-total-count'], maxAge: 600 }));
  app.all('/api/*path', (req, res) => res.json({}));
  drifted = await listen(http.createServer(app));
});
afterAll(async () => {
  await good?.close();
  await drifted?.close();
});

describe('corsproof verify', () => {
  it('exit 0: every route of the OpenAPI document matches the policy', async () => {
    const r = await cli(['verify', good.url, '--policy', policyFile, '--openapi', openapi]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`verify ${good.url}  (routes: read from the OpenAPI document; engines: chromium, firefox, webkit)`);
    expect(r.stdout).toContain('✓ DELETE /api/admin/items/{id} (requested as /api/admin/items/it-1) · policy scope /api/admin/*');
    expect(r.stdout).toMatch(/result {4}no deviation on 3 routes \(\d+ probes\)/);
  });

  it('exit 1: every deviation, grouped by route, with the fix; --json says the same', async () => {
    const r = await cli(['verify', drifted.url, '--policy', policyFile, '--openapi', openapi, '--engine', 'chromium']);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('✗ GET, POST /api/items');
    expect(r.stdout).toContain('✗ https://evil.example is refused (a foreign site): allowed in chromium');
    expect(r.stdout).toContain("Fix: Stop answering Origin https://evil.example with 'Access-Control-Allow-Origin: https://evil.example'");
    expect(r.stdout).toContain('✗ https://admin.app.example may send request header x-csrf-token with credentials: blocked in chromium (HeaderDisallowedByPreflightResponse)');
    const json = await cli(['verify', drifted.url, '--policy', policyFile, '--openapi', openapi, '--engine', 'chromium', '--json']);
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout);
    expect(report).toMatchObject({ command: 'verify', ok: false, unreachable: false, engines: ['chromium'] });
    const admin = report.routes.find((r: { route: string }) => r.route === '/api/admin/items/{id}');
    expect(admin.deviations.map((d: { kind: string }) => d.kind)).toContain('header-allowed');
    expect(admin.deviations.every((d: { fix: string; exchanges: unknown[] }) => d.fix.length > 0 && d.exchanges.length > 0)).toBe(true);
  });

  it('--route gives the routes by hand', async () => {
    const r = await cli(['verify', good.url, '--policy', policyFile, '--route', '/api/items', '--route', '/api/admin/items/:id', '--param', 'id=it-1', '--engine', 'firefox', '--json']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.routesFrom).toBe('given in the routes option');
    expect(report.routes.map((x: { route: string; path: string }) => `${x.route} ${x.path}`)).toEqual(['/api/items /api/items', '/api/admin/items/:id /api/admin/items/it-1']);
  });

  it('only GET, HEAD and preflights reach a live server unless --send-unsafe', async () => {
    const seen: string[] = [];
    const app = expressApp();
    const server = http.createServer((req, res) => {
      seen.push(req.method ?? '');
      app(req, res);
    });
    const running = await listen(server);
    try {
      expect((await cli(['verify', running.url, '--policy', policyFile, '--openapi', openapi, '--engine', 'chromium'])).code).toBe(0);
      expect([...new Set(seen)].sort()).toEqual(['GET', 'OPTIONS']);
      seen.length = 0;
      expect((await cli(['verify', running.url, '--policy', policyFile, '--openapi', openapi, '--engine', 'chromium', '--send-unsafe'])).code).toBe(0);
      expect([...new Set(seen)].sort()).toEqual(['DELETE', 'GET', 'OPTIONS', 'PUT']);
    } finally {
      await running.close();
    }
  });

  it('exit 3: the server cannot be reached', async () => {
    const closed = await listen(http.createServer());
    const url = closed.url;
    await closed.close();
    const r = await cli(['verify', url, '--policy', policyFile]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('The server could not be reached: a network failure, not a CORS decision (exit code 3).');
  });

  it.each([
    [['verify', 'http://127.0.0.1:9'], 'Invalid --policy: missing.'],
    [['verify', '--policy', 'cors.policy.json'], 'Invalid url: missing.'],
    [['verify', 'http://127.0.0.1:9', '--policy', 'nope.json'], "Invalid --policy: 'nope.json' does not exist."],
    [['verify', 'http://127.0.0.1:9', '--policy', policyFile, '--param', 'id'], "Invalid --param: 'id' is not name=value."],
    [['verify', 'http://127.0.0.1:9', '--policy', policyFile, '--openapi', policyFile], 'is not an OpenAPI 3 document'],
    [['verify', 'http://127.0.0.1:9', '--policy', policyFile, '--route', 'items'], "Invalid --route: 'items' does not start with /."],
    [['config', '--policy', policyFile], 'Invalid --for: missing.'],
    [['config', '--policy', policyFile, '--for', 'nest'], "Invalid --for: 'nest' is not one of express, fastify, hono, koa."],
  ])('exit 2: %j', async (args, message) => {
    const r = await cli(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
  });
});

describe('corsproof config', () => {
  it('prints a module per framework; --help explains', async () => {
    for (const framework of ['express', 'fastify', 'hono', 'koa']) {
      const r = await cli(['config', '--policy', policyFile, '--for', framework]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`(corsproof config --for ${framework})`);
      expect(r.stdout).toContain('export function applyCors(app)'.replace('function', framework === 'fastify' ? 'async function' : 'function'));
      expect(r.stdout).toContain("// routes '/api/admin/*'");
    }
    const help = await cli(['config', '--help']);
    expect(help.stdout).toContain('Usage: corsproof config --policy <file> --for <framework>');
    expect((await cli(['--help'])).stdout).toContain('corsproof verify <base-url> --policy <file>');
  });
});
