// The example's tests can fail: run unchanged against a client that adds a header the policy does not allow, a
// policy that refuses credentials, one that does not expose a header the client reads, and (the other way) a
// policy that allows the new header. Each in happy-dom with msw 3 and in jsdom with msw 2.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const LIST = 'lists the products and their total count';
const CART = 'adds a product to the cart, with the session cookie and the CSRF token';
const PROFILE = 'reads and updates the profile with axios';

interface Outcome {
  project: string;
  name: string;
  state: string;
  errors: string[];
}

it('the shop’s tests fail on each CORS mistake, with the browser’s words, and pass once the policy allows it', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'corsproof-mutants-'));
  const report = path.join(dir, 'report.json');
  try {
    await promisify(execFile)(
      process.execPath,
      [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', 'test/examples/frontend-mutants/vitest.config.ts', '--reporter', './test/examples/frontend-mutants/reporter.ts'],
      { cwd: root, env: { ...process.env, MUTANTS_REPORT: report, FORCE_COLOR: '0' } },
    ).catch((error: { code?: number }) => {
      if (error.code !== 1) throw error; // 1: some tests failed, as they should
    });
    const outcomes = JSON.parse(readFileSync(report, 'utf8')) as Outcome[];
    const failed = (mutant: string) => {
      const byCell = new Map<string, string[]>();
      for (const o of outcomes.filter((o) => o.project.startsWith(`${mutant} `))) {
        const cell = o.project.slice(mutant.length + 1);
        byCell.set(cell, [...(byCell.get(cell) ?? []), ...(o.state === 'failed' ? [o.name] : [])]);
      }
      return Object.fromEntries([...byCell].sort());
    };
    const everywhere = (names: string[]) =>
      Object.fromEntries(['happy-dom msw3', 'jsdom msw2'].map((cell) => [cell, names]));
    const message = (mutant: string, name: string) => outcomes.filter((o) => o.project.startsWith(`${mutant} `) && o.name === name).map((o) => o.errors.join('\n'));

    expect(outcomes).toHaveLength(4 * 2 * 3);
    expect(failed('extra-header')).toEqual(everywhere([CART]));
    for (const text of message('extra-header', CART)) {
      expect(text).toContain("Access to fetch at 'https://api.shop.example/cart' from origin 'https://shop.example' has been blocked by CORS policy: Request header field x-request-id is not allowed by Access-Control-Allow-Headers in preflight response.");
    }
    expect(failed('no-credentials')).toEqual(everywhere([CART, PROFILE]));
    for (const text of [...message('no-credentials', CART), ...message('no-credentials', PROFILE)]) {
      expect(text).toContain("The value of the 'Access-Control-Allow-Credentials' header in the response is '' which must be 'true' when the request's credentials mode is 'include'.");
    }
    expect(failed('unexposed')).toEqual(everywhere([LIST]));
    for (const text of message('unexposed', LIST)) expect(text).toContain('to be 42');
    expect(failed('extra-header-allowed')).toEqual(everywhere([]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);
