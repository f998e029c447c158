/**
 * Jest runs test/jest/: plain CommonJS test files that use the BUILT package (`require('corsproof/jest')`,
 * resolved by package self-reference), as a user's Jest suite would. Run `npm run build` first.
 * @type {import('jest').Config}
 */
module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/jest/**/*.test.cjs'],
  transform: {},
  testTimeout: 20000,
};
