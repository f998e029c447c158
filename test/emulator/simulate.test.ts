/**
 * simulate() end to end against real fetch handlers (functions `Request => Response`, as Hono and friends expose).
 */
import { describe, expect, it } from 'vitest';
import { consoleLine, consoleMessage, fixSentence, InvalidArgumentError, PreflightCache, simulate } from '../../src/index.js';
import type { CorsRequest, EngineName, Exchange } from '../../src/index.js';

const ORIGIN = 'https://app.example';
const API = 'https://api.example';

type Policy = { origin?: string | null; credentials?: boolean; methods?: string; headers?: string; expose?: string; maxAge?: string };

/** A tiny CORS server as a fetch handler: it answers preflights and requests per the policy, and records requests. */
function server(policy: Policy, routes: Record<string, (req: Request) => Response> = {}) {
  const seen: Request[] = [];
  const cors = (req: Request): Record<string, string> => {
    const h: Record<string, string> = {};
    const allow = policy.origin === undefined ? req.headers.get('origin') : policy.origin;
    if (allow !== null && allow !== undefined) h['access-control-allow-origin'] = allow;
    if (policy.credentials) h['access-control-allow-credentials'] = 'true';
    return h;
  };
  const handler = async (req: Request) => {
    seen.push(req);
    const url = new URL(req.url);
    if (req.method === 'OPTIONS' && req.headers.has('access-control-request-method')) {
      const h = cors(req);
      if (policy.methods) h['access-control-allow-methods'] = policy.methods;
      if (policy.headers) h['access-control-allow-headers'] = policy.headers;
      if (policy.maxAge) h['access-control-max-age'] = policy.maxAge;
      return new Response(null, { status: 204, headers: h });
    }
    const route = routes[url.pathname];
    if (route) return route(req);
    const h = { ...cors(req), 'content-type': 'application/json', 'x-total': '7', 'set-cookie': 'sid=1' } as Record<string, string>;
    if (policy.expose) h['access-control-expose-headers'] = policy.expose;
    return new Response('{"ok":true}', { status: 200, headers: h });
  };
  return { handler, seen };
}

const req = (over: Partial<CorsRequest> = {}): CorsRequest => ({ url: `${API}/items`, origin: ORIGIN, ...over });
const lines = (exchanges: Exchange[]) => exchanges.map((e) => `${e.kind} ${e.request.method} ${e.request.url}`);
const header = (e: Exchange, name: string) => e.request.headers.find(([n]) => n.toLowerCase() === name)?.[1];

