#!/usr/bin/env node
// The compatibility matrix (test/consumers/cells.mjs): every cell a throw-away consumer project under the OS
// temp dir that installs the packed tarball and the real peer versions it names, then runs its steps.
//
//   node scripts/consumers.mjs                 every cell, two at a time (run `npm run build` first)
//   node scripts/consumers.mjs vitest-5 nock-14  only these cells
//   options: --jobs N (cells at once, default 2), --keep (keep the projects), --json FILE (results),
//            --table (print the matrix table of docs/compatibility.md and exit)
//
// Installs are cached between cells and runs: one npm cache directory ($CORSPROOF_CONSUMERS_CACHE, default
// <tmp>/corsproof-consumers-npm-cache), and the packages every cell uses (COMMON) installed once, in
// <tmp>/corsproof-consumers-<hash of COMMON>/, under which each run makes its cells (Node and TypeScript find
// COMMON by walking up). Prints one line per cell and closes with `consumers: N passed, N failed`.
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { cells as allCells, COMMON, matrixTable } from '../test/consumers/cells.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const filesDir = path.join(root, 'test/consumers/files');
const { values: options, positionals: only } = parseArgs({
  allowPositionals: true,
  options: { jobs: { type: 'string', default: '2' }, keep: { type: 'boolean', default: false }, json: { type: 'string' }, table: { type: 'boolean', default: false } },
});
if (options.table) {
  // The table docs/compatibility.md shows between its matrix markers.
  console.log(matrixTable());
  process.exit(0);
}
const jobs = Math.max(1, Number(options.jobs) || 2);
const cache = process.env.CORSPROOF_CONSUMERS_CACHE ?? path.join(os.tmpdir(), 'corsproof-consumers-npm-cache');
const nodeBin = { 22: path.dirname(process.execPath), 24: path.join(root, 'node_modules/node24/bin') };
const STEP_TIMEOUT_MS = 10 * 60_000;
/** A cell's installed packages are reused for a day, then installed afresh (new peer releases get in). */
const INSTALL_TTL_MS = 24 * 3600_000;
/** A cell directory locked for longer than this was left by a run that died. */
const STALE_LOCK_MS = 3600_000;

const unknown = only.filter((name) => !allCells.some((cell) => cell.name === name));
if (unknown.length) {
  console.error(`consumers: no cell named ${unknown.join(', ')}; the cells are ${allCells.map((c) => c.name).join(', ')}`);
  process.exit(2);
}
const cells = only.length ? allCells.filter((cell) => only.includes(cell.name)) : allCells;
if (!existsSync(path.join(root, 'dist/index.js'))) {
  console.error('consumers: dist/ is missing: run `npm run build` first.');
  process.exit(2);
}

const started = Date.now();
const base = path.join(os.tmpdir(), `corsproof-consumers-${createHash('sha256').update(JSON.stringify(COMMON)).digest('hex').slice(0, 12)}`);
let work = '';
let packedDigest = '';
const digest = (bytes) => createHash('sha256').update(bytes).digest('hex');
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);
const npmFlags = ['--no-audit', '--no-fund', '--no-update-notifier', '--prefer-offline', '--ignore-scripts', '--package-lock=false', '--loglevel=error', `--cache=${cache}`];

