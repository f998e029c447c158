// The compatibility matrix stays what the docs and package.json say: docs/compatibility.md shows the cells as
// they are defined, the peer ranges are exactly the majors the cells prove, and every cell's files exist.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM data module without declarations
import { cells, COMMON, matrixTable, provenPeerRanges } from './cells.mjs';

type Source = string | { from: string; replace?: Array<[string, string]> } | { text: string };
interface Cell {
  name: string;
  about: string;
  covers: Record<string, number>;
  dependencies: Record<string, string>;
  files: Record<string, Source>;
  steps: string[][];
  node?: number;
}

const root = path.resolve(__dirname, '../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');
const all = cells as Cell[];

describe('the compatibility matrix', () => {
  it('docs/compatibility.md shows every cell as test/consumers/cells.mjs defines it', () => {
    const doc = read('docs/compatibility.md');
    const start = '<!-- matrix:start -->\n';
    const end = '\n<!-- matrix:end -->';
    expect(doc).toContain(start);
    const shown = doc.slice(doc.indexOf(start) + start.length, doc.indexOf(end));
    expect(shown, 'regenerate the table with `node scripts/consumers.mjs --table`').toBe(matrixTable());
    for (const [name, spec] of Object.entries(COMMON as Record<string, string>)) expect(doc).toContain(`\`${name}@${spec}\``);
  });

  it("package.json's peer ranges are exactly the majors the cells prove", () => {
    const pkg = JSON.parse(read('package.json')) as { peerDependencies: Record<string, string>; peerDependenciesMeta: Record<string, { optional?: boolean }> };
    // Peers no cell covers yet: Playwright's, proven by the repository's own browser suites (test/playwright).
    const notInMatrix = ['@playwright/test', 'playwright-core'];
    const inMatrix = Object.fromEntries(Object.entries(pkg.peerDependencies).filter(([name]) => !notInMatrix.includes(name)));
    expect(inMatrix).toEqual(provenPeerRanges());
    for (const name of Object.keys(pkg.peerDependencies)) expect(pkg.peerDependenciesMeta[name]?.optional, name).toBe(true);
  });

  it('every cell is well formed: a unique name, files that exist, a test runner step, the peers it covers installed in it', () => {
    expect(new Set(all.map((cell) => cell.name)).size).toBe(all.length);
    for (const cell of all) {
      expect(cell.name).toMatch(/^[a-z0-9.-]+$/);
      expect(cell.steps.length, cell.name).toBeGreaterThan(0);
      expect(cell.steps.some((step) => step.join(' ').match(/vitest|jest/)), `${cell.name} runs a test runner`).toBe(true);
      for (const name of Object.keys(cell.covers)) expect(cell.dependencies[name], `${cell.name} installs ${name} itself`).toBeDefined();
      for (const source of Object.values(cell.files)) {
        if (typeof source === 'string') expect(existsSync(path.join(root, 'test/consumers/files', source)), source).toBe(true);
        else if ('from' in source) {
          const text = read(source.from);
          for (const [from] of source.replace ?? []) expect(text, `${source.from} contains ${from}`).toContain(from);
        }
      }
    }
  });

  it('every file under test/consumers/files is used by a cell', () => {
    const used = new Set(all.flatMap((cell) => Object.values(cell.files).filter((s): s is string => typeof s === 'string')));
    for (const file of readdirSync(path.join(root, 'test/consumers/files'))) expect(used.has(file), file).toBe(true);
  });

  it('npm test runs the matrix as its own step', () => {
    expect(read('scripts/run-tests.mjs')).toContain('scripts/consumers.mjs');
  });
});
