// docs/mock.md's examples, run as written: each ```js block marked `<!-- doc-test: runner environment, ... -->`
// becomes a test file, run by that runner in each environment named (Vitest against the sources, Jest in its
// ESM mode against the built package, with the Jest config the page shows). Every test in them must pass.
import { execFile } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const page = readFileSync(path.join(root, 'docs/mock.md'), 'utf8');
// A dot-directory inside the package: `corsproof/*` resolves by self-reference, and no test glob picks it up.
const work = path.join(import.meta.dirname, `.mock-docs-${process.pid}`);

interface Block {
  index: number;
  cells: Array<{ runner: 'vitest' | 'jest'; environment: string }>;
  code: string;
}

const blocks: Block[] = [...page.matchAll(/<!-- doc-test: ([^>]+) -->\n```js\n([\s\S]*?)```/g)].map((match, index) => ({
  index,
  cells: match[1].split(',').map((cell) => {
    const [runner, environment] = cell.trim().split(/\s+/);
    return { runner: runner as 'vitest' | 'jest', environment };
  }),
  code: match[2],
}));

const run = promisify(execFile);
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Report {
  numPassedTests: number;
  numFailedTests: number;
  testResults: Array<{ name: string; message?: string; assertionResults: Array<{ fullName: string; status: string; failureMessages: string[] }> }>;
}

function failures(report: Report): string {
  return report.testResults
    .flatMap((file) => [file.message ?? '', ...file.assertionResults.filter((t) => t.status !== 'passed').map((t) => `${t.fullName}: ${t.failureMessages.join('\n')}`)])
    .filter(Boolean)
    .join('\n\n');
}

describe('docs/mock.md', () => {
  it('marks its runnable examples', () => {
    expect(blocks.length).toBeGreaterThanOrEqual(4);
    expect(new Set(blocks.flatMap((b) => b.cells.map((c) => c.runner)))).toEqual(new Set(['vitest', 'jest']));
  });

  it('runs every Vitest example in its environments, and each passes', async () => {
    mkdirSync(work, { recursive: true });
    const projects = blocks.flatMap((block) =>
      block.cells
        .filter((cell) => cell.runner === 'vitest')
        .map((cell) => {
          writeFileSync(path.join(work, `block-${block.index}.test.mjs`), block.code);
          return { name: `block ${block.index} ${cell.environment}`, environment: cell.environment, include: [`block-${block.index}.test.mjs`] };
        }),
    );
    writeFileSync(
      path.join(work, 'vitest.config.mjs'),
      `import { defineConfig } from 'vitest/config';
const alias = [
  { find: /^corsproof\\/msw$/, replacement: ${JSON.stringify(path.join(root, 'src/mock/msw.ts'))} },
  { find: /^corsproof\\/mock$/, replacement: ${JSON.stringify(path.join(root, 'src/mock/index.ts'))} },
];
export default defineConfig({ root: ${JSON.stringify(work)}, test: { projects: ${JSON.stringify(projects)}.map((test) => ({ resolve: { alias }, test })) } });
`,
    );
    const report = path.join(work, 'vitest.json');
    await run(process.execPath, [path.join(root, 'node_modules/vitest/vitest.mjs'), 'run', '--config', path.join(work, 'vitest.config.mjs'), '--reporter=json', `--outputFile=${report}`], { cwd: root }).catch(() => undefined);
    const result = JSON.parse(readFileSync(report, 'utf8')) as Report;
    expect(failures(result)).toBe('');
    expect(result.numPassedTests).toBeGreaterThanOrEqual(projects.length);
  }, 120_000);

  it('runs every Jest example in Jest’s ESM mode with the config the page shows, and each passes', async () => {
    mkdirSync(work, { recursive: true });
    const config = /\/\/ jest\.config\.mjs\n(export default \{[\s\S]*?\n\};)/.exec(page)?.[1];
    expect(config, 'the page shows a jest.config.mjs').toBeDefined();
    const jestBlocks = blocks.filter((block) => block.cells.some((cell) => cell.runner === 'jest'));
    for (const block of jestBlocks) writeFileSync(path.join(work, `jest-block-${block.index}.test.mjs`), block.code);
    // The page's config, pointed at these files.
    writeFileSync(path.join(work, 'jest.config.mjs'), `${config!.replace('export default {', `export default {\n  rootDir: ${JSON.stringify(work)},\n  testMatch: ['<rootDir>/jest-block-*.test.mjs'],`)}\n`);
    const report = path.join(work, 'jest.json');
    await run(
      process.execPath,
      ['--experimental-vm-modules', '--no-warnings=ExperimentalWarning', path.join(root, 'node_modules/jest/bin/jest.js'), '-c', path.join(work, 'jest.config.mjs'), '--json', `--outputFile=${report}`],
      { cwd: root },
    ).catch(() => undefined);
    const result = JSON.parse(readFileSync(report, 'utf8')) as Report;
    expect(failures(result)).toBe('');
    expect(result.numPassedTests).toBeGreaterThanOrEqual(jestBlocks.length);
  }, 120_000);
});
