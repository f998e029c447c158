/**
 * The request a user passes to `simulate()` (and, through it, to the matchers, the mocks and the CLI), checked
 * for what no browser would accept from script either way: unknown options, a page origin that is not an origin,
 * a URL that does not resolve, a method or header that is not HTTP, a body that is not a body. Each mistake is a
 * typed error that names the argument and the fix. What a browser refuses at `fetch()` with a TypeError (a
 * forbidden method, a non-safelisted method in `no-cors`) is not a mistake here: the emulator blocks it.
 */
import { InvalidArgumentError } from '../errors.js';
import { isHeaderName, isHeaderValue, isMethod, normalizeHeaderValue } from '../spec/http.js';
import type { AddressSpace, CorsRequest, LocalNetworkPermission, RequestCache_, RequestCredentials_, RequestMode, RequestRedirect_ } from '../types.js';
import { parseOrigin } from './origin.js';
import { parseUrl, resolveHref } from '../spec/url.js';

/** What a request says besides its URL, origin, method, headers and body: its modes and where the page is. */
export interface RequestSettings {
  mode: RequestMode;
  credentials: RequestCredentials_;
  redirect: RequestRedirect_;
  cache: RequestCache_;
  /** Local Network Access: the page's address space, when given. */
  addressSpace?: AddressSpace;
  /** fetch()'s targetAddressSpace, `private` read as `local`. */
  targetAddressSpace?: AddressSpace;
  localNetworkPermissions: Partial<Record<LocalNetworkPermission, 'granted' | 'denied'>>;
  addressSpaces?: Record<string, AddressSpace>;
}


/** A request whose every field has a valid shape; header values are normalized (leading/trailing whitespace). */
export interface CheckedRequest extends RequestSettings {
  url: string;
  origin: string;
  method: string;
  headers: Array<[string, string]>;
  body: unknown;
}

const MODES = new Set(['cors', 'no-cors', 'same-origin']);
const CREDENTIALS = new Set(['omit', 'same-origin', 'include']);
const REDIRECTS = new Set(['follow', 'manual', 'error']);
const CACHE_MODES = new Set(['default', 'no-store', 'reload', 'no-cache', 'force-cache', 'only-if-cached']);
const KNOWN_KEYS = new Set([
  'url', 'origin', 'method', 'headers', 'body', 'mode', 'credentials', 'redirect', 'cache', 'addressSpace', 'targetAddressSpace',
  'localNetworkPermissions', 'addressSpaces',
]);
const ADDRESS_SPACES = new Set(['public', 'local', 'loopback']);
const TARGET_ADDRESS_SPACES = new Set(['public', 'local', 'loopback', 'private']);
const PERMISSIONS = new Set(['local-network', 'loopback-network']);
const PERMISSION_STATES = new Set(['granted', 'denied']);

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
  const cache = pick(input.cache, 'default', CACHE_MODES, 'request.cache') as RequestCache_;
  // new Request() step 29: "If request's cache mode is "only-if-cached" and request's mode is not "same-origin",
  // then throw a TypeError."
  if (cache === 'only-if-cached' && mode !== 'same-origin') {
    throw new InvalidArgumentError('request.cache', "'only-if-cached' needs mode 'same-origin'", "Use mode: 'same-origin' with cache: 'only-if-cached', or another cache mode.");
  }
  const addressSpace = input.addressSpace === undefined ? undefined : (pick(input.addressSpace, 'public', ADDRESS_SPACES, 'request.addressSpace') as AddressSpace);
  const target = input.targetAddressSpace === undefined ? undefined : pick(input.targetAddressSpace, 'public', TARGET_ADDRESS_SPACES, 'request.targetAddressSpace');
  const localNetworkPermissions = record(input.localNetworkPermissions, 'request.localNetworkPermissions', PERMISSIONS, PERMISSION_STATES) as CheckedRequest['localNetworkPermissions'];
  const addressSpaces = input.addressSpaces === undefined ? undefined : (record(input.addressSpaces, 'request.addressSpaces', null, ADDRESS_SPACES) as Record<string, AddressSpace>);

  const method = input.method ?? 'GET';
  if (typeof method !== 'string' || !isMethod(method)) {
    const problem = typeof method === 'string' ? `'${method}' is not an HTTP method token` : `expected a string, got ${typeof method}`;
    throw new InvalidArgumentError('request.method', problem, "Pass a method such as 'GET' or 'PUT'.");
  }

  // headerEntries makes the list's pairs; each value is normalized in place.
  const headers = headerEntries(input.headers);
  for (const pair of headers) {
    const name = pair[0];
    const value = normalizeHeaderValue(pair[1]);
    if (!isHeaderName(name)) {
      throw new InvalidArgumentError('request.headers', `'${name}' is not a valid header name`, 'Header names are HTTP tokens: letters, digits and !#$%&\'*+-.^_`|~, no spaces or colons.');
    }
    if (!isHeaderValue(value)) {
      throw new InvalidArgumentError('request.headers', `the value of '${name}' contains a NUL, CR, LF or non-Latin-1 character`, 'Remove control characters from header values.');
    }
    pair[1] = value;
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
  // (Optional fields set one by one, not spread from literals: this runs for every simulated request.)
  const checked: CheckedRequest = { url, origin, method, headers, body, mode, credentials, redirect, cache, localNetworkPermissions };
  if (addressSpace !== undefined) checked.addressSpace = addressSpace;
  if (target !== undefined) checked.targetAddressSpace = (target === 'private' ? 'local' : target) as AddressSpace;
  if (addressSpaces !== undefined) checked.addressSpaces = addressSpaces;
  return checked;
}

