/**
 * docs/playwright.md shows the example as it is: its code blocks are the example's files, which the browser
 * suite runs (browser.test.ts), and the failure it quotes is what the suite asserts.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from 'vitest';

const root = path.resolve(__dirname, '../..');
const doc = readFileSync(path.join(root, 'docs/playwright.md'), 'utf8');
const blocks = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]);

test.each(['examples/playwright/tests/profile.spec.mjs', 'examples/playwright/fixtures.mjs'])('%s is shown as it is', (file) => {
  expect(blocks).toContain(readFileSync(path.join(root, file), 'utf8'));
});

test('the quoted failure is the one browser.test.ts checks for', () => {
  const suite = readFileSync(path.join(root, 'test/playwright/browser.test.ts'), 'utf8');
  const console_ = /Console: (Access to fetch at 'https:\/\/api\.example\/profile'.*)/.exec(doc)![1];
  expect(suite).toContain(console_);
});
