/**
 * The same corpus in a real headless Chromium: ../shared/conformance/harness.mjs serves the scenarios on
 * loopback and lets the browser `fetch()` each one. Timed as a child process, start to exit (browser start-up
 * included: that is what a test run driving a browser pays). Skipped when `chromium` is not on PATH.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const HARNESS = fileURLToPath(new URL('../../shared/conformance/harness.mjs', import.meta.url));

export type BrowserFigures = { skipped: string } | { ms: number; scenarios: number; completed: number };

export function findOnPath(command: string): string | null {
  for (const dir of (process.env.PATH ?? '').split(delimiter)) {
    if (!dir) continue;
    const candidate = join(dir, command);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return null;
}

export async function benchBrowser(scenarioFile: string, timeoutMs: number): Promise<BrowserFigures> {
  if (findOnPath('chromium') === null) return { skipped: 'chromium is not on PATH' };
  try {
    accessSync(HARNESS, constants.R_OK);
  } catch {
    return { skipped: `${HARNESS} is missing` };
  }
  const dir = mkdtempSync(join(tmpdir(), 'corsproof-bench-'));
  const out = join(dir, 'results.json');
  try {
    const start = performance.now();
    const code = await run(process.execPath, [HARNESS, scenarioFile, out, 'chromium'], timeoutMs);
    const ms = performance.now() - start;
    if (code !== 0) return { skipped: `harness.mjs exited with ${code}` };
    const results = (JSON.parse(readFileSync(out, 'utf8')) as { results: Record<string, { outcome: string }> }).results;
    const all = Object.values(results);
    return { ms, scenarios: all.length, completed: all.filter((r) => r.outcome !== 'missing').length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function run(command: string, args: string[], timeoutMs: number): Promise<number | string> {
  return new Promise((resolve) => {
    // The harness's own deadline goes first, so it stops its browser itself; ours is a backstop.
    const env = { ...process.env, ORACLE_TIMEOUT_MS: String(Math.max(1000, timeoutMs - 15_000)) };
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      resolve(`a timeout after ${timeoutMs} ms`);
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve(error.message);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve(code === 0 ? 0 : `${code ?? signal}${stderr ? `: ${stderr.trim().split('\n').slice(-1)[0]}` : ''}`);
    });
  });
}
