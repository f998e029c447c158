// Both suites of the example: `npx vitest run --config examples/policy/vitest.config.mjs` (after npm run build).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['*.test.ts'],
    testTimeout: 30_000,
  },
});
