/**
 * Turning the user's `CorsRequest` into the request the fetch algorithm runs on, the way `new Request()` and
 * `fetch()` do: https://fetch.spec.whatwg.org/#dom-request (steps on method, mode, headers guard, body).
 * User mistakes (an origin with a path, a relative URL without a base, an invalid header name) are typed
 * errors; what a browser rejects with a TypeError at fetch() becomes a blocked verdict.
 */
import { InvalidArgumentError } from '../errors.js';
import type { EngineProfile } from '../engines/index.js';
import { isHeaderName, isHeaderValue, isMethod, normalizeHeaderValue } from '../spec/http.js';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from '../spec/methods.js';
import { parseOrigin } from '../spec/origin.js';
import { isForbiddenRequestHeader, isNoCorsSafelistedRequestHeader } from '../spec/request-headers.js';
import type { CorsRequest, ReasonCode, RequestCredentials_, RequestMode, RequestRedirect_ } from '../types.js';
import { extractBody } from './body.js';

export interface PreparedRequest {
  url: string;
  origin: string;
  method: string;
  /** Author headers after the guard ("request" or "request-no-cors") filtered them. */
  headers: Array<[string, string]>;
  body: Uint8Array | null;
  mode: RequestMode;
  credentials: RequestCredentials_;
  redirect: RequestRedirect_;
}

export type Prepared = { ok: true; request: PreparedRequest } | { ok: false; code: ReasonCode; hint: string; url: string; origin: string };

const MODES = new Set(['cors', 'no-cors', 'same-origin']);
const CREDENTIALS = new Set(['omit', 'same-origin', 'include']);
const REDIRECTS = new Set(['follow', 'manual', 'error']);
const KNOWN_KEYS = new Set(['url', 'origin', 'method', 'headers', 'body', 'mode', 'credentials', 'redirect']);

export async function prepareRequest(input: CorsRequest, engine: EngineProfile, baseUrl?: string): Promise<Prepared> {
  if (input === null || typeof input !== 'object') {
    throw new InvalidArgumentError('request', `expected an object, got ${input === null ? 'null' : typeof input}`, "Pass { url, origin, method?, headers?, ... }.");
  }
  for (const key of Object.keys(input)) {
    if (!KNOWN_KEYS.has(key)) {
      throw new InvalidArgumentError(`request.${key}`, 'unknown option', `Known request options: ${[...KNOWN_KEYS].join(', ')}.`);
    }
  }
  const origin = parseOrigin(input.origin, 'request.origin');
  const url = resolveUrl(input.url, baseUrl);
  const mode = pick(input.mode, 'cors', MODES, 'request.mode') as RequestMode;
  const credentials = pick(input.credentials, 'same-origin', CREDENTIALS, 'request.credentials') as RequestCredentials_;
  const redirect = pick(input.redirect, 'follow', REDIRECTS, 'request.redirect') as RequestRedirect_;

  const rawMethod = input.method ?? 'GET';
  if (typeof rawMethod !== 'string' || !isMethod(rawMethod)) {
    const problem = typeof rawMethod === 'string' ? `'${rawMethod}' is not an HTTP method token` : `expected a string, got ${typeof rawMethod}`;
    throw new InvalidArgumentError('request.method', problem, "Pass a method such as 'GET' or 'PUT'.");
  }
  // new Request() step 5.3: "If parsedURL includes credentials, then throw a TypeError." (Recorded: all three
  // engines throw before anything is sent, for a user name alone too.)
  if (url.includes('@') && hasCredentials(url)) return { ok: false, code: 'CredentialsInUrl', hint: '', url, origin };
  // new Request() step 25: "If init["method"] exists ... If method is a forbidden method, then throw a TypeError."
  if (isForbiddenMethod(rawMethod)) return { ok: false, code: 'ForbiddenMethod', hint: rawMethod.toUpperCase(), url, origin };
  const method = normalizeMethod(rawMethod);
  // Step 30: "If this's request's mode is "no-cors", then: If this's request's method is not a CORS-safelisted
  // method, then throw a TypeError."
  if (mode === 'no-cors' && !isCorsSafelistedMethod(method)) return { ok: false, code: 'MethodNotAllowedInNoCors', hint: method, url, origin };

  // Headers guard: "request" drops forbidden request-headers; "request-no-cors" keeps only no-CORS-safelisted ones.
  const headers: Array<[string, string]> = [];
  for (const [rawName, rawValue] of headerEntries(input.headers)) {
    const value = normalizeHeaderValue(rawValue);
    if (!isHeaderName(rawName)) {
      throw new InvalidArgumentError('request.headers', `'${rawName}' is not a valid header name`, 'Header names are HTTP tokens: letters, digits and !#$%&\'*+-.^_`|~, no spaces or colons.');
    }
    if (!isHeaderValue(value)) {
      throw new InvalidArgumentError('request.headers', `the value of '${rawName}' contains a NUL, CR, LF or non-Latin-1 character`, 'Remove control characters from header values.');
    }
    const lower = rawName.toLowerCase();
    if (isForbiddenRequestHeader(lower, value) || engine.extraForbiddenRequestHeaders.has(lower)) continue;
    if (mode === 'no-cors') {
      // https://fetch.spec.whatwg.org/#concept-headers-append: guard "request-no-cors": if name is not a
      // no-CORS-safelisted request-header (checked on the combined value), return.
      const existing = headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
      const combined = existing.length ? `${existing.join(', ')}, ${value}` : value;
      if (!isNoCorsSafelistedRequestHeader(lower, combined)) continue;
    }
    headers.push([rawName, value]);
  }

  const { bytes, type } = await extractBody(input.body);
  if (bytes !== null && (method === 'GET' || method === 'HEAD')) {
    throw new InvalidArgumentError('request.body', `a ${method} request cannot have a body`, 'Drop the body or use POST/PUT/PATCH.');
  }
  // fetch() / new Request() step 36.4: "If type is non-null and this's headers's header list does not contain
  // `Content-Type`, then append (`Content-Type`, type) to this's headers."
  if (type !== null && !headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['Content-Type', type]);

  return { ok: true, request: { url, origin, method, headers, body: bytes, mode, credentials, redirect } };
}

