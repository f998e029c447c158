// Playwright's configuration for the example. On machines where Playwright cannot download its own browsers,
// CHROMIUM_PATH points at an installed Chromium (Debian's package: /usr/bin/chromium).
import { defineConfig } from '@playwright/test';

export const chromiumLaunch = {
  ...(process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : {}),
  args: ['--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', ...(process.getuid?.() === 0 ? ['--no-sandbox'] : [])],
};

export default defineConfig({
  testDir: './tests',
  workers: 1,
  expect: { timeout: 2000 },
  use: { browserName: 'chromium', launchOptions: chromiumLaunch },
});
