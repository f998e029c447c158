// The same test with a plain page.route mock: Playwright answers the preflight itself and adds CORS headers to
// fulfilled responses, so this passes whatever the real API's CORS policy says.
import { expect, test } from '@playwright/test';
import { serveApp } from '../serve-app.mjs';

test('saves the profile (plain page.route mock)', async ({ page }) => {
  await page.route('https://app.example/**', serveApp);
  let profile = { name: 'Grace' };
  await page.route('https://api.example/profile', async (route) => {
    if (route.request().method() === 'PUT') profile = { ...profile, ...route.request().postDataJSON() };
    await route.fulfill({ json: profile });
  });
  await page.goto('https://app.example/');
  await expect(page.getByRole('status')).toHaveText('Loaded: Grace');

  await page.getByLabel('Name').fill('Ada');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved: Ada');
});
