// The profile page against the API mocked with corsRoute: each request is judged as the browser would judge the
// real API with the production CORS policy, preflight included.
import { corsRoute } from 'corsproof/playwright';
import { corsHandler } from 'corsproof/mock';
import { profileApi } from '../api.mjs';
import { expect, test } from '../fixtures.mjs';

test('saves the profile', async ({ page, apiPolicy }) => {
  const api = await corsRoute(page, 'https://api.example/**', corsHandler(apiPolicy, profileApi()));
  await page.goto('https://app.example/');
  await expect(page.getByRole('status')).toHaveText('Loaded: Grace');

  await page.getByLabel('Name').fill('Ada');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved: Ada');
  api.expectNoneBlocked();
});
