/**
 * `corsproof check`, the built command, against the example API on a real loopback socket.
 */
import { createServer as createNetServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import type { CheckJson } from '../../src/cli/check.js';
import { cli, listen, useExampleServer } from './helpers.js';

const api = useExampleServer();

const ORIGIN = 'https://app.example';

describe('corsproof check', () => {
  it('allows a credentialed GET from the allow-listed origin: exit 0, the exchange and what script can read', async () => {
    const r = await cli(['check', `${api.url}/api/user`, '--origin', ORIGIN, '--credentials', 'include']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`GET ${api.url}/api/user  from ${ORIGIN}  (credentials: include, mode: cors)`);
    expect(r.stdout).toMatch(/^chromium +ALLOWED +200 cors$/m);
    expect(r.stdout).toContain(`request    GET ${api.url}/api/user`);
    expect(r.stdout).toContain(`> Origin: ${ORIGIN}`);
    expect(r.stdout).toContain('< 200 OK');
    expect(r.stdout).toContain(`< Access-Control-Allow-Origin: ${ORIGIN}`);
    expect(r.stdout).toContain('< Access-Control-Allow-Credentials: true');
    expect(r.stdout).toContain('< Vary: Origin');
    expect(r.stdout).toMatch(/readable content-type, content-length/);
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('blocks a DELETE whose preflight forgets X-CSRF-Token, in every engine: exit 1, console message and fix', async () => {
    const r = await cli(['check', `${api.url}/api/admin`, '--origin', ORIGIN, '-X', 'DELETE', '-H', 'X-CSRF-Token: 1', '--credentials', 'include', '--engine', 'all']);
    expect(r.code).toBe(1);
    for (const engine of ['chromium', 'firefox', 'webkit', 'spec']) {
      expect(r.stdout).toMatch(new RegExp(`^${engine} +BLOCKED +HeaderDisallowedByPreflightResponse \\(preflight\\)$`, 'm'));
    }
    expect(r.stdout).toContain(`preflight  OPTIONS ${api.url}/api/admin`);
    expect(r.stdout).toContain('> Access-Control-Request-Method: DELETE');
    expect(r.stdout).toContain('> Access-Control-Request-Headers: x-csrf-token');
    expect(r.stdout).toContain('< 204 No Content');
    expect(r.stdout).toContain('< Access-Control-Allow-Headers: Content-Type, Authorization');
    expect(r.stdout).toContain(
      `console  Access to fetch at '${api.url}/api/admin' from origin '${ORIGIN}' has been blocked by CORS policy: Request header field x-csrf-token is not allowed by Access-Control-Allow-Headers in preflight response.`,
    );
    expect(r.stdout).toMatch(/console +Cross-Origin Request Blocked: .*\n +Cross-Origin Request Blocked: .*\[CORSMissingAllowHeaderFromPreflight2\]/);
    expect(r.stdout).toContain('console  Request header field X-CSRF-Token is not allowed by Access-Control-Allow-Headers.');
    expect(r.stdout).toMatch(/^ +fix +.*x-csrf-token.*Access-Control-Allow-Headers/m);
    // The DELETE itself never went out: only the preflight is listed.
    expect(r.stdout).not.toContain(`DELETE ${api.url}/api/admin\n`);
    expect(r.stdout).toContain('result    BLOCKED in chromium, firefox, webkit, spec');
  });

  it('passes the same preflight when X-CSRF-Token is allowed (/api/user): actual request follows the preflight', async () => {
    const r = await cli(['check', `${api.url}/api/user`, '--origin', ORIGIN, '-X', 'DELETE', '-H', 'X-CSRF-Token: 1', '--credentials', 'include', '--json']);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.allowed).toBe(true);
    expect(json.verdicts[0].exchanges.map((e) => `${e.kind} ${e.request.method}`)).toEqual(['preflight OPTIONS', 'actual DELETE']);
  });

  it('blocks a credentialed request to a wildcard endpoint (WildcardOriginNotAllowed) and allows it without credentials', async () => {
    const blocked = await cli(['check', `${api.url}/api/public`, '--origin', ORIGIN, '--credentials', 'include']);
    expect(blocked.code).toBe(1);
    expect(blocked.stdout).toMatch(/^chromium +BLOCKED +WildcardOriginNotAllowed$/m);
    expect(blocked.stdout).toContain("The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.");
    const allowed = await cli(['check', `${api.url}/api/public`, '--origin', ORIGIN, '--credentials', 'omit']);
    expect(allowed.code).toBe(0);
    expect(allowed.stdout).toContain('< Access-Control-Allow-Origin: *');
  });

  it('blocks an origin that is not on the allow-list (MissingAllowOriginHeader)', async () => {
    const r = await cli(['check', `${api.url}/api/user`, '--origin', 'https://evil.example']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^chromium +BLOCKED +MissingAllowOriginHeader$/m);
    expect(r.stdout).toContain("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    expect(r.stdout).toContain('(no Access-Control-* headers)');
  });

  it('checks a page with an opaque origin (--origin null) against an endpoint that allows null', async () => {
    const r = await cli(['check', `${api.url}/api/reflect`, '--origin', 'null', '--credentials', 'include']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('> Origin: null');
    expect(r.stdout).toContain('< Access-Control-Allow-Origin: null');
  });

  it('marks headers a browser would drop, and does not send them', async () => {
    const r = await cli(['check', `${api.url}/api/user`, '--origin', ORIGIN, '-H', 'Cookie: a=1', '--json']);
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json.verdicts[0].exchanges.flatMap((e) => e.request.headers.map(([n]) => n.toLowerCase()))).not.toContain('cookie');
    const text = await cli(['check', `${api.url}/api/user`, '--origin', ORIGIN, '-H', 'Cookie: a=1']);
    expect(text.stdout).toContain('Cookie: a=[redacted]  (dropped: browsers never let script set it)');
  });

  it('reports an opaque response in no-cors mode as allowed with nothing readable', async () => {
    const r = await cli(['check', `${api.url}/api/user`, '--origin', 'https://evil.example', '--mode', 'no-cors']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^chromium +ALLOWED +0 opaque$/m);
    expect(r.stdout).toContain('gets an opaque response: status 0, no headers, no body');
  });

  it('--json: one verdict per engine with reason, exchanges (no bodies) and the request echoed', async () => {
    const r = await cli(['check', `${api.url}/api/admin`, '--origin', ORIGIN, '--method', 'DELETE', '--header', 'X-CSRF-Token: 1', '--engine', 'chromium,firefox', '--json']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('');
    const json = JSON.parse(r.stdout) as CheckJson;
    expect(json).toMatchObject({
      command: 'check',
      request: { url: `${api.url}/api/admin`, origin: ORIGIN, method: 'DELETE', headers: [['X-CSRF-Token', '1']], credentials: 'same-origin', mode: 'cors' },
      allowed: false,
      unreachable: false,
    });
    expect(json.verdicts.map((v) => v.engine)).toEqual(['chromium', 'firefox']);
    for (const v of json.verdicts) {
      expect(v.allowed).toBe(false);
      expect(v.response).toBeNull();
      expect(v.reason).toMatchObject({ code: 'HeaderDisallowedByPreflightResponse', preflight: true, url: `${api.url}/api/admin` });
      expect(v.reason!.fix).toMatch(/x-csrf-token/i);
      expect(v.exchanges).toHaveLength(1);
      expect(v.exchanges[0]).toMatchObject({ kind: 'preflight', request: { method: 'OPTIONS' }, response: { status: 204 } });
      expect(v.exchanges[0].request.headers).toContainEqual(['Access-Control-Request-Headers', 'x-csrf-token']);
      expect(Object.keys(v.exchanges[0])).not.toContain('body');
    }
    expect(json.verdicts[1].reason!.firefox.code).toBe('CORSMissingAllowHeaderFromPreflight2');
  });

  it('tells a dead server from a CORS block: exit 3 and a network message', async () => {
    const dead = await listen(createNetServer());
    await dead.close();
    const r = await cli(['check', `${dead.url}/api/user`, '--origin', ORIGIN]);
    expect(r.code).toBe(3);
    expect(r.stdout).toMatch(/^chromium +BLOCKED +NetworkError$/m);
    expect(r.stdout).toContain('a network failure, not a CORS decision');
  });

  it('gives a verdict within --timeout when the server accepts the connection and never answers', async () => {
    const hang = await listen(createNetServer(() => {}));
    try {
      const started = Date.now();
      const r = await cli(['check', `${hang.url}/x`, '--origin', ORIGIN, '--timeout', '300', '--json']);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(r.code).toBe(3);
      const json = JSON.parse(r.stdout) as CheckJson;
      expect(json.unreachable).toBe(true);
      expect(json.verdicts[0].reason?.code).toBe('Timeout');
    } finally {
      await hang.close();
    }
  });
});
