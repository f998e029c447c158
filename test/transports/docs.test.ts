/**
 * docs/targets.md runs as written: each ```ts block is executed (with `corsproof` pointing at the sources),
 * and every `console.log(x); // value` line must print that value.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { collectChecks, instrumentChecks, type DocCheck } from '../docs/doc-checks.js';

const here = dirname(fileURLToPath(import.meta.url));
const doc = readFileSync(join(here, '../../docs/targets.md'), 'utf8');
const blocks = [...doc.matchAll(/```ts\n([\s\S]*?)```/g)].map((match) => match[1]);
const outDir = join(here, '.docs-generated');

function instrument(source: string): string {
  const mapped = source.replaceAll("from 'corsproof'", `from ${JSON.stringify(pathToFileURL(join(here, '../../src/index.ts')).href)}`);
  return `${instrumentChecks(mapped)}\nexport {};\n`;
}

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

test('docs/targets.md has its examples', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(8);
});

blocks.forEach((block, index) => {
  const title = block.split('\n').find((line) => line.startsWith('//')) ?? block.split('\n').find((line) => line.includes('import')) ?? '';
  test(`example ${index + 1} runs and prints what it says (${title.trim().slice(0, 60)})`, async () => {
    mkdirSync(outDir, { recursive: true });
    const file = join(outDir, `example-${index + 1}.ts`);
    writeFileSync(file, instrument(block));
    const checks: DocCheck[] = [];
    collectChecks(checks);
    await import(pathToFileURL(file).href);
    expect(checks.length).toBeGreaterThan(0);
    for (const check of checks) expect(check.actual, check.line).toBe(check.expected);
  });
});
