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
    dts: true,
    clean: true,
    sourcemap: true,
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
