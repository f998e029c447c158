// Jest in ESM mode (msw is an ES module): `node --experimental-vm-modules node_modules/jest/bin/jest.js`.
// jest-fixed-jsdom is jsdom with the Fetch API MSW needs; the page is the app's origin.
export default {
  testEnvironment: 'jest-fixed-jsdom',
  testEnvironmentOptions: { url: 'https://shop.example' },
  transform: {},
};
