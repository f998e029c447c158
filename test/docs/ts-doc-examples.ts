/**
 * The runner behind docs pages whose ```ts blocks run as written (docs/matchers.md, docs/policy.md). Each block is
 * written to a file and executed inside a Vitest test: `corsproof` and its subpaths point at the sources, and
 * `test` / `it` / `describe` imported from 'vitest' run their callbacks in order (a test cannot be declared
 * inside a running test), with Vitest's real `expect`. Every `console.log(x); // value` line must print that
 * value; a ```text block right after a ```ts block is the failure message that block's one failing test must
 * produce, word for word; the blocks type-check together (so each `@ts-expect-error` marks a real compile error);
 * the page links only to files and headings that exist. `runTsDocExamples` declares those tests and returns the
 * page and its examples, for checks of the page's own.
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { stripVTControlCharacters } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { collectChecks, instrumentChecks, type DocCheck } from './doc-checks.js';

export interface TsDocOptions {
  /** The page, from the repository's root: `docs/matchers.md`. */
  page: string;
  /** The calling test's directory: the blocks are written below it, in a dot-directory of this process. */
  dir: string;
  /** Subpaths a block may import (`corsproof/matchers`), each to its source file from the repository's root. */
  subpaths: Record<string, string>;
  minExamples: number;
  minMessages: number;
}

interface Fence {
  lang: string;
  body: string;
  start: number;
  end: number;
}

export interface Example {
  index: number;
  source: string;
  /** The failure message the doc shows right after the block, if any. */
  message?: string;
  file: string;
}

