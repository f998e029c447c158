/**
 * A fuzzer for the command line: generated argument lists (real commands and options mixed with unknown ones,
 * valid and broken URLs, origins, headers, methods, timeouts, control bytes, secrets, URLs with credentials,
 * console messages for `explain`, and `audit`'s own options: cookies, several URLs and origins, `--urls` and
 * `--openapi` files, `--sarif`, `--fail-on`, `--concurrency`, `--delay`, `--third-party`...)
 * against real servers on loopback (the example API, a hostile raw server, a closed port). For every one:
 * - the exit code is 0, 1, 2 or 3 (never 70, a crash, or a hang: each run is bounded);
 * - nothing looks like a stack trace, and no control character reaches the terminal raw;
 * - with `--json` (or `--sarif`), whatever `check`, `audit` or `explain` print parses as JSON, and exits 0 and 1
 *   always print it;
 * - no secret from the arguments or the server is printed unless `--show-secrets` asks for it.
 * Runs in-process through `run()` (the same code the binary runs), plus a sample through the built binary.
 * Runs and seed: fuzz-config.ts (CORSPROOF_FUZZ_RUNS, CORSPROOF_FUZZ_SEED).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/run.js';
import { cli, listen, requireBuild, startExampleServer, type Running } from '../cli/helpers.js';
import { fuzzParameters, runsFor, SEED } from './fuzz-config.js';

/** Runs in `npm test` (about 6 ms each); `npm run fuzz` runs CORSPROOF_FUZZ_RUNS (20,000, a few minutes). */
const RUNS = runsFor(60);
const TOKEN = 'tok_secret_7c1d2e';
const PASSWORD = 'pa55word_9f8e';
const SERVER_COOKIE = 'srv_cookie_3b4a';

/** Characters a terminal acts on, except the newline that ends lines. */
const RAW_CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/;
const STACK_TRACE = /\n\s+at .+[(:]\d+/;

let example: Running;
let hostile: Running;
let closed: string;
/** `--urls` and `--openapi` files, written once the servers listen. */
let files: { dir: string; urls: string; urlsWithSecret: string; openapi: string; openapiWithSecret: string; broken: string };

/** Answers every path with something hostile: escape sequences, a secret cookie, a NUL, a huge head, a redirect. */
function hostileServer(): net.Server {
  return net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (chunk: Buffer) => {
      const request = chunk.toString('latin1');
      const path = request.split(' ')[1] ?? '/';
      const origin = /\r\norigin: ([^\r]*)/i.exec(request)?.[1] ?? '*';
      const lines = [`HTTP/1.1 ${path === '/redirect' ? '307' : request.startsWith('OPTIONS') ? '204' : '200'} OK\u001b]0;owned\u0007\u009b2J`];
      lines.push(`Access-Control-Allow-Origin: ${path === '/evil-origin' ? `${origin}\u001b[31m` : origin}`, 'Access-Control-Allow-Credentials: true');
      lines.push('Access-Control-Allow-Methods: GET, PUT, DELETE, PATCH', 'Access-Control-Allow-Headers: authorization, x-api-key, content-type, x-a');
      lines.push(`Set-Cookie: sid=${SERVER_COOKIE}; Secure`, `X-Echo: ${/\r\nauthorization: ([^\r]*)/i.exec(request)?.[1] ?? ''}`, 'Access-Control-Expose-Headers: *');
      if (path === '/redirect') lines.push(`Location: http://user:${PASSWORD}@127.0.0.1:9/next`);
      if (path === '/nul') lines.push('X-Nul: a\u0000b');
      if (path === '/huge') lines.push(`X-Pad: ${'a'.repeat(300_000)}`);
      lines.push('Content-Length: 0', 'Connection: close');
      socket.end(Buffer.from(`${lines.join('\r\n')}\r\n\r\n`, 'latin1'));
    });
  });
}

