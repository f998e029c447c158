/**
 * Bad user input, case by case, in one place: every mistake in issue #5's list (an origin with a path, a URL
 * without scheme, an unknown option, a header name with a space, a non-string method, invalid method syntax,
 * invalid mode / credentials / redirect, wrong option types) gets an InvalidArgumentError with code
 * ERR_CORSPROOF_INVALID_ARGUMENT, the argument's name, what was wrong and the fix, and nothing goes on the wire.
 * Through simulate() and through the matchers: a matcher rejects with the typed error (even under `.not`), it
 * never turns bad input into a failed or passed assertion. A forbidden method is not an argument error: fetch()
 * rejects it, so it is a blocked verdict (ForbiddenMethod) sent nowhere.
 */
import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { simulate } from '../../src/simulate.js';
import { CorsproofError, InvalidArgumentError } from '../../src/errors.js';
import { consoleMessage, fixSentence } from '../../src/report/describe.js';
import { PreflightCache, type PreflightCacheOptions } from '../../src/index.js';
import type { CorsRequest, EngineName, SimulateOptions, Transport, WireRequest } from '../../src/types.js';
import { allowListApi, APP, honoApi } from '../matchers/apps.js';

const API_URL = 'https://api.example/items';
const ENGINES: readonly EngineName[] = ['chromium', 'firefox', 'webkit', 'spec'];

/** A transport without a base URL that records what reaches it: bad input must reach nothing. */
function recording(): { transport: Transport; sent: WireRequest[] } {
  const sent: WireRequest[] = [];
  return {
    sent,
    transport: {
      name: 'recording',
      async send(wire) {
        sent.push(wire);
        return { status: 200, statusText: 'OK', headers: [['access-control-allow-origin', '*']], body: new Uint8Array(0) };
      },
    },
  };
}

async function rejectionOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection, and it resolved');
}

/** The typed error, its code and argument, and a message saying what was wrong and the fix. */
function expectInvalidArgument(error: unknown, argument: string, problem: string, fix: string): void {
  expect(error).toBeInstanceOf(InvalidArgumentError);
  expect(error).toBeInstanceOf(CorsproofError);
  const e = error as InvalidArgumentError;
  expect(e.name).toBe('InvalidArgumentError');
  expect(e.code).toBe('ERR_CORSPROOF_INVALID_ARGUMENT');
  expect(e.argument).toBe(argument);
  expect(e.message.startsWith(`Invalid ${argument}: `)).toBe(true);
  expect(e.message).toContain(problem);
  expect(e.message).toContain(fix);
}

interface Case {
  /** The mistake, in the words. */
  mistake: string;
  /** Replaces fields of a valid request `{ url, origin }` (`undefined` values are kept as given). */
  request?: Record<string, unknown>;
  /** Replaces fields of valid options `{ transport }`. */
  options?: Record<string, unknown>;
  /** Replaces the whole request or options argument. */
  wholeRequest?: unknown;
  wholeOptions?: unknown;
  argument: string;
  problem: string;
  fix: string;
}

const ORIGIN_ONLY = "Pass only scheme, host and port: 'https://app.example'.";
const METHOD_FIX = "Pass a method such as 'GET' or 'PUT'.";
const HEADER_NAME_FIX = 'Header names are HTTP tokens';
const TIMEOUT_FIX = 'Pass e.g. 5000.';

