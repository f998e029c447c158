// The browser suite npm test runs (through test/playwright/browser.test.ts) in one Playwright run:
// the example as shipped, the example with a production policy that forgets X-CSRF-Token, and the fixture
// against real loopback servers.
import { defineConfig } from '@playwright/test';
import { chromiumLaunch } from '../../examples/playwright/playwright.config.mjs';
import { productionPolicy } from '../../examples/playwright/api.mjs';

export default defineConfig({
  workers: 1,
  retries: 0,
  expect: { timeout: 2000 },
  use: { browserName: 'chromium', launchOptions: chromiumLaunch },
  projects: [
    { name: 'example', testDir: '../../examples/playwright/tests' },
    {
      name: 'example-policy-without-x-csrf-token',
      testDir: '../../examples/playwright/tests',
      use: { apiPolicy: { ...productionPolicy, allowHeaders: ['content-type'] } },
    },
    { name: 'fixture', testDir: './specs' },
  ],
});
