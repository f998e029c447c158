/**
 * The frontend suite (test/frontend/*.test.mjs) under Jest, in ESM mode (`node --experimental-vm-modules`: msw 3
 * and msw 2.11+ are ES modules), against the built package, in each environment a Jest user picks, with msw 2
 * and with msw 3 (the `msw3` dev dependency, mapped in for `msw`). Run `npm run build` first.
 * @type {import('jest').Config}
 */
const environments = [
  { name: 'node', testEnvironment: 'node' },
  // Plain jsdom: no Fetch API of its own (setupFiles adds Node's), and browser export conditions (MSW's Jest
  // recipe turns them off so that msw/node resolves).
  { name: 'jsdom', testEnvironment: 'jsdom', testEnvironmentOptions: { customExportConditions: [''] }, setupFiles: ['<rootDir>/test/frontend/jest-jsdom-fetch.cjs'] },
  { name: 'jest-fixed-jsdom', testEnvironment: 'jest-fixed-jsdom' },
];

const msw3 = { '^msw$': 'msw3', '^msw/(.*)$': 'msw3/$1' };

module.exports = {
  rootDir: __dirname,
  testTimeout: 20000,
  projects: [
    ...environments.flatMap(({ name, ...environment }) =>
      [2, 3].map((msw) => ({
        displayName: `frontend ${name} msw${msw}`,
        rootDir: __dirname,
        ...environment,
        testMatch: ['<rootDir>/test/frontend/**/*.test.mjs'],
        transform: {},
        moduleNameMapper: msw === 3 ? msw3 : {},
      })),
    ),
    // examples/frontend under Jest (jsdom), as its own jest.config.mjs runs it, with msw 2 and msw 3.
    ...[2, 3].map((msw) => ({
      displayName: `example frontend jest-fixed-jsdom msw${msw}`,
      rootDir: `${__dirname}/examples/frontend`,
      testEnvironment: 'jest-fixed-jsdom',
      testEnvironmentOptions: { url: 'https://shop.example' },
      testMatch: ['<rootDir>/test/**/*.test.js'],
      transform: {},
      moduleNameMapper: msw === 3 ? msw3 : {},
    })),
  ],
};