const CASES: Case[] = [
  // The page's origin
  { mistake: 'an origin with a path', request: { origin: 'https://app.example/path' }, argument: 'request.origin', problem: "'https://app.example/path' is a URL with a path, query, fragment or credentials, not an origin", fix: ORIGIN_ONLY },
  { mistake: 'an origin with a query', request: { origin: 'https://app.example?x=1' }, argument: 'request.origin', problem: "'https://app.example?x=1' is a URL with a path, query", fix: ORIGIN_ONLY },
  { mistake: 'an origin with credentials', request: { origin: 'https://user:pw@app.example' }, argument: 'request.origin', problem: 'not an origin', fix: ORIGIN_ONLY },
  { mistake: 'an origin without scheme', request: { origin: 'app.example' }, argument: 'request.origin', problem: "'app.example' is not a URL origin (no scheme?)", fix: "e.g. 'https://app.example'" },
  { mistake: 'an origin with a non-HTTP scheme', request: { origin: 'file:///home' }, argument: 'request.origin', problem: "has scheme 'file'", fix: 'A page origin for CORS is http: or https:' },
  { mistake: 'a non-string origin', request: { origin: 42 }, argument: 'request.origin', problem: 'got number', fix: "Pass the page's origin: scheme, host and optional port." },
  { mistake: 'an empty origin', request: { origin: '' }, argument: 'request.origin', problem: 'got an empty string', fix: "Pass the page's origin" },
  // The URL
  { mistake: 'a URL without scheme (and no base URL)', request: { url: 'api.example/items' }, argument: 'request.url', problem: "'api.example/items' is not an absolute URL and this target has no base URL", fix: "Pass a URL with a scheme, e.g. 'https://api.example/items'" },
  { mistake: 'a URL with a non-HTTP scheme', request: { url: 'ftp://api.example/items' }, argument: 'request.url', problem: "'ftp://api.example/items' uses ftp:, not http: or https:", fix: 'pass an http: or https: URL' },
  { mistake: 'a non-string URL', request: { url: 42 }, argument: 'request.url', problem: 'expected a string or URL, got number', fix: "Pass an absolute URL ('https://api.example/x')" },
  // Unknown options
  { mistake: 'an unknown request option', request: { integrity: 'sha256-x' }, argument: 'request.integrity', problem: 'unknown option', fix: 'Known request options: url, origin, method, headers, body, mode, credentials, redirect, cache, addressSpace, targetAddressSpace, localNetworkPermissions, addressSpaces.' },
  // The cache mode and Local Network Access
  { mistake: 'a cache mode fetch() does not know', request: { cache: 'never' }, argument: 'request.cache', problem: "'never' is not allowed", fix: "Use one of: 'default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached'." },
  { mistake: "'only-if-cached' outside mode 'same-origin'", request: { cache: 'only-if-cached' }, argument: 'request.cache', problem: "'only-if-cached' needs mode 'same-origin'", fix: "Use mode: 'same-origin'" },
  { mistake: 'an address space that is not one', request: { addressSpace: 'intranet' }, argument: 'request.addressSpace', problem: "'intranet' is not allowed", fix: 'Use one of:' },
  { mistake: 'a targetAddressSpace that is not one', request: { targetAddressSpace: 'home' }, argument: 'request.targetAddressSpace', problem: "'home' is not allowed", fix: 'Use one of:' },
  { mistake: 'a permission that is not a Local Network Access one', request: { localNetworkPermissions: { camera: 'granted' } }, argument: 'request.localNetworkPermissions', problem: "'camera' is not one of", fix: 'Use ' },
  { mistake: 'a permission state that is not one', request: { localNetworkPermissions: { 'local-network': 'yes' } }, argument: "request.localNetworkPermissions['local-network']", problem: "'yes' is not allowed", fix: 'Use one of:' },
  { mistake: 'address spaces that are not a record', request: { addressSpaces: ['local'] }, argument: 'request.addressSpaces', problem: 'expected an object, got an array', fix: 'Pass e.g.' },
  { mistake: 'an unknown simulate option', options: { retries: 3 }, argument: 'options.retries', problem: 'unknown option', fix: 'Known options: transport, engine, preflightCache, timeoutMs.' },
  // Headers
  { mistake: 'a header name with a space', request: { headers: { 'x bad': '1' } }, argument: 'request.headers', problem: "'x bad' is not a valid header name", fix: HEADER_NAME_FIX },
  { mistake: 'a header name with a colon', request: { headers: [['x-a:', '1']] }, argument: 'request.headers', problem: "'x-a:' is not a valid header name", fix: HEADER_NAME_FIX },
  { mistake: 'an empty header name', request: { headers: [['', '1']] }, argument: 'request.headers', problem: "'' is not a valid header name", fix: HEADER_NAME_FIX },
  { mistake: 'a header value with CR LF', request: { headers: { 'x-a': 'a\r\nx-injected: 1' } }, argument: 'request.headers', problem: "the value of 'x-a' contains a NUL, CR, LF or non-Latin-1 character", fix: 'Remove control characters from header values.' },
  { mistake: 'a header value beyond Latin-1', request: { headers: { 'x-a': '\u2713' } }, argument: 'request.headers', problem: "the value of 'x-a' contains a NUL, CR, LF or non-Latin-1 character", fix: 'Remove control characters' },
  { mistake: 'headers as a string', request: { headers: 'x-a: 1' }, argument: 'request.headers', problem: 'expected an object, Headers or [name, value] pairs, got string', fix: "Pass e.g. { 'content-type': 'application/json' }." },
  { mistake: 'a header entry that is not a pair', request: { headers: [['x-a']] }, argument: 'request.headers', problem: 'each entry must be a [name, value] pair', fix: "Pass e.g. [['x-csrf-token', 'abc']]." },
  // The method
  { mistake: 'a non-string method (number)', request: { method: 42 }, argument: 'request.method', problem: 'expected a string, got number', fix: METHOD_FIX },
  { mistake: 'a non-string method (boolean)', request: { method: true }, argument: 'request.method', problem: 'expected a string, got boolean', fix: METHOD_FIX },
  { mistake: 'a method with a space', request: { method: 'GE T' }, argument: 'request.method', problem: "'GE T' is not an HTTP method token", fix: METHOD_FIX },
  { mistake: 'an empty method', request: { method: '' }, argument: 'request.method', problem: "'' is not an HTTP method token", fix: METHOD_FIX },
  { mistake: 'a method with a line break', request: { method: 'GET\n' }, argument: 'request.method', problem: 'is not an HTTP method token', fix: METHOD_FIX },
  // mode, credentials, redirect
  { mistake: 'an invalid mode', request: { mode: 'navigate' }, argument: 'request.mode', problem: "'navigate' is not allowed", fix: "Use one of: 'cors', 'no-cors', 'same-origin'." },
  { mistake: 'a mode in the wrong case', request: { mode: 'CORS' }, argument: 'request.mode', problem: "'CORS' is not allowed", fix: "Use one of: 'cors', 'no-cors', 'same-origin'." },
  { mistake: 'invalid credentials', request: { credentials: 'yes' }, argument: 'request.credentials', problem: "'yes' is not allowed", fix: "Use one of: 'omit', 'same-origin', 'include'." },
  { mistake: 'credentials as a boolean', request: { credentials: true }, argument: 'request.credentials', problem: "'true' is not allowed", fix: "Use one of: 'omit', 'same-origin', 'include'." },
  { mistake: 'an invalid redirect', request: { redirect: 'FOLLOW' }, argument: 'request.redirect', problem: "'FOLLOW' is not allowed", fix: "Use one of: 'follow', 'manual', 'error'." },
  // Bodies
  { mistake: 'a body of a type fetch() does not take', request: { method: 'POST', body: { a: 1 } }, argument: 'request.body', problem: 'is not a fetch body', fix: 'Pass a string, Uint8Array, ArrayBuffer, Blob, FormData, URLSearchParams, ReadableStream or null.' },
  { mistake: 'a GET with a body', request: { body: 'x' }, argument: 'request.body', problem: 'a GET request cannot have a body', fix: 'Drop the body or use POST/PUT/PATCH.' },
  // Options of simulate()
  { mistake: 'timeoutMs as a string', options: { timeoutMs: '5000' }, argument: 'options.timeoutMs', problem: "string '5000' is not a positive number of milliseconds", fix: TIMEOUT_FIX },
  { mistake: 'timeoutMs zero', options: { timeoutMs: 0 }, argument: 'options.timeoutMs', problem: '0 is not a positive number of milliseconds', fix: TIMEOUT_FIX },
  { mistake: 'timeoutMs negative', options: { timeoutMs: -1 }, argument: 'options.timeoutMs', problem: '-1 is not a positive number of milliseconds', fix: TIMEOUT_FIX },
  { mistake: 'timeoutMs NaN', options: { timeoutMs: Number.NaN }, argument: 'options.timeoutMs', problem: 'NaN is not a positive number of milliseconds', fix: TIMEOUT_FIX },
  { mistake: 'timeoutMs infinite', options: { timeoutMs: Number.POSITIVE_INFINITY }, argument: 'options.timeoutMs', problem: 'Infinity is not a positive number of milliseconds', fix: TIMEOUT_FIX },
  { mistake: 'timeoutMs beyond what a timer can hold', options: { timeoutMs: 2 ** 31 }, argument: 'options.timeoutMs', problem: '2147483648 ms is longer than a timer can hold (2147483647 ms', fix: 'Pass a shorter timeout, e.g. 30000.' },
  { mistake: 'an unknown engine', options: { engine: 'ie6' }, argument: 'options.engine', problem: "'ie6' is not an engine", fix: "Use 'chromium', 'firefox', 'webkit' or 'spec'." },
  { mistake: 'an engine that is not a string', options: { engine: 5 }, argument: 'options.engine', problem: 'number 5 is not an engine', fix: "Use 'chromium', 'firefox', 'webkit' or 'spec'." },
  { mistake: 'no transport', options: { transport: undefined }, argument: 'options.transport', problem: 'expected a Transport or a fetch handler function, got undefined', fix: 'Pass toTransport(target)' },
  { mistake: 'a URL string as transport', options: { transport: 'http://127.0.0.1:3000' }, argument: 'options.transport', problem: 'got string', fix: 'Pass toTransport(target) for an app, URL or mocks' },
  { mistake: 'a preflight cache that is not one', options: { preflightCache: new Map() }, argument: 'options.preflightCache', problem: 'not a PreflightCache', fix: 'Pass new PreflightCache()' },
  { mistake: 'options that are not an object', wholeOptions: null, argument: 'options', problem: 'expected an object, got null', fix: 'Pass { transport, engine? }.' },
  { mistake: 'a request that is not an object', wholeRequest: API_URL, argument: 'request', problem: 'expected an object, got string', fix: 'Pass { url, origin, method?, headers?, ... }.' },
];

