/**
 * CORS-preflight fetch: https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
import type { EngineProfile } from '../engines/index.js';
import { corsCheck, type CorsCheckResult } from '../spec/cors-check.js';
import { sameOrigin } from '../spec/origin.js';
import { getHeader } from '../spec/header-list.js';
import { tokenList } from './token-lists.js';
import { isOkStatus, isRedirectStatus } from '../spec/http.js';
import { isCorsSafelistedMethod } from '../spec/methods.js';
import type { CacheKeyParts, RequestCacheMode } from '../spec/preflight-cache.js';
import type { PreflightCache } from './preflight-cache.js';
import { isCorsNonWildcardRequestHeaderName } from '../spec/request-headers.js';
import type { Exchange, ReasonCode, Verdict, WireRequest, WireResponse } from '../types.js';
import { classifyCorsCheck } from './classify.js';
import type { FailureDetails } from './fetch.js';
import { sendAsEngine, type Sender } from './network.js';
import { redirectTarget } from './url-quirks.js';

export interface PreflightContext {
  engine: EngineProfile;
  send: Sender;
  cache: PreflightCache;
  url: string;
  /** The origin of `url`. */
  urlOrigin: string;
  method: string;
  /** The CORS-unsafe request-header names of the request's header list, sorted and lower-cased. */
  unsafeNames: readonly string[];
  /** The serialized request origin (`null` when redirect-tainted). */
  origin: string;
  /** The page's own origin. */
  pageOrigin: string;
  credentials: 'omit' | 'same-origin' | 'include';
  cacheParts: CacheKeyParts;
  /** The request's cache mode (it decides, per engine, whether the preflight is kept). */
  cacheMode: RequestCacheMode;
  exchanges: Exchange[];
  /** The fetch this preflight is for: it words failures and adds the engine's own headers. */
  run: {
    preflightFailed(code: ReasonCode, details?: FailureDetails): Verdict;
    /** The engine's own headers for this preflight, given the ones it has. */
    preflightEngineHeaders(headers: ReadonlyArray<readonly [string, string]>): Array<[string, string]>;
    /** The engine's order of the request's headers (profile.headerCheckOrder), or undefined for the standard's. */
    headerCheckOrder(): Array<readonly [string, string]> | undefined;
  };
  /** A check to run as soon as the preflight's response arrived, before the CORS checks (Local Network Access). */
  afterResponse?: () => Verdict | null;
}

/** Returns null when the preflight passed (and the cache was filled), or the blocked verdict. */
export async function runPreflight(ctx: PreflightContext): Promise<Verdict | null> {
  // 1. Let preflight be a new request whose method is `OPTIONS`, URL list is a clone of request's URL list,
  //    initiator, destination, origin, referrer, referrer policy, mode, tainted origin flag and header list
  //    (`Accept: */*`) as listed. 2. Append (`Access-Control-Request-Method`, request's method).
  //    3. Let headers be the CORS-unsafe request-header names with request's header list.
  //    4. If headers is not empty: let value be the items in headers separated from each other by `,`, and
  //    append (`Access-Control-Request-Headers`, value).
  const headers: Array<[string, string]> = [['Accept', '*/*'], ['Access-Control-Request-Method', ctx.method]];
  if (ctx.unsafeNames.length > 0) headers.push(['Access-Control-Request-Headers', ctx.unsafeNames.join(',')]);
  headers.push(['Origin', ctx.origin]);
  // The engine's own headers: the same User-Agent as the request, Accept-Language, Sec-Fetch-*, Referer, ...
  headers.push(...ctx.run.preflightEngineHeaders(headers));
  const wire: WireRequest = { method: 'OPTIONS', url: ctx.url, headers, body: null };

  // 5. Let response be the result of running HTTP-network-or-cache fetch given a new fetch params for preflight.
  const { sent } = await sendAsEngine(ctx.engine, ctx.send, wire, ctx.exchanges, 'preflight');
  if (!sent.ok) return ctx.run.preflightFailed(sent.failure.kind === 'timeout' ? 'Timeout' : 'NetworkError', { network: sent.failure });
  const response = sent.response;
  const list = response.headers;
  const early = ctx.afterResponse?.();
  if (early) return early;

  // 6. If a CORS check for request and response returns success and response's status is an ok status:
  const skipCheck = ctx.engine.sameOriginPreflightSkipsCorsCheck && sameOrigin(ctx.urlOrigin, ctx.pageOrigin);
  const check: CorsCheckResult = skipCheck ? { ok: true } : corsCheck({
    allowOrigin: getHeader(list, 'access-control-allow-origin'),
    allowCredentials: getHeader(list, 'access-control-allow-credentials'),
    origin: ctx.origin,
    credentials: ctx.credentials,
  });
  const statusOk = isOkStatus(response.status);
  // A redirect is a redirect status with a Location (recorded: a 301 preflight without one is reported as a
  // status that is not ok, by Chromium and Firefox alike).
  const redirected = isRedirectStatus(response.status) && getHeader(list, 'location') !== null;
  // The standard reports one network error; engines check in different orders, which decides the message.
  const order = ctx.engine.preflightCheckOrder;
  if (!statusOk && (order === 'status-first' || (order === 'redirect-first' && redirected))) return statusFailure(ctx, response, redirected);
  if (!check.ok) {
    ctx.engine.preflightCache.fail(ctx.cache, ctx.cacheParts);
    const { code, failedParameter } = classifyCorsCheck(check, true);
    return ctx.run.preflightFailed(code, { failedParameter, response, location: redirectTarget(response, ctx.url, ctx.engine) });
  }
  if (!statusOk) return statusFailure(ctx, response, redirected);

  //  1. Let methods be the result of extracting header list values given `Access-Control-Allow-Methods`.
  //  2. Let headerNames be the result of extracting header list values given `Access-Control-Allow-Headers`.
  //  3. If either methods or headerNames is failure, return a network error.
  const wholeValue = ctx.engine.invalidListHint === 'value';
  const methods = tokenList(list, 'access-control-allow-methods');
  if (methods && !methods.ok) {
    const failedParameter = wholeValue ? getHeader(list, 'access-control-allow-methods') ?? '' : methods.invalid;
    return ctx.run.preflightFailed('InvalidAllowMethodsPreflightResponse', { failedParameter, response });
  }
  const methodList = methods?.values ?? [];
  const include = ctx.credentials === 'include';
  //  5. If request's method is not in methods, request's method is not a CORS-safelisted method, and request's
  //     credentials mode is "include" or methods does not contain `*`, then return a network error.
  //  (Firefox checks the method before it parses `Access-Control-Allow-Headers`: profile.methodCheckedFirst.)
  const methodAllowed = methodList.includes(ctx.method) || isCorsSafelistedMethod(ctx.method) || (!include && methodList.includes('*'));
  const maxAge = getHeader(list, 'access-control-max-age');
  // What the engine's preflight cache keeps of this response (CORS-preflight fetch steps 8-14; engines differ).
  const kept: KeptAnswer = { response, methods: methodList, maxAge };
  if (!methodAllowed && ctx.engine.methodCheckedFirst) return refuse(ctx, kept, 'MethodDisallowedByPreflightResponse', ctx.method, []);
  const headerNames = tokenList(list, 'access-control-allow-headers');
  if (headerNames && !headerNames.ok) {
    const failedParameter = wholeValue ? getHeader(list, 'access-control-allow-headers') ?? '' : headerNames.invalid;
    return ctx.run.preflightFailed('InvalidAllowHeadersPreflightResponse', { failedParameter, response });
  }
  const nameList = (headerNames?.values ?? []).map((n) => n.toLowerCase());
  if (!methodAllowed) return refuse(ctx, kept, 'MethodDisallowedByPreflightResponse', ctx.method, nameList);
  //  6. If one of request's header list's names is a CORS non-wildcard request-header name and is not a
  //     byte-case-insensitive match for an item in headerNames, then return a network error.
  //  7. For each unsafeName of the CORS-unsafe request-header names with request's header list: if unsafeName
  //     is not a byte-case-insensitive match for an item in headerNames and request's credentials mode is
  //     "include" or headerNames does not contain `*`, return a network error.
  //  (Engines still let `*` cover Authorization: profile.wildcardCoversAuthorization.)
  const wildcard = !include && nameList.includes('*');
  const refused = refusedHeader(ctx, nameList, wildcard);
  if (refused !== undefined) return refuse(ctx, kept, 'HeaderDisallowedByPreflightResponse', refused, nameList);

  //  8. Let max-age be the result of extracting header list values given `Access-Control-Max-Age`; failure or
  //     null: 5. 9. Imposed limit. 10. If the user agent does not provide for a cache, then return response.
  //  11-14. For each method in methods / headerName in headerNames: update or create a cache entry.
  keep(ctx, kept, nameList, true);
  return null;
}