/** A plain object whose keys (if `keys`) and values come from fixed sets. */
function record(value: unknown, argument: string, keys: Set<string> | null, values: Set<string>): Record<string, string> {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    const given = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new InvalidArgumentError(argument, `expected an object, got ${given}`, `Pass e.g. { '${keys ? [...keys][0] : 'https://router.local'}': '${[...values][0]}' }.`);
  }
  for (const [k, v] of Object.entries(value)) {
    if (keys && !keys.has(k)) throw new InvalidArgumentError(argument, `'${k}' is not one of ${[...keys].map((x) => `'${x}'`).join(', ')}`, `Use ${[...keys].map((x) => `'${x}'`).join(' or ')}.`);
    if (typeof v !== 'string' || !values.has(v)) throw new InvalidArgumentError(`${argument}['${k}']`, `'${String(v)}' is not allowed`, `Use one of: ${[...values].map((x) => `'${x}'`).join(', ')}.`);
  }
  return value as Record<string, string>;
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
  let href: string;
  try {
    href = resolveHref(String(input), baseUrl);
  } catch {
    throw new InvalidArgumentError(
      'request.url',
      `'${String(input)}' is not an absolute URL${baseUrl ? ` and does not resolve against '${baseUrl}'` : ' and this target has no base URL'}`,
      "Pass a URL with a scheme, e.g. 'https://api.example/items', or a path with a target that has a base URL.",
    );
  }
  const { protocol } = parseUrl(href);
  if (protocol !== 'http:' && protocol !== 'https:') {
    throw new InvalidArgumentError('request.url', `'${href}' uses ${protocol}, not http: or https:`, 'CORS applies to HTTP(S) URLs; pass an http: or https: URL.');
  }
  return href;
}

/** The request's headers as (name, value) pairs, in order (no generator: this runs for every simulated request). */
function headerEntries(headers: CorsRequest['headers']): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  if (headers === undefined || headers === null) return out;
  if (typeof headers !== 'object') {
    throw new InvalidArgumentError('request.headers', `expected an object, Headers or [name, value] pairs, got ${typeof headers}`, "Pass e.g. { 'content-type': 'application/json' }.");
  }
  // Arrays of pairs, `Headers` (which iterates as lower-cased, combined pairs) and any other iterable of pairs.
  if (Symbol.iterator in headers) {
    for (const pair of headers as Iterable<readonly [string, string]>) {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new InvalidArgumentError('request.headers', 'each entry must be a [name, value] pair', "Pass e.g. [['x-csrf-token', 'abc']].");
      }
      out.push([String(pair[0]), String(pair[1])]);
    }
    return out;
  }
  for (const name in headers as Record<string, unknown>) {
    if (!Object.hasOwn(headers, name)) continue;
    const value = (headers as Record<string, unknown>)[name];
    if (value === undefined) continue;
    out.push([name, String(value)]);
  }
  return out;
}
