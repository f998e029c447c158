import path from 'node:path';
import { defineConfig } from 'vitest/config';

const root = path.dirname(new URL(import.meta.url).pathname);

/**
 * The frontend suites (test/frontend, plain `.test.mjs` files a user could have written) run in every DOM
 * environment with each major of msw: `msw` is msw 2, and the `msw3` dev dependency (npm:msw@3) stands in for
 * it in the msw 3 projects. `corsproof/*` resolves to the sources, as in every other test here.
 */
const environments = ['node', 'jsdom', 'happy-dom'] as const;
const mswMajors = [2, 3] as const;

const corsproofSources = [
  { find: /^corsproof\/msw$/, replacement: path.join(root, 'src/mock/msw.ts') },
  { find: /^corsproof\/mock$/, replacement: path.join(root, 'src/mock/index.ts') },
  { find: /^corsproof$/, replacement: path.join(root, 'src/index.ts') },
];

export default defineConfig({
  test: {
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    projects: [
      {
        extends: true,
        test: {
          name: 'corsproof',
          include: ['test/**/*.test.ts'],
          exclude: ['test/jest/**', 'node_modules/**'],
          setupFiles: ['test/setup/engines-separately.ts'],
        },
      },
      // examples/frontend: the shop's API client, in both DOM environments, on the shop's origin.
      ...(['happy-dom', 'jsdom'] as const).flatMap((environment) =>
        mswMajors.map((msw) => ({
          extends: true,
          resolve: { alias: [...(msw === 3 ? [{ find: /^msw(?=\/|$)/, replacement: 'msw3' }] : []), ...corsproofSources] },
          test: {
            name: `example frontend ${environment} msw${msw}`,
            environment,
            environmentOptions: { happyDOM: { url: 'https://shop.example' }, jsdom: { url: 'https://shop.example' } },
            globals: true,
            include: ['examples/frontend/test/**/*.test.js'],
          },
        })),
      ),
      ...environments.flatMap((environment) =>
        mswMajors.map((msw) => ({
          extends: true,
          resolve: { alias: [...(msw === 3 ? [{ find: /^msw(?=\/|$)/, replacement: 'msw3' }] : []), ...corsproofSources] },
          test: {
            name: `frontend ${environment} msw${msw}`,
            environment,
            globals: true,
            include: ['test/frontend/**/*.test.mjs'],
          },
        })),
      ),
    ],
  },
});