describe('simple requests', () => {
  it('allows a GET when the server echoes the origin, with a cors response filtered for script', async () => {
    const { handler } = server({ expose: 'x-total' });
    const v = await simulate(req(), { transport: handler });
    expect(v.allowed).toBe(true);
    expect(v.engine).toBe('chromium');
    expect(v.response).toMatchObject({ status: 200, type: 'cors', url: `${API}/items`, redirected: false });
    expect(v.response!.headers).toEqual({ 'content-type': 'application/json', 'x-total': '7' });
    expect(v.response!.text()).toBe('{"ok":true}');
    expect(lines(v.exchanges)).toEqual([`actual GET ${API}/items`]);
    expect(header(v.exchanges[0], 'origin')).toBe(ORIGIN);
  });

  it('blocks when Access-Control-Allow-Origin is missing, with Chromium and Firefox messages and a fix', async () => {
    const { handler } = server({ origin: null });
    const v = await simulate(req(), { transport: handler });
    expect(v.allowed).toBe(false);
    expect(v.reason).toMatchObject({ code: 'MissingAllowOriginHeader', preflight: false, url: `${API}/items` });
    expect(consoleMessage(v, 'chromium')).toBe(`Access to fetch at '${API}/items' from origin '${ORIGIN}' has been blocked by CORS policy: No 'Access-Control-Allow-Origin' header is present on the requested resource.`);
    expect(consoleLine(v, 'firefox')?.code).toBe('CORSMissingAllowOrigin2');
    expect(consoleMessage(v, 'firefox')).toContain('Reason: CORS header ‘Access-Control-Allow-Origin’ missing');
    expect(fixSentence(v)).toContain(`Access-Control-Allow-Origin: ${ORIGIN}`);
    expect(v.exchanges).toHaveLength(1);
  });

  it('rejects a wildcard with credentials and asks for Allow-Credentials otherwise', async () => {
    const wildcard = await simulate(req({ credentials: 'include' }), { transport: server({ origin: '*' }).handler });
    expect(wildcard.reason?.code).toBe('WildcardOriginNotAllowed');
    const noCreds = await simulate(req({ credentials: 'include' }), { transport: server({}).handler });
    expect(noCreds.reason?.code).toBe('InvalidAllowCredentials');
    const ok = await simulate(req({ credentials: 'include' }), { transport: server({ credentials: true, expose: '*' }).handler });
    expect(ok.allowed).toBe(true);
    // `*` exposes nothing extra to a credentialed request.
    expect(Object.keys(ok.response!.headers)).toEqual(['content-type']);
  });

  it('adds the body type: a string body is text/plain;charset=UTF-8 and needs no preflight', async () => {
    const { handler, seen } = server({});
    const v = await simulate(req({ method: 'POST', body: 'hello' }), { transport: handler });
    expect(v.allowed).toBe(true);
    expect(seen).toHaveLength(1);
    expect(seen[0].headers.get('content-type')).toBe('text/plain;charset=UTF-8');
    expect(await seen[0].text()).toBe('hello');
  });

  it('a Blob of type application/json makes a preflight, like fetch', async () => {
    const { handler } = server({ headers: 'content-type', methods: 'POST' });
    const v = await simulate(req({ method: 'POST', body: new Blob(['{}'], { type: 'application/json' }) }), { transport: handler });
    expect(v.allowed).toBe(true);
    expect(lines(v.exchanges)[0]).toBe(`preflight OPTIONS ${API}/items`);
    expect(header(v.exchanges[0], 'access-control-request-headers')).toBe('content-type');
  });
});