/**
 * The header the engine names as not allowed, in its order and spelling (profile.headerCheckOrder), or undefined
 * when `Access-Control-Allow-Headers` covers every CORS-unsafe name. The engine's order is worked out only when
 * one is missing.
 */
function refusedHeader(ctx: PreflightContext, nameList: readonly string[], wildcard: boolean): string | undefined {
  let missing: string | undefined;
  for (const name of ctx.unsafeNames) {
    if (!covered(ctx.engine, nameList, wildcard, name)) {
      missing = name;
      break;
    }
  }
  const order = missing === undefined ? undefined : ctx.run.headerCheckOrder();
  if (order === undefined) return missing;
  const unsafe = new Set(ctx.unsafeNames);
  for (const [printed, name] of order) {
    if (unsafe.has(name) && !covered(ctx.engine, nameList, wildcard, name)) return printed;
  }
  return missing;
}

/** Whether the preflight's `Access-Control-Allow-Headers` (lower-cased `nameList`, `*` counting when `wildcard`) covers `name`. */
function covered(engine: EngineProfile, nameList: readonly string[], wildcard: boolean, name: string): boolean {
  return nameList.includes(name) || (wildcard && (engine.wildcardCoversAuthorization || !isCorsNonWildcardRequestHeaderName(name)));
}

/** What a preflight's answer gives the engine's cache, besides the header names. */
interface KeptAnswer {
  response: WireResponse;
  methods: readonly string[];
  maxAge: string | null;
}

function keep(ctx: PreflightContext, kept: KeptAnswer, headerNames: readonly string[], passed: boolean): void {
  ctx.engine.preflightCache.store(ctx.cache, { parts: ctx.cacheParts, methods: kept.methods, headerNames, maxAge: kept.maxAge, passed, cacheMode: ctx.cacheMode });
}

function refuse(ctx: PreflightContext, kept: KeptAnswer, code: ReasonCode, hint: string, headerNames: readonly string[]): Verdict {
  keep(ctx, kept, headerNames, false);
  return ctx.run.preflightFailed(code, { failedParameter: hint, response: kept.response });
}

/** A status that is not ok: a network error. (Chromium names a redirect apart from other non-ok statuses.) */
function statusFailure(ctx: PreflightContext, response: WireResponse, redirected: boolean): Verdict {
  ctx.engine.preflightCache.fail(ctx.cache, ctx.cacheParts);
  return ctx.run.preflightFailed(redirected ? 'PreflightDisallowedRedirect' : 'PreflightInvalidStatus', { response });
}
