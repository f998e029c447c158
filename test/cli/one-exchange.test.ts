/**
 * `corsproof check` against a live API touches it as little as a browser would: with every engine, each distinct
 * request goes on the wire once (the engines share one exchange), and with --preflight-only a method that is not
 * safe is never sent at all. A counting server on a real socket proves both.
 */
import { createServer, type IncomingMessage } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { CheckJson } from '../../src/cli/check.js';
import { cli, listen, requireBuild, type Running } from './helpers.js';

const ORIGIN = 'https://app.example';
let server: Running;
const seen: string[] = [];

beforeAll(async () => {
  requireBuild();
  server = await listen(
    createServer((req: IncomingMessage, res) => {
      seen.push(`${req.method} ${req.url} origin=${req.headers.origin ?? '-'} acrm=${req.headers['access-control-request-method'] ?? '-'} acrh=${req.headers['access-control-request-headers'] ?? '-'}`);
      res.setHeader('access-control-allow-origin', ORIGIN);
      res.setHeader('vary', 'Origin');
      if (req.method === 'OPTIONS') {
        res.setHeader('access-control-allow-methods', 'GET, DELETE');
        res.setHeader('access-control-allow-headers', req.url === '/strict' ? 'content-type' : 'x-csrf-token, dpr');
        res.statusCode = 204;
      }
      res.end(req.method === 'OPTIONS' ? '' : 'ok');
    }),
  );
});
afterAll(() => server.close());
beforeEach(() => {
  seen.length = 0;
});

describe('corsproof check --engine all', () => {
  it('sends a preflighted DELETE once: one OPTIONS and one DELETE for four engines', async () => {
    const result = await cli(['check', `${server.url}/items/1`, '--origin', ORIGIN, '-X', 'DELETE', '-H', 'X-CSRF-Token: 1', '--engine', 'all', '--json']);
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout) as CheckJson;
    expect(report.verdicts.map((v) => [v.engine, v.allowed])).toEqual([['chromium', true], ['firefox', true], ['webkit', true], ['spec', true]]);
    expect(seen).toEqual([
      `OPTIONS /items/1 origin=${ORIGIN} acrm=DELETE acrh=x-csrf-token`,
      `DELETE /items/1 origin=${ORIGIN} acrm=- acrh=-`,
    ]);
  });

  it('sends a simple GET once for every engine', async () => {
    expect((await cli(['check', `${server.url}/items`, '--origin', ORIGIN, '--engine', 'all'])).code).toBe(0);
    expect(seen).toEqual([`GET /items origin=${ORIGIN} acrm=- acrh=-`]);
  });

  it('parts where the engines put different requests on the wire: a client hint only Chromium lets through unpreflighted', async () => {
    const result = await cli(['check', `${server.url}/hints`, '--origin', ORIGIN, '-H', 'DPR: 2', '--engine', 'chromium,firefox', '--json']);
    expect(result.code).toBe(0);
    expect([...seen].sort()).toEqual([
      `GET /hints origin=${ORIGIN} acrm=- acrh=-`,
      `GET /hints origin=${ORIGIN} acrm=- acrh=-`,
      `OPTIONS /hints origin=${ORIGIN} acrm=GET acrh=dpr`,
    ]);
  });
});

describe('corsproof check --preflight-only', () => {
  it('sends only the preflight of a DELETE, and says the DELETE itself was not sent', async () => {
    const result = await cli(['check', `${server.url}/items/1`, '--origin', ORIGIN, '-X', 'DELETE', '-H', 'X-CSRF-Token: 1', '--engine', 'all', '--preflight-only']);
    expect(seen).toEqual([`OPTIONS /items/1 origin=${ORIGIN} acrm=DELETE acrh=x-csrf-token`]);
    expect(result.stdout).toContain('PREFLIGHT PASSED  the DELETE itself was not sent (--preflight-only)');
    expect(result.code).toBe(0);
  });

  it('fails when the preflight fails, still without sending the DELETE', async () => {
    const result = await cli(['check', `${server.url}/strict`, '--origin', ORIGIN, '-X', 'DELETE', '-H', 'X-CSRF-Token: 1', '--preflight-only']);
    expect(seen).toEqual([`OPTIONS /strict origin=${ORIGIN} acrm=DELETE acrh=x-csrf-token`]);
    expect(result.stdout).toContain('BLOCKED  HeaderDisallowedByPreflightResponse (preflight)');
    expect(result.code).toBe(1);
  });

  it('sends a safe method as usual', async () => {
    expect((await cli(['check', `${server.url}/items`, '--origin', ORIGIN, '--preflight-only'])).code).toBe(0);
    expect(seen).toEqual([`GET /items origin=${ORIGIN} acrm=- acrh=-`]);
  });

  it('says nothing was checked when a POST needs no preflight (exit 2), and sends nothing', async () => {
    const result = await cli(['check', `${server.url}/form`, '--origin', ORIGIN, '-X', 'POST', '--preflight-only']);
    expect(seen).toEqual([]);
    expect(result.stdout).toContain('NOT CHECKED  this POST needs no preflight, and --preflight-only does not send the request itself');
    expect(result.code).toBe(2);
  });
});
