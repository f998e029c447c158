/**
 * The Playwright Test fixture: `test` from `@playwright/test`, extended so every test's browser context is
 * watched for CORS failures (`watchCors`). Failures are attached to the test's report, as text and JSON, and
 * fail the test under `cors: 'fail'` (the default); `'report'` only attaches them, `'off'` does not watch.
 */
import { test as base } from '@playwright/test';
import type { CorsFailure, CorsWatcher } from './watch.js';
import { watchCors } from './watch.js';

export type CorsMode = 'fail' | 'report' | 'off';

export interface CorsFixtures {
  /** What a CORS failure does to the test: `'fail'` (default), `'report'` (attach only) or `'off'`. */
  cors: CorsMode;
  /** The failures of this test's context: `.failures`, `await .settled()`, `await .waitFor(n)`. */
  corsReport: CorsWatcher;
}

const watchers = new WeakMap<object, CorsWatcher>();

export const test = base.extend<CorsFixtures>({
  cors: ['fail', { option: true }],
  context: async ({ context, cors }, use, testInfo) => {
    if (cors === 'off') {
      await use(context);
      return;
    }
    const watcher = await watchCors(context);
    watchers.set(context, watcher);
    await use(context);
    const failures = await watcher.stop();
    if (failures.length === 0) return;
    await testInfo.attach('cors-failures', { body: formatFailures(failures), contentType: 'text/plain' });
    await testInfo.attach('cors-failures.json', { body: JSON.stringify(failures, null, 2), contentType: 'application/json' });
    if (cors === 'fail') throw new Error(`${failures.length} CORS failure${failures.length === 1 ? '' : 's'} in this test (cors: 'fail'; use test.use({ cors: 'report' }) to only report them):\n\n${formatFailures(failures)}`);
  },
  corsReport: async ({ context }, use) => {
    const watcher = watchers.get(context);
    if (!watcher) throw new Error("corsReport is not available with cors: 'off'.");
    await use(watcher);
  },
});

export { expect } from '@playwright/test';

/** The failures as the report shows them: request, reason, the browser's message, the fix, and any difference with corsproof. */
export function formatFailures(failures: readonly CorsFailure[]): string {
  return failures
    .map((f) => {
      const lines = [`${f.method ?? ''} ${f.url ?? '(url unknown)'}${f.origin ? ` from ${f.origin}` : ''}: ${f.code ?? (f.candidates.length ? `one of ${f.candidates.join(', ')}` : 'not recognised')} (${f.engine}, ${SOURCES[f.source]})`.trim()];
      if (f.message) lines.push(`  Console: ${f.message}`);
      if (f.checked) lines.push(`  Checked: ${f.checked}`);
      if (f.fix) lines.push(`  Fix: ${f.fix}`);
      if (f.replay?.difference) lines.push(`  corsproof disagrees: ${f.replay.difference}`);
      else if (f.replay?.agrees) lines.push(`  corsproof agrees: replaying the same exchange gives ${f.replay.code}.`);
      return lines.join('\n');
    })
    .join('\n\n');
}

const SOURCES: Record<CorsFailure['source'], string> = {
  devtools: "reported by Chromium's DevTools protocol",
  console: 'from the console',
  'request-failed': "from the failed request's error",
  corsRoute: 'judged by corsRoute',
};