describe('preflight', () => {
  it('sends OPTIONS with the method and the sorted, lower-cased, comma-joined unsafe header names', async () => {
    const { handler } = server({ methods: 'PUT', headers: 'x-b, X-A, content-type' });
    const v = await simulate(req({ method: 'put', headers: { 'X-B': '1', 'x-a': '2', 'Content-Type': 'application/json', Accept: 'text/html' } }), { transport: handler });
    expect(v.allowed).toBe(true);
    const pf = v.exchanges[0];
    expect(pf.kind).toBe('preflight');
    expect(pf.request.method).toBe('OPTIONS');
    expect(header(pf, 'access-control-request-method')).toBe('PUT');
    expect(header(pf, 'access-control-request-headers')).toBe('content-type,x-a,x-b');
    expect(header(pf, 'origin')).toBe(ORIGIN);
    expect(v.exchanges[1].request.method).toBe('PUT');
  });

  it('names the method or header the preflight does not allow', async () => {
    const method = await simulate(req({ method: 'DELETE' }), { transport: server({ methods: 'GET, PUT' }).handler });
    expect(method.reason).toMatchObject({ code: 'MethodDisallowedByPreflightResponse', preflight: true });
    expect(consoleMessage(method, 'chromium')).toContain('Method DELETE is not allowed by Access-Control-Allow-Methods in preflight response.');
    const hdr = await simulate(req({ headers: { 'x-csrf-token': 'abc' } }), { transport: server({ headers: 'content-type' }).handler });
    expect(hdr.reason?.code).toBe('HeaderDisallowedByPreflightResponse');
    expect(consoleMessage(hdr, 'chromium')).toContain('Request header field x-csrf-token is not allowed');
    expect(hdr.exchanges).toHaveLength(1);
  });

  it('* covers methods and headers only without credentials', async () => {
    const wild = server({ methods: '*', headers: '*', credentials: true });
    expect((await simulate(req({ method: 'PATCH', headers: { 'x-a': '1' } }), { transport: wild.handler })).allowed).toBe(true);
    expect((await simulate(req({ method: 'PATCH', credentials: 'include' }), { transport: wild.handler })).reason?.code).toBe('MethodDisallowedByPreflightResponse');
    expect((await simulate(req({ headers: { 'x-a': '1' }, credentials: 'include' }), { transport: wild.handler })).reason?.code).toBe('HeaderDisallowedByPreflightResponse');
  });

  it('* covers Authorization in the browsers (recorded) but not in the Fetch Standard', async () => {
    const wild = server({ headers: '*' });
    for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
      expect((await simulate(req({ headers: { authorization: 'Bearer x' } }), { transport: wild.handler, engine })).allowed).toBe(true);
    }
    const spec = await simulate(req({ headers: { authorization: 'Bearer x' } }), { transport: wild.handler, engine: 'spec' });
    expect(spec.reason).toMatchObject({ code: 'HeaderDisallowedByPreflightResponse' });
    expect(fixSentence(spec)).toContain("never lets '*' cover Authorization");
  });

  it('reports a preflight that is not 2xx', async () => {
    const handler = (r: Request) => new Response('no', { status: r.method === 'OPTIONS' ? 405 : 200, headers: { 'access-control-allow-origin': ORIGIN } });
    const v = await simulate(req({ method: 'PUT' }), { transport: handler });
    expect(v.reason).toMatchObject({ code: 'PreflightInvalidStatus', preflight: true });
    expect(consoleMessage(v, 'chromium')).toContain("Response to preflight request doesn't pass access control check: It does not have HTTP ok status.");
  });

  it('shares a preflight cache across calls for max-age seconds on an injectable clock', async () => {
    let now = 1_000_000;
    const cache = new PreflightCache({ now: () => now });
    const { handler, seen } = server({ methods: 'PUT', maxAge: '60' });
    for (let i = 0; i < 3; i++) expect((await simulate(req({ method: 'PUT' }), { transport: handler, preflightCache: cache })).allowed).toBe(true);
    expect(seen.map((r) => r.method)).toEqual(['OPTIONS', 'PUT', 'PUT', 'PUT']);
    now += 61_000;
    await simulate(req({ method: 'PUT' }), { transport: handler, preflightCache: cache });
    expect(seen.map((r) => r.method).slice(4)).toEqual(['OPTIONS', 'PUT']);
  });

  it('caps max-age per engine: WebKit at 600 s, Chromium at 7200 s', async () => {
    for (const [engine, cap] of [['webkit', 600], ['chromium', 7200]] as const) {
      let now = 0;
      const cache = new PreflightCache({ now: () => now });
      const { handler, seen } = server({ methods: 'PUT', maxAge: '86400' });
      await simulate(req({ method: 'PUT' }), { transport: handler, preflightCache: cache, engine });
      now = (cap - 1) * 1000;
      await simulate(req({ method: 'PUT' }), { transport: handler, preflightCache: cache, engine });
      now = (cap + 1) * 1000;
      await simulate(req({ method: 'PUT' }), { transport: handler, preflightCache: cache, engine });
      expect(seen.filter((r) => r.method === 'OPTIONS')).toHaveLength(2);
    }
  });
});

