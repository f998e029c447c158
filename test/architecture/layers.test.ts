/**
 * The layers keep to their jobs: src/spec holds the Fetch Standard's algorithms and src/emulator runs them over a
 * Transport into a verdict that is data. Neither imports the words (src/report) or a layer above it, neither
 * builds a sentence, and src/spec validates no argument and keeps no cache.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const files = (dir: string) => readdirSync(path.join(SRC, dir)).filter((f) => f.endsWith('.ts')).map((f) => path.join(dir, f));

function parse(file: string): ts.SourceFile {
  return ts.createSourceFile(file, readFileSync(path.join(SRC, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Every module an import or export statement names, with whether it is a type-only import. */
function imports(source: ts.SourceFile): Array<{ from: string; typeOnly: boolean }> {
  const out: Array<{ from: string; typeOnly: boolean }> = [];
  for (const node of source.statements) {
    if ((ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) && node.moduleSpecifier && ts.isStringLiteral(node.moduleSpecifier)) {
      const typeOnly = ts.isImportDeclaration(node) ? node.importClause?.isTypeOnly === true : node.isTypeOnly;
      out.push({ from: node.moduleSpecifier.text, typeOnly });
    }
  }
  return out;
}

/** String and template literals that read as words: two words or more separated by a space. */
function sentences(source: ts.SourceFile): string[] {
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) return;
    let text: string | undefined;
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) text = node.text;
    else if (ts.isTemplateExpression(node)) text = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ');
    if (text !== undefined && /[A-Za-z]{2,} [A-Za-z]{2,}/.test(text)) found.push(text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** Which layer a relative import from `file` lands in: `spec`, `emulator`, `report`, ... or a top-level module name. */
function layerOf(file: string, from: string): string {
  const target = path.normalize(path.join(path.dirname(file), from));
  return target.split(path.sep)[0].replace(/\.js$/, '');
}

describe.each(['spec', 'emulator'])('src/%s', (layer) => {
  // src/platform.ts (the environment's Fetch classes and text codecs, found when first used), src/raw-bytes.ts (the
  // bytes a real connection delivered, kept beside the transport's reading), src/identity.ts (instanceof across
  // copies of the library) and src/bounded-memo.ts (what every remembered parse goes through) sit below every
  // layer: they import nothing of corsproof's.
  const allowed = layer === 'spec' ? ['spec', 'types', 'bounded-memo'] : ['spec', 'emulator', 'engines', 'types', 'errors', 'platform', 'identity', 'raw-bytes', 'bounded-memo'];
  it.each(files(layer))('%s imports only from the layers below it, and never src/report', (file) => {
    for (const { from, typeOnly } of imports(parse(file))) {
      if (!from.startsWith('.')) continue;
      const target = layerOf(file, from);
      // A type-only import of the checked request's shape from src/arguments carries no code.
      if (typeOnly && target === 'arguments') continue;
      expect({ file, imports: from, layer: target }).toEqual({ file, imports: from, layer: expect.toSatisfy((l: string) => allowed.includes(l)) });
    }
  });
  it.each(files(layer))('%s builds no message', (file) => {
    expect(sentences(parse(file))).toEqual([]);
  });
});

describe('src/spec', () => {
  it.each(files('spec'))('%s validates no argument and keeps no cache', (file) => {
    const text = readFileSync(path.join(SRC, file), 'utf8');
    expect(text).not.toMatch(/InvalidArgumentError|throw new/);
    // A module-level Map, Set or WeakMap that is filled at run time is a cache; constant lookup tables are built once.
    // The one exception, spec/url.ts, remembers the URL parser's results: the same answer, never stale (below).
    if (file !== 'spec/url.ts') expect(text).not.toMatch(/\.set\(|\.clear\(\)|new WeakMap/);
  });
});

describe('src/spec/url.ts', () => {
  it('gives what the URL parser gives, the same object for the same string, and throws as it throws', async () => {
    const { parseUrl } = await import('../../src/spec/url.js');
    for (const href of ['https://App.Example:443/a/../b?q#f', 'http://127.0.0.1:8080/', 'https://xn--bcher-kva.example/']) {
      expect(parseUrl(href).href).toBe(new URL(href).href);
      expect(parseUrl(href)).toBe(parseUrl(href));
    }
    expect(() => parseUrl('not a url')).toThrow(TypeError);
    // Past its bound it forgets, and still answers.
    for (let i = 0; i < 600; i++) expect(parseUrl(`https://h${i}.example/`).host).toBe(`h${i}.example`);
  });
});
