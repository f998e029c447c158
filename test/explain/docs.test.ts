/**
 * docs/explain.md as written: the ts block runs (corsproof pointing at the sources) and prints what it says;
 * the CLI samples are what the built command prints.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { cli, requireBuild } from '../cli/helpers.js';
import { collectChecks, instrumentChecks, type DocCheck } from '../docs/doc-checks.js';

const here = dirname(fileURLToPath(import.meta.url));
const doc = readFileSync(join(here, '../../docs/explain.md'), 'utf8');
const outDir = join(here, '.docs-generated');
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('the library example runs and prints what it says', async () => {
  const [block] = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
  const mapped = block.replaceAll("from 'corsproof'", `from ${JSON.stringify(pathToFileURL(join(here, '../../src/index.ts')).href)}`);
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, 'explain-example.ts');
  writeFileSync(file, `${instrumentChecks(mapped)}\nexport {};\n`);
  const checks: DocCheck[] = [];
  collectChecks(checks);
  await import(pathToFileURL(file).href);
  expect(checks.length).toBe(6);
  for (const check of checks) expect(check.actual, check.line).toBe(check.expected);
});

test('the console-line sample is what corsproof explain prints', async () => {
  requireBuild();
  const command = /```sh\ncorsproof explain "(.*)"\n```/.exec(doc)![1];
  const printed = /```sh\ncorsproof explain ".*"\n```\n\n```\n([\s\S]*?)```/.exec(doc)![1];
  const r = await cli(['explain', command]);
  expect(r.code).toBe(0);
  expect(r.stdout).toBe(printed);
});

test('the HAR sample is what corsproof explain --har prints for the recorded HAR', async () => {
  requireBuild();
  const r = await cli(['explain', '--har', join(here, 'fixtures/example-app.har')]);
  const sample = /```\n(HAR from WebInspector[\s\S]*?)```/.exec(doc)![1];
  for (const line of sample.split('\n').filter((l) => l.trim() && !l.includes('...'))) expect(r.stdout).toContain(line);
});
