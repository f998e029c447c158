/**
 * `corsRoute(page | context, url, answer, options?)`: like `page.route`, but every cross-origin request the page
 * makes to `url` is judged as the running browser would judge it, against `answer` (anything `toTransport`
 * accepts: a fetch handler, MSW handlers such as `withCors(policy, handlers)`, an app). The preflight goes to
 * the same answer. Allowed: fulfilled with exactly what script may read. Blocked: aborted as the browser fails
 * it, and the test gets the reason, the browser's console message and the fix.
 */
import type { BrowserContext, Page, Request, Route } from '@playwright/test';
import { simulate } from '../simulate.js';
import { InvalidArgumentError } from '../errors.js';
import { consoleMessage, fixSentence } from '../report/describe.js';
import { combineHeader } from '../spec/header-list.js';
import { lastResponse } from '../emulator/exchanges.js';
import { isCorsSafelistedResponseHeaderName } from '../spec/response-headers.js';
import { PreflightCache } from '../emulator/preflight-cache.js';
import { toTransport, type Target } from '../transports/index.js';
import type { CorsRequest, EngineName, ReasonCode, Verdict } from '../types.js';
import { engineOfContext } from './engine.js';
import { NOTES_SCRIPT, noteKey, takeNote, type RequestNote } from './notes.js';
import { recorderOf } from './registry.js';
import type { DefinedCorsPolicy } from '../policy/define.js';
import type { CorsPolicy } from '../mock/policy.js';
import { withPolicy } from '../mock/policy-transport.js';

export type RouteUrl = string | RegExp | ((url: URL) => boolean);

export interface CorsRouteOptions {
  /** The engine whose rules apply. Default: the running browser's (`chromium`, `firefox`, `webkit`). */
  engine?: EngineName;
  /** Called for every blocked request, after the request is aborted. */
  onBlocked?: (judged: JudgedRequest) => void;
  /** One preflight cache for the route (default), as one page keeps; `false` for none. */
  preflightCache?: PreflightCache | false;
  /** Per exchange with the answer. Default 10 000 ms. */
  timeoutMs?: number;
  /** Passed to Playwright's `route` (`times`). */
  times?: number;
  /**
   * The CORS policy the answer follows (`defineCorsPolicy(...)` or a `corsHandler` policy object): preflights
   * answered from it, its CORS headers on every response, whatever the answer itself sends.
   */
  policy?: CorsPolicy | DefinedCorsPolicy;
}

/** One request corsRoute judged. */
export interface JudgedRequest {
  method: string;
  url: string;
  /** The page's origin. */
  origin: string;
  allowed: boolean;
  /** Why it was blocked. */
  code?: ReasonCode;
  /** The console message the browser prints for it ('' when allowed). */
  message: string;
  /** What to change on the server ('' when allowed). */
  fix: string;
  /** How corsRoute knew the request's mode and credentials: from the page's fetch()/XMLHttpRequest call, or from the request's headers. */
  seenAs: 'fetch' | 'xhr' | 'headers';
  request: CorsRequest;
  verdict: Verdict;
}

export interface CorsRouteController {
  readonly engine: EngineName;
  /** Every request judged, in order. */
  readonly requests: readonly JudgedRequest[];
  /** The blocked ones. */
  readonly blocked: readonly JudgedRequest[];
  /** Forget the requests judged so far. */
  reset(): void;
  /** Throws an Error listing each blocked request with the browser's console message and the fix. */
  expectNoneBlocked(): void;
  /** Remove the route. */
  unroute(): Promise<void>;
}

const installed = new WeakSet<object>();

