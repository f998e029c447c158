/**
 * Generated CORS scenarios for the robustness properties: a request as a page's script would make it, and a
 * server made of numbered hops (`/h0`, `/h1`, ...). Each hop answers a preflight (OPTIONS carrying
 * Access-Control-Request-Method) with its `preflight` answer when it has one, anything else with its
 * `response`; redirects point at hops by Location (absolute, relative, scheme-relative, to other origins, back to
 * an earlier hop for loops, or to something unusable). Everything generated is plain data, so fast-check prints
 * a readable counterexample; `buildRequest` and the transports make fresh objects (streams, FormData) per run.
 *
 * `wellFormed` scenarios are what an HTTP parser could hand a browser: token header names, header values without
 * NUL/CR/LF or characters above U+00FF, no transport faults. The others add malformed names and values and a
 * misbehaving transport (throws, hangs, answers garbage).
 */
import fc from 'fast-check';
import { TransportError } from '../../src/errors.js';
import { responseHeadBytes } from '../../src/emulator/response-head.js';
import { getEngine } from '../../src/engines/index.js';
import type { CorsRequest, Transport, WireRequest, WireResponse } from '../../src/types.js';

export const PAGE = 'https://app.example';
/** Origins a page can have: a tuple origin (most runs), another, and the opaque origin. */
export const PAGE_ORIGINS = [PAGE, 'http://localhost:3000', 'null'] as const;
/** Where hops live: the API, the page's own origin (same-origin requests), and others (scheme, port, host). */
export const HOSTS = ['https://api.example', PAGE, 'http://api.example', 'https://api.example:8443', 'http://other.example:8080', 'http://localhost:3000'] as const;

export type Pairs = Array<[string, string]>;

export interface Answer {
  status: number;
  statusText: string;
  headers: Pairs;
  body: Uint8Array;
}

export interface Hop {
  /** The answer to a preflight; without one, a preflight gets `response` too (like a server without OPTIONS handling). */
  preflight: Answer | null;
  response: Answer;
}

export type BodySpec =
  | { kind: 'none' }
  | { kind: 'null' }
  | { kind: 'string'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'arraybuffer'; bytes: Uint8Array }
  | { kind: 'dataview'; bytes: Uint8Array }
  | { kind: 'int16array'; values: number[] }
  | { kind: 'blob'; parts: string[]; type: string }
  | { kind: 'urlsearchparams'; entries: Pairs }
  | { kind: 'formdata'; entries: Pairs; file: { name: string; content: string; type: string } | null }
  | { kind: 'stream'; chunks: string[] }
  | { kind: 'huge'; size: number };

export interface RequestSpec {
  url: string;
  origin: string;
  method: string | undefined;
  headers: { form: 'record' | 'pairs' | 'headers'; entries: Pairs } | undefined;
  body: BodySpec;
  mode: CorsRequest['mode'];
  credentials: CorsRequest['credentials'];
  redirect: CorsRequest['redirect'];
}

export type FaultKind =
  | 'throw-error'
  | 'throw-transport-error'
  | 'throw-string'
  | 'return-null'
  | 'return-string'
  | 'status-0'
  | 'status-1000'
  | 'status-fraction'
  | 'status-string'
  | 'headers-missing'
  | 'header-entry-numbers'
  | 'header-entry-short'
  | 'body-string'
  | 'body-missing'
  | 'status-text-number'
  | 'hang'
  | 'reject-on-abort';

export interface Fault {
  /** Which call to the transport misbehaves (0 = the first request on the wire). */
  at: number;
  kind: FaultKind;
}

export interface Scenario {
  request: RequestSpec;
  hops: Hop[];
  fault: Fault | null;
}

export interface GenOptions {
  wellFormed: boolean;
}

const encoder = new TextEncoder();
/** Let a failing huge value shrink to the first (simple) alternative, so counterexamples stay readable. */
const CROSS_SHRINK = { withCrossShrink: true };

// ---------------------------------------------------------------------------------------------------------------
// Header names and values

/** A generated token: RFC 9110 tchar, mixed case. */
export const tokenArb = fc.stringMatching(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]{1,12}$/);

/** A way to re-case a name: flip ASCII letters where a mask's bits say so, or all lower or upper case. */
export type Casing = number | 'lower' | 'upper';

/** Re-case the ASCII letters of a name (only those: byte-case-insensitively, it is the same name). */
export function recase(name: string, mask: Casing): string {
  if (mask === 'lower') return name.replace(/[A-Z]/g, (c) => c.toLowerCase());
  if (mask === 'upper') return name.replace(/[a-z]/g, (c) => c.toUpperCase());
  let out = '';
  for (let i = 0; i < name.length; i++) {
    const c = name[i];
    const flip = ((mask >>> (i % 31)) & 1) === 1;
    if (flip && /[a-z]/.test(c)) out += c.toUpperCase();
    else if (flip && /[A-Z]/.test(c)) out += c.toLowerCase();
    else out += c;
  }
  return out;
}