/** Run a command, output to `log`; resolves with its exit code (null on a timeout). */
function run(argv, { cwd, env, log, timeoutMs = STEP_TIMEOUT_MS }) {
  return new Promise((resolve) => {
    log.write(`\n$ ${argv.join(' ')}\n`);
    const child = spawn(argv[0], argv.slice(1), { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    const timer = setTimeout(() => {
      log.write(`\n(timed out after ${timeoutMs / 1000} s)\n`);
      try {
        process.kill(-child.pid, 'SIGKILL');
      } catch {}
    }, timeoutMs);
    child.on('error', (error) => {
      log.write(`\n${error.message}\n`);
      clearTimeout(timer);
      resolve(127);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve(signal ? null : code);
    });
  });
}

function withPath(dirs, extra = {}) {
  const env = { ...process.env, ...extra };
  // Not what `npm test` set for this repository (its prefix, lifecycle, package fields): each cell is its own
  // project. Registry and network settings stay.
  const keep = /^npm_config_(registry|cafile|strict_ssl|proxy|https_proxy|noproxy)$/i;
  for (const key of Object.keys(env)) if ((/^npm_/i.test(key) && !keep.test(key)) || key === 'NODE_OPTIONS' || key === 'INIT_CWD') delete env[key];
  env.PATH = [...dirs, process.env.PATH].join(path.delimiter);
  return env;
}

function fileText(source) {
  if (typeof source === 'string') return readFileSync(path.join(filesDir, source), 'utf8');
  if ('text' in source) return source.text;
  let text = readFileSync(path.join(root, source.from), 'utf8');
  for (const [from, to] of source.replace ?? []) {
    if (!text.includes(from)) throw new Error(`${source.from} does not contain ${from}`);
    text = text.replaceAll(from, to);
  }
  return text;
}

/** The version installed in the cell's own node_modules (aliases read through to the real package). */
function installedVersion(dir, name) {
  const file = path.join(dir, 'node_modules', name, 'package.json');
  return existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')).version : undefined;
}

/**
 * The cell's project directory. Its files are written anew every run; its installed packages are kept between
 * runs (same dependencies, less than a day old), as the npm cache is, and npm then only swaps in the new
 * tarball. A directory another run is using is not shared: this run makes its own under its work directory.
 */
function cellProject(cell) {
  const key = createHash('sha256').update(JSON.stringify([cell.dependencies, cell.packageJson ?? {}])).digest('hex').slice(0, 10);
  const dir = path.join(base, 'cells', `${cell.name}-${key}`);
  const lock = `${dir}.lock`;
  mkdirSync(path.dirname(dir), { recursive: true });
  if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) rmSync(lock, { recursive: true, force: true });
  try {
    mkdirSync(lock);
  } catch {
    const own = path.join(work, 'cells', cell.name);
    mkdirSync(own, { recursive: true });
    return { dir: own, reused: false, release: () => undefined };
  }
  const marker = path.join(dir, 'node_modules', '.corsproof-cell');
  const reused = existsSync(marker) && Date.now() - statSync(marker).mtimeMs < INSTALL_TTL_MS;
  if (reused) {
    for (const entry of readdirSync(dir)) if (entry !== 'node_modules') rmSync(path.join(dir, entry), { recursive: true, force: true });
  } else {
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  return { dir, reused, marker, release: () => rmSync(lock, { recursive: true, force: true }) };
}

async function runCell(cell, tarball) {
  const since = Date.now();
  const project = cellProject(cell);
  const { dir } = project;
  const logFile = path.join(work, `${cell.name}.log`);
  const log = createWriteStream(logFile);
  const node = cell.node ?? 22;
  const env = withPath([path.join(dir, 'node_modules/.bin'), path.join(base, 'node_modules/.bin'), nodeBin[node]], { CI: 'true', FORCE_COLOR: '0', NO_COLOR: '1' });
  const result = { name: cell.name, node, ok: false, seconds: 0, versions: {}, tests: { passed: 0, failed: 0 }, timing: [], failed: '', log: logFile };
  try {
    const pkg = { name: `consumer-${cell.name}`, private: true, version: '0.0.0', ...cell.packageJson, dependencies: { corsproof: `file:${tarball}`, ...cell.dependencies } };
    writeFileSync(path.join(dir, 'package.json'), `${JSON.stringify(pkg, null, 2)}\n`);
    for (const [file, source] of Object.entries(cell.files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), fileText(source));
    }
    let stepSince = Date.now();
    const installed = await run(['npm', 'install', ...npmFlags], { cwd: dir, env: withPath([nodeBin[22]]), log });
    result.timing.push(`install${project.reused ? ' (kept packages)' : ''} ${seconds(stepSince)}`);
    if (installed !== 0) throw new Error('npm install failed');
    if (!project.reused && project.marker) writeFileSync(project.marker, '');
    const installedCopy = path.join(dir, 'node_modules/corsproof/dist/index.js');
    if (!existsSync(installedCopy) || digest(readFileSync(installedCopy)) !== packedDigest) throw new Error('the corsproof installed is not the tarball just packed');
    for (const [name, major] of Object.entries(cell.covers)) {
      const version = installedVersion(dir, name);
      result.versions[name] = version ?? 'missing';
      if (version === undefined || Number(version.split('.')[0]) !== major) throw new Error(`${name} ${major} expected, ${version ?? 'nothing'} installed`);
    }
    for (const [name] of Object.entries(cell.dependencies)) result.versions[name] ??= installedVersion(dir, name);
    result.versions.node = spawnSync(path.join(nodeBin[node], 'node'), ['-v'], { encoding: 'utf8' }).stdout.trim();
    for (const step of cell.steps.map((argv) => argv.map((arg) => arg.replaceAll('{common}', base)))) {
      stepSince = Date.now();
      const code = await run(step, { cwd: dir, env, log });
      result.timing.push(`${step[0] === 'node' ? step[step[1].startsWith('--') ? 2 : 1].split('/').at(-3) ?? step[1] : step[0]} ${seconds(stepSince)}`);
      if (code !== 0) throw new Error(`\`${step.join(' ')}\` ${code === null ? 'timed out' : `exited ${code}`}`);
    }
    await new Promise((resolve) => log.end(resolve));
    result.tests = countTests(readFileSync(logFile, 'utf8'));
    if (result.tests.passed === 0) throw new Error('the runners ran no test');
    result.ok = true;
  } catch (error) {
    result.failed = error.message;
  } finally {
    result.seconds = Number(seconds(since));
    result.project = dir;
    project.release();
    if (!log.closed) await new Promise((resolve) => log.end(resolve));
  }
  return result;
}

/** Tests passed and failed, from the closing lines of Vitest (`Tests  3 passed (3)`) and Jest (`Tests: 3 passed, 3 total`). */
function countTests(text) {
  const tests = { passed: 0, failed: 0 };
  for (const line of text.split('\n')) {
    if (!/^\s*Tests:?\s/.test(line)) continue;
    tests.passed += Number(/(\d+) passed/.exec(line)?.[1] ?? 0);
    tests.failed += Number(/(\d+) failed/.exec(line)?.[1] ?? 0);
  }
  return tests;
}

function tail(file, lines = 60) {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '';
  }
}

