/**
 * docs/cli.md and docs/audit.md show real output: every `$ corsproof ...` sample runs, as built, against the
 * example API, and must print what the page shows (stdout, or stderr for usage errors) and exit with the
 * `$ echo $?` code below it. The pages' `http://127.0.0.1:8080` is the example API's address; `Date` headers are
 * compared by shape.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { cli, useExampleServer } from './helpers.js';

const DOC_BASE = 'http://127.0.0.1:8080';
const PAGES = ['cli.md', 'audit.md'];
const read = (page: string) => readFileSync(fileURLToPath(new URL(`../../docs/${page}`, import.meta.url)), 'utf8');

interface Sample {
  line: number;
  args: string[];
  output: string;
  code?: number;
}

/** Split a command line the way a POSIX shell does for plain words and quoted strings (no expansions). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === "'" || c === '"') {
      const end = line.indexOf(c, i + 1);
      if (end < 0) throw new Error(`unclosed quote in: ${line}`);
      word = (word ?? '') + line.slice(i + 1, end);
      i = end;
    } else if (c === ' ') {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

function samples(doc: string): Sample[] {
  const out: Sample[] = [];
  const lines = doc.split('\n');
  let inBlock = false;
  let current: Sample | null = null;
  let awaitingCode = false;
  lines.forEach((text, index) => {
    if (text.startsWith('```')) {
      inBlock = !inBlock;
      current = null;
      return;
    }
    if (!inBlock) return;
    if (text.startsWith('$ corsproof ')) {
      current = { line: index + 1, args: shellWords(text.slice('$ corsproof '.length)), output: '' };
      out.push(current);
      awaitingCode = false;
    } else if (text === '$ echo $?') {
      awaitingCode = true;
    } else if (awaitingCode && current) {
      current.code = Number(text);
      awaitingCode = false;
      current = null;
    } else if (current) {
      current.output += `${text}\n`;
    }
  });
  return out;
}

const normalize = (text: string, base: string) =>
  text
    .replaceAll(base, DOC_BASE)
    .replace(/("Date", ")[^"]+(")/g, '$1DATE$2')
    .replace(/(< Date: ).*/g, '$1DATE')
    .trimEnd();

const api = useExampleServer();

for (const page of PAGES) {
  describe(`docs/${page} samples`, () => {
    const all = samples(read(page));
    it('has its samples, each with its exit code', () => {
      expect(all.length).toBeGreaterThanOrEqual(page === 'cli.md' ? 10 : 2);
      expect(all.filter((s) => s.code === undefined)).toEqual([]);
      expect(all.map((s) => s.args[0])).toContain('audit');
    });

    for (const sample of all) {
      it(`line ${sample.line}: corsproof ${sample.args.join(' ').slice(0, 90)}`, async () => {
        const args = sample.args.map((a) => a.replaceAll(DOC_BASE, api.url));
        const result = await cli(args);
        const printed = result.stdout.length > 0 ? result.stdout : result.stderr;
        expect(normalize(printed, api.url)).toBe(normalize(sample.output, api.url));
        expect(result.code).toBe(sample.code);
      });
    }
  });
}
