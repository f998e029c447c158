/**
 * docs/policy.md runs as written (test/docs/ts-doc-examples.ts: every block run, every message shown checked, the
 * blocks type-checked, the links followed), and the README links to it.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { runTsDocExamples } from '../docs/ts-doc-examples.js';

const here = dirname(fileURLToPath(import.meta.url));

runTsDocExamples({
  page: 'docs/policy.md',
  dir: here,
  subpaths: { 'corsproof/mock': 'src/mock/index.js', 'corsproof/msw': 'src/mock/msw.js' },
  minExamples: 6,
  minMessages: 1,
});

it('docs/policy.md is linked from the README', () => {
  expect(readFileSync(join(here, '../../README.md'), 'utf8')).toContain('[docs/policy.md](docs/policy.md)');
});