beforeAll(async () => {
  requireBuild();
  example = await startExampleServer();
  hostile = await listen(hostileServer());
  const spare = net.createServer();
  await new Promise<void>((resolve) => spare.listen(0, '127.0.0.1', resolve));
  closed = `http://127.0.0.1:${(spare.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => spare.close(() => resolve()));
  const dir = mkdtempSync(path.join(tmpdir(), 'corsproof-fuzz-'));
  const write = (name: string, text: string) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  };
  const openapi = (server: string) => `openapi: 3.0.0\ninfo: { title: Fuzz, version: "1" }\nservers: [{ url: "${server}" }]\npaths:\n  /user:\n    get: {}\n    delete: {}\n  /reflect:\n    get: {}\n`;
  files = {
    dir,
    urls: write('urls.txt', `# endpoints\n${example.url}/api/user\n\n${hostile.url}/evil-origin\n`),
    urlsWithSecret: write('secret-urls.txt', `${example.url}/api/public\nhttp://alice:${PASSWORD}@127.0.0.1:9/x\n`),
    openapi: write('api.yaml', openapi(`${example.url}/api`)),
    openapiWithSecret: write('secret-api.yaml', openapi(`http://bob:${PASSWORD}@127.0.0.1:9/api`)),
    broken: write('broken.yaml', 'openapi: [\n\u001b[2J\u009b31m'),
  };
});
afterAll(async () => {
  await example?.close();
  await hostile?.close();
  if (files) rmSync(files.dir, { recursive: true, force: true });
});

/** Text with the characters that break things: controls, bidi, separators, quotes, non-Latin-1. */
const nasty = fc.string({
  unit: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...'abcXYZ019-_.:/@?#=; ,*\'"') },
    { weight: 1, arbitrary: fc.constantFrom('\u0000', '\u0001', '\u001b', '\u007f', '\u0085', '\u009b', '\u202e', '\r', '\n', '\t', 'é', 'ÿ', '✓', '😀') },
  ),
  maxLength: 24,
});

/** Mostly `valid`, sometimes `invalid`, now and then anything at all. */
function mostly<T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>, anything: fc.Arbitrary<T>): fc.Arbitrary<T> {
  return fc.oneof({ weight: 30, arbitrary: valid }, { weight: 2, arbitrary: invalid }, { weight: 1, arbitrary: anything });
}

/**
 * Built lazily: the servers' ports are known only once they listen. Most command lines are well formed, so
 * most runs reach a server and print a report; the rest break one thing or another.
 */
