/**
 * The bundled example server as a program (port from --port / PORT, prints its URL, stops on signals) and
 * `npm run demo` (examples/demo.mjs) end to end.
 */
import { execFile, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { requireBuild } from './helpers.js';

const SERVER = fileURLToPath(new URL('../../examples/server.mjs', import.meta.url));
const DEMO = fileURLToPath(new URL('../../examples/demo.mjs', import.meta.url));

/** Start the server program, wait for its URL line, then send `signal` and resolve with the exit. */
function runServerUntil(args: string[], env: NodeJS.ProcessEnv, signal: NodeJS.Signals) {
  return new Promise<{ url: string; code: number | null; output: string; status: number }>((resolve, reject) => {
    const child = spawn(process.execPath, [SERVER, ...args], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let url = '';
    let status = 0;
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`example server did not start/stop in time:\n${output}`));
    }, 10_000);
    child.stdout.setEncoding('utf8').on('data', async (chunk: string) => {
      output += chunk;
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match && !url) {
        url = match[1];
        const res = await fetch(`${url}/api/public`, { headers: { origin: 'https://app.example' } });
        status = res.status;
        await res.arrayBuffer();
        child.kill(signal);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ url, code, output, status });
    });
  });
}

describe('examples/server.mjs', () => {
  it('listens on --port 0, prints its URL, serves, and exits 0 on SIGTERM', async () => {
    const r = await runServerUntil(['--port', '0'], {}, 'SIGTERM');
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(r.status).toBe(200);
    expect(r.code).toBe(0);
    expect(r.output).toContain('SIGTERM: stopping');
  });

  it('takes the port from PORT and exits 0 on SIGINT', async () => {
    const r = await runServerUntil([], { PORT: '0' }, 'SIGINT');
    expect(r.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(r.code).toBe(0);
  });

  it('rejects a bad port with exit 2', async () => {
    const r = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, [SERVER, '--port', 'eighty'], (error, _stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stderr }));
    });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Invalid port "eighty"');
  });
});

describe('npm run demo (examples/demo.mjs)', () => {
  beforeAll(() => requireBuild());

  it('starts the API, shows an allowed check, a blocked check and an audit, stops, exits 0', async () => {
    const r = await new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(process.execPath, [DEMO], { timeout: 15_000 }, (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }));
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^chromium +ALLOWED/m);
    expect(r.stdout).toMatch(/^webkit +BLOCKED +HeaderDisallowedByPreflightResponse/m);
    expect(r.stdout).toMatch(/^HIGH +Any origin is reflected, with credentials/m);
    expect(r.stdout.match(/\(exit code \d\)/g)).toEqual(['(exit code 0)', '(exit code 1)', '(exit code 1)']);
    expect(r.stdout.trim().endsWith('Example API stopped.')).toBe(true);
  });
});