function hasCredentials(href: string): boolean {
  const url = new URL(href);
  return url.username !== '' || url.password !== '';
}

function pick(value: unknown, fallback: string, allowed: Set<string>, argument: string): string {
  if (value === undefined) return fallback;
  if (typeof value === 'string' && allowed.has(value)) return value;
  throw new InvalidArgumentError(argument, `'${String(value)}' is not allowed`, `Use one of: ${[...allowed].map((v) => `'${v}'`).join(', ')}.`);
}

function resolveUrl(input: unknown, baseUrl?: string): string {
  if (!(typeof input === 'string' || input instanceof URL)) {
    throw new InvalidArgumentError('request.url', `expected a string or URL, got ${input === null ? 'null' : typeof input}`, "Pass an absolute URL ('https://api.example/x') or a path ('/x') on an in-process target.");
  }
  let url: URL;
  try {
    url = new URL(String(input), baseUrl);
  } catch {
    throw new InvalidArgumentError(
      'request.url',
      `'${String(input)}' is not an absolute URL${baseUrl ? ` and does not resolve against '${baseUrl}'` : ' and this target has no base URL'}`,
      "Pass a URL with a scheme, e.g. 'https://api.example/items', or a path with a target that has a base URL.",
    );
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError('request.url', `'${url.href}' uses ${url.protocol}, not http: or https:`, 'CORS applies to HTTP(S) URLs; pass an http: or https: URL.');
  }
  return url.href;
}

function* headerEntries(headers: CorsRequest['headers']): Iterable<[string, string]> {
  if (headers === undefined || headers === null) return;
  if (typeof headers !== 'object') {
    throw new InvalidArgumentError('request.headers', `expected an object, Headers or [name, value] pairs, got ${typeof headers}`, "Pass e.g. { 'content-type': 'application/json' }.");
  }
  // Arrays of pairs, `Headers` (which iterates as lower-cased, combined pairs) and any other iterable of pairs.
  if (Symbol.iterator in headers) {
    for (const pair of headers as Iterable<readonly [string, string]>) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new InvalidArgumentError('request.headers', 'each entry must be a [name, value] pair', "Pass e.g. [['x-csrf-token', 'abc']].");
      }
      yield [String(pair[0]), String(pair[1])];
    }
    return;
  }
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (value === undefined) continue;
    yield [name, String(value)];
  }
}
