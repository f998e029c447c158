/**
 * The request a user passes to `simulate()` (and, through it, to the matchers, the mocks and the CLI), checked
 * for what no browser would accept from script either way: unknown options, a page origin that is not an origin,
 * a URL that does not resolve, a method or header that is not HTTP, a body that is not a body. Each mistake is a
 * typed error that names the argument and the fix. What a browser refuses at `fetch()` with a TypeError (a
 * forbidden method, a non-safelisted method in `no-cors`) is not a mistake here: the emulator blocks it.
 */
import { InvalidArgumentError } from '../errors.js';
import { isHeaderName, isHeaderValue, isMethod, normalizeHeaderValue } from '../spec/http.js';
import type { CorsRequest, RequestCredentials_, RequestMode, RequestRedirect_ } from '../types.js';
import { parseOrigin } from './origin.js';

/** A request whose every field has a valid shape; header values are normalized (leading/trailing whitespace). */
export interface CheckedRequest {
  url: string;
  origin: string;
  method: string;
  headers: Array<[string, string]>;
  body: unknown;
  mode: RequestMode;
  credentials: RequestCredentials_;
  redirect: RequestRedirect_;
}

const MODES = new Set(['cors', 'no-cors', 'same-origin']);
const CREDENTIALS = new Set(['omit', 'same-origin', 'include']);
const REDIRECTS = new Set(['follow', 'manual', 'error']);
const KNOWN_KEYS = new Set(['url', 'origin', 'method', 'headers', 'body', 'mode', 'credentials', 'redirect']);

export function checkRequest(input: CorsRequest, baseUrl?: string): CheckedRequest {
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

  const method = input.method ?? 'GET';
  if (typeof method !== 'string' || !isMethod(method)) {
    const problem = typeof method === 'string' ? `'${method}' is not an HTTP method token` : `expected a string, got ${typeof method}`;
    throw new InvalidArgumentError('request.method', problem, "Pass a method such as 'GET' or 'PUT'.");
  }

  const headers: Array<[string, string]> = [];
  for (const [name, rawValue] of headerEntries(input.headers)) {
    const value = normalizeHeaderValue(rawValue);
    if (!isHeaderName(name)) {
      throw new InvalidArgumentError('request.headers', `'${name}' is not a valid header name`, 'Header names are HTTP tokens: letters, digits and !#$%&\'*+-.^_`|~, no spaces or colons.');
    }
    if (!isHeaderValue(value)) {
      throw new InvalidArgumentError('request.headers', `the value of '${name}' contains a NUL, CR, LF or non-Latin-1 character`, 'Remove control characters from header values.');
    }
    headers.push([name, value]);
  }

  const body = input.body;
  if (body !== undefined && body !== null && !isBodyInit(body)) {
    throw new InvalidArgumentError(
      'request.body',
      `a ${Object.prototype.toString.call(body).slice(8, -1)} is not a fetch body`,
      'Pass a string, Uint8Array, ArrayBuffer, Blob, FormData, URLSearchParams, ReadableStream or null.',
    );
  }
  if (body !== undefined && body !== null) {
    const upper = method.toUpperCase();
    if (upper === 'GET' || upper === 'HEAD') {
      throw new InvalidArgumentError('request.body', `a ${upper} request cannot have a body`, 'Drop the body or use POST/PUT/PATCH.');
    }
  }
  return { url, origin, method, headers, body, mode, credentials, redirect };
}

function isBodyInit(body: unknown): boolean {
  return (
    typeof body === 'string' ||
    body instanceof ArrayBuffer ||
    ArrayBuffer.isView(body) ||
    body instanceof URLSearchParams ||
    body instanceof Blob ||
    body instanceof FormData ||
    body instanceof ReadableStream
  );
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
