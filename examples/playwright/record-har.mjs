/**
 * Record a HAR of the example app in Chromium, exported by Chromium's own developer tools (the Network panel's
 * HAR export code, running in the DevTools front end attached to the page), as a user would save it.
 * The API runs with a policy that forgets X-CSRF-Token: the profile loads, saving it is blocked at the preflight.
 *
 *   CHROMIUM_PATH=/usr/bin/chromium node examples/playwright/record-har.mjs out.har
 */
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { chromiumLaunch } from './playwright.config.mjs';
import { startExample } from './server.mjs';

const out = process.argv[2] ?? 'example-app.har';
const port = 9300 + Math.floor(Math.random() * 500);
const example = await startExample({ policy: { allowHeaders: ['content-type'] } });
const inspected = await chromium.launch({ ...chromiumLaunch, args: [...chromiumLaunch.args, `--remote-debugging-port=${port}`, '--remote-allow-origins=*'] });
const devtools = await chromium.launch(chromiumLaunch);
try {
  const page = await (await inspected.newContext()).newPage();
  await page.goto('about:blank');
  const targets = await (await fetch(`http://127.0.0.1:${port}/json/list`)).json();
  const target = targets.find((t) => t.type === 'page' && t.url === 'about:blank');
  const front = await (await devtools.newContext()).newPage();
  await front.goto(`devtools://devtools/bundled/devtools_app.html?ws=${target.webSocketDebuggerUrl.replace('ws://', '')}&panel=network`);
  await front.waitForFunction(async () => {
    const Logs = await import('./models/logs/logs.js');
    return Boolean(Logs.NetworkLog.NetworkLog.instance());
  });
  await front.waitForTimeout(500);

  await page.goto(example.pageUrl);
  await page.getByText('Loaded: Grace').waitFor();
  await page.getByLabel('Name').fill('Ada');
  await page.getByRole('button', { name: 'Save' }).click();
  await page.getByText('Could not save: Failed to fetch').waitFor();
  await front.waitForTimeout(500);

  const har = await front.evaluate(async () => {
    const Logs = await import('./models/logs/logs.js');
    const HAR = await import('./models/har/har.js');
    const log = await HAR.Log.Log.build(Logs.NetworkLog.NetworkLog.instance().requests(), { sanitize: false });
    return { log };
  });
  har.log.entries = har.log.entries.filter((e) => !e.request.url.endsWith('/favicon.ico'));
  writeFileSync(out, `${JSON.stringify(har, null, 2)}\n`);
  console.log(`${out}: ${har.log.entries.length} entries (${har.log.creator.name} ${har.log.creator.version}), app ${example.appOrigin}, API ${example.apiUrl}`);
} finally {
  await devtools.close();
  await inspected.close();
  await example.close();
}