describe('simulate(): bad input is an InvalidArgumentError naming the argument, the problem and the fix', () => {
  it.each(CASES)('$mistake → $argument', async (c) => {
    const { transport, sent } = recording();
    const request = c.wholeRequest !== undefined ? c.wholeRequest : { url: API_URL, origin: APP, ...c.request };
    const options = c.wholeOptions !== undefined ? c.wholeOptions : { transport, ...c.options };
    const error = await rejectionOf(() => simulate(request as CorsRequest, options as SimulateOptions));
    expectInvalidArgument(error, c.argument, c.problem, c.fix);
    expect(sent).toEqual([]);
  });

  it('a forbidden method is what fetch() rejects: a ForbiddenMethod verdict with a fix, nothing sent, in every engine', async () => {
    for (const method of ['TRACE', 'connect', 'Track']) {
      for (const engine of ENGINES) {
        const { transport, sent } = recording();
        const v = await simulate({ url: API_URL, origin: APP, method }, { transport, engine });
        expect(v.allowed).toBe(false);
        expect(v.reason).toMatchObject({ code: 'ForbiddenMethod', preflight: false, failedParameter: method.toUpperCase(), fix: null, unfixable: 'request' });
        expect(consoleMessage(v, 'chromium')).toBe('');
        expect(fixSentence(v)).toBe(`Browsers never send ${method.toUpperCase()}; use another method.`);
        expect(v.exchanges).toEqual([]);
        expect(sent).toEqual([]);
      }
    }
  });
});

