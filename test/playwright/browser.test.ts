/**
 * The browser suite, run by Playwright Test in real Chromium (test/playwright/playwright.config.mjs), checked
 * from here so it is part of npm test: the example's three states and the fixture against real servers.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath } from './chromium.js';

const root = path.resolve(__dirname, '../..');
const chromium = chromiumPath();
if (!chromium.path) console.warn(`Skipping the Playwright browser suite: ${chromium.why}`);

interface Result {
  project: string;
  file: string;
  title: string;
  status: string;
  errors: string[];
  attachments: string[];
}

describe.skipIf(!chromium.path)('Playwright in real Chromium', () => {
  let results: Result[] = [];
  let output = '';

  beforeAll(() => {
    const out = path.join(mkdtempSync(path.join(os.tmpdir(), 'corsproof-pw-')), 'report.json');
    const run = spawnSync(process.execPath, [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', '-c', 'test/playwright/playwright.config.mjs', '--reporter=json', `--output=${path.dirname(out)}/results`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, CHROMIUM_PATH: chromium.path!, PLAYWRIGHT_JSON_OUTPUT_NAME: out, FORCE_COLOR: '0' },
      timeout: 240_000,
    });
    output = `${run.stdout}\n${run.stderr}`;
    const report = JSON.parse(readFileSync(out, 'utf8'));
    results = flatten(report.suites ?? []);
  }, 250_000);

  const find = (project: string, title: string) => {
    const found = results.find((r) => r.project === project && r.title.includes(title));
    expect(found, `${project} › ${title} not in the report:\n${output.slice(-3000)}`).toBeDefined();
    return found!;
  };

  it('the example passes with plain page.route mocks, whatever the API policy', () => {
    expect(find('example', 'plain page.route mock').status).toBe('passed');
    expect(find('example-policy-without-x-csrf-token', 'plain page.route mock').status).toBe('passed');
  });

  it('under corsRoute, the example fails with the browser\'s message when the policy forgets X-CSRF-Token', () => {
    const failed = results.find((r) => r.project === 'example-policy-without-x-csrf-token' && r.title === 'saves the profile')!;
    expect(failed.status).toBe('failed');
    const errors = failed.errors.join('\n');
    expect(errors).toContain(
      "Access to fetch at 'https://api.example/profile' from origin 'https://app.example' has been blocked by CORS policy: Request header field x-csrf-token is not allowed by Access-Control-Allow-Headers in preflight response.",
    );
    expect(errors).toContain("Add 'x-csrf-token' to 'Access-Control-Allow-Headers' on the preflight response");
    expect(failed.attachments).toContain('cors-failures');
  });

  it('under corsRoute, the example passes with the production policy that allows it', () => {
    const passed = results.find((r) => r.project === 'example' && r.title === 'saves the profile');
    expect(passed?.status).toBe('passed');
  });

  it('the fixture explains real CORS failures with the reason code simulate() gives', () => {
    expect(find('fixture', 'explains a blocked preflight').status, output.slice(-3000)).toBe('passed');
    expect(find('fixture', 'without Access-Control-Allow-Origin').status, output.slice(-3000)).toBe('passed');
  });

  it("cors: 'fail' fails the test with Chromium's own message, and says corsproof agrees", () => {
    const failed = find('fixture', 'EXPECTED TO FAIL');
    expect(failed.status).toBe('failed');
    const errors = failed.errors.join('\n');
    expect(errors).toContain("1 CORS failure in this test (cors: 'fail'");
    expect(errors).toMatch(/Request header field x-csrf-token is not allowed by Access-Control-Allow-Headers in preflight response\./);
    expect(errors).toContain("reported by Chromium's DevTools protocol");
    expect(errors).toContain('corsproof agrees: replaying the same exchange gives HeaderDisallowedByPreflightResponse.');
  });

  it('ran every test of the suite', () => {
    expect(results.length).toBe(7);
  });
});

function flatten(suites: any[], file = ''): Result[] {
  const out: Result[] = [];
  for (const suite of suites) {
    const here = suite.file ?? file;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        const last = test.results?.at(-1) ?? {};
        out.push({
          project: test.projectName,
          file: here,
          title: spec.title,
          status: last.status,
          errors: (last.errors ?? []).map((e: any) => e.message ?? String(e)),
          attachments: (last.attachments ?? []).map((a: any) => a.name),
        });
      }
    }
    out.push(...flatten(suite.suites ?? [], here));
  }
  return out;
}