async function main() {
  // COMMON, once: installed beside the runs, then moved into place whole (a run that finds it complete reuses it).
  const commonSince = Date.now();
  let reused = existsSync(path.join(base, 'node_modules/.corsproof-common'));
  if (!reused) {
    const fresh = mkdtempSync(`${base}-installing-`);
    writeFileSync(path.join(fresh, 'package.json'), `${JSON.stringify({ name: 'consumers-common', private: true, version: '0.0.0', dependencies: COMMON }, null, 2)}\n`);
    const setupLog = createWriteStream(path.join(fresh, 'install.log'));
    const code = await run(['npm', 'install', ...npmFlags], { cwd: fresh, env: withPath([nodeBin[22]]), log: setupLog });
    await new Promise((resolve) => setupLog.end(resolve));
    if (code !== 0) throw new Error(`installing the common packages failed:\n${tail(path.join(fresh, 'install.log'))}`);
    writeFileSync(path.join(fresh, 'node_modules/.corsproof-common'), '');
    rmSync(base, { recursive: true, force: true });
    try {
      renameSync(fresh, base);
    } catch {
      // Another run moved its copy in first: use that one.
      rmSync(fresh, { recursive: true, force: true });
      reused = true;
    }
  }
  work = mkdtempSync(path.join(base, 'run-'));
  // The tarball, as `npm publish` would make it.
  const packed = spawnSync('npm', ['pack', '--pack-destination', work, '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8', env: withPath([nodeBin[22]]) });
  if (packed.status !== 0) throw new Error(`npm pack failed:\n${packed.stderr}`);
  const tarball = path.join(work, JSON.parse(packed.stdout)[0].filename);
  packedDigest = digest(readFileSync(path.join(root, 'dist/index.js')));
  console.log(`consumers: packed ${path.basename(tarball)}; common packages ${reused ? 'reused' : 'installed'} (${seconds(commonSince)} s); ${cells.length} cells, ${jobs} at a time`);

  const results = [];
  const queue = [...cells];
  await Promise.all(
    Array.from({ length: Math.min(jobs, queue.length) }, async () => {
      for (let cell = queue.shift(); cell; cell = queue.shift()) {
        const result = await runCell(cell, tarball);
        results.push(result);
        const versions = Object.entries(result.versions).map(([name, version]) => `${name}@${version}`).join(' ');
        const tests = `${result.tests.passed} tests passed`.padEnd(16);
        console.log(`  ${result.ok ? 'pass' : 'FAIL'}  ${cell.name.padEnd(28)} ${String(result.seconds).padStart(6)} s  ${tests} ${versions}  (${result.timing.join(', ')})${result.ok ? '' : `\n        ${result.failed}; log: ${result.log}; project: ${result.project}`}`);
        if (!result.ok) console.log(tail(result.log).replace(/^/gm, '        | '));
      }
    }),
  );
  results.sort((a, b) => cells.findIndex((c) => c.name === a.name) - cells.findIndex((c) => c.name === b.name));
  const passed = results.filter((r) => r.ok).length;
  const failed = results.length - passed;
  const tests = results.reduce((sum, r) => sum + r.tests.passed, 0);
  if (options.json) writeFileSync(options.json, `${JSON.stringify({ seconds: Number(seconds(started)), results }, null, 2)}\n`);
  if (failed === 0 && !options.keep) rmSync(work, { recursive: true, force: true });
  else console.log(`consumers: projects and logs kept in ${work}`);
  console.log(`consumers: matrix wall time ${seconds(started)} s; ${tests} tests passed in the cells`);
  console.log(`consumers: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(`consumers: ${error.message}`);
    if (work) console.log(`consumers: projects and logs kept in ${work}`);
    console.log('consumers: 0 passed, 1 failed');
    process.exit(1);
  },
);
