/**
 * Jest really runs the matchers: the CommonJS suite in test/jest/ against the built package, in a child Jest
 * process (so `npm test` covers it without a second runner in CI).
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

it('the Jest suite in test/jest passes against the built package', async () => {
  if (!existsSync(join(root, 'dist/jest.cjs'))) throw new Error('The built package is missing: run `npm run build` before the tests (CI does).');
  const { code, output } = await new Promise<{ code: number; output: string }>((resolve) => {
    execFile(
      process.execPath,
      [join(root, 'node_modules/jest/bin/jest.js'), '-c', join(root, 'jest.config.cjs'), '--ci'],
      { cwd: root, timeout: 120_000, env: { ...process.env, FORCE_COLOR: '0' } },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` }),
    );
  });
  expect(output, output).toMatch(/Tests:\s+\d+ passed, \d+ total/);
  expect(output).not.toMatch(/failed/);
  expect(output).toMatch(/Test Suites:\s+2 passed, 2 total/);
  expect(code).toBe(0);
}, 120_000);
