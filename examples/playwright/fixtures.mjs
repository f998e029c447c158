/**
 * The example's test fixtures: corsproof's `test` (every CORS failure fails the test, with the browser's message),
 * the app served at https://app.example, and the API's CORS policy as an option, so a project can mirror it.
 */
import { test as corsTest } from 'corsproof/playwright';
import { productionPolicy } from './api.mjs';
import { serveApp } from './serve-app.mjs';

export const test = corsTest.extend({
  // The CORS policy the mocked API answers with: production's, unless a project overrides it.
  apiPolicy: [productionPolicy, { option: true }],
  page: async ({ page }, use) => {
    await page.route('https://app.example/**', serveApp);
    await use(page);
  },
});

export { expect } from 'corsproof/playwright';