describe('matchers: bad input rejects with the typed error, never as a failed or passed assertion', () => {
  const app = allowListApi();

  interface MatcherCase {
    mistake: string;
    run: () => unknown;
    argument: string;
    problem: string;
    fix: string;
  }
  const MATCHER_CASES: MatcherCase[] = [
    { mistake: 'an origin with a path', run: () => expect(app).toAllowOrigin('https://app.example/path'), argument: 'toAllowOrigin origin', problem: "'https://app.example/path' is a URL with a path", fix: ORIGIN_ONLY },
    { mistake: 'an origin with a path, under .not', run: () => expect(app).not.toAllowOrigin('https://app.example/path'), argument: 'toAllowOrigin origin', problem: "'https://app.example/path' is a URL with a path", fix: ORIGIN_ONLY },
    { mistake: 'an origin with a path, on a Hono app', run: () => expect(honoApi()).toAllowCredentials('https://app.example/path'), argument: 'toAllowCredentials origin', problem: 'is a URL with a path', fix: ORIGIN_ONLY },
    { mistake: 'an origin without scheme', run: () => expect(app).toAllowOrigin('app.example'), argument: 'toAllowOrigin origin', problem: "'app.example' is not a URL origin (no scheme?)", fix: "e.g. 'https://app.example'" },
    { mistake: 'an origin with a path in the request', run: () => expect(app).toPassPreflight({ origin: 'https://app.example/path', method: 'PUT' }), argument: 'toPassPreflight request.origin', problem: 'is a URL with a path', fix: ORIGIN_ONLY },
    { mistake: 'a URL without scheme, target without base URL', run: () => expect(recording().transport).toAllowOrigin(APP, { url: 'api.example/items' }), argument: 'request.url', problem: "'api.example/items' is not an absolute URL and this target has no base URL", fix: 'Pass a URL with a scheme' },
    { mistake: 'a URL with a non-HTTP scheme', run: () => expect(app).toAllowOrigin(APP, { url: 'ftp://api.example/' }), argument: 'request.url', problem: 'uses ftp:, not http: or https:', fix: 'pass an http: or https: URL' },
    { mistake: 'an unknown option', run: () => expect(app).toAllowOrigin(APP, { retries: 3 } as never), argument: 'toAllowOrigin request.retries', problem: 'unknown option', fix: 'Known options: url, origin, method' },
    { mistake: 'a header name with a space', run: () => expect(app).toAllowOrigin(APP, { headers: { 'x bad': '1' } }), argument: 'request.headers', problem: "'x bad' is not a valid header name", fix: HEADER_NAME_FIX },
    { mistake: 'a non-string method', run: () => expect(app).toAllowOrigin(APP, { method: 42 as never }), argument: 'request.method', problem: 'expected a string, got number', fix: METHOD_FIX },
    { mistake: 'a method with a space', run: () => expect(app).toAllowMethods('GE T', { origin: APP }), argument: 'toAllowMethods methods', problem: "'GE T' is not an HTTP method", fix: "Pass method names such as 'PATCH'." },
    { mistake: 'a method with a space in the request', run: () => expect(app).toPassPreflight({ origin: APP, method: 'GE T' }), argument: 'request.method', problem: "'GE T' is not an HTTP method token", fix: METHOD_FIX },
    { mistake: 'an invalid mode', run: () => expect(app).toAllowOrigin(APP, { mode: 'navigate' as never }), argument: 'request.mode', problem: "'navigate' is not allowed", fix: "Use one of: 'cors', 'no-cors', 'same-origin'." },
    { mistake: 'an invalid mode, where blocked is the expectation', run: () => expect(app).toBeBlockedByCors({ origin: APP, mode: 'navigate' as never }), argument: 'request.mode', problem: "'navigate' is not allowed", fix: "Use one of: 'cors', 'no-cors', 'same-origin'." },
    { mistake: 'invalid credentials', run: () => expect(app).toAllowOrigin(APP, { credentials: 'yes' as never }), argument: 'request.credentials', problem: "'yes' is not allowed", fix: "Use one of: 'omit', 'same-origin', 'include'." },
    { mistake: 'an invalid redirect', run: () => expect(app).not.toAllowOrigin(APP, { redirect: 'FOLLOW' as never }), argument: 'request.redirect', problem: "'FOLLOW' is not allowed", fix: "Use one of: 'follow', 'manual', 'error'." },
    { mistake: 'timeoutMs as a string', run: () => expect(app).toAllowOrigin(APP, { timeoutMs: '5000' as never }), argument: 'toAllowOrigin request.timeoutMs', problem: "'5000' is not a positive number of milliseconds", fix: TIMEOUT_FIX },
    { mistake: 'timeoutMs beyond what a timer can hold', run: () => expect(app).toAllowOrigin(APP, { timeoutMs: 2 ** 40 }), argument: 'toAllowOrigin request.timeoutMs', problem: '1099511627776 ms is longer than a timer can hold (2147483647 ms', fix: 'Pass a shorter timeout, e.g. 30000.' },
    { mistake: 'a base URL with credentials', run: () => expect(app).toAllowOrigin(APP, { baseUrl: 'https://user:pw@api.example' }), argument: 'fromNodeHandler options.baseUrl', problem: 'has a user name or password, and fetch() refuses such URLs', fix: 'Drop user:password@ from the URL' },
    { mistake: 'an unknown engine', run: () => expect(app).toAllowOrigin(APP, { engine: 'ie6' as never }), argument: 'toAllowOrigin request.engine', problem: "'ie6' is not an engine", fix: "Use 'chromium', 'firefox', 'webkit' or 'spec'." },
    { mistake: 'an origin with a path, on a received response', run: () => expect({ 'access-control-allow-origin': '*' }).toAllowOrigin('https://app.example/path'), argument: 'toAllowOrigin origin', problem: 'is a URL with a path', fix: ORIGIN_ONLY },
  ];

  it.each(MATCHER_CASES)('$mistake → $argument', async (c) => {
    const error = await rejectionOf(c.run);
    expectInvalidArgument(error, c.argument, c.problem, c.fix);
  });

  it('a forbidden method fails toAllowOrigin as an assertion (blocked), and .not passes: it is a verdict, not bad input', async () => {
    await expect(app).not.toAllowOrigin(APP, { method: 'TRACE' });
    await expect(app).toBeBlockedByCors('ForbiddenMethod', { origin: APP, method: 'TRACE' });
  });
});

