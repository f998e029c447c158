// The example's tests (examples/frontend/test, unchanged) against changed clients and policies: each project swaps
// one module of the example for a mutant, in two cells that cover both DOM environments and both msw majors
// (the unchanged example runs in all four: see the root config).
import path from 'node:path';
import { defineConfig } from 'vitest/config';

const here = import.meta.dirname;
const root = path.resolve(here, '../../..');

export const mutants = {
  'extra-header': { api: 'api-extra-header.js' },
  'no-credentials': { policy: 'policy-no-credentials.js' },
  unexposed: { policy: 'policy-unexposed.js' },
  'extra-header-allowed': { api: 'api-extra-header.js', policy: 'policy-allows-request-id.js' },
} as const;

export default defineConfig({
  root,
  test: {
    testTimeout: 20_000,
    pool: 'forks',
    projects: Object.entries(mutants).flatMap(([name, swap]) =>
      ([['happy-dom', 3], ['jsdom', 2]] as const).map(([environment, msw]) => ({
          resolve: {
            alias: [
              ...('api' in swap ? [{ find: /^\.\.\/src\/api\.js$/, replacement: path.join(here, swap.api) }] : []),
              ...('policy' in swap ? [{ find: /^\.\.\/cors-policy\.js$/, replacement: path.join(here, swap.policy) }] : []),
              ...(msw === 3 ? [{ find: /^msw(?=\/|$)/, replacement: 'msw3' }] : []),
              { find: /^corsproof\/msw$/, replacement: path.join(root, 'src/mock/msw.ts') },
            ],
          },
          test: {
            name: `${name} ${environment} msw${msw}`,
            root,
            environment,
            environmentOptions: { happyDOM: { url: 'https://shop.example' }, jsdom: { url: 'https://shop.example' } },
            globals: true,
            include: ['examples/frontend/test/**/*.test.js'],
          },
        }),
      ),
    ),
  },
});
