/**
 * A `fetch` for frontend tests that enforces CORS like the browser: the request goes to a target (MSW handlers,
 * an app, a fetch handler, a URL) through the emulator, and script gets what the browser would give it —
 * a filtered `Response`, or the browser's `TypeError` when CORS blocks it.
 */
import { simulate } from '../simulate.js';
import { getEngine } from '../engines/index.js';
import { InvalidArgumentError } from '../errors.js';
import { Headers, Request, Response } from '../fetch-api.js';
import { parseOrigin } from '../arguments/origin.js';
import { PreflightCache } from '../emulator/preflight-cache.js';
import { consoleMessage, fixSentence } from '../report/describe.js';
import { escapeTerminal } from '../report/terminal.js';
import { toTransport, type Target } from '../transports/index.js';
import type { CorsRequest, EngineName, FilteredResponse, Verdict } from '../types.js';

export interface CorsFetchOptions {
  /** The page's origin, e.g. `https://app.example`. Relative URLs resolve against it, as on the page. */
  origin: string;
  /** Where requests go: anything `toTransport` accepts (MSW handlers, an app, a fetch handler, a URL). */
  target: Target;
  /** Default `chromium`. */
  engine?: EngineName;
  /** Keep preflights cached across calls like one page does (default), or `false` for a fresh cache per call. */
  preflightCache?: PreflightCache | false;
  /** Called with the verdict of every blocked request. Default: `console.error` of the browser's console message. */
  onBlocked?: (verdict: Verdict) => void;
  timeoutMs?: number;
}


/** The `TypeError` a blocked `fetch()` rejects with; `verdict` says why. */
export interface CorsFetchError extends TypeError {
  verdict: Verdict;
}

export function createCorsFetch(options: CorsFetchOptions): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('options', 'expected { origin, target }', "Pass e.g. { origin: 'https://app.example', target: handlers }.");
  }
  const origin = parseOrigin(options.origin, 'options.origin');
  const profile = getEngine(options.engine ?? 'chromium');
  const engine = profile.name;
  const transport = toTransport(options.target, { baseUrl: origin });
  const cache = options.preflightCache === false ? undefined : options.preflightCache ?? new PreflightCache();
  // The message quotes what the server sent: escaped, so a test's output never carries its control bytes raw.
  const onBlocked = options.onBlocked ?? ((v: Verdict) => console.error(escapeTerminal(consoleMessage(v) || fixSentence(v))));

  return async function corsFetch(input, init) {
    const request = await toCorsRequest(input, init, origin);
    const verdict = await simulate(request, { transport, engine, preflightCache: cache, timeoutMs: options.timeoutMs });
    if (!verdict.allowed || !verdict.response) {
      onBlocked(verdict);
      const error = new TypeError(profile.fetchFailureMessage, { cause: verdict.reason }) as CorsFetchError;
      error.verdict = verdict;
      throw error;
    }
    return toResponse(verdict.response);
  };
}

async function toCorsRequest(input: string | URL | Request, init: RequestInit | undefined, origin: string): Promise<CorsRequest> {
  const base = input instanceof Request ? input : undefined;
  const url = base ? base.url : input instanceof URL ? input.href : new URL(String(input), `${origin}/`).href;
  let body: RequestInit['body'] = init?.body;
  if (body === undefined && base && base.body) body = await base.clone().arrayBuffer();
  const headers = init?.headers !== undefined ? new Headers(init.headers) : base ? base.headers : undefined;
  return {
    url,
    origin,
    method: init?.method ?? base?.method ?? 'GET',
    ...(headers ? { headers } : {}),
    ...(body !== undefined && body !== null ? { body } : {}),
    mode: pick(init?.mode ?? base?.mode, ['cors', 'no-cors', 'same-origin'], 'cors') as CorsRequest['mode'],
    credentials: (init?.credentials ?? base?.credentials ?? 'same-origin') as CorsRequest['credentials'],
    redirect: (init?.redirect ?? base?.redirect ?? 'follow') as CorsRequest['redirect'],
  };
}

function pick(value: string | undefined, allowed: string[], fallback: string): string {
  return value !== undefined && allowed.includes(value) ? value : fallback;
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/** A platform `Response` carrying what the filtered response exposes (type, status 0, url, redirected included). */
function toResponse(filtered: FilteredResponse): Response {
  const status = filtered.status;
  const constructible = status >= 200 && status <= 599;
  const body = NULL_BODY.has(status) || filtered.body.byteLength === 0 ? null : (filtered.body as Uint8Array<ArrayBuffer>);
  const response = new Response(body, { status: constructible ? status : 200, statusText: filtered.statusText, headers: filtered.headers });
  const define = (name: string, value: unknown) => Object.defineProperty(response, name, { value, enumerable: true });
  define('type', filtered.type);
  define('url', filtered.url);
  define('redirected', filtered.redirected);
  if (!constructible) {
    define('status', status);
    define('ok', false);
  }
  return response;
}
