// enforceCors(server) as a frontend suite uses it: MSW's setupServer, the page's fetch, XMLHttpRequest, axios and
// Node's http, judged as the browser would judge them.
//
// One plain test file for every runner and environment: Vitest (node, jsdom, happy-dom; `globals: true`) and
// Jest in ESM mode (node, jest-environment-jsdom, jest-fixed-jsdom), each with msw 2 and msw 3. It needs:
// corsproof, msw, axios, and the runner. Nothing here depends on which one runs it.
import https from 'node:https';
import axios from 'axios';
import { http as mock, HttpResponse, passthrough } from 'msw';
import { setupServer } from 'msw/node';
import { enforceCors, withCors } from 'corsproof/msw';

const DOM = typeof location !== 'undefined' && typeof location.origin === 'string' && location.origin !== 'null';
const PAGE = DOM ? location.origin : 'https://app.example';
const API = 'https://api.example';
const XHR = typeof XMLHttpRequest !== 'undefined';

let preflights = 0;
let actuals = 0;
const seenOrigins = [];

const api = [
  mock.get(`${API}/bare`, () => HttpResponse.json({ bare: true })),
  mock.get(`${API}/local-only`, () => HttpResponse.text('never cross-origin')),
  mock.get(`${PAGE}/same-origin`, () => HttpResponse.text('same origin')),
  mock.options(`${API}/hand/*`, ({ request }) => {
    preflights++;
    seenOrigins.push(request.headers.get('origin'));
    return new HttpResponse(null, {
      status: 204,
      headers: { 'access-control-allow-origin': PAGE, 'access-control-allow-methods': 'PUT', 'access-control-allow-headers': 'x-token', 'access-control-max-age': '600' },
    });
  }),
  mock.put(`${API}/hand/:id`, ({ request }) => {
    actuals++;
    seenOrigins.push(request.headers.get('origin'));
    return HttpResponse.json({ saved: true }, { headers: { 'access-control-allow-origin': PAGE } });
  }),
  ...withCors({ origin: PAGE, credentials: true, exposeHeaders: ['x-total'], allowHeaders: ['content-type'], maxAge: 600 }, [
    mock.get(`${API}/items`, () => HttpResponse.json([{ id: 1 }], { headers: { 'x-total': '1', 'x-secret': 's' } })),
    mock.post(`${API}/items`, async ({ request }) => {
      preflights += 0;
      return HttpResponse.json({ got: await request.json() }, { status: 201 });
    }),
    mock.get(`${API}/redirect`, () => new HttpResponse(null, { status: 302, headers: { location: `${API}/items` } })),
    mock.get(`${API}/pass`, () => passthrough()),
  ]),
  ...withCors({ origin: '*' }, [mock.get(`${API}/public`, () => HttpResponse.text('public', { headers: { 'x-total': '9' } }))]),
];

const server = setupServer(...api);
let cors;
let unhandled = [];
const onUnhandled = ({ request }) => unhandled.push(`${request.method} ${request.url}`);

function capture(method) {
  const calls = [];
  const original = console[method];
  console[method] = (...args) => calls.push(args.map(String).join(' '));
  return { calls, restore: () => (console[method] = original) };
}

async function rejection(promise) {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, and it succeeded');
}

function xhr(method, url, { headers = {}, withCredentials = false, body = null } = {}) {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open(method, url);
    request.withCredentials = withCredentials;
    for (const [name, value] of Object.entries(headers)) request.setRequestHeader(name, value);
    request.onload = () => resolve({ event: 'load', status: request.status, all: request.getAllResponseHeaders(), total: request.getResponseHeader('x-total'), secret: request.getResponseHeader('x-secret'), body: request.responseText });
    request.onerror = (event) => resolve({ event: 'error', status: request.status, message: event.message });
    request.send(body);
  });
}

