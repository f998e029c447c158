/**
 * corsproof/playwright as users load it (the built package): ESM and CJS, the same API, and no other entry
 * point pulls in Playwright.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const run = (code: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', code], { cwd: root, encoding: 'utf8' });

it('loads from ESM and CJS with the same API', () => {
  const esm = JSON.parse(run("const m = await import('corsproof/playwright'); console.log(JSON.stringify(Object.keys(m).sort()))", 'module'));
  const cjs = JSON.parse(run("const m = require('corsproof/playwright'); console.log(JSON.stringify(Object.keys(m).sort()))", 'commonjs'));
  expect(esm).toEqual(cjs);
  expect(esm).toEqual(['corsRoute', 'describeBlocked', 'engineOfBrowserName', 'expect', 'formatFailures', 'test', 'watchCors']);
});

it('no other entry point imports Playwright', () => {
  const dist = path.join(root, 'dist');
  const files = readdirSync(dist, { recursive: true, encoding: 'utf8' }).filter((f) => /\.(c?js)$/.test(f) && !/^playwright\./.test(path.basename(f)));
  for (const file of files) {
    const text = readFileSync(path.join(dist, file), 'utf8');
    expect(/(?:from|require\()\s*['"](?:@playwright\/test|playwright-core)['"]/.test(text), file).toBe(false);
  }
});

it('explain is in the main entry point', () => {
  const names = JSON.parse(run("const m = await import('corsproof'); console.log(JSON.stringify(Object.keys(m)))", 'module'));
  for (const name of ['explain', 'explainHar', 'explainMessage', 'fromHar', 'parseHar']) expect(names).toContain(name);
});
