// enforceCors(setupWorker(...)) in a real Chromium, with msw 2 and msw 3: MSW answers from its service worker,
// whose responses the browser never checks; corsproof gives the page the verdict a real server's answer would get.
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, findChromium } from './chromium.js';

const root = path.resolve(import.meta.dirname, '../..');
const chromium = findChromium();
const skip = 'missing' in chromium ? chromium.missing : false;

async function bundle(msw: 'msw' | 'msw3'): Promise<string> {
  const result = await build({
    entryPoints: [path.join(import.meta.dirname, 'set-up-worker.page.ts')],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    logLevel: 'silent',
    plugins: [
      {
        name: 'packages',
        setup(plugin) {
          plugin.onResolve({ filter: /^corsproof\/msw$/ }, () => ({ path: path.join(root, 'src/mock/msw.ts') }));
          plugin.onResolve({ filter: /^msw(\/.*)?$/ }, (args) => (msw === 'msw' ? undefined : plugin.resolve(args.path.replace(/^msw/, 'msw3'), { kind: args.kind, resolveDir: args.resolveDir })));
        },
      },
    ],
  });
  return result.outputFiles[0].text;
}

function serve(script: string, worker: string): Promise<Server> {
  const server = createServer((req, res) => {
    const files: Record<string, [string, string]> = {
      '/': ['text/html', '<!doctype html><meta charset="utf-8"><title>corsproof</title><script type="module" src="/page.js"></script>'],
      '/page.js': ['text/javascript', script],
      '/mockServiceWorker.js': ['text/javascript', worker],
    };
    const file = files[req.url ?? ''];
    res.writeHead(file ? 200 : 404, { 'content-type': file?.[0] ?? 'text/plain' });
    res.end(file?.[1] ?? 'not found');
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

describe.skipIf(skip)(`setupWorker in Chromium${skip ? ` (skipped: ${skip})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await Browser.launch((chromium as { path: string }).path);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });

  for (const [msw, label] of [['msw', 'msw 2'], ['msw3', 'msw 3']] as const) {
    it(`judges the page's fetch, XMLHttpRequest and axios as Chromium would (${label})`, async () => {
      const worker = readFileSync(path.join(root, 'node_modules', msw, 'lib/mockServiceWorker.js'), 'utf8');
      const server = await serve(await bundle(msw), worker);
      try {
        const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
        const tab = await browser.open(`${origin}/`);
        const results = await browser.evaluate<Record<string, unknown>>(tab, 'window.__results');
        expect(results.crashed).toBeUndefined();
        expect(results.origin).toBe(origin);
        expect(results.blocked).toEqual({ name: 'TypeError', message: 'Failed to fetch', hasCause: false, reason: 'MissingAllowOriginHeader' });
        expect(results.allowed).toEqual({ type: 'cors', status: 200, total: '1', secret: null, body: [1], isResponse: true });
        expect(results.preflighted).toEqual({ preflights: 1, puts: 2 });
        expect(results.extraHeader).toMatchObject({ message: 'Failed to fetch', reason: 'HeaderDisallowedByPreflightResponse' });
        expect(results.credentials).toMatchObject({ message: 'Failed to fetch', reason: 'WildcardOriginNotAllowed' });
        expect(results.xhrBlocked).toEqual({ event: 'error', status: 0 });
        expect(results.xhrAllowed).toEqual({ event: 'load', status: 200, total: '1', secret: null });
        expect(results.axiosBlocked).toMatchObject({ message: 'Network Error', code: 'ERR_NETWORK' });
        expect(results.axiosAllowed).toBeNull();
        expect(results.verdicts).toEqual([false, true, true, true, false, false, false, true, false, true]);
        expect(results.logged).toHaveLength(5);
        expect((results.logged as string[])[0]).toBe(
          `Access to fetch at 'https://api.example/bare' from origin '${origin}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
        );
        expect(results.restored).toBe(true);
        expect(results.mswAlone).toEqual({ status: 200, body: { bare: true } });
      } finally {
        server.closeAllConnections();
        await new Promise((resolve) => server.close(resolve));
      }
    }, 60_000);
  }
});