const originalFetch = globalThis.fetch;
const originalXhr = globalThis.XMLHttpRequest;
const originals = { use: server.use, resetHandlers: server.resetHandlers, listHandlers: server.listHandlers, listen: server.listen, close: server.close };

beforeAll(() => {
  cors = enforceCors(server, DOM ? {} : { origin: PAGE });
  server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
  server.events.on('request:unhandled', onUnhandled);
});
afterEach(() => {
  server.resetHandlers();
  cors.reset();
  preflights = 0;
  actuals = 0;
  seenOrigins.length = 0;
  unhandled = [];
});
afterAll(() => {
  cors.dispose();
  server.close();
});

describe('enforceCors: fetch', () => {
  it('judges from the page origin (location.origin in a DOM environment)', () => {
    expect(cors.origin).toBe(PAGE);
    expect(cors.engine).toBe('chromium');
  });

  it('blocks a response without CORS headers with the browser’s own TypeError, no cause, and logs the console message', async () => {
    const errors = capture('error');
    const error = await rejection(fetch(`${API}/bare`)).finally(errors.restore);
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe('Failed to fetch');
    expect('cause' in error).toBe(false);
    expect(Object.keys(error)).toEqual([]);
    expect(error.verdict.reason.code).toBe('MissingAllowOriginHeader');
    expect(errors.calls).toEqual([
      `Access to fetch at '${API}/bare' from origin '${PAGE}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`,
    ]);
    expect(cors.blocked).toHaveLength(1);
  });

  it('gives script exactly what it may read: a cors response, unexposed headers absent', async () => {
    const res = await fetch(`${API}/items`, { credentials: 'include' });
    expect(res.type).toBe('cors');
    expect(res.status).toBe(200);
    expect(res.url).toBe(`${API}/items`);
    expect(res.headers.get('x-total')).toBe('1');
    expect(res.headers.get('x-secret')).toBeNull();
    expect(res.headers.get('content-type')).toBe('application/json');
    expect(await res.json()).toEqual([{ id: 1 }]);
    expect(res).toBeInstanceOf(Response);
  });

  it('sends the preflight the browser would, answered by the same handlers, cached for the page', async () => {
    const put = () => fetch(`${API}/hand/1`, { method: 'PUT', headers: { 'x-token': 't' }, body: '{}' });
    expect((await put()).status).toBe(200);
    expect((await put()).status).toBe(200);
    expect(preflights).toBe(1);
    expect(actuals).toBe(2);
    expect(seenOrigins).toEqual([PAGE, PAGE, PAGE]);
    cors.reset();
    await put();
    expect(preflights).toBe(2);
  });

  it('blocks a header the preflight does not allow, before the request is sent', async () => {
    const errors = capture('error');
    const error = await rejection(fetch(`${API}/hand/2`, { method: 'PUT', headers: { 'x-token': 't', 'x-extra': '1' } })).finally(errors.restore);
    expect(error.verdict.reason.code).toBe('HeaderDisallowedByPreflightResponse');
    expect(errors.calls[0]).toContain('Request header field x-extra is not allowed by Access-Control-Allow-Headers in preflight response.');
    expect(actuals).toBe(0);
  });

  it('preflights a JSON POST through withCors, and blocks credentials a policy refuses', async () => {
    const created = await fetch(`${API}/items`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ a: 1 }) });
    expect(created.status).toBe(201);
    expect(await created.json()).toEqual({ got: { a: 1 } });
    const errors = capture('error');
    const error = await rejection(fetch(`${API}/public`, { credentials: 'include' })).finally(errors.restore);
    expect(error.verdict.reason.code).toBe('WildcardOriginNotAllowed');
    expect(cors.verdicts.map((v) => v.allowed)).toEqual([true, false]);
  });

  it('leaves same-origin requests to MSW untouched', async () => {
    const res = await fetch(`${PAGE}/same-origin`);
    expect(await res.text()).toBe('same origin');
    expect(cors.verdicts).toHaveLength(0);
  });

  it('gives opaque responses to no-cors requests', async () => {
    const res = await fetch(`${API}/bare`, { mode: 'no-cors' });
    expect(res.type).toBe('opaque');
    expect(res.status).toBe(0);
    expect(await res.text()).toBe('');
  });

  it('follows a redirect as the browser does, judging each hop', async () => {
    const res = await fetch(`${API}/redirect`);
    expect(res.redirected).toBe(true);
    expect(res.url).toBe(`${API}/items`);
    expect(await res.json()).toEqual([{ id: 1 }]);
  });

  it('keeps MSW’s onUnhandledRequest for requests no handler matches, withCors ones included', async () => {
    const errors = capture('error');
    await rejection(fetch(`${API}/nothing-here`, { method: 'DELETE' }));
    await rejection(fetch(`${API}/items/99`));
    errors.restore();
    expect(errors.calls.join('\n')).toContain('intercepted a request without a matching request handler');
    expect(unhandled).toEqual([`DELETE ${API}/nothing-here`, `GET ${API}/items/99`]);
    expect(cors.verdicts).toHaveLength(0);
  });

  it('judges handlers added with server.use(), and lists only the test’s handlers', async () => {
    server.use(mock.get(`${API}/bare`, () => HttpResponse.text('override', { headers: { 'access-control-allow-origin': '*' } })));
    expect(await (await fetch(`${API}/bare`)).text()).toBe('override');
    expect(server.listHandlers().some((h) => h.info?.header === 'corsproof enforceCors')).toBe(false);
    server.resetHandlers();
    const errors = capture('error');
    await rejection(fetch(`${API}/bare`)).finally(errors.restore);
  });

  (typeof server.boundary === 'function' ? it : it.skip)('judges the handlers of a server.boundary() in its own scope', async () => {
    const inside = server.boundary(async () => {
      server.use(mock.get(`${API}/bare`, () => HttpResponse.text('scoped', { headers: { 'access-control-allow-origin': '*' } })));
      return (await fetch(`${API}/bare`)).text();
    });
    expect(await inside()).toBe('scoped');
    const errors = capture('error');
    await rejection(fetch(`${API}/bare`)).finally(errors.restore);
    expect(cors.verdicts.map((v) => v.allowed)).toEqual([true, false]);
  });

  it('does not let headers the client itself adds change the verdict (a simple GET needs no preflight)', async () => {
    const res = await fetch(`${API}/public`);
    expect(res.status).toBe(200);
    expect(cors.verdicts[0].exchanges.map((e) => e.kind)).toEqual(['actual']);
  });
});

