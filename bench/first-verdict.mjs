// The first verdict in a fresh process, as a test file pays it: `import 'corsproof/vitest'` and one matcher
// on an in-process Hono app. Run as a child process (`node bench/first-verdict.mjs [dist dir]`) by the
// benchmark and by test/package/lazy-loading.test.ts; prints one JSON line:
//   { importMs, firstMatcherMs, totalMs, loaded: [modules corsproof loaded, packages by name, builtins as node:x] }
// Vitest itself is imported first and not counted (a test file has it already); outside Vitest's runner its
// `expect` cannot run a matcher, so the matcher is called as Vitest calls it, with a matcher context.
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const dist = path.resolve(process.argv[2] ?? new URL('../dist', import.meta.url).pathname);
const loaded = new Set();
let recording = false;
registerHooks({
  resolve(specifier, context, next) {
    const result = next(specifier, context);
    if (recording) loaded.add(moduleName(result.url));
    return result;
  },
});

function moduleName(url) {
  if (url.startsWith('node:')) return url;
  const at = url.lastIndexOf('/node_modules/');
  if (at === -1) return url.startsWith(pathToFileURL(dist).href) ? `corsproof/${path.basename(url)}` : url;
  const rest = url.slice(at + '/node_modules/'.length).split('/');
  return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
}

await import('vitest');
const { Hono } = await import('hono');
const app = new Hono();
app.get('/items', (c) => {
  c.header('access-control-allow-origin', 'https://app.example');
  return c.json([1, 2, 3]);
});
await app.request('/items');

recording = true;
const start = performance.now();
const { corsMatchers } = await import(pathToFileURL(path.join(dist, 'vitest.js')).href);
const imported = performance.now();
const result = await corsMatchers.toAllowOrigin.call({ isNot: false }, app, 'https://app.example', { url: 'https://api.example/items' });
const done = performance.now();
recording = false;
if (!result.pass) throw new Error(`the first matcher did not pass:\n${result.message()}`);
console.log(JSON.stringify({ importMs: imported - start, firstMatcherMs: done - imported, totalMs: done - start, loaded: [...loaded].sort() }));
