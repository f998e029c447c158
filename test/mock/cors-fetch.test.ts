// createCorsFetch and withCors against real MSW handlers: the frontend test sees what the browser would.
import { http, HttpResponse } from 'msw';
import { describe, expect, it, vi } from 'vitest';
import { createCorsFetch, corsHandler } from '../../src/mock/index.js';
import { withCors } from '../../src/mock/msw.js';
import { PreflightCache } from '../../src/index.js';

const ORIGIN = 'https://app.example';
const API = 'https://api.example';

const handlers = [
  http.get(`${API}/me`, () => HttpResponse.json({ id: 1 }, { headers: { 'x-request-id': 'r1', 'set-cookie': 'a=b' } })),
  http.post(`${API}/items`, async ({ request }) => HttpResponse.json({ got: await request.json() }, { status: 201 })),
  http.delete(`${API}/items/1`, () => new HttpResponse(null, { status: 204 })),
];

describe('createCorsFetch', () => {
  it('rejects like the browser when the mocks send no CORS headers (what MSW alone would hide)', async () => {
    const onBlocked = vi.fn();
    const fetch = createCorsFetch({ origin: ORIGIN, target: handlers, onBlocked });
    const error = await fetch(`${API}/me`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe('Failed to fetch');
    expect((error as { verdict: { reason: { code: string } } }).verdict.reason.code).toBe('MissingAllowOriginHeader');
    expect(onBlocked).toHaveBeenCalledOnce();
  });

  it('uses each engine’s rejection message', async () => {
    const firefox = createCorsFetch({ origin: ORIGIN, target: handlers, engine: 'firefox', onBlocked: () => {} });
    await expect(firefox(`${API}/me`)).rejects.toThrow('NetworkError when attempting to fetch resource.');
    const webkit = createCorsFetch({ origin: ORIGIN, target: handlers, engine: 'webkit', onBlocked: () => {} });
    await expect(webkit(`${API}/me`)).rejects.toThrow('Load failed');
  });

  it('returns a filtered cors Response under a CORS policy', async () => {
    const fetch = createCorsFetch({ origin: ORIGIN, target: withCors({ origin: ORIGIN, credentials: true }, handlers) });
    const res = await fetch(`${API}/me`, { credentials: 'include' });
    expect(res.type).toBe('cors');
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${API}/me`);
    expect(await res.json()).toEqual({ id: 1 });
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(res.headers.get('x-request-id')).toBeNull(); // not exposed
    expect(res.headers.get('set-cookie')).toBeNull();
  });

  it('exposes headers the policy lists, and preflights a JSON POST', async () => {
    const target = withCors({ origin: [ORIGIN], exposeHeaders: ['x-request-id'], maxAge: 600 }, handlers);
    const fetch = createCorsFetch({ origin: ORIGIN, target });
    expect((await fetch(`${API}/me`)).headers.get('x-request-id')).toBe('r1');
    const res = await fetch(`${API}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 1 }) });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ got: { a: 1 } });
  });

  it('blocks an origin the policy does not allow, and a method it does not list', async () => {
    const target = withCors({ origin: /^https:\/\/app\.example$/, methods: ['GET', 'POST'] }, handlers);
    const other = createCorsFetch({ origin: 'https://evil.example', target, onBlocked: () => {} });
    await expect(other(`${API}/me`)).rejects.toMatchObject({ verdict: { reason: { code: 'MissingAllowOriginHeader' } } });
    const app = createCorsFetch({ origin: ORIGIN, target, onBlocked: () => {} });
    await expect(app(`${API}/items/1`, { method: 'DELETE' })).rejects.toMatchObject({ verdict: { reason: { code: 'MethodDisallowedByPreflightResponse' } } });
  });

  it('keeps one preflight cache per fetch, like a page', async () => {
    let preflights = 0;
    const target = corsHandler({ origin: ORIGIN, maxAge: 60 }, () => new Response('ok'));
    const counting = async (r: Request) => {
      if (r.method === 'OPTIONS') preflights++;
      return target(r);
    };
    const fetch = createCorsFetch({ origin: ORIGIN, target: counting, preflightCache: new PreflightCache() });
    for (let i = 0; i < 3; i++) await fetch(`${API}/x`, { method: 'PUT' });
    expect(preflights).toBe(1);
  });

  it('gives opaque responses in no-cors mode and treats relative URLs as same-origin', async () => {
    const fetch = createCorsFetch({ origin: ORIGIN, target: (r: Request) => new Response(`path ${new URL(r.url).pathname}`) });
    const opaque = await fetch(`${API}/x`, { mode: 'no-cors' });
    expect(opaque.type).toBe('opaque');
    expect(opaque.status).toBe(0);
    expect(opaque.ok).toBe(false);
    const same = await fetch('/local');
    expect(same.type).toBe('basic');
    expect(await same.text()).toBe('path /local');
  });

  it('rejects bad options with a typed error', () => {
    expect(() => createCorsFetch({ origin: 'https://app.example/path', target: handlers })).toThrow(/options.origin/);
    expect(() => withCors({ origin: '*', credentials: true }, handlers)).toThrow(/credentials/);
  });
});