describe('PreflightCache options: validated like every other argument', () => {
  const cases: Array<{ mistake: string; options: unknown; argument: string; problem: string; fix: string }> = [
    // A negative bound used to spin forever: the eviction loop could never get the cache below it.
    { mistake: 'a negative maxEntries', options: { maxEntries: -1 }, argument: 'PreflightCache options.maxEntries', problem: '-1 is not a whole number of entries, 0 or more', fix: 'Pass e.g. 1000' },
    { mistake: 'a fractional maxEntries', options: { maxEntries: 1.5 }, argument: 'PreflightCache options.maxEntries', problem: '1.5 is not a whole number', fix: 'Pass e.g. 1000' },
    { mistake: 'maxEntries NaN', options: { maxEntries: Number.NaN }, argument: 'PreflightCache options.maxEntries', problem: 'NaN is not a whole number', fix: 'Pass e.g. 1000' },
    { mistake: 'maxEntries infinite', options: { maxEntries: Number.POSITIVE_INFINITY }, argument: 'PreflightCache options.maxEntries', problem: 'Infinity is not a whole number', fix: 'Pass e.g. 1000' },
    { mistake: 'maxEntries as a string', options: { maxEntries: '100' }, argument: 'PreflightCache options.maxEntries', problem: 'string "100" is not a whole number', fix: 'Pass e.g. 1000' },
    { mistake: 'an unknown option', options: { maxAge: 5 }, argument: 'PreflightCache options.maxAge', problem: 'unknown option', fix: 'PreflightCache accepts `maxEntries` and `now`.' },
    { mistake: 'now that is not a function', options: { now: 1234 }, argument: 'PreflightCache options.now', problem: 'expected a function, got number', fix: 'Pass a function returning milliseconds' },
    { mistake: 'now as null', options: { now: null }, argument: 'PreflightCache options.now', problem: 'expected a function, got null', fix: 'Pass a function returning milliseconds' },
    { mistake: 'options that are not an object', options: 5, argument: 'PreflightCache options', problem: 'expected an object, got number', fix: 'Pass { maxEntries?, now? } or nothing.' },
  ];

  it.each(cases)('$mistake → $argument', ({ options, argument, problem, fix }) => {
    let error: unknown;
    try {
      new PreflightCache(options as PreflightCacheOptions);
    } catch (e) {
      error = e;
    }
    expectInvalidArgument(error, argument, problem, fix);
  });

  it('maxEntries 0 keeps nothing, and every preflight is sent again', async () => {
    const { transport, sent } = recording();
    const cache = new PreflightCache({ maxEntries: 0 });
    for (let i = 0; i < 2; i++) await simulate({ url: API_URL, origin: APP, method: 'PUT' }, { transport, preflightCache: cache });
    expect(cache.size).toBe(0);
    expect(sent.filter((w) => w.method === 'OPTIONS')).toHaveLength(2);
  });

  it('a now() that returns no number is a typed error when the cache uses it, not entries that never expire', async () => {
    const cache = new PreflightCache({ now: () => Number.NaN });
    const transport: Transport = {
      name: 'preflight-ok',
      async send() {
        return { status: 204, statusText: 'No Content', headers: [['access-control-allow-origin', '*'], ['access-control-allow-methods', 'PUT'], ['access-control-max-age', '60']], body: new Uint8Array(0) };
      },
    };
    const error = await rejectionOf(() => simulate({ url: API_URL, origin: APP, method: 'PUT' }, { transport, preflightCache: cache }));
    expectInvalidArgument(error, 'PreflightCache options.now', 'it returned NaN, not a finite number of milliseconds', 'such as () => Date.now()');
  });
});
