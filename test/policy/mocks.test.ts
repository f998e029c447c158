// Mocks built from a policy answer exactly as a correct server with that policy: toMatchCorsPolicy passes on
// them, and the browser-exact fetch of corsproof/mock allows and blocks what the policy says.
import { http, HttpResponse } from 'msw';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defineCorsPolicy } from '../../src/index.js';
import { corsHandler, createCorsFetch } from '../../src/mock/index.js';
import { withCors } from '../../src/mock/msw.js';
import '../../src/vitest.js';

const policy = defineCorsPolicy({
  origins: ['https://app.example', 'https://*.preview.app.example'],
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  headers: ['content-type', 'x-csrf-token'],
  credentials: true,
  exposeHeaders: ['x-total-count'],
  maxAge: 600,
  routes: {
    '/public/*': { origins: '*', credentials: false, headers: '*' },
    '/admin/*': { origins: ['https://admin.app.example'], methods: ['GET', 'DELETE'] },
    '/internal/*': { origins: [] },
  },
});
const routes = ['/items', '/items/:id', '/public/logo', '/admin/users/:id', '/internal/metrics'];

afterEach(() => vi.restoreAllMocks());

describe('mocks from a policy', () => {
  it('corsHandler(policy, handler) is a correct server: toMatchCorsPolicy passes on every route', async () => {
    const api = corsHandler(policy, (request) => (new URL(request.url).pathname === '/boom' ? Response.json({ error: 'boom' }, { status: 500 }) : Response.json({ ok: true }, { headers: { 'x-total-count': '3' } })));
    await expect(api).toMatchCorsPolicy(policy, { routes: [...routes, '/boom'] });
  });

  it('a predicate origin with examples is probed with them, and its look-alikes refused', async () => {
    const tenants = defineCorsPolicy({
      origins: [{ match: (o: string) => /^https:\/\/[a-z0-9-]+\.tenants\.example$/.test(o), examples: ['https://acme.tenants.example'], description: 'tenant sites' }],
      methods: ['GET', 'PUT'],
    });
    const seen = new Set<string>();
    const api = corsHandler(tenants, (request) => {
      seen.add(String(request.headers.get('origin')));
      return Response.json({});
    });
    await expect(api).toMatchCorsPolicy(tenants, { routes: ['/items'] });
    expect(seen).toContain('https://acme.tenants.example');
    expect(seen).toContain('https://evil.acme.tenants.example');
    // A mock whose predicate is wider than the policy's fails on the look-alike it lets in.
    const wide = corsHandler(defineCorsPolicy({ origins: [{ match: (o: string) => o.endsWith('tenants.example'), examples: ['https://acme.tenants.example'] }], methods: ['GET', 'PUT'] }), () => Response.json({}));
    await expect(expect(wide).toMatchCorsPolicy(tenants, { routes: ['/items'], engine: 'chromium' })).rejects.toThrow('✗ https://evil.acme.tenants.example is refused (subdomain of https://acme.tenants.example): allowed in chromium');
  });

  it('withCors(policy, handlers) is a correct server too', async () => {
    const handlers = withCors(policy, [http.get('https://api.example/items', () => HttpResponse.json([])), http.all('https://api.example/*', () => HttpResponse.json({}))]);
    await expect(handlers).toMatchCorsPolicy(policy, { routes });
  });

  it('the frontend fetch is allowed and blocked as the policy says, route by route', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    const api = withCors(policy, [http.all('https://api.example/*', () => HttpResponse.json({ ok: true }, { headers: { 'x-total-count': '3', 'x-internal': 'secret' } }))]);
    const fetch = createCorsFetch({ origin: 'https://app.example', target: api });
    const res = await fetch('https://api.example/items/1', { method: 'PUT', credentials: 'include', headers: { 'content-type': 'application/json', 'x-csrf-token': 't' }, body: '{}' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total-count')).toBe('3');
    expect(res.headers.get('x-internal')).toBeNull();
    await expect(fetch('https://api.example/items/1', { method: 'PUT', headers: { 'x-request-id': '1' } })).rejects.toThrow('Failed to fetch');
    expect(errors.mock.calls.at(-1)?.[0]).toContain('Request header field x-request-id is not allowed by Access-Control-Allow-Headers in preflight response.');
    await expect(fetch('https://api.example/admin/users/1', { method: 'DELETE' })).rejects.toThrow('Failed to fetch');
    expect(errors.mock.calls.at(-1)?.[0]).toContain("Response to preflight request doesn't pass access control check: No 'Access-Control-Allow-Origin' header is present");
    // The public prefix allows any origin, without credentials.
    const elsewhere = createCorsFetch({ origin: 'https://elsewhere.example', target: api });
    expect((await elsewhere('https://api.example/public/logo')).status).toBe(200);
    await expect(elsewhere('https://api.example/items')).rejects.toThrow('Failed to fetch');
    const preview = createCorsFetch({ origin: 'https://pr-7.preview.app.example', target: api, engine: 'firefox' });
    expect((await preview('https://api.example/items', { credentials: 'include' })).status).toBe(200);
  });

  it('a mock that drifts from the policy fails toMatchCorsPolicy, naming the route and the header', async () => {
    const drifted = defineCorsPolicy({ ...policy.toJSON(), headers: ['content-type'] });
    const api = corsHandler(drifted, () => Response.json({ ok: true }));
    const error = (await expect(api).toMatchCorsPolicy(policy, { routes: ['/items'], engine: 'chromium' }).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('/items: 1 deviation');
    expect(error.message).toContain('✗ https://app.example may send request header x-csrf-token with credentials: blocked in chromium (HeaderDisallowedByPreflightResponse)');
    expect(error.message).toContain("Fix: Add 'x-csrf-token' to 'Access-Control-Allow-Headers' on the preflight response");
  });
});
