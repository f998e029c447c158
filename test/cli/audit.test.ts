/**
 * `corsproof audit`, the built command, against the example API (and a few one-off servers) on real sockets.
 */
import http from 'node:http';
import { createServer as createNetServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { AuditJson } from '../../src/cli/audit.js';
import { cli, listen, useExampleServer } from './helpers.js';

const api = useExampleServer();

const ORIGIN = 'https://app.example';

async function auditJson(path: string, extra: string[] = [], base = api.url): Promise<{ code: number; json: AuditJson }> {
  const r = await cli(['audit', `${base}${path}`, '--origin', ORIGIN, '--json', ...extra]);
  expect(r.stderr).toBe('');
  return { code: r.code, json: JSON.parse(r.stdout) as AuditJson };
}

const ids = (json: AuditJson) => json.findings.map((f) => `${f.severity} ${f.id}`);

describe('corsproof audit', () => {
  it('flags an endpoint that reflects any origin with credentials as high, and exits 1', async () => {
    const r = await cli(['audit', `${api.url}/api/reflect`, '--origin', ORIGIN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`audit GET ${api.url}/api/reflect  for ${ORIGIN}`);
    expect(r.stdout).toMatch(/foreign origin +https:\/\/evil\.example +200 +https:\/\/evil\.example \+credentials +readable, with cookies/);
    expect(r.stdout).toMatch(/^HIGH +Any origin is reflected, with credentials +\[origin-reflected\]$/m);
    expect(r.stdout).toMatch(/^HIGH +Origin null is allowed, with credentials +\[null-origin\]$/m);
    expect(r.stdout).toMatch(/^MEDIUM +Vary: Origin is missing/m);
    expect(r.stdout).toMatch(/^ +fix Compare Origin with an exact allow-list/m);
  });

  it('--json for the reflecting endpoint: severities, counts, every probe with its raw answer', async () => {
    const { code, json } = await auditJson('/api/reflect');
    expect(code).toBe(1);
    expect(json).toMatchObject({ command: 'audit', url: `${api.url}/api/reflect`, origin: ORIGIN, method: 'GET', unreachable: false, highest: 'high' });
    expect(ids(json)).toEqual([
      'high origin-reflected',
      'high null-origin',
      'medium missing-vary-origin',
      'low wildcard-methods',
      'low wildcard-headers',
      'info preflight-fails',
      'info preflight-max-age-missing',
    ]);
    expect(json.counts).toEqual({ high: 2, medium: 1, low: 2, info: 2 });
    expect(json.probes.map((p) => p.kind)).toEqual(['trusted', 'foreign', 'null', 'prefix', 'suffix', 'unescaped-dot', 'subdomain', 'scheme']);
    expect(json.probes.map((p) => p.origin)).toEqual([
      ORIGIN,
      'https://evil.example',
      'null',
      'https://evilapp.example',
      'https://app.example.evil.example',
      'https://appxexample',
      'https://evil.app.example',
      'http://app.example',
    ]);
    for (const probe of json.probes) {
      expect(probe.request.headers).toContainEqual(['Origin', probe.origin]);
      expect(probe.allowOrigin).toBe(probe.origin);
      expect(probe.readable).toEqual({ omit: true, include: true });
    }
    // A credentialed PUT preflight fails on `Access-Control-Allow-Methods: *` (read literally with credentials).
    expect(json.preflight).toMatchObject({ method: 'PUT', headers: ['content-type'], credentials: 'include', passes: false, reason: { code: 'MethodDisallowedByPreflightResponse' } });
  });

  it('passes a strict allow-list endpoint with no findings (exit 0)', async () => {
    const { code, json } = await auditJson('/api/user');
    expect(code).toBe(0);
    expect(json.findings).toEqual([]);
    expect(json.highest).toBeNull();
    expect(json.probes.filter((p) => p.readable.include).map((p) => p.origin)).toEqual([ORIGIN]);
    expect(json.preflight).toMatchObject({ passes: true, credentials: 'include', response: { status: 204 } });
    const text = await cli(['audit', `${api.url}/api/user`, '--origin', ORIGIN]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`readable by ${ORIGIN} only, with cookies`);
    expect(text.stdout).toContain('No findings.');
  });

  it('catches a regex origin check that lets look-alikes, subdomains and http: in', async () => {
    const { code, json } = await auditJson('/api/partner');
    expect(code).toBe(1);
    expect(ids(json)).toEqual(['high lookalike-origin', 'medium subdomain-trusted', 'medium insecure-origin', 'low preflight-max-age-long', 'info preflight-fails']);
    expect(json.findings[0].origins).toEqual(['https://evilapp.example', 'https://app.example.evil.example', 'https://appxexample']);
  });

  it('a public wildcard endpoint has no high finding; the GET-only preflight is reported as info', async () => {
    const { code, json } = await auditJson('/api/public');
    expect(code).toBe(0);
    expect(ids(json)).toEqual(['info preflight-fails']);
    const text = await cli(['audit', `${api.url}/api/public`, '--origin', ORIGIN]);
    expect(text.stdout).toContain('readable by every origin, without cookies (Access-Control-Allow-Origin: *)');
  });

  it('reports the missing preflight max-age on /api/admin as info', async () => {
    const { code, json } = await auditJson('/api/admin');
    expect(code).toBe(0);
    expect(ids(json)).toEqual(['info preflight-max-age-missing']);
  });

  it('audits the preflight for the given method and headers, never sending that method itself', async () => {
    const seen: string[] = [];
    const server = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.headers['access-control-request-method'] ?? ''} ${req.headers['access-control-request-headers'] ?? ''}`.trim());
      res.setHeader('Vary', 'Origin');
      if (req.headers.origin === ORIGIN) res.setHeader('Access-Control-Allow-Origin', ORIGIN);
      if (req.method === 'OPTIONS') {
        res.setHeader('Access-Control-Allow-Methods', 'DELETE');
        res.setHeader('Access-Control-Allow-Headers', 'x-api-key, content-type');
        res.setHeader('Access-Control-Max-Age', 'ten minutes');
        res.statusCode = 204;
      }
      res.end();
    });
    const target = await listen(server);
    try {
      const { code, json } = await auditJson('/things/1', ['-X', 'DELETE', '-H', 'X-Api-Key: k', '-H', 'Cookie: session=1'], target.url);
      expect(code).toBe(0);
      expect(json.preflight).toMatchObject({ method: 'DELETE', headers: ['content-type', 'x-api-key'], credentials: 'omit', passes: true });
      expect(ids(json)).toEqual(['low preflight-max-age-invalid', 'info no-credentials']);
      // Probes carry the user's headers (the cookie too, its value redacted in the report); the preflight lists
      // only what a browser would.
      expect(json.probes[0].request.headers).toContainEqual(['Cookie', 'session=[redacted]']);
      expect(seen.filter((s) => s.startsWith('OPTIONS'))).toEqual(['OPTIONS DELETE content-type,x-api-key']);
      expect(seen.filter((s) => !s.startsWith('OPTIONS')).every((s) => s === 'DELETE')).toBe(true);
      expect(seen).toHaveLength(9);
    } finally {
      await target.close();
    }
  });

  it('flags a wildcard sent with credentials, and a wildcard exposing token headers', async () => {
    const server = http.createServer((req, res) => {
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', 'X-Request-Id, X-Auth-Token');
      res.statusCode = req.method === 'OPTIONS' ? 204 : 200;
      res.end();
    });
    const target = await listen(server);
    try {
      const { code, json } = await auditJson('/', [], target.url);
      expect(code).toBe(0);
      expect(ids(json)).toContain('low wildcard-with-credentials');
      expect(ids(json)).toContain('medium wildcard-sensitive-headers');
      expect(json.findings.find((f) => f.id === 'wildcard-sensitive-headers')!.detail).toContain('X-Auth-Token');
      expect(json.findings.find((f) => f.id === 'wildcard-sensitive-headers')!.detail).not.toContain('X-Request-Id');
    } finally {
      await target.close();
    }
  });

  it('exits 3 with a clear message when nothing answers', async () => {
    const dead = await listen(createNetServer());
    await dead.close();
    const r = await cli(['audit', `${dead.url}/api/user`, '--origin', ORIGIN]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('The endpoint could not be reached');
    expect(r.stdout).toContain('Nothing was audited');
    const json = await cli(['audit', `${dead.url}/api/user`, '--origin', ORIGIN, '--json']);
    expect(json.code).toBe(3);
    expect(JSON.parse(json.stdout)).toMatchObject({ unreachable: true, findings: [], preflight: null });
  });
});
