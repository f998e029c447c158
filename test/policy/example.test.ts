// examples/policy runs as shipped (both suites pass), and with 'x-csrf-token' taken out of the backend's CORS
// configuration: then exactly the two backend tests fail, each with one message naming the admin route and the
// header, and the frontend suite still passes. The example imports the built package (npm run build first).
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const example = join(root, 'examples/policy');
// A copy inside the repository, so 'corsproof' and the peers resolve as they do for the example itself.
const copy = join(root, 'examples', `.policy-without-csrf-${process.pid}`);
afterAll(() => rmSync(copy, { recursive: true, force: true }));

interface Run {
  code: number;
  report: { testResults: Array<{ name: string; assertionResults: Array<{ title: string; status: string; failureMessages: string[] }> }> };
}

let reports = 0;
function vitest(dir: string): Promise<Run> {
  const out = join(tmpdir(), `corsproof-example-${process.pid}-${++reports}.json`);
  return new Promise((done) => {
    execFile(process.execPath, [join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', join(dir, 'vitest.config.mjs'), '--reporter=json', `--outputFile=${out}`], { cwd: root, timeout: 180_000, env: { ...process.env, FORCE_COLOR: '0' } }, (error) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, report: JSON.parse(readFileSync(out, 'utf8')) });
    });
  });
}

const results = (run: Run) =>
  Object.fromEntries(run.report.testResults.flatMap((file) => file.assertionResults.map((t) => [`${file.name.split('/').pop()} > ${t.title}`, t.status])));

describe('examples/policy: one policy file, both suites', () => {
  it('passes as shipped, and removing one header from the backend fails only the backend, naming the route', async () => {
    mkdirSync(copy, { recursive: true });
    cpSync(example, copy, { recursive: true });
    const config = join(copy, 'cors-config.mjs');
    const text = readFileSync(config, 'utf8');
    const without = text.replace("headers: ['content-type', 'x-csrf-token'],", "headers: ['content-type'],");
    expect(without).not.toBe(text);
    writeFileSync(config, without);

    const [shipped, broken] = await Promise.all([vitest(example), vitest(copy)]);
    expect(shipped.code).toBe(0);
    const before = results(shipped);
    expect(Object.values(before)).toEqual(['passed', 'passed', 'passed', 'passed', 'passed']);

    expect(broken.code).toBe(1);
    const after = results(broken);
    const changed = Object.keys(before).filter((name) => before[name] !== after[name]);
    expect(changed.sort()).toEqual(['backend.test.ts > the Express app matches the CORS policy on every route', 'backend.test.ts > the Hono app matches the CORS policy on every route']);

    const messages = broken.report.testResults.flatMap((f) => f.assertionResults.flatMap((t) => t.failureMessages)).map((m) => stripVTControlCharacters(m));
    expect(messages).toHaveLength(2);
    for (const message of messages) {
      expect(message).toContain('Received: 1 deviation on 1 of 3 routes');
      expect(message).toContain('DELETE /api/admin/items/:id (requested as /api/admin/items/it-1) · policy scope /api/admin/*: 1 deviation');
      expect(message).toContain('✗ https://admin.app.example may send request header x-csrf-token with credentials: blocked in chromium, firefox, webkit (HeaderDisallowedByPreflightResponse)');
      expect(message).toContain("Fix: Add 'x-csrf-token' to 'Access-Control-Allow-Headers' on the preflight response");
    }
  }, 240_000);
});
