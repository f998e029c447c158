/**
 * corsRoute in real Chromium (one browser for the file): what the page's script sees, what the answer receives,
 * and what the test gets when a request is blocked.
 */
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { InvalidArgumentError } from '../../src/errors.js';
import { corsHandler } from '../../src/mock/policy.js';
import { defineCorsPolicy } from '../../src/policy/define.js';
import { corsRoute } from '../../src/playwright/route.js';
import { chromiumPath, launchOptions } from './chromium.js';

const found = chromiumPath();

describe.skipIf(!found.path)('corsRoute in Chromium', () => {
  let browser: Browser;
  let page: Page;
  // Starting Chromium on a busy two-core machine can take longer than a hook's 20 s default (as in test/browser).
  beforeAll(async () => {
    browser = await chromium.launch(launchOptions(found.path!));
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
  });
  beforeEach(async (context) => {
    const ctx = await browser.newContext();
    page = await ctx.newPage();
    await page.route('https://app.example/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>app</p>' }));
    context.onTestFinished(() => ctx.close());
  });

  const run = (code: string) => page.evaluate(code);

  it('lets script read only what the policy exposes, and sends the preflight to the same answer', async () => {
    const seen: string[] = [];
    const answer = corsHandler({ origin: 'https://app.example', exposeHeaders: ['x-total'] }, (request) => {
      seen.push(`${request.method} ${request.headers.get('access-control-request-headers') ?? ''}`.trim());
      return Response.json({ ok: 1 }, { headers: { 'x-total': '3', 'x-secret': 's' } });
    });
    const wrapped = async (request: Request) => {
      if (request.method === 'OPTIONS') seen.push(`OPTIONS ${request.headers.get('access-control-request-headers')}`);
      return answer(request);
    };
    const api = await corsRoute(page, 'https://api.example/**', wrapped);
    await page.goto('https://app.example/');
    const result = await run(`fetch('https://api.example/items', { method: 'PUT', headers: { 'x-token': '1' } }).then(async (r) => [r.status, r.headers.get('x-total'), r.headers.get('x-secret'), await r.text()])`);
    expect(result).toEqual([200, '3', null, '{"ok":1}']);
    expect(seen).toEqual(['OPTIONS x-token', 'PUT']);
    expect(api.requests.map((r) => [r.method, r.allowed, r.seenAs])).toEqual([['PUT', true, 'fetch']]);
  });

  it('with a policy, answers as the policy says whatever the answer sends, and the preflight never reaches it', async () => {
    const seen: string[] = [];
    const policy = defineCorsPolicy({ origins: ['https://app.example'], methods: ['GET', 'PUT'], headers: ['x-token'], exposeHeaders: ['x-total'] });
    const api = await corsRoute(
      page,
      'https://api.example/**',
      (request: Request) => {
        seen.push(request.method);
        return Response.json({ ok: 1 }, { headers: { 'x-total': '3' } });
      },
      { policy },
    );
    await page.goto('https://app.example/');
    const ok = await run(`fetch('https://api.example/items', { method: 'PUT', headers: { 'x-token': '1' } }).then((r) => [r.status, r.headers.get('x-total')])`);
    expect(ok).toEqual([200, '3']);
    expect(seen).toEqual(['PUT']);
    const refused = await run(`fetch('https://api.example/items', { method: 'DELETE' }).then(() => 'read', (e) => e.name)`);
    expect(refused).toBe('TypeError');
    expect(api.blocked.map((j) => j.code)).toEqual(['MethodDisallowedByPreflightResponse']);
  });

  it("blocks what the browser would block, with the reason, the console message and the fix, and onBlocked", async () => {
    const blocked: string[] = [];
    const api = await corsRoute(page, 'https://api.example/**', () => Response.json({ ok: 1 }, { headers: { 'access-control-allow-origin': '*' } }), { onBlocked: (j) => blocked.push(j.code!) });
    await page.goto('https://app.example/');
    // XMLHttpRequest with credentials: '*' does not count.
    const xhr = await run(`new Promise((resolve) => { const x = new XMLHttpRequest(); x.open('GET', 'https://api.example/me'); x.withCredentials = true; x.onload = () => resolve('load ' + x.status); x.onerror = () => resolve('error ' + x.status); x.send(); })`);
    expect(xhr).toBe('error 0');
    // The same without credentials is read.
    expect(await run(`fetch('https://api.example/me').then((r) => r.status)`)).toBe(200);
    expect(api.requests.map((r) => [r.seenAs, r.request.credentials, r.allowed, r.code ?? null])).toEqual([
      ['xhr', 'include', false, 'WildcardOriginNotAllowed'],
      ['fetch', 'same-origin', true, null],
    ]);
    expect(blocked).toEqual(['WildcardOriginNotAllowed']);
    const [judged] = api.blocked;
    expect(judged.message).toBe(
      "Access to fetch at 'https://api.example/me' from origin 'https://app.example' has been blocked by CORS policy: The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.",
    );
    expect(judged.fix).toContain("not '*'");
    expect(() => api.expectNoneBlocked()).toThrow(/GET https:\/\/api\.example\/me from https:\/\/app\.example: WildcardOriginNotAllowed\n {2}Console: Access to fetch/);
    api.reset();
    expect(api.requests).toEqual([]);
  });

  it("judges under the engine given, in that engine's words", async () => {
    const api = await corsRoute(page, 'https://api.example/**', () => new Response('no cors'), { engine: 'firefox' });
    await page.goto('https://app.example/');
    expect(await run(`fetch('https://api.example/x').then(() => 'read', (e) => e.message)`)).toBe('Failed to fetch');
    expect(api.engine).toBe('firefox');
    expect(api.blocked[0].message).toBe('Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at https://api.example/x. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.');
  });

  it('leaves same-origin requests to the next handler, and works on a page loaded before it was set up', async () => {
    await page.goto('https://app.example/');
    await page.route('https://app.example/data', (route) => route.fulfill({ body: 'same-origin data' }));
    const api = await corsRoute(page, '**/*', corsHandler({ origin: 'https://app.example', credentials: true }, () => new Response('api')));
    expect(await run(`fetch('/data').then((r) => r.text())`)).toBe('same-origin data');
    expect(await run(`fetch('https://api.example/x', { credentials: 'include' }).then((r) => r.text())`)).toBe('api');
    expect(api.requests.map((r) => [r.url, r.seenAs, r.request.credentials])).toEqual([['https://api.example/x', 'fetch', 'include']]);
  });

  it('bad input is a typed error', async () => {
    await expect(corsRoute(null as never, '**', () => new Response())).rejects.toThrow(InvalidArgumentError);
    await expect(corsRoute(page, '**', 42 as never)).rejects.toThrow(/not a target corsproof knows/);
  });
});
