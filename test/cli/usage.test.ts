/**
 * Bad input to the built command: exit 2, one line on stderr naming the argument and the fix, no stack
 * trace, nothing on stdout, no request sent. Plus --help, --version and colour rules.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, useExampleServer } from './helpers.js';

const api = useExampleServer();

const ORIGIN = 'https://app.example';

async function usageError(args: string[], message: RegExp): Promise<void> {
  const r = await cli(args);
  expect(r.code, `exit code of corsproof ${args.join(' ')}\n${r.stderr}`).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^corsproof: Invalid /);
  expect(r.stderr).toMatch(message);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

describe('bad input exits 2 with a typed message', () => {
  it('missing --origin', () =>
    usageError(['check', `${api.url}/api/user`], /^corsproof: Invalid --origin: missing\. Pass the origin of the page that makes the request, e\.g\. --origin https:\/\/app\.example\.$/m));

  it('--origin with a path', () =>
    usageError(['check', `${api.url}/api/user`, '--origin', 'https://app.example/login'], /Invalid --origin: 'https:\/\/app\.example\/login' is a URL with a path.*Pass only scheme, host and port: 'https:\/\/app\.example'/));

  it('audit --origin null (check accepts it; audit needs an origin to trust)', () =>
    usageError(['audit', `${api.url}/api/user`, '--origin', 'null'], /Invalid --origin: audit needs the origin that should be trusted/));

  it('--origin without a scheme', () => usageError(['audit', `${api.url}/api/user`, '--origin', 'app.example'], /Invalid --origin: 'app\.example' is not a URL origin/));

  it('URL without a scheme, host:port style and bare host style', async () => {
    await usageError(['check', 'localhost:3000/api', '--origin', ORIGIN], /Invalid url: 'localhost:3000\/api' has no scheme\. Write the URL in full, with its scheme: http:\/\/localhost:3000\/api/);
    await usageError(['audit', 'api.example.com/me', '--origin', ORIGIN], /Invalid url: 'api\.example\.com\/me' has no scheme/);
  });

  it('URL with a scheme CORS does not apply to', () => usageError(['check', 'ftp://files.example/x', '--origin', ORIGIN], /Invalid url: 'ftp:\/\/files\.example\/x' uses ftp:/));

  it('missing URL, and two URLs', async () => {
    await usageError(['check', '--origin', ORIGIN], /Invalid url: missing\. Give the URL to check/);
    await usageError(['check', `${api.url}/a`, `${api.url}/b`, '--origin', ORIGIN], /Invalid url: one URL expected, got 2/);
  });

  it('unknown flag, for each command', async () => {
    await usageError(['check', `${api.url}/api/user`, '--origin', ORIGIN, '--orign', 'x'], /Invalid option --orign: `corsproof check` has no such option\. `corsproof check --help` lists the options\./);
    await usageError(['audit', `${api.url}/api/user`, '--origin', ORIGIN, '--engine', 'all'], /Invalid option --engine: `corsproof audit` has no such option/);
  });

  it('an option missing its value', () => usageError(['check', `${api.url}/api/user`, '--origin'], /Invalid option --origin: it needs a value/));

  it('bad --header, --method, --engine, --credentials, --mode, --timeout', async () => {
    await usageError(['check', `${api.url}/x`, '--origin', ORIGIN, '-H', 'X Api Key: 1'], /Invalid --header: 'X Api Key' is not a valid header name/);
    await usageError(['check', `${api.url}/x`, '--origin', ORIGIN, '-H', 'X-Api-Key'], /Invalid --header: 'X-Api-Key' is not 'Name: value'/);
    await usageError(['check', `${api.url}/x`, '--origin', ORIGIN, '-X', 'GET /'], /Invalid --method: 'GET \/' is not an HTTP method/);
    await usageError(['check', `${api.url}/x`, '--origin', ORIGIN, '--engine', 'edge'], /Invalid --engine: 'edge' is not an engine\. Pass one or more of chromium, firefox, webkit, spec/);
    await usageError(['check', `${api.url}/x`, '--origin', ORIGIN, '--credentials', 'yes'], /Invalid --credentials: 'yes' is not one of omit, same-origin, include/);
    await usageError(['check', `${api.url}/x`, '--origin', ORIGIN, '--mode', 'navigate'], /Invalid --mode: 'navigate' is not one of cors, no-cors, same-origin/);
    await usageError(['check', `${api.url}/x`, '--origin', ORIGIN, '--timeout', '1s'], /Invalid --timeout: '1s' is not a whole number of milliseconds/);
  });

  it('no command, an unknown command, and an option before the command', async () => {
    await usageError([], /Invalid command: none given/);
    await usageError(['chek', `${api.url}/x`], /Invalid command: 'chek' is not a corsproof command\. The commands are `check`, `audit` and `explain`/);
    await usageError(['--origin', ORIGIN, 'check'], /Invalid option --origin: it comes before the command/);
  });
});

describe('help, version and colour', () => {
  it('--help prints usage with both commands and the exit codes, exit 0', async () => {
    const r = await cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('corsproof check <url> --origin <origin>');
    expect(r.stdout).toContain('corsproof audit <url> --origin <origin>');
    expect(r.stdout).toMatch(/^ {2}3 {2}the server could not be reached/m);
  });

  it('check --help and audit --help describe their own options', async () => {
    const check = await cli(['check', '--help']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('--engine <engine>');
    const audit = await cli(['audit', '-h']);
    expect(audit.code).toBe(0);
    expect(audit.stdout).toContain('Severities: high');
    expect(audit.stdout).not.toContain('--engine');
  });

  it('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const r = await cli(['--version']);
    expect(r).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it('no colour on a pipe; FORCE_COLOR turns it on; NO_COLOR wins; --json never has colour', async () => {
    const args = ['check', `${api.url}/api/user`, '--origin', ORIGIN];
    expect((await cli(args)).stdout).not.toContain('\u001b[');
    const forced = await cli(args, { FORCE_COLOR: '1' });
    expect(forced.stdout).toContain('\u001b[32mALLOWED\u001b[39m');
    expect((await cli(args, { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain('\u001b[');
    const json = await cli([...args, '--json'], { FORCE_COLOR: '1' });
    expect(json.stdout).not.toContain('\u001b[');
    expect(() => JSON.parse(json.stdout)).not.toThrow();
  });

  it('FORCE_COLOR=0 and --no-color turn colour off; --color turns it on; the flag wins over the environment', async () => {
    const args = ['check', `${api.url}/api/user`, '--origin', ORIGIN];
    expect((await cli(args, { FORCE_COLOR: '0' })).stdout).not.toContain('\u001b[');
    expect((await cli([...args, '--no-color'], { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
    expect((await cli([...args, '--color'])).stdout).toContain('\u001b[32mALLOWED\u001b[39m');
    expect((await cli([...args, '--color'], { NO_COLOR: '1' })).stdout).toContain('\u001b[32mALLOWED\u001b[39m');
    expect((await cli([...args, '--no-color', '--color'])).stdout).toContain('\u001b[');
    const bad = await cli(['check', 'not a url', '--origin', ORIGIN, '--color']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('\u001b[31mcorsproof:\u001b[39m');
  });
});