describe('enforceCors: XMLHttpRequest and axios', () => {
  (XHR ? it : it.skip)('XMLHttpRequest: blocked fires error with status 0; allowed shows the readable headers only', async () => {
    const errors = capture('error');
    const blocked = await xhr('GET', `${API}/bare`).finally(errors.restore);
    expect(blocked).toEqual({ event: 'error', status: 0, message: undefined });
    // corsproof logs the browser's message once; a DOM library may log the network error its own way as well.
    expect(errors.calls.filter((line) => line.startsWith('Access to'))).toHaveLength(1);
    const allowed = await xhr('GET', `${API}/items`, { withCredentials: true });
    expect(allowed.event).toBe('load');
    expect(allowed.status).toBe(200);
    expect(allowed.total).toBe('1');
    expect(allowed.secret).toBeNull();
    expect(allowed.all).not.toMatch(/x-secret|access-control/i);
    expect(allowed.body).toBe('[{"id":1}]');
  });

  (XHR ? it : it.skip)('XMLHttpRequest: withCredentials the policy refuses is blocked, and its preflight rules apply', async () => {
    const errors = capture('error');
    const refused = await xhr('GET', `${API}/public`, { withCredentials: true });
    const header = await xhr('PUT', `${API}/hand/3`, { headers: { 'x-nope': '1' } });
    errors.restore();
    expect(refused.event).toBe('error');
    expect(header.event).toBe('error');
    expect(cors.blocked.map((v) => v.reason.code)).toEqual(['WildcardOriginNotAllowed', 'HeaderDisallowedByPreflightResponse']);
    expect(actuals).toBe(0);
  });

  it('axios: rejects with Network Error when blocked, resolves with readable headers when allowed', async () => {
    const errors = capture('error');
    const error = await rejection(axios.get(`${API}/bare`)).finally(errors.restore);
    expect(error.message).toBe('Network Error');
    expect(error.code).toBe('ERR_NETWORK');
    const res = await axios.get(`${API}/items`, { withCredentials: true });
    expect(res.data).toEqual([{ id: 1 }]);
    expect(res.headers['x-total']).toBe('1');
    expect(res.headers['x-secret']).toBeUndefined();
  });

  it('axios with its fetch adapter: Network Error when blocked', async () => {
    const errors = capture('error');
    const error = await rejection(axios.get(`${API}/bare`, { adapter: 'fetch' })).finally(errors.restore);
    expect(error.message).toBe('Network Error');
    expect(error.code).toBe('ERR_NETWORK');
    expect((await axios.get(`${API}/public`, { adapter: 'fetch' })).data).toBe('public');
  });

  it('axios: a JSON POST is preflighted and allowed; an extra header is blocked', async () => {
    const res = await axios.post(`${API}/items`, { a: 2 });
    expect(res.status).toBe(201);
    const errors = capture('error');
    const error = await rejection(axios.post(`${API}/items`, { a: 3 }, { headers: { 'x-csrf-token': 't' } })).finally(errors.restore);
    expect(error.message).toBe('Network Error');
    expect(cors.blocked[0].reason.code).toBe('HeaderDisallowedByPreflightResponse');
  });

  (XHR ? it.skip : it)('Node https: a blocked request fails with a network error, an allowed one gets the readable headers', async () => {
    const get = (url, headers = {}) =>
      new Promise((resolve, reject) => {
        https
          .get(url, { headers }, (res) => {
            let body = '';
            res.on('data', (chunk) => (body += chunk));
            res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body }));
          })
          .on('error', reject);
      });
    const errors = capture('error');
    const error = await rejection(get(`${API}/bare`)).finally(errors.restore);
    expect(error.message).toBe('Network Error');
    expect(error.code).toBe('ERR_NETWORK');
    expect(error.verdict.reason.code).toBe('MissingAllowOriginHeader');
    const res = await get(`${API}/public`);
    expect(res.status).toBe(200);
    expect(res.body).toBe('public');
    expect(res.headers['x-total']).toBeUndefined();
    const cookie = await rejection(get(`${API}/public`, { cookie: 'session=1' }));
    expect(cookie.message).toBe('Network Error');
    expect(cors.blocked.map((v) => v.reason.code)).toEqual(['MissingAllowOriginHeader', 'WildcardOriginNotAllowed']);
  });
});

