import { defineConfig } from 'tsup';

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      vitest: 'src/vitest.ts',
      jest: 'src/jest.ts',
      matchers: 'src/matchers/index.ts',
      mock: 'src/mock/index.ts',
      msw: 'src/mock/msw.ts',
      playwright: 'src/playwright/index.ts',
    },
    format: ['esm', 'cjs'],
    // Shared chunks in both formats, so every entry of one module system runs the same copy of the library
    // (one PreflightCache class, one set of error classes behind `corsproof`, `corsproof/mock`, `corsproof/jest`...).
    splitting: true,
    dts: true,
    clean: true,
    // No sourcemaps: they would point at src/, which the package does not ship.
    sourcemap: false,
    target: 'node22',
    external: ['vitest', '@jest/globals', 'msw', 'nock', '@playwright/test', 'playwright-core'],
  },
  {
    entry: { 'cli/main': 'src/cli/main.ts' },
    format: ['esm'],
    target: 'node22',
    banner: { js: '#!/usr/bin/env node' },
  },
]);
