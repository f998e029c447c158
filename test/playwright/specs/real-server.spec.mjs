// The fixture against real servers: the example app and its API on loopback, in real Chromium. What Chromium
// reports is explained with the same reason code simulate() gives for the same exchange.
import { consoleMessage, fromUrl, simulate } from 'corsproof';
import { expect, test } from 'corsproof/playwright';
import { startExample } from '../../../examples/playwright/server.mjs';

test.describe('cors: report', () => {
  test.use({ cors: 'report' });

  test('explains a blocked preflight with the reason simulate() gives', async ({ page, corsReport }, testInfo) => {
    const example = await startExample({ policy: { allowHeaders: ['content-type'] } });
    try {
      await page.goto(example.pageUrl);
      await expect(page.getByRole('status')).toHaveText('Loaded: Grace');
      await page.getByLabel('Name').fill('Ada');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status')).toHaveText('Could not save: Failed to fetch');

      const [failure, ...more] = await corsReport.waitFor(1);
      expect(more).toEqual([]);
      const verdict = await simulate(
        {
          url: `${example.apiUrl}/profile`,
          origin: example.appOrigin,
          method: 'PUT',
          credentials: 'include',
          headers: { 'content-type': 'application/json', 'x-csrf-token': 'c5rf-7f3a' },
          body: '{"name":"Ada"}',
        },
        { transport: fromUrl(example.apiUrl), engine: 'chromium' },
      );
      expect(verdict.reason?.code).toBe('HeaderDisallowedByPreflightResponse');
      expect(failure).toMatchObject({
        source: 'devtools',
        engine: 'chromium',
        method: 'PUT',
        url: `${example.apiUrl}/profile`,
        origin: example.appOrigin,
        code: verdict.reason?.code,
        certain: true,
        messageFrom: 'browser',
        chromium: { corsError: 'HeaderDisallowedByPreflightResponse', failedParameter: 'x-csrf-token' },
        replay: { agrees: true, code: 'HeaderDisallowedByPreflightResponse' },
      });
      expect(failure.message).toBe(consoleMessage(verdict, 'chromium'));
      expect(failure.fix).toContain("Add 'x-csrf-token' to 'Access-Control-Allow-Headers'");
      await testInfo.attach('failure.json', { body: JSON.stringify(failure), contentType: 'application/json' });
    } finally {
      await example.close();
    }
  });

  test('explains a response without Access-Control-Allow-Origin, and leaves allowed and same-origin requests alone', async ({ page, corsReport }) => {
    const example = await startExample({ policy: { origin: 'https://elsewhere.example' } });
    try {
      await page.goto(example.pageUrl);
      await expect(page.getByRole('status')).toHaveText('Could not load: Failed to fetch');
      // A same-origin request (the app's own script) and a request that passes are not failures.
      await page.evaluate(() => fetch('/app.js').then((r) => r.text()));
      const failures = await corsReport.waitFor(1);
      expect(failures.map((f) => [f.code, f.replay?.agrees])).toEqual([['MissingAllowOriginHeader', true]]);
      expect(failures[0].message).toContain("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    } finally {
      await example.close();
    }
  });
});

test.describe('cors: fail', () => {
  // Expected to fail: browser.test.ts checks that it fails, and with Chromium's message.
  test('EXPECTED TO FAIL: a real CORS failure fails the test', async ({ page }) => {
    const example = await startExample({ policy: { allowHeaders: ['content-type'] } });
    try {
      await page.goto(example.pageUrl);
      await expect(page.getByRole('status')).toHaveText('Loaded: Grace');
      await page.getByRole('button', { name: 'Save' }).click();
      await expect(page.getByRole('status')).toHaveText('Could not save: Failed to fetch');
    } finally {
      await example.close();
    }
  });
});