describe('redirects', () => {
  const redirecting = (status: number, location: string, extra: Record<string, string> = {}) => (r: Request) =>
    new Response(null, { status, headers: { location, 'access-control-allow-origin': r.headers.get('origin') ?? '*', ...extra } });

  it('follows a same-origin redirect and marks the response redirected', async () => {
    const { handler } = server({}, { '/old': redirecting(302, `${API}/items`) });
    const v = await simulate(req({ url: `${API}/old` }), { transport: handler });
    expect(v.allowed).toBe(true);
    expect(v.response).toMatchObject({ redirected: true, url: `${API}/items` });
    expect(lines(v.exchanges)).toEqual([`actual GET ${API}/old`, `redirect GET ${API}/items`]);
  });

  it('rewrites POST to GET on 301/302 and anything but GET/HEAD on 303', async () => {
    const { handler, seen } = server({}, { '/p': redirecting(303, `${API}/items`) });
    const v = await simulate(req({ url: `${API}/p`, method: 'POST', body: 'x' }), { transport: handler });
    expect(v.allowed).toBe(true);
    expect(seen.map((r) => r.method)).toEqual(['POST', 'GET']);
    expect(seen[1].headers.get('content-type')).toBeNull();
  });

  it('taints the origin to null after a cross-origin hop to yet another origin', async () => {
    const other = 'https://other.example';
    const handler = (r: Request) => {
      const u = new URL(r.url);
      if (u.origin === API) return redirecting(307, `${other}/final`)(r);
      return new Response('final', { headers: { 'access-control-allow-origin': r.headers.get('origin') ?? '' } });
    };
    const v = await simulate(req(), { transport: handler });
    expect(header(v.exchanges[1], 'origin')).toBe('null');
    expect(v.allowed).toBe(true); // the server echoed `null`
    const strict = (r: Request) => (new URL(r.url).origin === API ? redirecting(307, `${other}/final`)(r) : new Response('x', { headers: { 'access-control-allow-origin': ORIGIN } }));
    const blocked = await simulate(req(), { transport: strict });
    expect(blocked.reason?.code).toBe('AllowOriginMismatch');
    expect(consoleMessage(blocked, 'chromium')).toContain(`(redirected from '${API}/items')`);
  });

  it('returns opaqueredirect for redirect: manual and blocks redirect: error', async () => {
    const { handler } = server({}, { '/old': redirecting(301, `${API}/items`) });
    const manual = await simulate(req({ url: `${API}/old`, redirect: 'manual' }), { transport: handler });
    expect(manual.response).toMatchObject({ type: 'opaqueredirect', status: 0, headers: {} });
    const error = await simulate(req({ url: `${API}/old`, redirect: 'error' }), { transport: handler });
    expect(error.reason?.code).toBe('UnexpectedRedirect');
  });

  it('stops after 20 redirects', async () => {
    const handler = (r: Request) => {
      const n = Number(new URL(r.url).searchParams.get('n') ?? 0);
      return redirecting(302, `${API}/loop?n=${n + 1}`)(r);
    };
    const v = await simulate(req({ url: `${API}/loop` }), { transport: handler });
    expect(v.reason?.code).toBe('TooManyRedirects');
    expect(v.exchanges).toHaveLength(21);
  });

  it('refuses a redirect to a URL with credentials in CORS mode', async () => {
    const { handler } = server({}, { '/old': redirecting(302, 'https://user:pw@api.example/items') });
    const v = await simulate(req({ url: `${API}/old` }), { transport: handler });
    expect(v.reason?.code).toBe('RedirectContainsCredentials');
  });
});

describe('modes', () => {
  it('no-cors gives an opaque response without any CORS header, and drops unsafe headers', async () => {
    const { handler, seen } = server({ origin: null });
    const v = await simulate(req({ mode: 'no-cors', headers: { 'x-custom': '1', accept: 'text/html' } }), { transport: handler });
    expect(v.response).toMatchObject({ type: 'opaque', status: 0, headers: {}, url: '' });
    expect(v.response!.body.byteLength).toBe(0);
    expect(seen[0].headers.has('x-custom')).toBe(false);
    expect(seen[0].headers.get('accept')).toBe('text/html');
  });
  it('no-cors with a non-safelisted method is rejected before the network', async () => {
    const { handler, seen } = server({});
    const v = await simulate(req({ mode: 'no-cors', method: 'PUT' }), { transport: handler });
    expect(v.reason?.code).toBe('MethodNotAllowedInNoCors');
    expect(seen).toHaveLength(0);
  });
  it('same-origin mode blocks a cross-origin URL and allows a same-origin one as basic', async () => {
    const { handler } = server({ origin: null });
    expect((await simulate(req({ mode: 'same-origin' }), { transport: handler })).reason?.code).toBe('DisallowedByMode');
    const same = await simulate(req({ url: `${ORIGIN}/me`, mode: 'same-origin' }), { transport: handler });
    expect(same.response?.type).toBe('basic');
    expect(same.response?.headers['x-total']).toBe('7');
    expect(same.response?.headers['set-cookie']).toBeUndefined();
  });
  it('forbidden methods are rejected before the network, forbidden headers silently dropped', async () => {
    const { handler, seen } = server({});
    expect((await simulate(req({ method: 'TRACE' }), { transport: handler })).reason?.code).toBe('ForbiddenMethod');
    const v = await simulate(req({ headers: { Cookie: 'a=b', 'Sec-Fetch-Mode': 'x' } }), { transport: handler });
    expect(v.allowed).toBe(true);
    expect(seen[0].headers.has('cookie')).toBe(false);
  });
});