const latin1String = (maxLength: number) =>
  fc.array(fc.integer({ min: 0x20, max: 0xff }).filter((c) => c !== 0x7f), { maxLength }).map((codes) => String.fromCharCode(...codes));
const huge = (min: number, max: number, unit: string) => fc.integer({ min, max }).map((n) => unit.repeat(n));

const allowOriginValue = fc.oneof(
  CROSS_SHRINK,
  { weight: 6, arbitrary: fc.constantFrom(PAGE, '*', PAGE, 'null', 'http://localhost:3000') },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      `${PAGE}/`, 'https://app.example:443', 'HTTPS://APP.EXAMPLE', 'https://evil.example', `${PAGE}, ${PAGE}`, `${PAGE} ${PAGE}`,
      '*, *', '', ' ', `\t${PAGE} `, `"${PAGE}"`, 'https://\u00e4pp.example', 'app.example', 'http://app.example', 'https://api.example',
      'http://other.example:8080', 'https://*.example', 'NULL', `${PAGE},`, `${PAGE}\t${PAGE}`,
    ),
  },
  { weight: 1, arbitrary: huge(2_000, 20_000, 'a').map((a) => `https://${a}.example`) },
);

const allowCredentialsValue = fc.constantFrom('true', 'true', 'TRUE', 'True', ' true ', 'true, true', 'false', '', '1', '"true"', 'true;');

const listItem = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.constantFrom(
      'GET', 'POST', 'PUT', 'PATCH', 'patch', 'DELETE', 'OPTIONS', 'FOO', '*', 'x-custom', 'X-Custom', 'content-type', 'authorization',
      'x-csrf-token', 'accept', 'x-total', 'X-Internal', 'x-request-id', 'cache-control', 'set-cookie', 'Set-Cookie2', 'etag', 'dpr',
      'range', 'content-language', 'location', 'access-control-allow-origin',
    ),
  },
  { weight: 2, arbitrary: tokenArb },
  { weight: 2, arbitrary: fc.constantFrom('', ' ', '\t', '"x-custom"', '"a,b"', '"a\\"b"', 'x y', 'a/b', '\u00e9', '(x)', 'x-custom;q=1', '@', '*/*', '""') },
);
const separator = fc.constantFrom(',', ', ', ' ,', ',,', ' , ', ',\t', ' ', ', ,');
/** `#token` list values in odd syntax: empty items, stray separators, quoted strings, invalid items, huge lists. */
const listValue = fc.oneof(
  CROSS_SHRINK,
  { weight: 8, arbitrary: fc.array(fc.tuple(listItem, separator), { maxLength: 6 }).map((items) => items.map(([item, sep], i) => (i === 0 ? item : `${sep}${item}`)).join('')) },
  { weight: 1, arbitrary: fc.integer({ min: 200, max: 3_000 }).map((n) => Array.from({ length: n }, (_, i) => `x-h${i}`).join(', ')) },
);
const maxAgeValue = fc.constantFrom('600', '0', '-1', '86400', '99999999999999999999', '1e3', 'abc', '', ' 5', '5, 6', '7200');

