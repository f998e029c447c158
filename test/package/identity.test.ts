// One copy of the library behind every entry: the built package loaded through several subpaths, by `require`
// and by `import`, shares its classes; and instances made by the other module system's copy still pass
// `instanceof` and the PreflightCache check.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '../..');
const node = (code: string, type: 'module' | 'commonjs'): unknown =>
  JSON.parse(execFileSync(process.execPath, [`--input-type=${type}`, '-e', code], { cwd: root, encoding: 'utf8' }));

// The same probe in both module systems: `load(name)` is require or import.
const probe = `
  const core = await load('corsproof');
  const mock = await load('corsproof/mock');
  const matchers = await load('corsproof/matchers');
  const failure = async (run) => { try { await run(); return null; } catch (error) { return error; } };
  const answer = () => new Response('ok', { headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'PUT', 'access-control-max-age': '60' } });
  const cache = new core.PreflightCache();
  const badEngine = await failure(() => mock.createCorsFetch({ target: answer, origin: 'https://app.example', engine: 'edge' }));
  const fromMatcher = await failure(() => matchers.toAllowOrigin.call({ isNot: false }, answer, 42));
  const cached = mock.createCorsFetch({ target: answer, origin: 'https://app.example', preflightCache: cache });
  const response = await cached('https://api.example/x', { method: 'PUT' }).catch((error) => error);
  print({
    mockErrorIsCoreClass: badEngine instanceof core.InvalidArgumentError && badEngine instanceof core.CorsproofError,
    matcherErrorIsCoreClass: fromMatcher instanceof core.InvalidArgumentError,
    notATransportError: badEngine instanceof core.TransportError,
    cacheAccepted: response.status === 200,
    cacheUsed: cache.size,
  });`;

const esm = `const load = (name) => import(name); const print = (v) => console.log(JSON.stringify(v)); ${probe}`;
const cjs = `const load = async (name) => require(name); const print = (v) => console.log(JSON.stringify(v)); (async () => { ${probe} })();`;

describe('one copy of corsproof behind every entry', () => {
  for (const [system, code, type] of [['ESM (import)', esm, 'module'], ['CommonJS (require)', cjs, 'commonjs']] as const) {
    it(`${system}: errors thrown by corsproof/mock and corsproof/matchers are corsproof's classes; a PreflightCache from corsproof works in corsproof/mock`, () => {
      expect(node(code, type)).toEqual({
        mockErrorIsCoreClass: true,
        matcherErrorIsCoreClass: true,
        notATransportError: false,
        cacheAccepted: true,
        cacheUsed: 1,
      });
    });
  }

  it('each class is defined in one file per module system, which every entry shares', () => {
    const dist = path.join(root, 'dist');
    const files = readdirSync(dist).filter((file) => /\.(c?js)$/.test(file));
    for (const ext of ['.js', '.cjs']) {
      for (const cls of ['PreflightCache', 'CorsproofError', 'InvalidArgumentError', 'TransportError']) {
        const defining = files.filter((file) => file.endsWith(ext) && !file.endsWith(ext === '.js' ? '.cjs' : '.mjs'))
          .filter((file) => new RegExp(`(class ${cls}\\b|\\b${cls} = (\\(\\w+ = )?class\\b)`).test(readFileSync(path.join(dist, file), 'utf8')));
        expect(defining, `${cls} in dist/*${ext}`).toHaveLength(1);
      }
    }
  });

  it('instances made by the other module system pass instanceof and the PreflightCache check', () => {
    const out = node(
      `import { createRequire } from 'node:module';
       const require = createRequire(import.meta.url);
       const esm = await import('corsproof');
       const cjs = require('corsproof');
       const answer = () => new Response('ok', { headers: { 'access-control-allow-origin': '*' } });
       const verdict = await cjs.simulate({ url: 'https://api.example/', origin: 'https://app.example' }, { transport: answer, preflightCache: new esm.PreflightCache() });
       console.log(JSON.stringify({
         differentCopies: esm.PreflightCache !== cjs.PreflightCache,
         cacheAccepted: verdict.allowed,
         error: new cjs.TransportError('network', 'x') instanceof esm.TransportError,
         errorParent: new cjs.InvalidArgumentError('a', 'b', 'c') instanceof esm.CorsproofError,
         wrongClass: new cjs.InvalidArgumentError('a', 'b', 'c') instanceof esm.TransportError,
         plainObject: ({}) instanceof esm.PreflightCache,
         subclass: (() => { class Mine extends esm.TransportError {} return new cjs.TransportError('network', 'x') instanceof Mine; })(),
       }));`,
      'module',
    );
    expect(out).toEqual({ differentCopies: true, cacheAccepted: true, error: true, errorParent: true, wrongClass: false, plainObject: false, subclass: false });
  });
});
