// npm test: every suite, on every Node version `engines` claims (22 and 24), then one closing line.
//  1. type tests (tsc on src and test, including the matcher type tests for Vitest and Jest)
//  2. Vitest on Node 22 (the `node` that npm scripts run on: devDependency node@22)
//  3. Vitest on Node 24 (devDependency node24 = node@24)
//  4. the matcher suites again on Node 22 with every engine run on its own (CORSPROOF_ENGINES_SEPARATELY=1): the
//     verdicts must not depend on whether engines share one exchange
//  5. Jest on Node 22, against the built package (test/jest)
//  6. Jest in ESM mode on Node 22, the frontend suite (test/frontend) and examples/frontend, msw 2 and msw 3, against
//     the built package
//  7. the package as published: publint --strict, attw --pack (every resolution: node10, node16, bundler)
//  8. the compatibility matrix (scripts/consumers.mjs): consumer projects installing the packed tarball with
//     each peer version package.json claims
// Arguments after `--` go to both Vitest runs (e.g. `npm test -- test/spec`); steps 4-8 run only without them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const node22 = process.execPath;
const node24 = path.join(root, 'node_modules/node24/bin/node');
const vitest = path.join(root, 'node_modules/vitest/vitest.mjs');
const jest = path.join(root, 'node_modules/jest/bin/jest.js');
const tsc = path.join(root, 'node_modules/typescript/bin/tsc');
const extra = process.argv.slice(2);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'corsproof-test-'));
const totals = { passed: 0, failed: 0, skipped: 0 };
let failedSteps = [];

function run(label, cmd, args, env = {}) {
  console.log(`\n=== ${label}`);
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0', ...env } });
  if (r.status !== 0) failedSteps.push(label);
  return r.status === 0;
}

function count(label, file, shape) {
  if (!existsSync(file)) {
    console.log(`${label}: no report written`);
    totals.failed++;
    return;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const passed = report.numPassedTests ?? 0;
  const failed = report.numFailedTests ?? 0;
  const skipped = (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  if (passed + failed === 0) {
    console.log(`${label}: ran no test`);
    totals.failed++;
  }
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  console.log(`${label} (${shape}): ${passed} passed, ${failed} failed, ${skipped} skipped`);
}

const steps = [];
run('typecheck (tsc --noEmit)', node22, [tsc, '-p', 'tsconfig.json', '--noEmit']);
for (const [label, bin] of [['vitest on Node 22', node22], ['vitest on Node 24', node24]]) {
  if (!existsSync(bin)) {
    console.log(`${label}: ${bin} is missing; run npm ci`);
    failedSteps.push(label);
    continue;
  }
  const out = path.join(tmp, `${label.replace(/\W+/g, '-')}.json`);
  run(label, bin, [vitest, 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${out}`, ...extra]);
  steps.push([label, out, `${spawnSync(bin, ['-v'], { encoding: 'utf8' }).stdout.trim()}`]);
}
if (extra.length === 0) {
  const label = 'matchers, engines run separately';
  const out = path.join(tmp, 'separately.json');
  run(label, node22, [vitest, 'run', 'test/matchers', '--reporter=dot', '--reporter=json', `--outputFile.json=${out}`], { CORSPROOF_ENGINES_SEPARATELY: '1' });
  steps.push([label, out, process.version]);
}
if (extra.length === 0) {
  const out = path.join(tmp, 'jest.json');
  run('jest on Node 22 (built package)', node22, [jest, '-c', 'jest.config.cjs', '--json', `--outputFile=${out}`]);
  steps.push(['jest on Node 22', out, node22 === process.execPath ? process.version : '']);
  // The frontend suite in Jest's ESM mode (msw 3 and msw 2.11+ are ES modules): node, jsdom, jest-fixed-jsdom.
  const esm = path.join(tmp, 'jest-frontend.json');
  run('jest (ESM) on Node 22: frontend suite, msw 2 and 3', node22, ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', jest, '-c', 'jest.frontend.config.cjs', '--json', `--outputFile=${esm}`]);
  steps.push(['jest (ESM) frontend on Node 22', esm, node22 === process.execPath ? process.version : '']);
}

let matrix;
if (extra.length === 0) {
  run('package lint (publint --strict)', node22, [path.join(root, 'node_modules/publint/src/cli.js'), '--strict']) &&
    run('package types (attw --pack)', node22, [path.join(root, 'node_modules/@arethetypeswrong/cli/dist/index.js'), '--pack', '.']);
  const out = path.join(tmp, 'consumers.json');
  run('consumers (compatibility matrix)', node22, [path.join(root, 'scripts/consumers.mjs'), '--json', out]);
  matrix = existsSync(out) ? JSON.parse(readFileSync(out, 'utf8')) : { seconds: 0, results: [] };
}

console.log('\n=== summary');
for (const [label, file, version] of steps) count(label, file, version);
if (matrix) {
  const cells = matrix.results.length;
  const passedCells = matrix.results.filter((r) => r.ok).length;
  const tests = matrix.results.reduce((sum, r) => sum + r.tests.passed, 0);
  const failedTests = matrix.results.reduce((sum, r) => sum + r.tests.failed, 0);
  console.log(`consumers (${cells} cells, ${matrix.seconds} s): ${passedCells} cells passed, ${cells - passedCells} failed; ${tests} tests passed, ${failedTests} failed`);
  if (cells === 0) totals.failed++;
  totals.passed += tests;
  totals.failed += failedTests + (cells - passedCells);
}
if (failedSteps.length) console.log(`failed steps: ${failedSteps.join(', ')}`);
console.log(`total: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(failedSteps.length || totals.failed ? 1 : 0);
