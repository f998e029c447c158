/**
 * The CLI against hostile servers and careless input, over real sockets: no server-controlled byte reaches the
 * terminal raw (status text, header values, URLs; text, JSON, SARIF, stderr; check, audit, explain), no secret is printed
 * unless --show-secrets asks for it, a URL with credentials is refused without echoing the password, and a
 * warning comes before an engine's profile sends the user's Authorization to another origin.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { cli, listen, requireBuild, type Running } from './helpers.js';

const ORIGIN = 'https://app.example';
const TOKEN = 'tok_live_5f3c9a2e7b';
const SERVER_COOKIE = 'srv_cookie_81d4c0e2';

/** Characters a terminal acts on, but the newline that ends our own lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
/** With colour on: any ESC that is not one of our own SGR sequences. */
const FOREIGN_ESCAPE = /\u001b(?!\[\d+m)|[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e]/;

/** Status text and headers meant to take over a terminal: clear it, retitle the window, recolour, overwrite. */
const EVIL_STATUS = 'OK\u001b[2J\u001b[H\u001b]0;owned\u0007\u009b31m';
const EVIL_VALUE = 'x\u001b[31mred\u009b1m\u0085next\u0008\u0007';

let api: Running;
let landing: Running;
const landed: Array<{ authorization?: string }> = [];

function evilHandler(req: http.IncomingMessage, res: http.ServerResponse): void {
  const origin = req.headers.origin ?? '*';
  const raw = (lines: string[]) => {
    // Written on the socket directly: Node's own server refuses these bytes in a response head.
    res.socket?.end(Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'));
  };
  if (req.method === 'OPTIONS') {
    raw([`HTTP/1.1 204 ${EVIL_STATUS}`, `Access-Control-Allow-Origin: ${origin}`, 'Access-Control-Allow-Credentials: true', 'Access-Control-Allow-Methods: GET, PUT', 'Access-Control-Allow-Headers: authorization, x-trace', 'Connection: close']);
    return;
  }
  if (req.url === '/redirect') {
    raw(['HTTP/1.1 307 Temporary Redirect', `Location: ${landing.url}/landing`, `Access-Control-Allow-Origin: ${origin}`, 'Access-Control-Allow-Credentials: true', 'Content-Length: 0', 'Connection: close']);
    return;
  }
  raw([
    `HTTP/1.1 200 ${EVIL_STATUS}`,
    `Access-Control-Allow-Origin: ${req.url === '/mismatch' ? `${origin}${EVIL_VALUE}` : origin}`,
    'Access-Control-Allow-Credentials: true',
    'Access-Control-Expose-Headers: x-evil, x-echo',
    `X-Evil: ${EVIL_VALUE}`,
    `X-Echo: ${req.headers.authorization ?? ''}`,
    `Set-Cookie: sid=${SERVER_COOKIE}; Path=/; SameSite=None; Secure`,
    `Vary: Origin${EVIL_VALUE}`,
    'Content-Length: 0',
    'Connection: close',
  ]);
}

beforeAll(async () => {
  requireBuild();
  api = await listen(http.createServer(evilHandler));
  landing = await listen(
    http.createServer((req, res) => {
      if (req.method !== 'OPTIONS') landed.push({ authorization: req.headers.authorization });
      res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Allow-Headers', 'authorization');
      res.end();
    }),
  );
});
afterAll(async () => {
  await api.close();
  await landing.close();
});

describe('no server-controlled byte reaches the terminal raw', () => {
  const runs: Array<[string, string[]]> = [
    ['check, allowed', ['check', '/evil', '--credentials', 'include', '-e', 'all']],
    ['check, blocked on the evil Allow-Origin', ['check', '/mismatch', '-e', 'all']],
    ['check, preflighted', ['check', '/evil', '-X', 'PUT', '-H', 'X-Trace: 1', '-e', 'all']],
    ['audit', ['audit', '/mismatch']],
    ['audit, allowed', ['audit', '/evil']],
  ];

  it.each(runs)('%s: text, coloured text and JSON', async (_name, [command, path, ...rest]) => {
    const args = [command, `${api.url}${path}`, '--origin', ORIGIN, ...rest];
    const text = await cli(args);
    expect([0, 1]).toContain(text.code);
    if (command === 'check') expect(text.stdout).toMatch(/x\\x1b\[31mred\\x9b1m|OK\\x1b\[2J/);
    expect(text.stdout).not.toMatch(RAW_CONTROL);
    expect(text.stderr).not.toMatch(RAW_CONTROL);

    const coloured = await cli(args, { FORCE_COLOR: '1' });
    expect(coloured.stdout).toMatch(/\u001b\[\d+m/);
    expect(coloured.stdout).not.toMatch(FOREIGN_ESCAPE);

    const json = await cli([...args, '--json']);
    expect(json.code).toBe(text.code);
    expect(json.stdout).not.toMatch(RAW_CONTROL);
    // The JSON keeps the exact bytes, escaped: parsed, the values are what the server sent.
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain(JSON.stringify(EVIL_VALUE).slice(1, -1));
  });

  it('the exact bytes are still in the JSON report: status text and header values as received', async () => {
    const r = await cli(['check', `${api.url}/evil`, '--origin', ORIGIN, '--json']);
    const report = JSON.parse(r.stdout) as { verdicts: Array<{ response: { statusText: string; headers: Record<string, string> } }> };
    expect(report.verdicts[0].response.statusText).toBe(EVIL_STATUS);
    expect(report.verdicts[0].response.headers['x-evil']).toBe(EVIL_VALUE);
  });
});

describe('secrets', () => {
  const args = (extra: string[] = []) => ['check', `${api.url}/evil`, '--origin', ORIGIN, '--credentials', 'include', '-H', `Authorization: Bearer ${TOKEN}`, '-H', 'Cookie: session=sess_cookie_42', ...extra];

  it('Authorization, Cookie, Set-Cookie values are redacted in text and JSON, and so is a token the server echoes', async () => {
    for (const extra of [[], ['--json'], ['-e', 'all', '--json']]) {
      const r = await cli(args(extra));
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain(TOKEN);
      expect(r.stdout).not.toContain('sess_cookie_42');
      expect(r.stdout).not.toContain(SERVER_COOKIE);
      expect(r.stdout).toContain('Bearer [redacted]');
      expect(r.stderr).toBe('');
    }
    const json = JSON.parse((await cli(args(['--json']))).stdout) as { verdicts: Array<{ response: { headers: Record<string, string> }; exchanges: Array<{ response: { headers: Array<[string, string]> } }> }> };
    expect(json.verdicts[0].response.headers['x-echo']).toBe('[redacted]');
    expect(json.verdicts[0].exchanges.at(-1)?.response.headers).toContainEqual(['Set-Cookie', 'sid=[redacted]; Path=/; SameSite=None; Secure']);
  });

  it('--show-secrets prints them as they are', async () => {
    const r = await cli(args(['--json', '--show-secrets']));
    expect(r.stdout).toContain(`Bearer ${TOKEN}`);
    expect(r.stdout).toContain(SERVER_COOKIE);
    expect((await cli(args(['--show-secrets']))).stdout).toContain(`Authorization: Bearer ${TOKEN}`);
  });

  it('a URL with credentials is refused before anything is sent (exit 2), and the password is never printed', async () => {
    for (const command of ['check', 'audit']) {
      for (const extra of [[], ['--json']]) {
        const r = await cli([command, api.url.replace('http://', 'http://alice:pa55w0rd_x@') + '/evil', '--origin', ORIGIN, ...extra]);
        expect(r.code).toBe(2);
        expect(r.stdout).toBe('');
        expect(r.stderr).toMatch(/has a user name or password, and fetch\(\) refuses such URLs before sending anything/);
        expect(r.stderr).toContain("--header 'Authorization: Basic <base64 of user:password>'");
        expect(`${r.stdout}${r.stderr}`).not.toMatch(/pa55w0rd_x|alice/);
      }
    }
  });

  it('a cookie that lost its --cookie (after an empty one) is refused as a URL without echoing it', async () => {
    const r = await cli(['audit', `${api.url}/evil`, '--origin', ORIGIN, '--cookie', '', `session=${TOKEN}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("Invalid url: 'session=[redacted]'");
    expect(r.stderr).not.toContain(TOKEN);
    // A bare token (a cookie value without a name) in that place too, after an empty cookie, another cookie or a flag.
    for (const before of [[''], ['a'], ['a=1', '--json'], ['a=1', '--']]) {
      const bare = await cli(['audit', `${api.url}/evil`, '--origin', ORIGIN, '--cookie', ...before, TOKEN]);
      expect(bare.code).toBe(2);
      expect(bare.stderr).toContain("Invalid url: '[redacted]' has no scheme");
      expect(bare.stderr).not.toContain(TOKEN);
    }
    // A URL-like argument keeps its helpful echo.
    const hostLike = await cli(['audit', 'localhost:8080/api', '--origin', ORIGIN, '--cookie', 'a=1']);
    expect(hostLike.stderr).toContain("'localhost:8080/api'");
  });

  it('a malformed secret header is refused without echoing the secret', async () => {
    const r = await cli(['check', `${api.url}/evil`, '--origin', ORIGIN, '-H', `Authorization Bearer ${TOKEN}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain(TOKEN);
  });
});

describe('corsproof audit: text, JSON and SARIF redacted and escaped like every command', () => {
  const API_KEY = 'key_9f8e7d6c5b';
  const COOKIE = 'sess_cookie_77';
  const args = (path: string, extra: string[] = []) => [
    'audit', `${api.url}${path}`, '--origin', ORIGIN, '-H', `Authorization: Bearer ${TOKEN}`, '-H', `X-Api-Key: ${API_KEY}`, '--cookie', `session=${COOKIE}`, ...extra,
  ];

  it.each([[[]], [['--json']], [['--sarif']]])('%j: no secret (Authorization, a credential-named header, --cookie, Set-Cookie, an echoed token), no raw control byte', async (extra) => {
    for (const path of ['/evil', '/mismatch']) {
      const r = await cli(args(path, extra));
      expect([0, 1]).toContain(r.code);
      for (const secret of [TOKEN, API_KEY, COOKIE, SERVER_COOKIE]) expect(`${r.stdout}${r.stderr}`).not.toContain(secret);
      expect(r.stdout).not.toMatch(RAW_CONTROL);
      expect(r.stderr).not.toMatch(RAW_CONTROL);
      if (extra.length > 0) {
        const parsed = JSON.parse(r.stdout) as unknown;
        // The report still shows which headers were sent, and the exact bytes the server sent, as JSON escapes.
        expect(JSON.stringify(parsed)).toContain('Bearer [redacted]');
        if (path === '/evil') expect(JSON.stringify(parsed)).toContain(JSON.stringify(EVIL_VALUE).slice(1, -1));
      }
    }
  });

  it('--color and --no-color are audit options too: our colours only, never the server\'s escapes', async () => {
    const coloured = await cli(args('/mismatch', ['--color']));
    expect(coloured.stdout).toMatch(/\u001b\[\d+m/);
    expect(coloured.stdout).not.toMatch(FOREIGN_ESCAPE);
    const plain = await cli(args('/mismatch', ['--no-color']), { FORCE_COLOR: '1' });
    expect(plain.code).toBe(coloured.code);
    expect(plain.stdout).not.toMatch(RAW_CONTROL);
  });

  it('the SARIF log of a hostile server parses and has its control bytes as JSON escapes', async () => {
    const r = await cli(args('/mismatch', ['--sarif']));
    const sarif = JSON.parse(r.stdout) as { version: string };
    expect(sarif.version).toBe('2.1.0');
    expect(r.stdout).toContain('\\u001b[31mred\\u009b1m');
  });

  it('--show-secrets prints them as they are, in JSON and SARIF', async () => {
    for (const extra of [['--json'], ['--sarif']]) {
      const r = await cli(args('/evil', [...extra, '--show-secrets']));
      expect(r.stdout).toContain(`Bearer ${TOKEN}`);
      expect(r.stdout).toContain(API_KEY);
      expect(r.stdout).toContain(COOKIE);
    }
  });

  it('a malformed --cookie is refused without quoting it; a ws: URL or an OpenAPI server with credentials is refused like an http: URL', async () => {
    const cookie = await cli(['audit', `${api.url}/evil`, '--origin', ORIGIN, '--cookie', `${COOKIE}-no-equals`]);
    expect(cookie.code).toBe(2);
    expect(cookie.stderr).toContain("Invalid --cookie: a value is not 'name=value'");
    expect(cookie.stderr).not.toContain(COOKIE);
    const ws = await cli(['audit', api.url.replace('http://', 'ws://alice:pa55w0rd_x@'), '--origin', ORIGIN]);
    expect(ws.code).toBe(2);
    expect(ws.stderr).toContain('has a user name or password');
    expect(ws.stderr).not.toMatch(/pa55w0rd_x|alice/);
    const dir = mkdtempSync(path.join(tmpdir(), 'corsproof-openapi-'));
    const file = path.join(dir, 'api.yaml');
    writeFileSync(file, `openapi: 3.0.0\ninfo: { title: T, version: "1" }\nservers: [{ url: "${api.url.replace('http://', 'http://alice:pa55w0rd_x@')}" }]\npaths:\n  /evil:\n    get: {}\n`);
    try {
      const openapi = await cli(['audit', '--openapi', file, '--origin', ORIGIN]);
      expect(openapi.code).toBe(2);
      expect(openapi.stderr).toContain('Invalid --openapi: the server URL has a user name or password');
      expect(openapi.stderr).not.toMatch(/pa55w0rd_x|alice/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Authorization forwarded across origins by an engine profile', () => {
  /** Run in-process, noting whether the warning was on stderr when the other origin received the request. */
  async function check(engines: string): Promise<{ code: number; stderr: string; warnedFirst: boolean[]; landed: Array<{ authorization?: string }> }> {
    landed.length = 0;
    let stderr = '';
    const warnedFirst: boolean[] = [];
    const seenBefore = landed.push.bind(landed);
    landed.push = (...items) => {
      warnedFirst.push(stderr.includes('warning'));
      return seenBefore(...items);
    };
    try {
      const code = await run(['check', `${api.url}/redirect`, '--origin', ORIGIN, '-H', `Authorization: Bearer ${TOKEN}`, '-e', engines], {
        stdout: { write: () => true },
        stderr: { write: (text: string) => ((stderr += text), true) },
        env: {},
      });
      return { code, stderr, warnedFirst, landed: [...landed] };
    } finally {
      landed.push = seenBefore;
    }
  }

  it('WebKit keeps it on a redirect to another origin: a warning on stderr before the request goes there', async () => {
    const r = await check('webkit');
    expect(r.code).toBe(0);
    expect(r.landed).toEqual([{ authorization: `Bearer ${TOKEN}` }]);
    expect(r.warnedFirst).toEqual([true]);
    expect(r.stderr).toContain(`warning: a redirect leads to ${landing.url}/landing, another origin; WebKit keeps the Authorization header across such a redirect`);
    expect(r.stderr).not.toContain(TOKEN);
  });

  it('with every engine, the warning says which engines keep it and which drop it', async () => {
    const r = await check('all');
    expect(r.stderr.match(/warning/g)).toHaveLength(1);
    expect(r.stderr).toContain('WebKit keeps the Authorization header across such a redirect (dropped by Chromium, Firefox and Fetch Standard)');
  });

  it('Chromium drops it: no warning, and the other origin never sees the token', async () => {
    const r = await check('chromium');
    expect(r.stderr).toBe('');
    expect(r.landed).toEqual([{ authorization: undefined }]);
  });
});

describe('corsproof explain: a HAR and a pasted message are text from elsewhere', () => {
  it('a HAR with tokens, cookies and escape sequences: nothing secret, nothing raw, in text and JSON', async () => {
    const har = JSON.parse(readFileSync(new URL('../explain/fixtures/example-app.har', import.meta.url), 'utf8')) as {
      log: { entries: Array<{ request: { method: string; headers: Array<{ name: string; value: string }> }; response: { statusText: string; headers: Array<{ name: string; value: string }> }; _resourceType?: string }> };
    };
    for (const entry of har.log.entries) {
      entry.request.headers.push({ name: 'Authorization', value: `Bearer ${TOKEN}` });
      entry.response.headers.push({ name: 'Set-Cookie', value: `sid=${SERVER_COOKIE}; Secure` }, { name: 'X-Evil', value: EVIL_VALUE });
      entry.response.statusText = EVIL_STATUS;
    }
    const dir = mkdtempSync(path.join(tmpdir(), 'corsproof-har-'));
    const file = path.join(dir, 'evil.har');
    writeFileSync(file, JSON.stringify(har));
    try {
      for (const extra of [[], ['--json']]) {
        const r = await cli(['explain', '--har', file, ...extra]);
        expect([0, 1]).toContain(r.code);
        expect(r.stdout).not.toContain(TOKEN);
        expect(r.stdout).not.toContain(SERVER_COOKIE);
        expect(r.stdout).not.toMatch(RAW_CONTROL);
        if (extra.length) expect(() => JSON.parse(r.stdout)).not.toThrow();
      }
      expect((await cli(['explain', '--har', file, '--json', '--show-secrets'])).stdout).toContain(TOKEN);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a pasted console message with an escape sequence and a URL password: shown escaped and redacted', async () => {
    const message = `Access to fetch at 'https://bob:${TOKEN}@api.example/x' from origin 'https://app.example' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://evil.example\u001b[2J' that is not equal to the supplied origin.`;
    const r = await cli(['explain', message]);
    expect(r.stdout).not.toContain(TOKEN);
    expect(r.stdout).not.toMatch(RAW_CONTROL);
    expect(r.stdout).toContain('\\x1b[2J');
  });
});

describe('a body cut short: each engine as its network stack reads it', () => {
  it('Chromium and WebKit allow it with a body line saying reading fails, Firefox fails the request; --json has bodyError', async () => {
    requireBuild();
    const { tcpServer } = await import('../../scripts/conformance/probes/raw-server.js');
    const server = await tcpServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 10\r\n\r\nok')));
    try {
      const text = await cli(['check', `${server.url}/x`, '--origin', ORIGIN, '--engine', 'all', '--no-color']);
      const section = (engine: string) => text.stdout.split(/\n(?=\S)/).find((s) => s.startsWith(engine)) ?? '';
      for (const engine of ['chromium', 'webkit']) {
        expect(section(engine)).toMatch(/ALLOWED/);
        expect(section(engine)).toMatch(/body {5}fetch\(\) resolves, but reading the body fails: the connection closed before the body reached its Content-Length/);
      }
      expect(section('firefox')).toMatch(/BLOCKED {2}NetworkError/);
      expect(section('firefox')).toMatch(/the connection closed before the body reached its Content-Length, and Firefox fails the request/);
      const json = JSON.parse((await cli(['check', `${server.url}/x`, '--origin', ORIGIN, '--engine', 'all', '--json'])).stdout) as { verdicts: Array<{ engine: string; response: { bodyError?: string } | null }> };
      expect(json.verdicts.map((v) => [v.engine, v.response?.bodyError ?? null])).toEqual([['chromium', 'short-body'], ['firefox', null], ['webkit', 'short-body'], ['spec', null]]);
    } finally {
      await server.close();
    }
  });
});
