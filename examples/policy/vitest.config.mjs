// Both suites of the example: `npx vitest run --config examples/policy/vitest.config.mjs` (after npm run build).
import { defineConfig } from 'vitest/config';

export default defineConfig({
  // Vite's cache in the repository's node_modules, not a node_modules folder inside the example.
  cacheDir: new URL('../../node_modules/.vite/examples-policy', import.meta.url).pathname,
  test: {
    root: new URL('.', import.meta.url).pathname,
    include: ['*.test.ts'],
    testTimeout: 30_000,
  },
});
