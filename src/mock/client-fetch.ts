/**
 * The page's `fetch` under `enforceCors`: it records what the page's script asked for, lets the real client
 * (MSW's interception, the DOM library's own fetch) carry the request to MSW, and then gives script what the
 * gate decided, whatever that client made of it: the engine's `TypeError` for a blocked request, or a `Response`
 * with exactly the readable parts. Same-origin requests, and requests MSW handles itself, pass untouched.
 */
import type { EngineProfile } from '../engines/index.js';
import { fetchNetworkError, type OnBlocked } from './blocked.js';
import type { PageCall, PageCalls } from './page-calls.js';
import { headerList, pageBase, pickCredentials, pickMode, pickRedirect, resolvePageUrl, type PageRequest } from './page-request.js';
import { adoptResponse } from './page-response.js';

export interface ClientSettings {
  origin: string;
  engine: EngineProfile;
  onBlocked: OnBlocked;
  calls: PageCalls;
  /** The next number in the page's request order. */
  nextOrder(): number;
  /** False once disposed: the wrapper then only passes calls on. */
  active(): boolean;
}

type Fetch = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;

export function wrapFetch(inner: Fetch, settings: ClientSettings): Fetch {
  return async function fetch(input: RequestInfo | URL, init?: RequestInit): Promise<Response> {
    const page = settings.active() ? readFetchCall(input, init, settings.origin) : null;
    if (!page) return inner(input, init);
    const call: PageCall = { client: 'fetch', request: page, order: settings.nextOrder() };
    let result: { ok: true; response: Response } | { ok: false; error: unknown };
    try {
      result = { ok: true, response: await settings.calls.run(call, () => inner(input, init)) };
    } catch (error) {
      result = { ok: false, error };
    }
    const outcome = call.outcome;
    if (outcome?.kind !== 'verdict') {
      if (result.ok) return result.response;
      throw result.error;
    }
    const { verdict } = outcome;
    if (!verdict.allowed || !verdict.response) {
      // (The environment's answer is the gate's empty one: nothing to release. Cancelling happy-dom's body stream
      // would make it fail later, when its own source ends.)
      throw fetchNetworkError(verdict, settings.engine, settings.onBlocked);
    }
    // Allowed, but the environment's client failed on its own: that is not CORS, and the page would not see it.
    if (!result.ok) throw result.error;
    return adoptResponse(result.response, verdict.response);
  };
}

/** The page request a `fetch(input, init)` call makes, or null when it is not cross-origin http(s). */
export function readFetchCall(input: unknown, init: RequestInit | undefined, origin: string): PageRequest | null {
  const base = isRequestLike(input) ? input : undefined;
  const raw = base ? base.url : input instanceof URL ? input.href : typeof input === 'string' ? input : String(input);
  const url = resolvePageUrl(raw, pageBase(origin));
  if (url === null || new URL(url).origin === origin) return null;
  const method = String(init?.method ?? base?.method ?? 'GET').toUpperCase();
  const headers = init?.headers !== undefined ? headerList(init.headers) : base ? headerList(base.headers) : [];
  const hasBody = init?.body !== undefined && init.body !== null ? true : init?.body === undefined && base ? base.body !== null : false;
  return {
    url,
    method: normalizeMethod(method, String(init?.method ?? base?.method ?? 'GET')),
    headers,
    mode: pickMode(init?.mode ?? base?.mode),
    credentials: pickCredentials(init?.credentials ?? base?.credentials),
    redirect: pickRedirect(init?.redirect ?? base?.redirect),
    hasBody: hasBody && method !== 'GET' && method !== 'HEAD',
  };
}

/** `fetch()` upper-cases the standard methods only (https://fetch.spec.whatwg.org/#concept-method-normalize). */
function normalizeMethod(upper: string, given: string): string {
  return ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'POST', 'PUT'].includes(upper) ? upper : given;
}

function isRequestLike(value: unknown): value is Request {
  return (
    typeof value === 'object' &&
    value !== null &&
    !(value instanceof URL) &&
    typeof (value as Request).url === 'string' &&
    typeof (value as Request).method === 'string' &&
    typeof (value as Request).headers === 'object'
  );
}
