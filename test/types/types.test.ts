/**
 * The type tests again, this time as a user compiles them: importing `corsproof/vitest` and `corsproof/jest`
 * from the BUILT package (`npm run build` first), so the published declaration files are what is checked,
 * module augmentations included, in ESM (`.ts`) and CommonJS (`.cts`) consumers.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
// A dot-directory: neither the repository's tsconfig nor Vitest picks it up. Inside the package, so
// `corsproof/...` resolves to the built package by self-reference, and dependencies from node_modules.
const work = join(here, `.consumer-${process.pid}`);

const compilerOptions = {
  target: 'ES2023',
  module: 'NodeNext',
  moduleResolution: 'NodeNext',
  // No DOM lib: the declarations must compile in a Node project (`lib: ["ES2023"]` and @types/node).
  lib: ['ES2023'],
  strict: true,
  esModuleInterop: true,
  skipLibCheck: false,
  types: ['node'],
  noEmit: true,
};

function tsc(project: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', project], { cwd: root, timeout: 120_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

async function consumerCopy(source: string, target: string): Promise<void> {
  const text = await readFile(join(here, source), 'utf8');
  const rewritten = text.replaceAll("'../../src/vitest.js'", "'corsproof/vitest'").replaceAll("'../../src/jest.js'", "'corsproof/jest'");
  expect(rewritten).not.toBe(text);
  await writeFile(join(work, target), rewritten);
}

beforeAll(async () => {
  if (!existsSync(join(root, 'dist/vitest.d.ts')) || !existsSync(join(root, 'dist/jest.d.cts'))) {
    throw new Error('The built package is missing: run `npm run build` before the tests (CI does).');
  }
  await rm(work, { recursive: true, force: true });
  await mkdir(work, { recursive: true });
  await consumerCopy('vitest-usage.ts', 'vitest-usage.ts');
  await consumerCopy('jest-usage.ts', 'jest-usage.ts');
  await consumerCopy('jest-usage.ts', 'jest-usage-cjs.cts');
  await writeFile(join(work, 'tsconfig.vitest.json'), JSON.stringify({ compilerOptions, files: ['vitest-usage.ts'] }, null, 2));
  await writeFile(join(work, 'tsconfig.jest.json'), JSON.stringify({ compilerOptions, files: ['jest-usage.ts', 'jest-usage-cjs.cts'] }, null, 2));
});

afterAll(() => rm(work, { recursive: true, force: true }));

describe('the built package, as a user compiles it', () => {
  it("corsproof/vitest merges the matchers into Vitest's expect", async () => {
    const { code, output } = await tsc(join(work, 'tsconfig.vitest.json'));
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('corsproof/jest merges them into @jest/globals and jest.Matchers, from ESM and CommonJS', async () => {
    const { code, output } = await tsc(join(work, 'tsconfig.jest.json'));
    expect(output).toBe('');
    expect(code).toBe(0);
  }, 120_000);

  it('a misuse left without @ts-expect-error is a compile error (the check can fail)', async () => {
    await writeFile(join(work, 'broken.ts'), "import express from 'express';\nimport { expect } from 'vitest';\nimport 'corsproof/vitest';\nawait expect(express()).toBeBlockedByCors('NoSuchReason', { origin: 'https://app.example' });\n");
    await writeFile(join(work, 'tsconfig.broken.json'), JSON.stringify({ compilerOptions, files: ['broken.ts'] }, null, 2));
    const { code, output } = await tsc(join(work, 'tsconfig.broken.json'));
    expect(code).not.toBe(0);
    expect(output).toContain(`Argument of type '"NoSuchReason"' is not assignable to parameter of type 'ReasonCode'`);
  }, 120_000);
});
