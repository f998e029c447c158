/**
 * `corsproof audit` as built, against the example API and planted servers: text, --json, --sarif, exit codes
 * and --fail-on, several URLs with one summary, --urls FILE and stdin, --openapi, --cookie redaction.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditJson } from '../../src/audit/json.js';
import { PLANTED } from '../audit/planted.js';
import { CLI, cli, listen, useExampleServer } from './helpers.js';

const api = useExampleServer();
const ORIGIN = 'https://app.example';

async function auditJson(args: string[]): Promise<{ code: number; json: AuditJson }> {
  const r = await cli(['audit', ...args, '--origin', ORIGIN, '--json']);
  expect(r.stderr).toBe('');
  return { code: r.code, json: JSON.parse(r.stdout) as AuditJson };
}

const ids = (json: AuditJson, i = 0) => json.results[i].findings.map((f) => `${f.severity} ${f.id}`);

describe('corsproof audit', () => {
  it('flags an endpoint that reflects any origin with credentials as high, and exits 1', async () => {
    const r = await cli(['audit', `${api.url}/api/reflect`, '--origin', ORIGIN]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`audit GET ${api.url}/api/reflect  for ${ORIGIN}`);
    expect(r.stdout).toMatch(/foreign origin +https:\/\/evil\.example +200 +https:\/\/evil\.example \+credentials +readable, with cookies/);
    expect(r.stdout).toMatch(/^ +\d+ more origin probes \(look-alikes, subdomain, http:, special characters, hosting sites\): every one granted too$/m);
    expect(r.stdout).toMatch(/^HIGH +Any origin is reflected, with credentials +\[origin-reflected\]$/m);
    expect(r.stdout).toMatch(/^HIGH +Origin null is allowed, with credentials +\[null-origin\]$/m);
    expect(r.stdout).toMatch(/^ +fix Compare Origin with an exact allow-list/m);
  });

  it('--json: schema version 1, severities, counts, probes with their raw answers', async () => {
    const { code, json } = await auditJson([`${api.url}/api/reflect`]);
    expect(code).toBe(1);
    expect(json).toMatchObject({ schemaVersion: 1, command: 'audit', origins: [ORIGIN], highest: 'high', endpoints: 1, unreachable: 0 });
    expect(ids(json).slice(0, 2)).toEqual(['high origin-reflected', 'high null-origin']);
    expect(json.results[0].probes.filter((p) => p.kind === 'origin').every((p) => p.readable.include)).toBe(true);
    const pre = json.results[0].probes.find((p) => p.id === `preflight:PUT:${ORIGIN}`)!;
    expect(pre.preflight).toMatchObject({ passes: { omit: true, include: false }, failure: { code: 'MethodDisallowedByPreflightResponse' } });
  });

  it('passes a strict allow-list endpoint with nothing above info (exit 0)', async () => {
    const { code, json } = await auditJson([`${api.url}/api/user`]);
    expect(code).toBe(0);
    expect(ids(json)).toEqual(['info error-without-cors']);
    const text = await cli(['audit', `${api.url}/api/user`, '--origin', ORIGIN]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`readable by ${ORIGIN} only, with cookies`);
  });

  it('--fail-on lowers the bar: info findings fail the run when asked', async () => {
    expect((await cli(['audit', `${api.url}/api/user`, '--origin', ORIGIN, '--fail-on', 'info'])).code).toBe(1);
    expect((await cli(['audit', `${api.url}/api/user`, '--origin', ORIGIN, '--fail-on', 'low'])).code).toBe(0);
    expect((await cli(['audit', `${api.url}/api/partner`, '--origin', ORIGIN, '--fail-on', 'medium'])).code).toBe(1);
  });

  it('several URLs: one section each and one summary; the worst decides the exit code', async () => {
    const r = await cli(['audit', `${api.url}/api/user`, `${api.url}/api/partner`, `${api.url}/api/public`, '--origin', ORIGIN]);
    expect(r.code).toBe(1);
    expect(r.stdout.match(/^audit GET /gm)).toHaveLength(3);
    expect(r.stdout).toMatch(/^summary {2}3 endpoints audited; \d+ findings: 1 high, 3 medium/m);
    expect(r.stdout).toMatch(new RegExp(`^ {2}HIGH {9}${api.url}/api/partner {2}lookalike-origin`, 'm'));
    expect(r.stdout).toMatch(new RegExp(`^ {2}INFO {9}${api.url}/api/public$`, 'm'));
  });

  it('--urls FILE and --urls - (stdin), comments and blank lines skipped', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corsproof-urls-'));
    const file = path.join(dir, 'urls.txt');
    writeFileSync(file, `# endpoints\n${api.url}/api/user\n\n${api.url}/api/public\n`);
    const { json } = await auditJson(['--urls', file]);
    expect(json.results.map((e) => e.url)).toEqual([`${api.url}/api/user`, `${api.url}/api/public`]);
    const piped = await new Promise<{ code: number; stdout: string }>((resolve) => {
      const child = execFile(process.execPath, [CLI, 'audit', '--urls', '-', '--origin', ORIGIN, '--json'], { timeout: 15_000 }, (error, stdout) =>
        resolve({ code: error ? Number(error.code) : 0, stdout }),
      );
      child.stdin!.end(`${api.url}/api/reflect\n`);
    });
    expect(piped.code).toBe(1);
    expect((JSON.parse(piped.stdout) as AuditJson).results[0].url).toBe(`${api.url}/api/reflect`);
  });

  it('--openapi: every path and method of the document against --base-url', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corsproof-openapi-'));
    const file = path.join(dir, 'api.yaml');
    writeFileSync(file, 'openapi: 3.0.0\ninfo: { title: Example, version: "1" }\nservers: [{ url: /api }]\npaths:\n  /user:\n    get: {}\n    delete: {}\n  /reflect:\n    get: {}\n');
    const { code, json } = await auditJson(['--openapi', file, '--base-url', api.url]);
    expect(code).toBe(1);
    expect(json.results.map((e) => `${e.url} ${e.methods.join(',')} ${e.probeMethod}`)).toEqual([`${api.url}/api/user GET,DELETE GET`, `${api.url}/api/reflect GET GET`]);
    expect(json.results[0].probes.some((p) => p.id === `preflight:DELETE:${ORIGIN}`)).toBe(true);
  });

  it('--sarif prints a SARIF 2.1.0 log with one rule per finding class', async () => {
    const r = await cli(['audit', `${api.url}/api/partner`, '--origin', ORIGIN, '--sarif']);
    expect(r.code).toBe(1);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: Array<{ tool: { driver: { name: string; rules: unknown[] } }; results: Array<{ ruleId: string; level: string }> }> };
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].tool.driver.name).toBe('corsproof');
    expect(sarif.runs[0].results.find((x) => x.ruleId === 'lookalike-origin')!.level).toBe('error');
  });

  it('--cookie is sent and redacted; a WebSocket endpoint that accepts any origin is found', async () => {
    const planted = PLANTED.find((p) => p.name === 'websocket-any-origin')!;
    const server = await planted.start();
    try {
      const r = await cli(['audit', `${server.url}/api`, '--origin', ORIGIN, '--cookie', 'sid=cookie-secret-1', '--json']);
      expect(r.stdout).not.toContain('cookie-secret-1');
      const json = JSON.parse(r.stdout) as AuditJson;
      expect(ids(json)).toContain('high websocket-cross-site');
      expect(json.results[0].websocket).toBe(true);
      expect(r.code).toBe(1);
    } finally {
      await server.close();
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
    expect(JSON.parse(json.stdout)).toMatchObject({ unreachable: 1, results: [{ unreachable: true, findings: [] }] });
  });

  it('bad input exits 2 naming the option', async () => {
    const bad = async (args: string[], message: RegExp) => {
      const r = await cli(['audit', ...args]);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toMatch(message);
    };
    await bad([`${api.url}/x`, '--origin', ORIGIN, '--fail-on', 'critical'], /Invalid --fail-on: 'critical' is not a severity/);
    await bad([`${api.url}/x`, '--origin', ORIGIN, '--json', '--sarif'], /Invalid --sarif: it cannot be combined with --json/);
    await bad([`${api.url}/x`, '--origin', ORIGIN, '--concurrency', '0'], /Invalid --concurrency/);
    await bad([`${api.url}/x`, '--origin', ORIGIN, '--cookie', 'nocookie'], /Invalid --cookie: a value is not 'name=value'/);
    await bad(['--origin', ORIGIN, '--urls', '/nonexistent/urls.txt'], /Invalid --urls: cannot read/);
    await bad(['--origin', ORIGIN, '--openapi', '/nonexistent/api.yaml'], /Invalid --openapi: '\/nonexistent\/api\.yaml' does not exist/);
    await bad([`${api.url}/x`, '--origin', ORIGIN, '--base-url', api.url], /Invalid --base-url: it only applies with --openapi/);
  });
});
