/**
 * What the page sent: the request a page's script made, as the emulator judges it. A client wrapper (fetch,
 * XMLHttpRequest) records it when the page calls; the request MSW intercepts then only lends its body (the
 * client serialised it the platform's way). For requests no wrapper saw (Node's http clients), the intercepted
 * request is all there is, less the headers those clients add on their own.
 */
import type { RequestCredentials_, RequestMode, RequestRedirect_ } from '../types.js';

export type HeaderList = Array<[string, string]>;

/** One request of the page, as the page's script asked for it. */
export interface PageRequest {
  url: string;
  method: string;
  /** The author headers: what the page's script set, nothing a client or MSW added. */
  headers: HeaderList;
  mode: RequestMode;
  credentials: RequestCredentials_;
  redirect: RequestRedirect_;
  /** Whether the page sent a body (its bytes and implied Content-Type come from the intercepted request). */
  hasBody: boolean;
}

/** Headers as script can pass them: a `Headers` (any realm), pairs, or a record. Names and values as given. */
export function headerList(init: unknown): HeaderList {
  const out: HeaderList = [];
  if (init === undefined || init === null) return out;
  if (typeof init !== 'object') return out;
  const withForEach = init as { forEach?: (cb: (value: string, name: string) => void) => void; entries?: unknown };
  if (!Array.isArray(init) && typeof withForEach.forEach === 'function' && typeof (init as Headers).get === 'function') {
    withForEach.forEach((value, name) => out.push([name, String(value)]));
    return out;
  }
  if (Symbol.iterator in (init as object)) {
    for (const pair of init as Iterable<unknown>) {
      if (Array.isArray(pair) && pair.length === 2) out.push([String(pair[0]), String(pair[1])]);
    }
    return out;
  }
  for (const [name, value] of Object.entries(init as Record<string, unknown>)) {
    if (value !== undefined) out.push([name, String(value)]);
  }
  return out;
}

/** Headers every Node HTTP client adds by itself, which no page's script sets (the forbidden ones aside). */
const NODE_CLIENT_HEADERS = new Set(['user-agent']);

/**
 * A page request read off an intercepted request nobody recorded (a Node http client, or a client that kept a
 * reference to `fetch` from before `enforceCors`): forbidden headers are dropped by the emulator as a browser
 * drops them; `User-Agent`, which every Node client adds, is dropped here; the mode comes from undici's
 * `Sec-Fetch-Mode` when present; a `Cookie` header means the client sends credentials.
 */
export function pageRequestOf(request: Request): PageRequest {
  const headers: HeaderList = [];
  let fetchMode: string | null = null;
  let cookie = false;
  request.headers.forEach((value, name) => {
    const lower = name.toLowerCase();
    if (lower === 'sec-fetch-mode') fetchMode = value;
    if (lower === 'cookie') cookie = true;
    if (!NODE_CLIENT_HEADERS.has(lower)) headers.push([name, value]);
  });
  const mode = pickMode(fetchMode ?? safeRead(() => request.mode));
  const credentials = cookie ? 'include' : pickCredentials(safeRead(() => request.credentials));
  return {
    url: request.url,
    method: request.method,
    headers,
    mode,
    credentials,
    redirect: 'follow',
    hasBody: request.body !== null && request.method !== 'GET' && request.method !== 'HEAD',
  };
}

function safeRead<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export function pickMode(value: unknown): RequestMode {
  return value === 'no-cors' || value === 'same-origin' ? value : 'cors';
}

export function pickCredentials(value: unknown): RequestCredentials_ {
  return value === 'include' || value === 'omit' ? value : 'same-origin';
}

export function pickRedirect(value: unknown): RequestRedirect_ {
  return value === 'manual' || value === 'error' ? value : 'follow';
}

/** The URL `input` resolves to on the page, or null when it is not an absolute http(s) URL there. */
export function resolvePageUrl(input: string, base: string | undefined): string | null {
  try {
    const url = new URL(input, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

/** The page's base URL for relative URLs: the document's, else `origin/`. */
export function pageBase(origin: string): string {
  const doc = (globalThis as { document?: { baseURI?: string } }).document;
  const loc = (globalThis as { location?: { href?: string } }).location;
  const base = doc?.baseURI ?? loc?.href;
  return typeof base === 'string' && /^https?:/.test(base) ? base : `${origin}/`;
}

export function originOfUrl(url: string): string {
  return new URL(url).origin;
}