describe('enforceCors: onBlocked, engines, the controller', () => {
  const again = (options) => {
    cors.dispose();
    cors = enforceCors(server, DOM ? options : { origin: PAGE, ...options });
  };
  afterAll(() => again({}));

  it('lists verdicts in request order; reset() forgets them', async () => {
    const errors = capture('error');
    await Promise.all([fetch(`${API}/items`), rejection(fetch(`${API}/bare`)), fetch(`${API}/public`)]).finally(errors.restore);
    expect(cors.verdicts.map((v) => v.exchanges.at(-1).request.url)).toEqual([`${API}/items`, `${API}/bare`, `${API}/public`]);
    expect(cors.blocked.map((v) => v.reason.code)).toEqual(['MissingAllowOriginHeader']);
    cors.reset();
    expect(cors.verdicts).toEqual([]);
  });

  it('onBlocked: "warn" and "silent" say it elsewhere or not at all; a function gets the verdict', async () => {
    const warnings = capture('warn');
    const errors = capture('error');
    again({ onBlocked: 'warn' });
    await rejection(fetch(`${API}/bare`));
    again({ onBlocked: 'silent' });
    await rejection(fetch(`${API}/bare`));
    const seen = [];
    again({ onBlocked: (verdict) => seen.push(verdict.reason.code) });
    await rejection(fetch(`${API}/bare`));
    warnings.restore();
    errors.restore();
    expect(warnings.calls).toHaveLength(1);
    expect(warnings.calls[0]).toContain("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    expect(errors.calls).toEqual([]);
    expect(seen).toEqual(['MissingAllowOriginHeader']);
  });

  it('onBlocked: "throw" fails the call with the console message (fetch, axios, XMLHttpRequest) and logs nothing', async () => {
    again({ onBlocked: 'throw' });
    const errors = capture('error');
    const error = await rejection(fetch(`${API}/bare`));
    const axiosError = await rejection(axios.get(`${API}/bare`));
    const request = XHR ? await xhr('GET', `${API}/bare`) : null;
    errors.restore();
    expect(errors.calls.filter((line) => line.includes('Access to fetch'))).toEqual([]);
    expect(error.name).toBe('CorsError');
    expect(error).toBeInstanceOf(TypeError);
    expect(error.message).toBe(`Access to fetch at '${API}/bare' from origin '${PAGE}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`);
    expect(error.verdict.reason.code).toBe('MissingAllowOriginHeader');
    expect(axiosError.message).toBe(error.message);
    if (request) expect(request).toEqual({ event: 'error', status: 0, message: error.message });
  });

  it('speaks Firefox under engine: "firefox"', async () => {
    again({ engine: 'firefox' });
    const errors = capture('error');
    const error = await rejection(fetch(`${API}/bare`)).finally(errors.restore);
    expect(cors.engine).toBe('firefox');
    expect(error.message).toBe('NetworkError when attempting to fetch resource.');
    expect(errors.calls).toEqual([
      `Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at ${API}/bare. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: 200.`,
    ]);
  });

  it('dispose() gives back the very fetch, XMLHttpRequest, http and server methods, and MSW’s handlers', async () => {
    const https = await import('node:https');
    const wrapped = https.default.get;
    expect(globalThis.fetch).not.toBe(originalFetch);
    cors.dispose();
    expect(server.listHandlers()).toEqual(api);
    server.close();
    expect(globalThis.fetch).toBe(originalFetch);
    expect(globalThis.XMLHttpRequest).toBe(originalXhr);
    const httpsGet = https.default.get;
    expect(httpsGet).not.toBe(wrapped);
    expect(httpsGet.name).toBe('get');
    for (const [name, fn] of Object.entries(originals)) expect(server[name]).toBe(fn);
    // Enforcing after listen() works as well as before it.
    server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
    cors = enforceCors(server, DOM ? {} : { origin: PAGE });
    expect(https.default.get).not.toBe(httpsGet);
    const errors = capture('error');
    await rejection(fetch(`${API}/bare`)).finally(errors.restore);
    expect(cors.blocked).toHaveLength(1);
  });

  it('refuses bad input with a typed error that names the argument', () => {
    expect(() => enforceCors({})).toThrow(/Invalid server: expected what setupServer\(\)/);
    expect(() => enforceCors(server)).toThrow(/already active/);
    expect(() => enforceCors(setupServer(), { origin: 'https://app.example/path' })).toThrow(/options.origin/);
    expect(() => enforceCors(setupServer(), { origin: PAGE, onBlocked: 'loud' })).toThrow(/options.onBlocked/);
    expect(() => enforceCors(setupServer(), { origin: PAGE, engine: 'netscape' })).toThrow(/options.engine/);
    expect(() => enforceCors(setupServer(), { origin: PAGE, timeout: 5 })).toThrow(/options.timeout: unknown option/);
  });
});