describe('engines', () => {
  const clientHint = async (engine: EngineName) => {
    const { handler } = server({});
    return simulate(req({ headers: { DPR: '2' } }), { transport: handler, engine });
  };
  it('Chromium safelists client hints such as DPR; Firefox, WebKit and the standard preflight them', async () => {
    expect((await clientHint('chromium')).exchanges.map((e) => e.kind)).toEqual(['actual']);
    for (const engine of ['firefox', 'webkit', 'spec'] as const) expect((await clientHint(engine)).exchanges[0].kind).toBe('preflight');
  });
});

describe('the Origin header after redirects (engine differences, recorded in test/conformance/recorded/redirect-origin)', () => {
  const PAGE = 'https://app.example';
  /** A POST with the given mode, redirected once with `status` from `from` to `to`; returns the Origin each hop carried. */
  async function origins(engine: EngineName, mode: 'no-cors' | 'cors', status: number, from: string, to: string): Promise<Array<string | null>> {
    const transport = async (request: Request) => {
      const url = new URL(request.url);
      const cors = { 'access-control-allow-origin': PAGE, 'access-control-allow-credentials': 'true' };
      if (url.pathname === '/start') return new Response(null, { status, headers: { location: `${to}/end`, ...cors } });
      return new Response('ok', { headers: cors });
    };
    const verdict = await simulate({ url: `${from}/start`, origin: PAGE, method: 'POST', body: 'x', mode }, { transport, engine });
    expect(verdict.allowed).toBe(true);
    return verdict.exchanges.map((e) => e.request.headers.find(([n]) => n === 'Origin')?.[1] ?? null);
  }

  it("no-cors, 307 from the page's origin to another: the standard keeps the origin, Chromium says null", async () => {
    for (const engine of ['spec', 'firefox', 'webkit'] as const) expect(await origins(engine, 'no-cors', 307, PAGE, 'https://api.example')).toEqual([PAGE, PAGE]);
    expect(await origins('chromium', 'no-cors', 307, PAGE, 'https://api.example')).toEqual([PAGE, 'null']);
    // In cors mode Chromium follows the standard.
    expect(await origins('chromium', 'cors', 307, PAGE, 'https://api.example')).toEqual([PAGE, PAGE]);
  });

  it('a 303 to the same origin turns the POST into a GET: WebKit keeps its Origin header, the others send none', async () => {
    for (const engine of ['spec', 'chromium', 'firefox'] as const) expect(await origins(engine, 'no-cors', 303, 'https://api.example', 'https://api.example')).toEqual([PAGE, null]);
    expect(await origins('webkit', 'no-cors', 303, 'https://api.example', 'https://api.example')).toEqual([PAGE, PAGE]);
    // Across origins WebKit drops it as the standard does.
    expect(await origins('webkit', 'no-cors', 303, 'https://api.example', 'https://other.example')).toEqual([PAGE, null]);
  });
});