interface Failure {
  name: string;
  error: unknown;
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens (fenced code skipped). */
function anchorsOf(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```$/gm, '');
  return [...prose.matchAll(/^#{1,6} (.+)$/gm)].map((m) =>
    m[1]
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s_-]/gu, '')
      .replace(/ /g, '-'),
  );
}

/** What the blocks import from 'vitest': the real `expect`, and `test` / `it` / `describe` that only register. */
const SHIM = `import { expect, vi } from 'vitest';

export { expect, vi };

interface Registered {
  name: string;
  fn: () => unknown;
}

const prefix: string[] = [];

export function test(name: string, fn: () => unknown): void {
  ((globalThis as any).__docTests as Registered[]).push({ name: [...prefix, name].join(' > '), fn });
}

export const it = test;

export function describe(name: string, fn: () => void): void {
  prefix.push(name);
  try {
    fn();
  } finally {
    prefix.pop();
  }
}
`;

function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return stripVTControlCharacters(text).replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT').trimEnd();
}

/** Import one example and run the tests it declares, in order; collect what failed and what it printed. */
async function run(example: Example): Promise<{ failures: Failure[]; checks: DocCheck[] }> {
  const checks: DocCheck[] = [];
  const registered: Array<{ name: string; fn: () => unknown }> = [];
  collectChecks(checks);
  (globalThis as Record<string, unknown>).__docTests = registered;
  const failures: Failure[] = [];
  try {
    await import(pathToFileURL(example.file).href);
  } catch (error) {
    failures.push({ name: '(top level)', error });
  }
  for (const t of registered) {
    try {
      await t.fn();
    } catch (error) {
      failures.push({ name: t.name, error });
    }
  }
  return { failures, checks };
}

export function runTsDocExamples(options: TsDocOptions): { doc: string; examples: Example[] } {
  const root = join(options.dir, '../..');
  const docPath = join(root, options.page);
  const doc = readFileSync(docPath, 'utf8');
  // Per process: two runs (Node 22 and 24) must not delete each other's files. A dot-directory, so neither the
  // repository's tsconfig nor Vitest's include picks it up.
  const outDir = join(options.dir, `.${basename(options.page, '.md')}-docs-generated-${process.pid}`);

  const fences: Fence[] = [...doc.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1], body: m[2], start: m.index, end: m.index + m[0].length }));
  const examples: Example[] = [];
  fences.forEach((fence, i) => {
    if (fence.lang !== 'ts') return;
    const next = fences[i + 1];
    const adjacent = next !== undefined && next.lang === 'text' && doc.slice(fence.end, next.start).trim() === '';
    const index = examples.length + 1;
    examples.push({ index, source: fence.body, message: adjacent ? next.body : undefined, file: join(outDir, `example-${index}.ts`) });
  });

  /** Import specifiers as a user writes them, mapped to the sources (relative `.js`, as tsc and Vite both resolve). */
  const imports: Record<string, string> = { corsproof: '../../../src/index.js', 'corsproof/vitest': '../../../src/vitest.js', vitest: './vitest-shim.js' };
  for (const [subpath, file] of Object.entries(options.subpaths)) imports[subpath] = `../../../${file}`;
  const names = Object.keys(imports).map((name) => name.replace(/[/]/g, '\\/')).join('|');
  const instrument = (source: string): string => {
    const mapped = source.replace(new RegExp(`(from |import )'(${names})'`, 'g'), (_, keyword: string, specifier: string) => `${keyword}'${imports[specifier]}'`);
    return `${instrumentChecks(mapped)}\nexport {};\n`;
  };

  beforeAll(() => {
    mkdirSync(outDir, { recursive: true });
    writeFileSync(join(outDir, 'vitest-shim.ts'), SHIM);
    for (const example of examples) writeFileSync(example.file, instrument(example.source));
  });
  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  describe(options.page, () => {
    it('has its examples, and every failure message it shows is checked', () => {
      expect(examples.length).toBeGreaterThanOrEqual(options.minExamples);
      expect(examples.filter((e) => e.message !== undefined).length).toBeGreaterThanOrEqual(options.minMessages);
      // A ```text block anywhere else would be output nobody checks.
      fences.forEach((fence, i) => {
        if (fence.lang !== 'text') return;
        const previous = fences[i - 1];
        expect(previous?.lang, `the text block at offset ${fence.start} follows a ts block`).toBe('ts');
        expect(doc.slice(previous.end, fence.start).trim(), `nothing between the ts block and the text block at offset ${fence.start}`).toBe('');
      });
    });

    it('links only to files and headings that exist', () => {
      const links = [...doc.matchAll(/\]\(([^)\s#]*)(?:#([^)\s]*))?\)/g)].map((m) => ({ file: m[1], anchor: m[2] })).filter((link) => !/^[a-z]+:/i.test(link.file));
      expect(links.length).toBeGreaterThan(0);
      for (const { file, anchor } of links) {
        const target = file === '' ? docPath : resolve(dirname(docPath), file);
        expect(existsSync(target), file).toBe(true);
        if (anchor !== undefined) expect(anchorsOf(readFileSync(target, 'utf8')), `${file}#${anchor}`).toContain(anchor);
      }
    });
  });

  describe(`${options.page} examples`, () => {
    for (const example of examples) {
      const first = example.source.split('\n').find((line) => line.startsWith('//')) ?? example.source.split('\n').find((line) => /\b(test|it)\(/.test(line)) ?? '';
      const title = `example ${example.index}${example.message === undefined ? '' : ' (fails with the message shown)'}: ${first.trim().slice(0, 70)}`;
      it(title, async () => {
        const { failures, checks } = await run(example);
        if (example.message === undefined) {
          if (failures.length) throw failures[0].error;
        } else {
          expect(failures.map((f) => f.name), 'exactly one test in the block fails').toHaveLength(1);
          expect(messageOf(failures[0].error)).toBe(example.message.trimEnd());
        }
        // Every block shows something that is checked: an expect(), a `// value` comment or a message.
        expect(checks.length > 0 || example.message !== undefined || /\bexpect\(/.test(example.source), 'the block checks something').toBe(true);
        for (const check of checks) expect(check.actual, check.line).toBe(check.expected);
      });
    }

    it('type-check as written (each @ts-expect-error is a real compile error)', async () => {
      writeFileSync(
        join(outDir, 'tsconfig.json'),
        JSON.stringify({ extends: '../../../tsconfig.json', compilerOptions: { noEmit: true }, files: ['vitest-shim.ts', ...examples.map((e) => basename(e.file))] }, null, 2),
      );
      const { code, output } = await new Promise<{ code: number; output: string }>((done) => {
        execFile(process.execPath, [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(outDir, 'tsconfig.json')], { cwd: root, timeout: 120_000 }, (error, stdout, stderr) => {
          done({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
        });
      });
      expect(output).toBe('');
      expect(code).toBe(0);
    }, 120_000);
  });

  return { doc, examples };
}