const SAFELISTED_RESPONSE = ['cache-control', 'content-language', 'content-length', 'content-type', 'expires', 'last-modified', 'pragma'];
const OTHER_RESPONSE = ['x-total', 'X-Internal', 'x-request-id', 'etag', 'vary', 'link', 'set-cookie', 'set-cookie2', 'Set-Cookie', 'x-custom', 'dpr', '*'];
const genericValue = fc.oneof(
  CROSS_SHRINK,
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) },
  { weight: 2, arbitrary: latin1String(16) },
  { weight: 1, arbitrary: fc.constantFrom('', ' ', 'sid=1; Path=/; HttpOnly', 'text/html; charset=utf-8', '42', '\tpadded ') },
  { weight: 1, arbitrary: huge(5_000, 40_000, 'v') },
);
/** What no HTTP parser would produce: names with spaces or non-tokens, values with NUL/CR/LF or non-Latin-1. */
const malformedName = fc.oneof(
  fc.constantFrom('', ' ', 'x y', 'x:y', 'Access-Control-Allow-Origin ', ' access-control-allow-origin', 'acc\u00e8s', '\u212aelvin', 'x\n', '\u0130'),
  fc.string({ maxLength: 8 }),
);
const malformedValue = fc.oneof(
  fc.constantFrom(`${PAGE}\r\nx: y`, 'a\nb', 'nul\u0000', '\u2713', '\ud800', '\u{1f600}', `${PAGE}\u0000`),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

function headerArb(options: GenOptions): fc.Arbitrary<[string, string]> {
  const named = (names: readonly string[], values: fc.Arbitrary<string>) => fc.tuple(fc.constantFrom(...names), values);
  const pairs: Array<fc.WeightedArbitrary<[string, string]>> = [
    { weight: 3, arbitrary: named(['access-control-allow-origin'], allowOriginValue) },
    { weight: 2, arbitrary: named(['access-control-allow-credentials'], allowCredentialsValue) },
    { weight: 2, arbitrary: named(['access-control-allow-methods'], listValue) },
    { weight: 2, arbitrary: named(['access-control-allow-headers'], listValue) },
    { weight: 4, arbitrary: named(['access-control-expose-headers'], listValue) },
    { weight: 1, arbitrary: named(['access-control-max-age'], maxAgeValue) },
    { weight: 4, arbitrary: named([...SAFELISTED_RESPONSE, ...OTHER_RESPONSE], genericValue) },
    { weight: 1, arbitrary: fc.tuple(tokenArb, genericValue) },
  ];
  if (!options.wellFormed) {
    pairs.push({ weight: 1, arbitrary: fc.tuple(malformedName, genericValue) });
    pairs.push({ weight: 1, arbitrary: fc.tuple(fc.constantFrom('access-control-allow-origin', 'access-control-expose-headers', 'x-total'), malformedValue) });
  }
  return fc.tuple(fc.oneof(...pairs), fc.nat()).map(([[name, value], mask]) => [recase(name, mask), value]);
}

// ---------------------------------------------------------------------------------------------------------------
// Answers and hops

const REDIRECTS = [301, 302, 303, 307, 308];
const statusArb = (role: 'preflight' | 'response') =>
  fc.oneof(
    { weight: role === 'preflight' ? 12 : 6, arbitrary: fc.constantFrom(200, 200, 204, 206, 299) },
    { weight: 2, arbitrary: fc.constantFrom(...REDIRECTS) },
    { weight: 1, arbitrary: fc.constantFrom(300, 304, 400, 401, 403, 404, 405, 500, 503) },
    { weight: 1, arbitrary: fc.integer({ min: 100, max: 999 }) },
  );
const statusTextArb = fc.constantFrom('', 'OK', 'No Content', 'Found', 'Not Found', 'W\u00e9ird', 'x'.repeat(300));
const bodyBytesArb = fc.oneof(
  CROSS_SHRINK,
  { weight: 4, arbitrary: fc.constant(new Uint8Array(0)) },
  { weight: 4, arbitrary: fc.string({ unit: 'grapheme', maxLength: 24 }).map((s) => encoder.encode(s)) },
  { weight: 2, arbitrary: fc.uint8Array({ maxLength: 32 }) },
  { weight: 1, arbitrary: fc.integer({ min: 10_000, max: 200_000 }).map((n) => new Uint8Array(n).fill(0x61)) },
);
const hopIndex = fc.nat(4);
const urlSuffix = fc.constantFrom('', '', '?x=1', '#frag', '?a=b#c');
/** A Location value: to a hop on any host, relative forms, loops back (any index), or something unusable. */
const locationArb = fc.oneof(
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...HOSTS), hopIndex, urlSuffix).map(([host, j, s]) => `${host}/h${j}${s}`) },
  { weight: 2, arbitrary: fc.tuple(hopIndex, urlSuffix).map(([j, s]) => `/h${j}${s}`) },
  { weight: 1, arbitrary: fc.tuple(hopIndex, fc.constantFrom('', './', '//other.example/', '//api.example/')).map(([j, p]) => `${p}h${j}`) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('https://user:pw@api.example', `https://user:pw@app.example`, 'https://user@app.example'), hopIndex).map(([h, j]) => `${h}/h${j}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '', '#frag', '?q=1', 'http://[::1', 'ftp://api.example/h1', 'https://user:pw@api.example/h1', 'https://user@other.example/h1',
      'data:text/plain,x', 'javascript:alert(1)', '  /h1  ', '/h9', 'https://api.example:99999/h1', 'https://\u00e1pi.example/h1', '/h1, /h2',
    ),
  },
);

/** Lists a server that means to allow something sends: the methods and header names the requests use, or `*`. */
const METHODS_ALLOWED = ['GET', 'POST', 'PUT', 'PATCH', 'patch', 'DELETE', 'delete', 'OPTIONS', 'FOO', 'M-SEARCH', '*'];
const HEADERS_ALLOWED = ['x-csrf-token', 'X-Custom', 'authorization', 'content-type', 'dpr', 'range', 'accept', 'Accept-Language', 'content-language', '*'];
const EXPOSED = ['x-total', 'X-Internal', 'x-request-id', 'etag', 'vary', 'link', 'set-cookie', 'content-type', '*', 'x-custom'];
const PLAIN_HEADERS: Array<[string, string]> = [['X-Total', '3'], ['x-internal', 'secret'], ['ETag', '"v1"'], ['Set-Cookie', 'sid=1; HttpOnly'], ['Content-Type', 'application/json'], ['x-request-id', 'r-1']];
const allowList = (items: readonly string[]) =>
  fc.oneof(
    { weight: 3, arbitrary: fc.subarray([...items], { minLength: 1 }).map((picked) => picked.join(', ')) },
    { weight: 1, arbitrary: listValue },
  );

function answerArb(options: GenOptions, role: 'preflight' | 'response'): fc.Arbitrary<Answer> {
  const header = headerArb(options);
  /** What a mostly well-configured server sends, so that allowed verdicts are common. */
  const corsHeaders = fc
    .record({
      allowOrigin: fc.constantFrom(PAGE, PAGE, PAGE, '*', 'null', 'http://localhost:3000'),
      credentials: fc.oneof({ weight: 2, arbitrary: fc.constant(true) }, { weight: 1, arbitrary: fc.constant(false) }),
      methods: role === 'preflight' ? allowList(METHODS_ALLOWED) : fc.option(listValue, { nil: undefined, freq: 2 }),
      headers: role === 'preflight' ? allowList(HEADERS_ALLOWED) : fc.option(listValue, { nil: undefined, freq: 2 }),
      // `*` often: it exposes everything, except to a credentialed request.
      expose: role === 'preflight' ? fc.constant(undefined) : fc.option(fc.oneof(allowList(EXPOSED), fc.constantFrom('*', '*, x-total', 'X-Request-Id , *')), { nil: undefined, freq: 4 }),
      // Ordinary response headers, for the expose list to expose or hide.
      plain: fc.subarray(PLAIN_HEADERS),
    })
    .map(({ allowOrigin, credentials, methods, headers, expose, plain }) => {
      const list: Pairs = [['Access-Control-Allow-Origin', allowOrigin], ...plain];
      if (credentials) list.push(['Access-Control-Allow-Credentials', 'true']);
      if (methods !== undefined) list.push(['Access-Control-Allow-Methods', methods]);
      if (headers !== undefined) list.push(['Access-Control-Allow-Headers', headers]);
      if (expose !== undefined) list.push(['Access-Control-Expose-Headers', expose]);
      return list;
    });
  return fc
    .record({
      status: statusArb(role),
      statusText: statusTextArb,
      base: fc.oneof({ weight: 4, arbitrary: corsHeaders }, { weight: 1, arbitrary: fc.constant([] as Pairs) }),
      extra: fc.array(header, { maxLength: 5 }),
      location: fc.option(locationArb, { nil: undefined, freq: 3 }),
      duplicate: fc.nat(5),
      body: bodyBytesArb,
    })
    .map(({ status, statusText, base, extra, location, duplicate, body }) => {
      const headers: Pairs = [...base, ...extra];
      // Repeat one header now and then: repeated CORS headers are a classic proxy-plus-app mistake.
      if (duplicate === 0 && headers.length > 0) headers.push([...headers[headers.length - 1]]);
      if (location !== undefined && (REDIRECTS.includes(status) || duplicate === 1)) headers.push(['Location', location]);
      return { status, statusText, headers, body };
    });
}

function hopArb(options: GenOptions): fc.Arbitrary<Hop> {
  return fc.record({ preflight: fc.option(answerArb(options, 'preflight'), { nil: null, freq: 4 }), response: answerArb(options, 'response') });
}

// ---------------------------------------------------------------------------------------------------------------
// Requests

const requestHeaderName = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      'accept', 'Accept-Language', 'content-language', 'Content-Type', 'range', 'authorization', 'x-csrf-token', 'X-Custom', 'dpr',
      'cookie', 'Sec-Fetch-Mode', 'proxy-x', 'x-http-method-override', 'access-control-request-method', 'origin',
    ),
  },
  { weight: 1, arbitrary: tokenArb },
);
const requestHeaderValue = fc.oneof(
  CROSS_SHRINK,
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      'text/plain', 'application/json', 'multipart/form-data; boundary=x', 'text/plain; charset="utf-8"', 'TEXT/PLAIN', 'bytes=0-',
      'bytes=-5', 'bytes=1-2', 'en-US', 'en-US,fr;q=0.5', '*/*', '"quoted"', 'caf\u00e9', 'TRACE', 'PUT', 'Bearer x', '', '2',
    ),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 20 }) },
  { weight: 1, arbitrary: huge(100, 1_200, 'a') },
);
const badRequestHeader = fc.constantFrom<[string, string]>(['x bad', '1'], ['x-a', 'a\nb'], ['x-a', '\u2713'], ['', 'x'], ['x:y', '1']);

function requestHeadersArb(options: GenOptions): fc.Arbitrary<RequestSpec['headers']> {
  const entry = options.wellFormed
    ? fc.tuple(requestHeaderName, requestHeaderValue)
    : fc.oneof({ weight: 12, arbitrary: fc.tuple(requestHeaderName, requestHeaderValue) }, { weight: 1, arbitrary: badRequestHeader });
  return fc.option(
    fc.record({ form: fc.constantFrom('record' as const, 'pairs' as const, 'headers' as const), entries: fc.array(entry, { maxLength: 4 }) }),
    { nil: undefined, freq: 2 },
  );
}

const methodArb = (options: GenOptions) =>
  fc.oneof(
    { weight: 10, arbitrary: fc.constantFrom('GET', 'GET', 'HEAD', 'POST', 'POST', 'PUT', 'PATCH', 'patch', 'DELETE', 'delete', 'OPTIONS', 'get', 'post', 'FOO', 'M-SEARCH') },
    { weight: 1, arbitrary: tokenArb },
    { weight: 1, arbitrary: fc.constantFrom('TRACE', 'connect', 'Track', 'GET', 'POST', 'PUT') },
    ...(options.wellFormed ? [] : [{ weight: 1, arbitrary: fc.constantFrom('GE T', '', 'GET\n', 'P\u00d3ST') }]),
  );

const bodySpecArb: fc.Arbitrary<BodySpec> = fc.oneof(
  CROSS_SHRINK,
  { weight: 6, arbitrary: fc.constant<BodySpec>({ kind: 'none' }) },
  { weight: 1, arbitrary: fc.constant<BodySpec>({ kind: 'null' }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map((text): BodySpec => ({ kind: 'string', text })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }).map((bytes): BodySpec => ({ kind: 'bytes', bytes })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }).map((bytes): BodySpec => ({ kind: 'arraybuffer', bytes })) },
  { weight: 1, arbitrary: fc.uint8Array({ maxLength: 32 }).map((bytes): BodySpec => ({ kind: 'dataview', bytes })) },
  { weight: 1, arbitrary: fc.array(fc.integer({ min: -32768, max: 32767 }), { maxLength: 8 }).map((values): BodySpec => ({ kind: 'int16array', values })) },
  {
    weight: 1,
    arbitrary: fc
      .record({ parts: fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), type: fc.constantFrom('', 'text/plain', 'application/json', 'multipart/form-data; boundary=x', 'TEXT/PLAIN;charset=utf-8', 'x/y; a="b"') })
      .map((b): BodySpec => ({ kind: 'blob', ...b })),
  },
  { weight: 1, arbitrary: fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })), { maxLength: 3 }).map((entries): BodySpec => ({ kind: 'urlsearchparams', entries })) },
  {
    weight: 1,
    arbitrary: fc
      .record({
        entries: fc.array(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 })), { maxLength: 3 }),
        file: fc.option(fc.record({ name: fc.constantFrom('a.txt', 'r\u00e9sum\u00e9.pdf', ''), content: fc.string({ maxLength: 10 }), type: fc.constantFrom('', 'text/plain', 'application/octet-stream') }), { nil: null }),
      })
      .map((b): BodySpec => ({ kind: 'formdata', ...b })),
  },
  { weight: 1, arbitrary: fc.array(fc.string({ maxLength: 8 }), { maxLength: 3 }).map((chunks): BodySpec => ({ kind: 'stream', chunks })) },
  { weight: 1, arbitrary: fc.integer({ min: 50_000, max: 300_000 }).map((size): BodySpec => ({ kind: 'huge', size })) },
);

function requestArb(options: GenOptions): fc.Arbitrary<RequestSpec> {
  return fc
    .record({
      host: fc.constantFrom(...HOSTS),
      suffix: urlSuffix,
      origin: fc.oneof({ weight: 8, arbitrary: fc.constant(PAGE) }, { weight: 1, arbitrary: fc.constantFrom(...PAGE_ORIGINS) }),
      method: fc.option(methodArb(options), { nil: undefined, freq: 4 }),
      headers: requestHeadersArb(options),
      body: bodySpecArb,
      bodyOnGet: fc.nat(19),
      mode: fc.oneof(
        { weight: 4, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.constant('cors' as const) },
        { weight: 1, arbitrary: fc.constant('no-cors' as const) },
        { weight: 1, arbitrary: fc.constant('same-origin' as const) },
      ),
      credentials: fc.option(fc.constantFrom('omit' as const, 'same-origin' as const, 'include' as const), { nil: undefined }),
      redirect: fc.oneof({ weight: 6, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.constantFrom('follow' as const, 'manual' as const, 'error' as const) }),
    })
    .map(({ host, suffix, origin, method, headers, body, bodyOnGet, mode, credentials, redirect }) => {
      const upper = (method ?? 'GET').toUpperCase();
      // A GET or HEAD with a body is a typed error; keep it to one run in twenty.
      const keepBody = !(upper === 'GET' || upper === 'HEAD') || bodyOnGet === 0;
      return { url: `${host}/h0${suffix}`, origin, method, headers, body: keepBody ? body : { kind: 'none' }, mode, credentials, redirect };
    });
}

const faultArb: fc.Arbitrary<Fault> = fc.record({
  at: fc.nat(3),
  kind: fc.constantFrom<FaultKind>(
    'throw-error', 'throw-transport-error', 'throw-string', 'return-null', 'return-string', 'status-0', 'status-1000', 'status-fraction',
    'status-string', 'headers-missing', 'header-entry-numbers', 'header-entry-short', 'body-string', 'body-missing', 'status-text-number',
    'hang', 'reject-on-abort',
  ),
});

export function scenarioArb(options: GenOptions): fc.Arbitrary<Scenario> {
  return fc.record({
    request: requestArb(options),
    hops: fc.array(hopArb(options), { minLength: 1, maxLength: 4 }),
    // A misbehaving transport in about one run in five.
    fault: options.wellFormed ? fc.constant(null) : fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: faultArb }),
  });
}

/**
 * The CORS filter's hard cases, for the exposure property: a simple GET from the page, in every credentials mode,
 * to an API that allows it and lists `*` or names in Access-Control-Expose-Headers (the same generators as above),
 * with ordinary headers to expose or hide (X-Total always) and random extra headers (which may still get it blocked).
 */
export function exposureScenarioArb(): fc.Arbitrary<Scenario> {
  return fc
    .record({
      credentials: fc.constantFrom('omit' as const, 'same-origin' as const, 'include' as const, 'include' as const),
      allowOrigin: fc.constantFrom(PAGE, PAGE, PAGE, '*'),
      expose: fc.oneof(allowList(EXPOSED), fc.constantFrom('*', '*, x-total', 'X-Request-Id , *'), listValue),
      plain: fc.subarray(PLAIN_HEADERS, { minLength: 1 }),
      extra: fc.array(headerArb({ wellFormed: true }), { maxLength: 3 }),
      body: bodyBytesArb,
    })
    .map(({ credentials, allowOrigin, expose, plain, extra, body }): Scenario => ({
      request: { url: 'https://api.example/h0', origin: PAGE, method: undefined, headers: undefined, body: { kind: 'none' }, mode: undefined, credentials, redirect: undefined },
      hops: [
        {
          preflight: null,
          response: {
            status: 200,
            statusText: 'OK',
            headers: [['Access-Control-Allow-Origin', allowOrigin], ['Access-Control-Allow-Credentials', 'true'], ['Access-Control-Expose-Headers', expose], ['X-Total', '3'], ...plain, ...extra],
            body,
          },
        },
      ],
      fault: null,
    }));
}

/** The same scenario with every request and response header name re-cased (values untouched). */
export function recaseScenario(s: Scenario, mask: Casing): Scenario {
  const answer = (a: Answer): Answer => ({ ...a, headers: a.headers.map(([n, v], i) => [recase(n, shift(mask, i * 7919)), v]) });
  const headers = s.request.headers && { ...s.request.headers, entries: recaseRequestHeaders(s.request.headers, mask) };
  return {
    ...s,
    request: { ...s.request, headers },
    hops: s.hops.map((h) => ({ preflight: h.preflight && answer(h.preflight), response: answer(h.response) })),
  };
}

/**
 * Request header names re-cased. A record's keys are re-cased one mask per name (byte-case-insensitively), and
 * left alone when two keys differ only in case: re-casing must not merge or split a record's entries, which would
 * be a different request rather than the same one spelled differently.
 */
function recaseRequestHeaders(spec: NonNullable<RequestSpec['headers']>, mask: Casing): Pairs {
  if (spec.form !== 'record') return spec.entries.map(([n, v], i): [string, string] => [recase(n, shift(mask, i * 104729)), v]);
  const effective = Object.entries(Object.fromEntries(spec.entries));
  const lower = effective.map(([n]) => n.toLowerCase());
  if (new Set(lower).size !== lower.length) return effective;
  return effective.map(([n, v]): [string, string] => [recase(n, mask), v]);
}

/** A different mask per header, so two headers are not re-cased alike. */
function shift(mask: Casing, by: number): Casing {
  return typeof mask === 'number' ? (mask + by) | 0 : mask;
}

// ---------------------------------------------------------------------------------------------------------------
// Building requests and serving answers

/** A fresh `CorsRequest` for a spec (streams and FormData are single-use). */
export function buildRequest(spec: RequestSpec): CorsRequest {
  const request: CorsRequest = { url: spec.url, origin: spec.origin };
  if (spec.method !== undefined) request.method = spec.method;
  if (spec.headers !== undefined) request.headers = buildHeaders(spec.headers);
  if (spec.body.kind !== 'none') request.body = buildBody(spec.body);
  if (spec.mode !== undefined) request.mode = spec.mode;
  if (spec.credentials !== undefined) request.credentials = spec.credentials;
  if (spec.redirect !== undefined) request.redirect = spec.redirect;
  return request;
}

function buildHeaders(spec: NonNullable<RequestSpec['headers']>): CorsRequest['headers'] {
  if (spec.form === 'record') return Object.fromEntries(spec.entries);
  if (spec.form === 'pairs') return spec.entries.map(([n, v]): [string, string] => [n, v]);
  try {
    return new Headers(spec.entries);
  } catch {
    // `Headers` itself refuses an invalid name or value (a TypeError from the platform, before corsproof runs):
    // pass the same entries as pairs, so corsproof is the one to see them.
    return spec.entries.map(([n, v]): [string, string] => [n, v]);
  }
}

function buildBody(spec: BodySpec): BodyInit | null {
  switch (spec.kind) {
    case 'none':
    case 'null':
      return null;
    case 'string':
      return spec.text;
    case 'bytes':
      return new Uint8Array(spec.bytes);
    case 'arraybuffer':
      return new Uint8Array(spec.bytes).buffer;
    case 'dataview':
      return new DataView(new Uint8Array(spec.bytes).buffer);
    case 'int16array':
      return new Int16Array(spec.values);
    case 'blob':
      return new Blob(spec.parts, { type: spec.type });
    case 'urlsearchparams':
      return new URLSearchParams(spec.entries);
    case 'formdata': {
      const form = new FormData();
      for (const [n, v] of spec.entries) form.append(n, v);
      if (spec.file) form.append('file', new Blob([spec.file.content], { type: spec.file.type }), spec.file.name);
      return form;
    }
    case 'stream': {
      const chunks = spec.chunks.map((c) => encoder.encode(c));
      return new ReadableStream<Uint8Array>({
        start(controller) {
          for (const chunk of chunks) controller.enqueue(chunk);
          controller.close();
        },
      });
    }
    case 'huge':
      return 'b'.repeat(spec.size);
  }
}

const NOT_FOUND: Answer = { status: 404, statusText: 'Not Found', headers: [['Content-Type', 'text/plain']], body: encoder.encode('no such hop') };

/** A preflight as a server recognizes it: OPTIONS with Access-Control-Request-Method. */
export function isPreflight(method: string, headerNames: readonly string[]): boolean {
  return method === 'OPTIONS' && headerNames.some((n) => n.toLowerCase() === 'access-control-request-method');
}

/** The hop answer for one request: by path `/h<k>`, the preflight answer for a preflight. */
export function answerFor(hops: readonly Hop[], method: string, url: string, headerNames: readonly string[]): Answer {
  const match = /^\/h(\d+)$/.exec(new URL(url).pathname);
  const hop = match ? hops[Number(match[1])] : undefined;
  if (!hop) return NOT_FOUND;
  return isPreflight(method, headerNames) && hop.preflight ? hop.preflight : hop.response;
}

/** One call the transport received, and what it answered (absent when it faulted). */
export interface Served {
  method: string;
  url: string;
  preflight: boolean;
  answer?: Answer;
}

/** A `Transport` serving the scenario's hops, recording every call; the fault (if any) fires on its call. */
export function scriptedTransport(s: Scenario): { transport: Transport; served: Served[] } {
  const served: Served[] = [];
  const transport: Transport = {
    name: 'scripted',
    async send(wire: WireRequest, { signal }): Promise<WireResponse> {
      const call = served.length;
      const names = wire.headers.map(([n]) => n);
      const record: Served = { method: wire.method, url: wire.url, preflight: isPreflight(wire.method, names) };
      served.push(record);
      const answer = answerFor(s.hops, wire.method, wire.url, names);
      const response: WireResponse = { status: answer.status, statusText: answer.statusText, headers: answer.headers.map(([n, v]) => [n, v]), body: answer.body };
      if (s.fault && s.fault.at === call) return misbehave(s.fault.kind, response, signal);
      record.answer = answer;
      return response;
    },
  };
  return { transport, served };
}

/** What a broken transport does instead of answering. Typed loosely on purpose: these break the contract. */
function misbehave(kind: FaultKind, response: WireResponse, signal: AbortSignal): Promise<WireResponse> {
  const bad = (value: unknown) => Promise.resolve(value as WireResponse);
  switch (kind) {
    case 'throw-error':
      return Promise.reject(new Error('socket hang up'));
    case 'throw-transport-error':
      return Promise.reject(new TransportError('network', 'connect ECONNREFUSED 127.0.0.1:1'));
    case 'throw-string':
      return Promise.reject('boom');
    case 'return-null':
      return bad(null);
    case 'return-string':
      return bad('HTTP/1.1 200 OK');
    case 'status-0':
      return bad({ ...response, status: 0 });
    case 'status-1000':
      return bad({ ...response, status: 1000 });
    case 'status-fraction':
      return bad({ ...response, status: 200.5 });
    case 'status-string':
      return bad({ ...response, status: '200' });
    case 'headers-missing':
      return bad({ ...response, headers: undefined });
    case 'header-entry-numbers':
      return bad({ ...response, headers: [...response.headers, [1, 2]] });
    case 'header-entry-short':
      return bad({ ...response, headers: [...response.headers, ['x-a']] });
    case 'body-string':
      return bad({ ...response, body: 'not bytes' });
    case 'body-missing':
      return bad({ ...response, body: undefined });
    case 'status-text-number':
      return bad({ ...response, statusText: 404 });
    case 'hang':
      return new Promise<WireResponse>(() => {});
    case 'reject-on-abort':
      return new Promise<WireResponse>((_, reject) => signal.addEventListener('abort', () => reject(signal.reason), { once: true }));
  }
}

/** The simulate() timeout for a scenario: short when the transport is going to hang, so a run costs milliseconds. */
export function deadlineFor(s: Scenario): number | undefined {
  return s.fault?.kind === 'hang' || s.fault?.kind === 'reject-on-abort' ? 5 : undefined;
}

/** A platform `Response` for an answer, built the way a fetch handler would (headers appended one by one). */
export function platformResponse(answer: Answer): Response {
  const headers = new Headers();
  for (const [name, value] of answer.headers) headers.append(name, value);
  return new Response(answer.body.byteLength === 0 ? null : new Uint8Array(answer.body), { status: answer.status, statusText: answer.statusText, headers });
}

/** https://fetch.spec.whatwg.org/#null-body-status: a `Response` with one of these cannot have a body. */
const NULL_BODY_STATUSES = [101, 103, 204, 205, 304];
const normalizeValue = (value: string) => value.replace(/^[\t\n\r ]+|[\t\n\r ]+$/g, '');

/**
 * A `Response` only hands over combined values (one per name, joined with `, `), and undici's header iterator
 * trims the combined value: `x-a: 1` then `x-a: ` reads `1,` through a fetch handler, where the Fetch Standard's
 * "get" on the wire list gives `1, `. So a repeated name whose last value is empty gets its empty values first
 * (`x-a: ` then `x-a: 1`, read `, 1` both ways), or one empty value when all are empty.
 */
function losslessRepeats(headers: Pairs): Pairs {
  const groups = new Map<string, Pairs>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (key !== 'set-cookie') groups.set(key, [...(groups.get(key) ?? []), [name, value]]);
  }
  const out: Pairs = [];
  const moved = new Set<string>();
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    const group = groups.get(key);
    if (!group || group.length < 2 || normalizeValue(group[group.length - 1][1]) !== '') {
      out.push([name, value]);
      continue;
    }
    if (moved.has(key)) continue;
    moved.add(key);
    const empty = group.filter(([, v]) => normalizeValue(v) === '');
    const full = group.filter(([, v]) => normalizeValue(v) !== '');
    out.push(...(full.length > 0 ? [...empty, ...full] : [empty[0]]));
  }
  return out;
}

/**
 * The scenario as any fetch handler can serve it, the same for both transports compared: no body on a null-body
 * status, and repeated headers in an order a `Response` carries without loss (see losslessRepeats).
 */
export function servableByFetchHandler(s: Scenario): Scenario {
  const fit = (a: Answer): Answer => ({ ...a, headers: losslessRepeats(a.headers), body: NULL_BODY_STATUSES.includes(a.status) ? new Uint8Array(0) : a.body });
  return { ...s, hops: s.hops.map((h) => ({ preflight: h.preflight && fit(h.preflight), response: fit(h.response) })) };
}

const ENGINE_NAMES = ['chromium', 'firefox', 'webkit', 'spec'] as const;

/**
 * Whether every answer of the scenario can be a platform `Response` (status 200-599, valid header names, ...)
 * with a head on the same side of every engine's size limit.
 */export function representableAsResponses(s: Scenario): boolean {
  try {
    for (const hop of s.hops) {
      for (const answer of hop.preflight ? [hop.preflight, hop.response] : [hop.response]) {
        if (!sameSideOfHeadLimits(answer, platformResponse(answer))) return false;
      }
    }
    return true;
  } catch {
    return false;
  }
}

/**
 * A `Response` combines repeated names and trims values, so its head is a few bytes shorter than the header list
 * it was built from: when an engine's head limit falls between the two sizes, no Response carries the answer's
 * head size, and that engine may rightly judge the two differently.
 */
function sameSideOfHeadLimits(answer: Answer, response: Response): boolean {
  const wire = responseHeadBytes({ status: answer.status, statusText: answer.statusText, headers: answer.headers, body: answer.body } as WireResponse);
  const carried = responseHeadBytes({ status: response.status, statusText: response.statusText, headers: [...response.headers], body: answer.body } as WireResponse);
  return ENGINE_NAMES.every((name) => {
    const limit = getEngine(name).maxResponseHeadBytes;
    return wire > limit === carried > limit;
  });
}

/** A fetch handler `(Request) => Response` serving the scenario's hops (faults are for the Transport contract only). */
export function scriptedFetchHandler(s: Scenario): (request: Request) => Response {
  return (request) => platformResponse(answerFor(s.hops, request.method, request.url, [...request.headers.keys()]));
}