export async function corsRoute(target: Page | BrowserContext, url: RouteUrl, answer: Target, options: CorsRouteOptions = {}): Promise<CorsRouteController> {
  if (!target || typeof (target as Page).route !== 'function') {
    throw new InvalidArgumentError('target', 'expected a Playwright Page or BrowserContext', 'Pass the page (or context) of the test: corsRoute(page, "https://api.example/**", handlers).');
  }
  if (options === null || typeof options !== 'object') {
    throw new InvalidArgumentError('options', 'expected an object', 'Pass e.g. { engine: "chromium" } or leave it out.');
  }
  const context = isPage(target) ? target.context() : (target as BrowserContext);
  const engine = engineOfContext(context, options.engine);
  const transport = options.policy === undefined ? toTransport(answer) : withPolicy(options.policy, toTransport(answer));
  const cache = options.preflightCache === false ? undefined : options.preflightCache ?? new PreflightCache();
  const judged: JudgedRequest[] = [];

  if (!installed.has(context)) {
    installed.add(context);
    await context.addInitScript(NOTES_SCRIPT);
    // Documents already loaded get the recorder too (init scripts run on the next navigation only).
    for (const page of context.pages()) {
      for (const frame of page.frames()) await frame.evaluate(NOTES_SCRIPT).catch(() => undefined);
    }
  }

  const handler = async (route: Route, request: Request): Promise<void> => {
    const origin = pageOrigin(request);
    let requestUrl: URL;
    try {
      requestUrl = new URL(request.url());
    } catch {
      return route.fallback();
    }
    if (request.isNavigationRequest() || origin === undefined || origin === requestUrl.origin || !/^https?:$/.test(requestUrl.protocol)) {
      return route.fallback();
    }
    const note = await takeNote(frameOf(request), noteKey(request.method(), request.url()));
    const corsRequest = toCorsRequest(request, origin, note);
    const verdict = await simulate(corsRequest, { transport, engine, ...(cache ? { preflightCache: cache } : {}), ...(options.timeoutMs ? { timeoutMs: options.timeoutMs } : {}) });
    const entry: JudgedRequest = {
      method: request.method(),
      url: request.url(),
      origin,
      allowed: verdict.allowed,
      ...(verdict.reason ? { code: verdict.reason.code } : {}),
      message: consoleMessage(verdict, engine),
      fix: fixSentence(verdict),
      seenAs: note?.api ?? 'headers',
      request: corsRequest,
      verdict,
    };
    judged.push(entry);
    recorderOf(context)?.addJudged(entry, engine);
    if (!verdict.allowed || !verdict.response) {
      await route.abort('failed');
      options.onBlocked?.(entry);
      return;
    }
    await fulfill(route, verdict, origin, corsRequest.credentials === 'include');
  };

  await target.route(url, handler, options.times !== undefined ? { times: options.times } : undefined);

  return {
    engine,
    get requests() {
      return [...judged];
    },
    get blocked() {
      return judged.filter((j) => !j.allowed);
    },
    reset() {
      judged.length = 0;
    },
    expectNoneBlocked() {
      const blocked = judged.filter((j) => !j.allowed);
      if (blocked.length === 0) return;
      throw new Error(`corsRoute: ${blocked.length} request${blocked.length === 1 ? ' was' : 's were'} blocked by CORS (${engine}):\n\n${blocked.map(describeBlocked).join('\n\n')}`);
    },
    unroute: () => target.unroute(url, handler),
  };
}

/** How a blocked request reads in a failure message: the request, the console message, the fix. */
export function describeBlocked(j: JudgedRequest): string {
  return [`${j.method} ${j.url} from ${j.origin}: ${j.code}`, j.message ? `  Console: ${j.message}` : '', j.fix ? `  Fix: ${j.fix}` : ''].filter(Boolean).join('\n');
}

function isPage(target: Page | BrowserContext): target is Page {
  return typeof (target as Page).mainFrame === 'function';
}

function frameOf(request: Request) {
  try {
    return request.frame();
  } catch {
    return null; // a service worker's request, or a navigation before its frame exists
  }
}

/** The page's origin: the Origin header the browser put on the request, else the origin of the frame's document. */
function pageOrigin(request: Request): string | undefined {
  const header = request.headers()['origin'];
  if (header) return header;
  const frame = frameOf(request);
  if (!frame) return undefined;
  try {
    return new URL(frame.url()).origin;
  } catch {
    return undefined;
  }
}

/** Headers the browser adds by itself; without a note saying what script set, they are left out. */
const BROWSER_HEADERS = new Set(['user-agent', 'referer', 'origin', 'cookie', 'accept-language', 'accept-encoding', 'connection', 'host', 'content-length']);

function toCorsRequest(request: Request, origin: string, note: RequestNote | null): CorsRequest {
  const headers = request.headers();
  const body = request.postDataBuffer();
  const scriptHeaders: Array<[string, string]> = note
    ? note.headers
    : Object.entries(headers).filter(([name]) => !BROWSER_HEADERS.has(name) && !name.startsWith('sec-'));
  // The body's Content-Type is set by fetch() when script did not set one: it is on the wire, keep it.
  const contentType = headers['content-type'];
  if (contentType !== undefined && !scriptHeaders.some(([n]) => n.toLowerCase() === 'content-type')) scriptHeaders.push(['content-type', contentType]);
  return {
    url: request.url(),
    origin,
    method: request.method(),
    headers: scriptHeaders,
    ...(body && body.length ? { body: new Uint8Array(body) } : {}),
    mode: note?.mode ?? (headers['origin'] ? 'cors' : 'no-cors'),
    credentials: note?.credentials ?? (headers['cookie'] ? 'include' : 'same-origin'),
    redirect: note?.redirect ?? 'follow',
  };
}

/**
 * Fulfil with what script may read. For a CORS response: the exposed headers only, with the CORS headers that
 * make the browser expose exactly those (so the browser's own check passes and filters nothing more). For an
 * opaque or opaque-redirect response: the last response as it came, which the browser makes opaque itself.
 */
async function fulfill(route: Route, verdict: Verdict, origin: string, credentialed: boolean): Promise<void> {
  const response = verdict.response!;
  if (response.type === 'cors') {
    const headers: Record<string, string> = { ...response.headers };
    const exposed = Object.keys(response.headers).filter((name) => !isCorsSafelistedResponseHeaderName(name, new Set()));
    headers['access-control-allow-origin'] = origin;
    if (credentialed) headers['access-control-allow-credentials'] = 'true';
    if (exposed.length) headers['access-control-expose-headers'] = exposed.join(', ');
    await route.fulfill({ status: response.status, headers, body: Buffer.from(response.body) });
    return;
  }
  const last = lastResponse(verdict);
  if (!last) {
    await route.abort('failed');
    return;
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of last.headers) combineHeader(headers, name.toLowerCase(), value);
  await route.fulfill({ status: last.status, headers, body: Buffer.from(last.body) });
}