describe('failures are verdicts, bad input is a typed error', () => {
  it('a handler that throws gives a NetworkError verdict', async () => {
    const v = await simulate(req(), { transport: () => { throw new Error('boom'); } });
    expect(v.reason).toMatchObject({ code: 'NetworkError' });
    expect(v.exchanges[0].error).toMatchObject({ kind: 'target', name: 'Error', message: 'boom' });
    expect(fixSentence(v)).toBe('The target itself threw Error: boom. This error comes from your app or test set-up, not from CORS; a page would see a network error.');
  });
  it('a transport that throws synchronously, or answers an object whose fields throw: NetworkError verdicts', async () => {
    const sync = await simulate(req(), { transport: { name: 'sync', send: () => { throw new Error('sync boom'); } } });
    expect([sync.reason?.code, sync.exchanges[0].error]).toEqual(['NetworkError', { kind: 'transport', error: 'network', message: 'sync boom' }]);
    const hostile = { get status(): number { throw new Error('status getter boom'); }, headers: [], body: new Uint8Array(0) };
    const v = await simulate(req(), { transport: { name: 'hostile', send: async () => hostile as never }, timeoutMs: 60_000 });
    expect([v.reason?.code, v.exchanges[0].error]).toEqual(['NetworkError', { kind: 'invalid-response', problem: 'unreadable', value: 'status getter boom' }]);
  });
  it("the transport's signal aborts at the deadline, and reads as aborted when first read after it", async () => {
    const seen: boolean[] = [];
    const early = { name: 'early', send: (_w: unknown, { signal }: { signal: AbortSignal }) => new Promise<never>((_, reject) => {
      seen.push(signal.aborted);
      signal.addEventListener('abort', () => reject(signal.reason));
    }) };
    expect((await simulate(req(), { transport: early as never, timeoutMs: 30 })).reason?.code).toBe('Timeout');
    let context: { signal: AbortSignal } | undefined;
    const late = { name: 'late', send: (_w: unknown, c: { signal: AbortSignal }) => { context = c; return new Promise<never>(() => undefined); } };
    expect((await simulate(req(), { transport: late as never, timeoutMs: 30 })).reason?.code).toBe('Timeout');
    expect(seen).toEqual([false]);
    expect(context?.signal.aborted).toBe(true);
    expect(context?.signal.reason).toMatchObject({ name: 'TransportError', kind: 'timeout' });
  });
  it('a handler that never answers gives a Timeout verdict within timeoutMs', async () => {
    const started = Date.now();
    const v = await simulate(req(), { transport: () => new Promise<Response>(() => {}), timeoutMs: 50 });
    expect(v.reason?.code).toBe('Timeout');
    expect(Date.now() - started).toBeLessThan(2000);
  });
  it('names the argument and the fix', async () => {
    const { handler } = server({});
    await expect(simulate(req({ origin: 'https://app.example/path' }), { transport: handler })).rejects.toThrow(InvalidArgumentError);
    await expect(simulate(req({ origin: 'https://app.example/path' }), { transport: handler })).rejects.toThrow(/request.origin/);
    await expect(simulate({ url: 'api.example/x', origin: ORIGIN }, { transport: { name: 'x', send: async () => { throw new Error(); } } })).rejects.toThrow(/request.url.*no base URL/);
    await expect(simulate(req({ headers: { 'x bad': '1' } }), { transport: handler })).rejects.toThrow(/'x bad' is not a valid header name/);
    await expect(simulate(req(), { transport: handler, engine: 'ie6' as EngineName })).rejects.toThrow(/engine/);
    await expect(simulate(req(), { transport: handler, retries: 3 } as never)).rejects.toThrow(/options.retries: unknown option/);
    await expect(simulate({ ...req(), integrity: 'sha256-x' } as never, { transport: handler })).rejects.toThrow(/request.integrity: unknown option/);
    await expect(simulate({ ...req(), cache: 'never' } as never, { transport: handler })).rejects.toThrow(/request.cache: 'never' is not allowed/);
    await expect(simulate(req({ method: 'GET', body: 'x' }), { transport: handler })).rejects.toThrow(/GET request cannot have a body/);
  });
});

describe("a verdict's header lines are its own", () => {
  it('editing them in place changes no later request, of any engine', async () => {
    const { handler, seen } = server({ methods: 'PUT', headers: 'content-type' });
    const request: CorsRequest = { url: `${API}/items`, origin: ORIGIN, method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' };
    for (const engine of ['chromium', 'firefox', 'webkit', 'spec'] as EngineName[]) {
      const first = await simulate(request, { transport: handler, engine });
      const wire = (e: Exchange) => e.request.headers.map(([n, v]) => `${n}: ${v}`);
      const before = first.exchanges.map(wire);
      // A caller redacting or normalizing a verdict's headers in place:
      for (const exchange of first.exchanges) for (const line of exchange.request.headers) { line[0] = line[0].toUpperCase(); line[1] = 'edited'; }
      seen.length = 0;
      const second = await simulate(request, { transport: handler, engine });
      expect(second.exchanges.map(wire)).toEqual(before);
      expect(seen.map((r) => r.headers.get('user-agent'))).not.toContain('edited');
    }
  });
});

describe('simulateEngines options', () => {
  it("names the engine whose preflight cache is not one", async () => {
    const { simulateEngines } = await import('../../src/simulate.js');
    const { handler } = server({});
    const error = await simulateEngines({ url: `${API}/items`, origin: ORIGIN }, { transport: handler, preflightCaches: { firefox: {} as PreflightCache } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect((error as InvalidArgumentError).argument).toBe('options.preflightCaches.firefox');
  });
});
