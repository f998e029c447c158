/**
 * docs/emulator.md runs as written: each ```ts block is executed (with `corsproof` pointing at the sources), and
 * every `console.log(x); // value` line must print that value.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { collectChecks, instrumentChecks, type DocCheck } from './doc-checks.js';

const here = dirname(fileURLToPath(import.meta.url));
const doc = readFileSync(join(here, '../../docs/emulator.md'), 'utf8');
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]).filter((block) => block.includes('console.log('));
const outDir = join(here, '.emulator-docs-generated');

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('docs/emulator.md has its runnable examples', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(2);
});

blocks.forEach((block, index) => {
  test(`docs/emulator.md example ${index + 1} prints what it says`, async () => {
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `example-${index + 1}.ts`);
    const source = block.replaceAll("from 'corsproof'", `from ${JSON.stringify(pathToFileURL(join(here, '../../src/index.ts')).href)}`);
    writeFileSync(file, `${instrumentChecks(source)}\nexport {};\n`);
    const checks: DocCheck[] = [];
    collectChecks(checks);
    await import(pathToFileURL(file).href);
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) expect(check.actual, check.line).toBe(check.expected);
  });
});
