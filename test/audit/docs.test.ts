/**
 * docs/audit.md's library example runs as written (`corsproof` pointing at the sources), and every
 * `console.log(x); // value` line in it prints that value. Its CLI samples run in test/cli/docs.test.ts.
 */
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { collectChecks, instrumentChecks, type DocCheck } from '../docs/doc-checks.js';

const here = dirname(fileURLToPath(import.meta.url));
const doc = readFileSync(join(here, '../../docs/audit.md'), 'utf8');
const blocks = [...doc.matchAll(/^```ts\n([\s\S]*?)^```$/gm)].map((m) => m[1]);
const outDir = join(here, `.docs-generated-${process.pid}`);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('docs/audit.md', () => {
  it('has a library example, and it prints what the page says', async () => {
    expect(blocks.length).toBeGreaterThanOrEqual(1);
    mkdirSync(outDir, { recursive: true });
    const checks: DocCheck[] = [];
    collectChecks(checks);
    for (const [i, block] of blocks.entries()) {
      const source = instrumentChecks(block).replace(/from 'corsproof'/g, `from ${JSON.stringify(pathToFileURL(join(here, '../../src/index.ts')).href)}`);
      const file = join(outDir, `example-${i}.ts`);
      writeFileSync(file, `${source}\nexport {};\n`);
      await import(pathToFileURL(file).href);
    }
    expect(checks.length).toBeGreaterThanOrEqual(3);
    for (const check of checks) expect(check.actual, check.line).toBe(check.expected);
  });
});
