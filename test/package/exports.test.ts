// The built package as users load it: ESM and CJS entry points, types listed first, the bin.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const run = (code: string, type: 'module' | 'commonjs') =>
  execFileSync(process.execPath, [type === 'module' ? '--input-type=module' : '--input-type=commonjs', '-e', code], { cwd: root, encoding: 'utf8' });

describe('package', () => {
  it('is built (npm run build runs before npm test)', () => {
    expect(existsSync(path.join(root, 'dist/index.js')), 'dist/ is missing: run `npm run build` first').toBe(true);
  });

  it('lists types first in every conditional export, and every file exists', () => {
    for (const [entry, conditions] of Object.entries<Record<string, Record<string, string>> | string>(pkg.exports)) {
      if (typeof conditions === 'string') continue;
      for (const kind of ['import', 'require']) {
        const target = conditions[kind];
        expect(Object.keys(target)[0], `${entry} ${kind}`).toBe('types');
        for (const file of Object.values(target)) expect(existsSync(path.join(root, file)), `${entry} ${kind} -> ${file}`).toBe(true);
      }
    }
  });

  it('loads from ESM and CJS with the same API', () => {
    const names = (out: string) => JSON.parse(out) as string[];
    const esm = names(run("const m = await import('corsproof'); console.log(JSON.stringify(Object.keys(m).sort()))", 'module'));
    const cjs = names(run("const m = require('corsproof'); console.log(JSON.stringify(Object.keys(m).sort()))", 'commonjs'));
    expect(esm).toEqual(cjs);
    for (const name of ['simulate', 'PreflightCache', 'corsCheck', 'InvalidArgumentError', 'TransportError']) expect(esm).toContain(name);
  });

  it('simulates from the CJS build', () => {
    const out = run(`
      const { simulate } = require('corsproof');
      simulate({ url: 'https://api.example/x', origin: 'https://app.example' },
        { transport: () => new Response('ok', { headers: { 'access-control-allow-origin': '*' } }) })
        .then((v) => console.log(v.allowed, v.response.type));`, 'commonjs');
    expect(out.trim()).toBe('true cors');
  });

  it('the tarball holds dist, docs, README and LICENSE: no sources, no sourcemaps', () => {
    const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' })) as Array<{ files: Array<{ path: string }> }>;
    const files = packed.files.map((file) => file.path);
    expect(files).toContain('LICENSE');
    expect(files).toContain('README.md');
    expect(files).toContain('dist/index.cjs');
    expect(files.filter((file) => file.endsWith('.map'))).toEqual([]);
    expect(files.filter((file) => !/^(dist|docs|schemas)\/|^(README\.md|LICENSE|package\.json)$/.test(file))).toEqual([]);
  });

  it('has no runtime dependency that dist does not import: Node built-ins, its own files, optional peers, and only the dependencies it loads', () => {
    const dependencies = new Set(Object.keys(pkg.dependencies ?? {}));
    const peers = new Set(Object.keys(pkg.peerDependencies));
    const dist = path.join(root, 'dist');
    const files = [...readdirSync(dist).map((f) => path.join(dist, f)), ...readdirSync(path.join(dist, 'cli')).map((f) => path.join(dist, 'cli', f))];
    const imported = new Set<string>();
    for (const file of files.filter((f) => /\.c?js$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      for (const pattern of [/^import\s[^;]*?from\s*["']([^"']+)["']/gm, /^import\s*["']([^"']+)["']/gm, /\bimport\(["']([^"']+)["']\)/g, /\brequire\((["'])([^"']+)\1\)/g]) {
        for (const match of text.matchAll(pattern)) imported.add(match[match.length - 1].replace(/^(@[^/]+\/[^/]+|[^@/][^/]*).*$/, '$1'));
      }
    }
    const outside = [...imported].filter((name) => !name.startsWith('.') && !isBuiltin(name) && !peers.has(name) && !dependencies.has(name));
    expect(outside, 'imported by dist but not declared').toEqual([]);
    expect([...dependencies].filter((name) => !imported.has(name)), 'declared but never imported by dist').toEqual([]);
    expect(dependencies.has('light-my-request')).toBe(false);
  });

  it('ships an executable bin', () => {
    const bin = path.join(root, pkg.bin.corsproof);
    expect(readFileSync(bin, 'utf8').startsWith('#!/usr/bin/env node')).toBe(true);
  });
});
