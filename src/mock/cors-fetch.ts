/**
 * A `fetch` for frontend tests that enforces CORS like the browser: the request goes to a target (MSW handlers,
 * an app, a fetch handler, a URL) through the emulator, and script gets what the browser would give it —
 * a filtered `Response`, or the browser's `TypeError` when CORS blocks it.
 */
import { simulate } from '../simulate.js';
import { getEngine } from '../engines/index.js';
import { InvalidArgumentError } from '../errors.js';
import { parseOrigin } from '../arguments/origin.js';
import { PreflightCache } from '../emulator/preflight-cache.js';
import { toTransport, type Target } from '../transports/index.js';
import type { CorsRequest, EngineName, Verdict } from '../types.js';
import { fetchNetworkError, reportBlocked, resolveOnBlocked, type OnBlocked } from './blocked.js';
import { headerList, pickCredentials, pickMode, pickRedirect } from './page-request.js';
import { toPageResponse } from './page-response.js';
import type { DefinedCorsPolicy } from '../policy/define.js';
import type { CorsPolicy } from './policy.js';
import { withPolicy } from './policy-transport.js';

export interface CorsFetchOptions {
  /** The page's origin, e.g. `https://app.example`. Relative URLs resolve against it, as on the page. */
  origin: string;
  /** Where requests go: anything `toTransport` accepts (MSW handlers, an app, a fetch handler, a URL). */
  target: Target;
  /** Default `chromium`. */
  engine?: EngineName;
  /** Keep preflights cached across calls like one page does (default), or `false` for a fresh cache per call. */
  preflightCache?: PreflightCache | false;
  /**
   * What happens besides the rejection when a request is blocked: `'error'` (default: `console.error` of the
   * browser's console message), `'warn'`, `'silent'`, `'throw'` (reject with a `CorsError` whose message is the
   * console message), or a function given the verdict.
   */
  onBlocked?: OnBlocked;
  timeoutMs?: number;
  /**
   * The CORS policy the target follows (`defineCorsPolicy(...)` or a `corsHandler` policy object): preflights
   * answered from it, its CORS headers on every response, whatever the target itself sends (see
   * docs/policy.md). Without it, the target's own headers are what the page gets.
   */
  policy?: CorsPolicy | DefinedCorsPolicy;
}

/** The `TypeError` a blocked `fetch()` rejects with: the engine's words, no `cause`; `verdict` (not enumerable) says why. */
export interface CorsFetchError extends TypeError {
  readonly verdict: Verdict;
}

export function createCorsFetch(options: CorsFetchOptions): (input: string | URL | Request, init?: RequestInit) => Promise<Response> {
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('options', 'expected { origin, target }', "Pass e.g. { origin: 'https://app.example', target: handlers }.");
  }
  const origin = parseOrigin(options.origin, 'options.origin');
  const profile = getEngine(options.engine ?? 'chromium', 'options.engine');
  const engine = profile.name;
  const target = options.target;
  // A URL target is its own base; in-process targets answer on the page's origin for relative URLs.
  const own = typeof target === 'string' || target instanceof URL ? toTransport(target) : toTransport(target, { baseUrl: origin });
  const transport = options.policy === undefined ? own : withPolicy(options.policy, own);
  const cache = options.preflightCache === false ? undefined : options.preflightCache ?? new PreflightCache();
  const onBlocked = resolveOnBlocked(options.onBlocked, 'options.onBlocked');

  return async function corsFetch(input, init) {
    const request = await toCorsRequest(input, init, origin);
    const verdict = await simulate(request, { transport, engine, preflightCache: cache, timeoutMs: options.timeoutMs });
    if (!verdict.allowed || !verdict.response) {
      if (onBlocked !== 'throw') reportBlocked(verdict, onBlocked);
      throw fetchNetworkError(verdict, profile, onBlocked);
    }
    return toPageResponse(verdict.response);
  };
}

/** The request a page's `fetch(input, init)` makes, read without the page's classes (some environments lack them). */
async function toCorsRequest(input: string | URL | Request, init: RequestInit | undefined, origin: string): Promise<CorsRequest> {
  const base = isRequestLike(input) ? input : undefined;
  const url = base ? base.url : input instanceof URL ? input.href : new URL(String(input), `${origin}/`).href;
  let body: RequestInit['body'] = init?.body;
  if (body === undefined && base && base.body) body = new Uint8Array(await base.clone().arrayBuffer());
  const headers = init?.headers !== undefined ? headerList(init.headers) : base ? headerList(base.headers) : undefined;
  return {
    url,
    origin,
    method: init?.method ?? base?.method ?? 'GET',
    ...(headers ? { headers } : {}),
    ...(body !== undefined && body !== null ? { body } : {}),
    mode: pickMode(init?.mode ?? base?.mode),
    credentials: pickCredentials(init?.credentials ?? base?.credentials),
    redirect: pickRedirect(init?.redirect ?? base?.redirect),
  };
}

function isRequestLike(value: unknown): value is Request {
  return typeof value === 'object' && value !== null && !(value instanceof URL) && typeof (value as Request).url === 'string' && typeof (value as Request).method === 'string';
}