function argvArbitrary(): fc.Arbitrary<string[]> {
  const url = mostly(
    fc.constantFrom(
      `${example.url}/api/user`,
      `${example.url}/api/admin`,
      `${example.url}/api/reflect`,
      `${example.url}/api/public`,
      `${example.url}/api/partner`,
      `${hostile.url}/evil`,
      `${hostile.url}/evil-origin`,
      `${hostile.url}/redirect`,
      `${hostile.url}/nul`,
      `${hostile.url}/huge`,
      `${closed}/x`,
    ),
    fc.constantFrom(`http://alice:${PASSWORD}@127.0.0.1:9/x`, `${hostile.url.replace('http://', `http://${PASSWORD}@`)}/evil`, 'localhost:8080/api', 'ftp://127.0.0.1/x', 'http://', 'https://[::1'),
    nasty,
  );
  const origin = mostly(
    fc.constantFrom('https://app.example', 'http://localhost:5173', 'https://evil.example'),
    fc.constantFrom('null', 'https://app.example/path', `https://u:${PASSWORD}@app.example`, 'app.example', ''),
    nasty,
  );
  const header = mostly(
    fc.constantFrom(`Authorization: Bearer ${TOKEN}`, `Cookie: session=${TOKEN}`, 'X-Api-Key: 1', 'Content-Type: application/json', 'X-A: a\u0001\u001b[31mb', 'X-A: tab\there ÿ'),
    fc.constantFrom('X-A: a\r\nX-B: 1', 'X-A: a\u0000', 'NoColon', ': empty', `Authorization ${TOKEN}`, 'X-A: ✓'),
    nasty.map((v) => `X-A: ${v}`),
  );
  const common = [
    header.map((h) => ['-H', h]),
    mostly(fc.constantFrom('GET', 'PUT', 'DELETE', 'patch', 'POST'), fc.constantFrom('TRACE', 'CONNECT', 'GE T', ''), nasty).map((m) => ['-X', m]),
    mostly(fc.constantFrom('1', '50', '2000'), fc.constantFrom('0', '-1', '1.5', 'abc', '600001', '99999999999999999999'), nasty).map((t) => ['--timeout', t]),
    fc.constantFrom(['--json'], ['--show-secrets']),
  ];
  const checkOnly = [
    mostly(fc.constantFrom('omit', 'same-origin', 'include'), fc.constantFrom('INCLUDE', ''), nasty).map((c) => ['--credentials', c]),
    mostly(fc.constantFrom('cors', 'no-cors', 'same-origin'), fc.constantFrom('navigate', 'CORS'), nasty).map((m) => ['--mode', m]),
    mostly(fc.constantFrom('chromium', 'firefox', 'webkit', 'spec', 'all', 'chromium,webkit'), fc.constantFrom('ie6', '', 'all,ie6'), nasty).map((e) => ['-e', e]),
    fc.constant(['--preflight-only']),
  ];
  // A delay of 100 ms or more between ~60 probes makes one run take seconds: kept out of the arbitrary ones.
  const shortDelay = nasty.filter((t) => !/^\s*\d{3,}/.test(t));
  const auditOnly = [
    mostly(fc.constantFrom(`session=${TOKEN}`, 'a=1; b=2', 'theme=dark'), fc.constantFrom('no-equals', TOKEN, ';', `=${TOKEN}`), nasty).map((c) => ['--cookie', c]),
    fc.constantFrom(['--sarif'], ['--websocket'], ['--send-unsafe'], ['-k'], ['--insecure']),
    mostly(fc.constantFrom('info', 'low', 'medium', 'high'), fc.constantFrom('critical', '', 'HIGH'), nasty).map((f) => ['--fail-on', f]),
    mostly(fc.constantFrom('1', '4', '16'), fc.constantFrom('0', '65', '-1', '1.5'), nasty).map((c) => ['--concurrency', c]),
    mostly(fc.constantFrom('0', '1'), fc.constantFrom('-1', '60001', '1.5', 'soon'), shortDelay).map((d) => ['--delay', d]),
    mostly(fc.constantFrom('https://someone.github.io', 'https://x.vercel.app'), fc.constantFrom('github.io', 'null', `https://u:${PASSWORD}@x.example`), nasty).map((o) => ['--third-party', o]),
    mostly(
      fc.constantFrom<string[]>(['--urls', files.urls], ['--openapi', files.openapi], ['--openapi', files.openapi, '--base-url', example.url]),
      fc.constantFrom<string[]>(['--urls', files.urlsWithSecret], ['--openapi', files.openapiWithSecret], ['--openapi', files.broken], ['--urls', '/nonexistent/urls.txt'], ['--urls', '-'], ['--base-url', example.url], ['--openapi', files.openapi, '--base-url', `http://u:${PASSWORD}@127.0.0.1:9`]),
      nasty.map((f) => ['--urls', f]),
    ),
    // A second endpoint or trusted origin.
    url.map((u) => [u]),
    origin.map((o) => ['--origin', o]),
  ];
  const options = (cmd: string) => fc.array(fc.oneof(...common, ...(cmd === 'audit' ? auditOnly : checkOnly)), { maxLength: 5 });
  const noise = fc.oneof(
    fc.constantFrom(['--help'], ['-h'], ['--orign', 'x'], ['-Z'], ['--json=1'], ['--'], ['--timeout'], ['--origin']),
    nasty.map((t) => [t]),
  );
  const command = fc.oneof({ weight: 20, arbitrary: fc.constantFrom('check', 'audit') }, { weight: 1, arbitrary: fc.constantFrom('help', '--help', '-h', '--version', 'version', 'bogus', '', '-X') }, { weight: 1, arbitrary: nasty });
  const message = mostly(
    fc.constantFrom(
      `Access to fetch at 'https://bob:${PASSWORD}@api.example/x' from origin 'https://app.example' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
      "Access to fetch at 'https://api.example/x' from origin 'https://app.example' has been blocked by CORS policy: The 'Access-Control-Allow-Origin' header has a value 'https://evil.example\u001b[2J\u009b31m' that is not equal to the supplied origin.",
      'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example/x. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.',
      'Origin https://app.example is not allowed by Access-Control-Allow-Origin. Status code: 200',
    ),
    fc.constantFrom('Access to fetch at', 'missing.har', '', 'blocked by CORS policy'),
    nasty,
  );
  const explainOptions = fc.array(
    fc.oneof(
      mostly(fc.constantFrom('chromium', 'firefox', 'webkit', 'all'), fc.constantFrom('ie6', ''), nasty).map((e) => ['-e', e]),
      mostly(fc.constantFrom('https://app.example'), fc.constantFrom('app.example', 'null'), nasty).map((o) => ['--origin', o]),
      fc.constantFrom(['--json'], ['--show-secrets'], ['--har', '/nonexistent.har']),
    ),
    { maxLength: 3 },
  );
  const explainArgv = fc.tuple(message, explainOptions).map(([text, chosen]) => ['explain', text, ...chosen.flat()]);
  const extras = fc.oneof({ weight: 6, arbitrary: fc.constant<string[][]>([]) }, { weight: 1, arbitrary: fc.array(noise, { minLength: 1, maxLength: 2 }) });
  const requestArgv = command
    .chain((cmd) => fc.tuple(fc.constant(cmd), url, origin, options(cmd), extras, fc.nat()))
    .map(([cmd, target, from, chosen, extra, cut]) => {
      const rest = [target, '--origin', from, ...chosen.flat()];
      // Noise goes anywhere after the command.
      for (const piece of extra) rest.splice(cut % (rest.length + 1), 0, ...piece);
      return [cmd, ...rest];
    });
  return fc.oneof({ weight: 5, arbitrary: requestArgv }, { weight: 1, arbitrary: explainArgv });
}

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

function check(argv: readonly string[], r: Outcome): void {
  const context = JSON.stringify(argv);
  expect([0, 1, 2, 3], context).toContain(r.code);
  expect(r.stderr, context).not.toContain('internal error');
  expect(`${r.stdout}${r.stderr}`, context).not.toMatch(STACK_TRACE);
  expect(r.stdout, context).not.toMatch(RAW_CONTROL);
  expect(r.stderr, context).not.toMatch(RAW_CONTROL);
  const command = argv[0];
  const wantsJson = (command === 'check' || command === 'audit' || command === 'explain') && (argv.includes('--json') || (command === 'audit' && argv.includes('--sarif'))) && !argv.includes('--help') && !argv.includes('-h');
  if (wantsJson && r.stdout !== '') expect(() => JSON.parse(r.stdout), context).not.toThrow();
  if (wantsJson && (r.code === 0 || r.code === 1)) expect(r.stdout, context).not.toBe('');
  if (!argv.includes('--show-secrets')) {
    for (const secret of [TOKEN, PASSWORD, SERVER_COOKIE]) expect(`${r.stdout}${r.stderr}`, context).not.toContain(secret);
  }
}

async function inProcess(argv: string[]): Promise<Outcome> {
  let stdout = '';
  let stderr = '';
  const code = await run(argv, {
    stdout: { write: (text: string) => ((stdout += text), true) },
    stderr: { write: (text: string) => ((stderr += text), true) },
    env: {},
  });
  return { code, stdout, stderr };
}

describe('corsproof argument fuzzer', () => {
  it(`${RUNS} generated command lines: exit 0-3, no stack trace, no raw control byte, --json parses, no secret printed`, async () => {
    await fc.assert(
      fc.asyncProperty(argvArbitrary(), async (argv) => {
        check(argv, await inProcess(argv));
      }),
      fuzzParameters(60),
    );
  }, 60_000 + RUNS * 100);

  it('a sample of them through the built binary, as a user runs it', async () => {
    const sample = fc.sample(argvArbitrary(), { numRuns: 8, seed: SEED });
    for (const argv of sample) {
      // The binary's argv cannot carry NUL; `--urls -` would wait for a stdin the sample does not give.
      if (argv.some((a) => a.includes('\u0000')) || argv.includes('-')) continue;
      check(argv, await cli(argv));
    }
  }, 120_000);
});
