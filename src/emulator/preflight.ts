/**
 * CORS-preflight fetch: https://fetch.spec.whatwg.org/#cors-preflight-fetch
 */
import type { EngineProfile } from '../engines/index.js';
import { corsCheck, type CorsCheckResult } from '../spec/cors-check.js';
import { sameOrigin } from '../spec/origin.js';
import { extractTokenList, getHeader } from '../spec/header-list.js';
import { isOkStatus, isRedirectStatus } from '../spec/http.js';
import { isCorsSafelistedMethod } from '../spec/methods.js';
import { preflightMaxAge } from '../spec/max-age.js';
import type { CacheKeyParts, PreflightCache } from './preflight-cache.js';
import { isCorsNonWildcardRequestHeaderName } from '../spec/request-headers.js';
import type { Exchange, ReasonCode, Transport, Verdict, WireRequest } from '../types.js';
import { classifyCorsCheck } from './classify.js';
import { sendWithDeadline } from './network.js';
import type { FailureDetails } from './fetch.js';
import { refusedResponse } from './response-head.js';

export interface PreflightContext {
  engine: EngineProfile;
  transport: Transport;
  cache: PreflightCache;
  timeoutMs: number;
  url: string;
  method: string;
  /** The CORS-unsafe request-header names of the request's header list, sorted and lower-cased. */
  unsafeNames: readonly string[];
  /** Every header name of the request's header list, lower-cased. */
  headerNames: string[];
  /** The serialized request origin (`null` when redirect-tainted). */
  origin: string;
  /** The page's own origin. */
  pageOrigin: string;
  credentials: 'omit' | 'same-origin' | 'include';
  cacheParts: CacheKeyParts;
  exchanges: Exchange[];
  /** The origin of `url`. */
  urlOrigin: string;
  fail(code: ReasonCode, details?: FailureDetails): Verdict;
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
  const wire: WireRequest = { method: 'OPTIONS', url: ctx.url, headers, body: null };

  // 5. Let response be the result of running HTTP-network-or-cache fetch given a new fetch params for preflight.
  const exchange: Exchange = { kind: 'preflight', request: wire };
  ctx.exchanges.push(exchange);
  const sent = await sendWithDeadline(ctx.transport, wire, ctx.timeoutMs);
  if (!sent.ok) {
    exchange.error = sent.failure;
    return ctx.fail(sent.failure.kind === 'timeout' ? 'Timeout' : 'NetworkError', { network: sent.failure });
  }
  const response = sent.response;
  exchange.response = response;
  const refused = refusedResponse(response, ctx.engine);
  if (refused !== null) return ctx.fail('NetworkError', { network: refused });
  const list = response.headers;

  // 6. If a CORS check for request and response returns success and response's status is an ok status:
  const skipCheck = ctx.engine.sameOriginPreflightSkipsCorsCheck && sameOrigin(ctx.urlOrigin, ctx.pageOrigin);
  const check: CorsCheckResult = skipCheck ? { ok: true } : corsCheck({
    allowOrigin: getHeader(list, 'access-control-allow-origin'),
    allowCredentials: getHeader(list, 'access-control-allow-credentials'),
    origin: ctx.origin,
    credentials: ctx.credentials,
  });
  const statusOk = isOkStatus(response.status);
  const statusFailure = (): Verdict => {
    // Otherwise, return a network error. (Chromium names a redirect apart from other non-ok statuses.)
    ctx.cache.clearFor(ctx.cacheParts);
    return ctx.fail(isRedirectStatus(response.status) ? 'PreflightDisallowedRedirect' : 'PreflightInvalidStatus', { response });
  };
  // The standard reports one network error; engines check in different orders, which decides the message.
  if (!statusOk && (ctx.engine.preflightStatusFirst || isRedirectStatus(response.status))) return statusFailure();
  if (!check.ok) {
    ctx.cache.clearFor(ctx.cacheParts);
    const { code, failedParameter } = classifyCorsCheck(check, true);
    return ctx.fail(code, { failedParameter, response });
  }
  if (!statusOk) return statusFailure();

  //  1. Let methods be the result of extracting header list values given `Access-Control-Allow-Methods`.
  //  2. Let headerNames be the result of extracting header list values given `Access-Control-Allow-Headers`.
  //  3. If either methods or headerNames is failure, return a network error.
  const methods = extractTokenList(list, 'access-control-allow-methods');
  if (methods && !methods.ok) return ctx.fail('InvalidAllowMethodsPreflightResponse', { failedParameter: methods.invalid, response });
  const headerNames = extractTokenList(list, 'access-control-allow-headers');
  if (headerNames && !headerNames.ok) return ctx.fail('InvalidAllowHeadersPreflightResponse', { failedParameter: headerNames.invalid, response });
  const methodList = methods?.values ?? [];
  const nameList = (headerNames?.values ?? []).map((n) => n.toLowerCase());
  const include = ctx.credentials === 'include';

  //  5. If request's method is not in methods, request's method is not a CORS-safelisted method, and request's
  //     credentials mode is "include" or methods does not contain `*`, then return a network error.
  if (!methodList.includes(ctx.method) && !isCorsSafelistedMethod(ctx.method) && (include || !methodList.includes('*'))) {
    return ctx.fail('MethodDisallowedByPreflightResponse', { failedParameter: ctx.method, response });
  }
  //  6. If one of request's header list's names is a CORS non-wildcard request-header name and is not a
  //     byte-case-insensitive match for an item in headerNames, then return a network error.
  //  7. For each unsafeName of the CORS-unsafe request-header names with request's header list: if unsafeName
  //     is not a byte-case-insensitive match for an item in headerNames and request's credentials mode is
  //     "include" or headerNames does not contain `*`, return a network error.
  //  (Engines still let `*` cover Authorization: profile.wildcardCoversAuthorization.)
  const wildcard = !include && nameList.includes('*');
  for (const name of ctx.unsafeNames) {
    if (nameList.includes(name)) continue;
    if (wildcard && (ctx.engine.wildcardCoversAuthorization || !isCorsNonWildcardRequestHeaderName(name))) continue;
    return ctx.fail('HeaderDisallowedByPreflightResponse', { failedParameter: name, response });
  }

  //  8. Let max-age be the result of extracting header list values given `Access-Control-Max-Age`; failure or
  //     null: 5. 9. Imposed limit. 10. If the user agent does not provide for a cache, then return response.
  //  11-12. For each method in methods / headerName in headerNames: update or create a cache entry.
  const maxAge = preflightMaxAge(getHeader(list, 'access-control-max-age'), ctx.engine.maxAgeCapSeconds);
  for (const method of methodList) ctx.cache.add(ctx.cacheParts, 'method', method, maxAge);
  for (const name of nameList) ctx.cache.add(ctx.cacheParts, 'header', name, maxAge);
  return null;
}
