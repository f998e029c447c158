/**
 * docs/matchers.md runs as written (test/docs/ts-doc-examples.ts: every block run, every message shown checked,
 * the blocks type-checked, the links followed). The page must also have a section for every matcher in
 * `corsMatchers`, run each in an example, and name every reason code.
 */
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { corsMatchers, REASON_CODES } from '../../src/matchers/index.js';
import { runTsDocExamples } from '../docs/ts-doc-examples.js';

const { doc, examples } = runTsDocExamples({
  page: 'docs/matchers.md',
  dir: dirname(fileURLToPath(import.meta.url)),
  subpaths: { 'corsproof/matchers': 'src/matchers/index.js' },
  minExamples: 20,
  minMessages: 3,
});

describe('docs/matchers.md covers every matcher and reason code', () => {
  it.each(Object.keys(corsMatchers))('has a section for %s, and runs it in an example', (name) => {
    expect(doc).toMatch(new RegExp(`^#{2,3} [^\\n]*\\b${name}\\b`, 'm'));
    expect(examples.some((e) => e.source.includes(`.${name}(`))).toBe(true);
  });

  it('names every reason code toBeBlockedByCors accepts', () => {
    const missing = REASON_CODES.filter((code) => !doc.includes(`\`${code}\``));
    expect(missing).toEqual([]);
  });
});
