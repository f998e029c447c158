/**
 * The fetch loop: https://fetch.spec.whatwg.org/#main-fetch, #http-fetch, #cors-preflight-fetch and
 * #http-redirect-fetch, for one request from a page at `origin`, under one engine's profile.
 */
import type { CheckedRequest } from '../arguments/request.js';
import type { EngineProfile } from '../engines/index.js';
import { corsCheck } from '../spec/cors-check.js';
import { getHeader, hasHeader, namesMatch, namesOf } from '../spec/header-list.js';
import { isRedirectStatus } from '../spec/http.js';
import { isCorsSafelistedMethod } from '../spec/methods.js';
import { originOf, sameOrigin, serializeRequestOrigin } from '../spec/origin.js';
import { parseUrl } from '../spec/url.js';
import { corsUnsafeRequestHeaderNames } from '../spec/request-headers.js';
import { isBlockedBadPort } from '../spec/bad-port.js';
import { addressSpaceOf, isMorePrivate } from '../spec/address-space.js';
import type { WireContext } from '../engines/request-headers.js';
import type { AddressSpace, BlockReason, Exchange, NetworkFailure, ReasonCode, Transport, Verdict, WireRequest, WireResponse } from '../types.js';
import { extractBody, type ExtractedBody } from './body.js';
import { classifyCorsCheck } from './classify.js';
import { filterResponse, type ResponseViews, type Tainting } from './filter.js';
import { planFix } from './fix.js';
import { sendAsEngine, senderFor, type Sender } from './network.js';
import type { PreflightCache } from './preflight-cache.js';
import { runPreflight, type PreflightContext } from './preflight.js';
import type { CacheKeyParts } from '../spec/preflight-cache.js';
import { loadPublicSuffixListFor, sameSiteByList } from './public-suffix-list.js';
import { prepareRequest, type PreparedRequest } from './request.js';
import { SharedConversation } from './shared-exchange.js';
import { wireHeaderValues } from './header-encoding.js';
import { redirectHref, redirectTarget } from './url-quirks.js';

/** https://fetch.spec.whatwg.org/#http-redirect-fetch step 6: "If request's redirect count is 20, then return a network error." */
const MAX_REDIRECTS = 20;

export interface EmulateOptions {
  engine: EngineProfile;
  transport: Transport;
  cache: PreflightCache;
  timeoutMs: number;
  /** The request's body, already extracted. */
  body?: ExtractedBody;
  /**
   * How requests go out, when not to `transport` alone: a participant in a conversation the engines share
   * (shared-exchange.ts). Other engines then judge the same responses, so what script sees of each is worked out once.
   */
  shared?: Sender;
}

/** Run one checked `fetch()` as `options.engine` would, against `options.transport`: a verdict, never a throw. */
export function emulate(request: CheckedRequest, options: EmulateOptions): Promise<Verdict> {
  try {
    return emulateWith(request, options);
  } catch (error) {
    return Promise.reject(error);
  }
}

function emulateWith(request: CheckedRequest, options: EmulateOptions): Promise<Verdict> {
  const body = options.body ?? extractBody(request.body);
  if (body instanceof Promise) return body.then((extracted) => emulate(request, { ...options, body: extracted }));
  const { engine, transport, cache, timeoutMs } = options;
  const prepared = prepareRequest(request, engine, body);
  if (!prepared.ok) {
    const { code, failedParameter, url, origin } = prepared;
    const credentialed = request.credentials === 'include';
    const reason: BlockReason = {
      code, preflight: false, url, initialUrl: url, origin, requestOrigin: origin, failedParameter, credentialed,
      ...planFix({ code, preflight: false, url, method: '', unsafeNames: [], methodNeedsListing: false, preflightOrigin: origin, requestOrigin: origin, credentialed, corsChecked: false }),
    };
    return Promise.resolve({ engine: engine.name, allowed: false, exchanges: [], reason });
  }
  const send = options.shared ?? senderFor(transport, timeoutMs);
  return new FetchRun(prepared.request, engine, send, cache, options.shared !== undefined).run();
}

/** How a failure is reported: the value at fault, the status and exchange it failed on, what the network did. */
export interface FailureDetails {
  failedParameter?: string;
  response?: WireResponse;
  network?: NetworkFailure;
  /** Where the redirect the failure is about points (a redirect response the check failed on, or refused). */
  location?: string;
  /** Local Network Access: the space fetch() named and the resource's. */
  addressSpace?: { target?: AddressSpace; resource: AddressSpace };
}

/** For a failed CORS check: the names of the header lines that carried `Access-Control-Allow-Origin`, when several. */
function allowOriginNames(code: ReasonCode, response: WireResponse | undefined): string[] | undefined {
  if (!response || !CORS_CHECK_CODES.has(code)) return undefined;
  // (A list only when there are several: most failed checks have one line or none.)
  let first: string | undefined;
  let names: string[] | undefined;
  for (const [name] of response.headers) {
    if (!namesMatch(name, 'access-control-allow-origin')) continue;
    if (first === undefined) first = name;
    else (names ??= [first]).push(name);
  }
  return names;
}

const CORS_CHECK_CODES: ReadonlySet<ReasonCode> = new Set<ReasonCode>([
  'MissingAllowOriginHeader', 'MultipleAllowOriginValues', 'InvalidAllowOriginValue', 'AllowOriginMismatch', 'WildcardOriginNotAllowed', 'InvalidAllowCredentials',
  'PreflightMissingAllowOriginHeader', 'PreflightMultipleAllowOriginValues', 'PreflightInvalidAllowOriginValue', 'PreflightAllowOriginMismatch',
  'PreflightWildcardOriginNotAllowed', 'PreflightInvalidAllowCredentials',
]);

class FetchRun {
  private readonly urlList: string[];
  /** The origin of each URL in `urlList`. */
  private readonly urlOrigins: string[];
  private method: string;
  private headers: Array<[string, string]>;
  private body: Uint8Array | null;
  private tainting: Tainting = 'basic';
  private redirectCount = 0;
  /** https://fetch.spec.whatwg.org/#use-cors-preflight-flag (never set by fetch(); engines may set it on redirects). */
  private useCorsPreflight = false;
  private readonly exchanges: Exchange[] = [];
  /** The header list `unsafe` was worked out for: a redirect that drops headers makes a new list. */
  private unsafeFor: ReadonlyArray<readonly [string, string]> | null = null;
  private unsafe: readonly string[] = [];
  /** A redirect turned the request into a GET without body (some engines then leave headers off the wire). */
  private methodRewritten = false;
  /** The `Origin` header the previous request on the wire carried (null: none), for engines that keep it. */
  private previousOriginHeader: string | null = null;
  /** What script sees of the last response, as the engines sharing it worked it out (none: not shared). */
  private views: ResponseViews | undefined;

  constructor(
    private readonly request: PreparedRequest,
    private readonly engine: EngineProfile,
    private readonly send: Sender,
    private readonly cache: PreflightCache,
    private readonly sharedResponses: boolean,
  ) {
    this.urlList = [request.url];
    this.urlOrigins = [originOf(request.url)];
    this.method = request.method;
    this.headers = request.headers;
    this.body = request.body;
  }

  private get currentUrl(): string {
    return this.urlList[this.urlList.length - 1];
  }

  private get currentOrigin(): string {
    return this.urlOrigins[this.urlOrigins.length - 1];
  }

  /** A blocked verdict: the reason as data, with the fix planned from what this request needs. */
  private fail(code: ReasonCode, preflight: boolean, details: FailureDetails = {}): Verdict {
    const { request } = this;
    const url = this.currentUrl;
    const requestOrigin = this.serializedOrigin();
    const preflightOrigin = this.preflightOrigin();
    const credentialed = request.credentials === 'include';
    const failedAt = this.exchanges.length - 1;
    const { response, network, location } = details;
    const unsafeNames = this.unsafeNames();
    const methodNeedsListing = this.useCorsPreflight || !isCorsSafelistedMethod(this.method);
    // Built field by field (in the order readers see them), not by spreading optional parts: this runs for
    // every blocked verdict.
    const reason = {
      code,
      preflight,
      url,
      initialUrl: this.urlList[0],
      origin: request.origin,
      requestOrigin: preflight ? preflightOrigin : requestOrigin,
    } as BlockReason;
    if (details.failedParameter !== undefined) reason.failedParameter = details.failedParameter;
    if (response) reason.status = response.status;
    if (failedAt >= 0) reason.exchange = failedAt;
    reason.credentialed = credentialed;
    if (network) reason.network = network;
    reason.mode = request.mode;
    reason.redirect = request.redirect;
    if (location !== undefined) reason.location = location;
    if (this.urlList.length > 1) reason.previousUrl = this.urlList[this.urlList.length - 2];
    if (details.addressSpace) reason.addressSpace = details.addressSpace;
    const names = allowOriginNames(code, response);
    if (names) reason.allowOriginNames = names;
    const { fix, unfixable } = planFix({
      code,
      preflight,
      url,
      network,
      response,
      method: this.method,
      unsafeNames,
      methodNeedsListing,
      preflightOrigin,
      requestOrigin,
      credentialed,
      corsChecked: this.tainting === 'cors',
      location,
      redirectMode: request.redirect,
      redirects: response !== undefined && isRedirectStatus(response.status) && request.redirect === 'follow' && getHeader(response.headers, 'location') !== null,
      preflightable: methodNeedsListing || unsafeNames.length > 0,
    });
    reason.fix = fix;
    if (unfixable !== undefined) reason.unfixable = unfixable;
    return { engine: this.engine.name, allowed: false, exchanges: this.exchanges, reason };
  }

  async run(): Promise<Verdict> {
    const { request } = this;
    for (;;) {
      // Main fetch step 7: "If should request be blocked due to a bad port ... returns blocked, then set response
      // to a network error." (https://fetch.spec.whatwg.org/#block-bad-port)
      if (isBlockedBadPort(this.currentUrl)) return this.fail('BadPort', false, { failedParameter: new URL(this.currentUrl).port });
      // The engines' Sec-Fetch-Site compares the page's site with this URL's: load the Public Suffix List first
      // if that takes it (two hosts under one registrable-looking name).
      const sites = loadPublicSuffixListFor(request.origin, this.currentUrl);
      if (sites) await sites;
      // Main fetch step 12 (https://fetch.spec.whatwg.org/#main-fetch): the first matching of
      let makePreflight = false;
      if (sameOrigin(this.currentOrigin, request.origin) && this.tainting === 'basic') {
        // "request's current URL's origin is same origin with request's origin, and request's response
        //  tainting is "basic"": scheme fetch, no CORS.
      } else if (request.mode === 'same-origin') {
        // "request's mode is "same-origin"": return a network error.
        return this.fail('DisallowedByMode', false);
      } else if (request.mode === 'no-cors') {
        // "request's mode is "no-cors"": 1. If request's redirect mode is not "follow", then return a network
        // error. 2. Set request's response tainting to "opaque".
        if (request.redirect !== 'follow') {
          return this.fail('NoCorsRedirectModeNotFollow', false, { failedParameter: request.redirect, network: { kind: 'no-cors-redirect-mode', redirect: request.redirect } });
        }
        this.tainting = 'opaque';
      } else {
        // Otherwise: 1. Set request's response tainting to "cors". 2. Let corsWithPreflightResponse be the
        // result of running HTTP fetch given fetchParams and true (when the method is not safelisted or there
        // are CORS-unsafe request-header names), else HTTP fetch given false.
        this.tainting = 'cors';
        makePreflight = this.useCorsPreflight || !isCorsSafelistedMethod(this.method) || this.unsafeNames().length > 0;
        if (makePreflight && this.engine.redirectKeepsPreflight) this.useCorsPreflight = true;
      }

      // HTTP fetch step 4.1: preflight unless the preflight cache covers the method and every unsafe name.
      const parts = makePreflight ? this.cacheParts() : undefined;
      const preflighting = parts !== undefined && this.preflightNeeded(parts);
      // Local Network Access, before the first request to this URL goes out (engines that have it).
      const lna = this.localNetworkAccess(preflighting);
      if (lna !== null && typeof lna !== 'function') return lna;
      if (preflighting) {
        const failure = await runPreflight(this.preflightContext(parts, lna ?? undefined));
        if (failure) return failure;
      }

      // HTTP fetch step 4.3: HTTP-network-or-cache fetch.
      const wire = this.actualWire();
      const { sent } = await sendAsEngine(this.engine, this.send, wire, this.exchanges, this.urlList.length === 1 ? 'actual' : 'redirect');
      if (!sent.ok) return this.fail(sent.failure.kind === 'timeout' ? 'Timeout' : 'NetworkError', false, { network: sent.failure });
      const response = sent.response;
      // Engines sharing this exchange share what script sees of its response (filter.ts), kept with the outcome.
      if (this.sharedResponses) this.views = sent.views;

      // HTTP fetch step 4.4: "If request's response tainting is "cors" and a CORS check for request and
      // response returns failure, then return a network error."
      if (this.tainting === 'cors') {
        const check = corsCheck({
          allowOrigin: getHeader(response.headers, 'access-control-allow-origin'),
          allowCredentials: getHeader(response.headers, 'access-control-allow-credentials'),
          origin: this.serializedOrigin(),
          credentials: request.credentials,
        });
        if (!check.ok) {
          const { code, failedParameter } = classifyCorsCheck(check, false);
          const location = redirectTarget(response, this.currentUrl, this.engine);
          return this.fail(code, false, { failedParameter, response, ...(location !== undefined ? { location } : {}) });
        }
      }

      // HTTP fetch step 6: "If internalResponse's status is a redirect status:"
      if (isRedirectStatus(response.status)) {
        if (request.redirect === 'error') return this.fail('UnexpectedRedirect', false, { response });
        if (request.redirect === 'manual') return this.allowed(response, 'opaqueredirect');
        const next = this.redirect(response);
        if (next === 'final') return this.allowed(response, this.tainting);
        if (next !== 'continue') return next;
        continue;
      }
      return this.allowed(response, this.tainting);
    }
  }

  /** The CORS-unsafe request-header names of the current header list (worked out once per list). */
  private unsafeNames(): readonly string[] {
    if (this.unsafeFor !== this.headers) {
      this.unsafeFor = this.headers;
      const engine = this.engine;
      this.unsafe = corsUnsafeRequestHeaderNames(this.headers, {
        hook: engine.safelist, combineRepeated: engine.safelistCombinesRepeatedNames, totalLimit: engine.safelistTotalLimit,
        dedupe: engine.preflightHeaderNamesDeduplicated,
      });
    }
    return this.unsafe;
  }

  /**
   * https://wicg.github.io/local-network-access/ as engines ship it: a request from the page's address space into
   * a more private one (the resource's, from its host or `request.addressSpaces`) needs the user's permission for
   * that space. Chromium also reads fetch()'s `targetAddressSpace`: a request without preflight that names another
   * space fails before anything is sent (before the permission is asked); a preflighted one asks the permission
   * first, sends the preflight, and fails then (recorded). Returns the blocked verdict, a check to run once the
   * preflight's response arrived, or null.
   */
  private localNetworkAccess(preflighting: boolean): Verdict | (() => Verdict | null) | null {
    const lna = this.engine.localNetworkAccess;
    const page = this.request.addressSpace;
    if (!lna || page === undefined) return null;
    const resource = addressSpaceOf(this.currentUrl, this.request.addressSpaces);
    if (!isMorePrivate(resource, page)) return null;
    const target = lna.targetAddressSpace ? this.request.targetAddressSpace : undefined;
    const mismatch = target !== undefined && target !== resource;
    const granted = this.request.localNetworkPermissions[resource === 'loopback' ? 'loopback-network' : 'local-network'] === 'granted';
    const misdirected = () => this.fail('InvalidPrivateNetworkAccess', preflighting, { failedParameter: `${target} ${resource}`, addressSpace: { target, resource } });
    if (mismatch && !preflighting) return misdirected();
    if (!granted) return this.fail('LocalNetworkAccessPermissionDenied', preflighting, { failedParameter: resource, addressSpace: { resource } });
    return mismatch ? misdirected : null;
  }

  private serializedOrigin(): string {
    return serializeRequestOrigin(this.request.origin, this.urlOrigins);
  }

  /** The origin a preflight carries and is checked against. */
  private preflightOrigin(): string {
    return this.engine.preflightIgnoresTaint ? this.request.origin : this.serializedOrigin();
  }

  private cacheParts() {
    return { origin: this.preflightOrigin(), url: this.currentUrl, credentials: this.request.credentials === 'include' };
  }

  /**
   * HTTP fetch step 4.1: "If makeCORSPreflight is true and one of these conditions is true: there is no method
   * cache entry match for request's method using request, and either request's method is not a CORS-safelisted
   * method or request's use-CORS-preflight flag is set; there is at least one item in the CORS-unsafe
   * request-header names with request's header list for which there is no header-name cache entry match using
   * request."
   */
  private preflightNeeded(parts: CacheKeyParts): boolean {
    // (What answers from the cache, and when, is the engine's: profile.preflightCache.)
    return !this.engine.preflightCache.covers(this.cache, {
      parts, method: this.method, unsafeNames: this.unsafeNames(), useCorsPreflight: this.useCorsPreflight, cacheMode: this.request.cache,
    });
  }

  private preflightContext(cacheParts: CacheKeyParts, afterResponse: (() => Verdict | null) | undefined): PreflightContext {
    const origin = this.preflightOrigin();
    return {
      engine: this.engine,
      send: this.send,
      cache: this.cache,
      url: this.currentUrl,
      urlOrigin: this.currentOrigin,
      method: this.method,
      unsafeNames: this.unsafeNames(),
      origin,
      pageOrigin: this.request.origin,
      credentials: this.request.credentials,
      cacheParts,
      cacheMode: this.request.cache,
      exchanges: this.exchanges,
      run: this,
      afterResponse,
    };
  }

  /** The engine's own headers for a preflight that has `preflightHeaders` (PreflightContext.run). */
  preflightEngineHeaders(preflightHeaders: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
    return this.engine.requestHeaders(this.wireContext('preflight', this.preflightOrigin(), preflightHeaders));
  }

  /**
   * The engine's order of the request's headers (PreflightContext.run): worked out from the header list and URL the
   * page's fetch() started with, as engines build it once; a redirect that drops a header leaves the others' order.
   */
  headerCheckOrder(): Array<readonly [string, string]> | undefined {
    return this.engine.headerCheckOrder?.(this.request.headers, this.urlList[0]);
  }

  /** A blocked verdict for a failed preflight (PreflightContext.run). */
  preflightFailed(code: ReasonCode, details?: FailureDetails): Verdict {
    return this.fail(code, true, details);
  }

  /**
   * The request HTTP-network-or-cache fetch puts on the wire: the author headers, `Accept: *\/*` when absent
   * (fetch step 12 of https://fetch.spec.whatwg.org/#fetching), and `Origin` (#origin-header): appended when
   * the response tainting is "cors", or when the method is neither `GET` nor `HEAD`.
   */
  private actualWire(): WireRequest {
    const dropped = this.methodRewritten ? this.engine.redirectDropsFromWire : undefined;
    const author = dropped ? this.headers.filter(([n]) => !dropped.includes(n.toLowerCase())) : this.headers;
    // Only the author's values are encoded for the wire: every other value is ASCII (serialized URLs and origins,
    // the engine's constants).
    const headers: Array<[string, string]> = [...wireHeaderValues(author, this.engine)];
    if (!hasHeader(headers, 'accept')) headers.push(['Accept', '*/*']);
    const origin = this.originHeader();
    if (origin !== null) headers.push(['Origin', origin]);
    this.previousOriginHeader = origin;
    // The engine's own headers (User-Agent, Accept-Language, Sec-Fetch-*, Referer, the cache mode's, ...).
    headers.push(...this.engine.requestHeaders(this.wireContext('actual', origin, headers)));
    return { method: this.method, url: this.currentUrl, headers, body: this.body };
  }

  private wireContext(kind: 'preflight' | 'actual', originHeader: string | null, headers: ReadonlyArray<readonly [string, string]>): WireContext {
    return {
      kind, mode: this.request.mode, cacheMode: this.request.cache, pageOrigin: this.request.origin, urlList: this.urlList, originHeader,
      present: namesOf(headers), sameSite: sameSiteByList,
    };
  }

  /**
   * https://fetch.spec.whatwg.org/#append-a-request-origin-header: the serialized request origin when the
   * response tainting is "cors", or when the method is neither `GET` nor `HEAD`; otherwise none. Engines differ
   * after redirects (see the profile): Chromium nulls it in no-cors mode once a redirect crossed origins, WebKit
   * keeps the previous request's header across a same-origin redirect.
   */
  private originHeader(): string | null {
    if (this.tainting === 'cors' || (this.method !== 'GET' && this.method !== 'HEAD')) {
      if (this.request.mode === 'no-cors' && this.engine.noCorsCrossOriginRedirectNullsOrigin && this.crossedOrigins()) return 'null';
      return this.serializedOrigin();
    }
    if (this.engine.sameOriginRedirectKeepsOrigin && this.urlList.length > 1 && this.previousOriginHeader !== null) {
      if (sameOrigin(this.urlOrigins[this.urlOrigins.length - 2], this.currentOrigin)) return this.previousOriginHeader;
    }
    return null;
  }

  /** Whether any redirect so far went to another origin than the URL it came from. */
  private crossedOrigins(): boolean {
    for (let k = 1; k < this.urlOrigins.length; k++) {
      if (!sameOrigin(this.urlOrigins[k - 1], this.urlOrigins[k])) return true;
    }
    return false;
  }

  /** https://fetch.spec.whatwg.org/#http-redirect-fetch */
  private redirect(response: WireResponse): Verdict | 'continue' | 'final' {
    // 3. Let locationURL be internalResponse's location URL given request's current URL's fragment.
    const location = getHeader(response.headers, 'location');
    // 4. If locationURL is null, then return response.
    if (location === null) return 'final';
    // (As the engine's parser reads the value, with its own path escapes: url-quirks.ts.)
    const href = redirectHref(location, this.currentUrl, this.engine);
    // 5. If locationURL is failure, then return a network error.
    if (href === undefined) return this.fail('InvalidRedirectLocation', false, { failedParameter: location, response, network: { kind: 'invalid-location', location } });
    const next = parseUrl(href);
    // 6. If locationURL's scheme is not an HTTP(S) scheme, then return a network error.
    if (next.protocol !== 'http:' && next.protocol !== 'https:') {
      return this.fail('CorsDisabledScheme', false, { failedParameter: href, response, location: href, network: { kind: 'redirect-scheme', location: href } });
    }
    // 7. If request's redirect count is 20, then return a network error. 8. Increase it by 1.
    if (this.redirectCount === MAX_REDIRECTS) return this.fail('TooManyRedirects', false, { response });
    this.redirectCount++;
    const credentialed = next.username !== '' || next.password !== '';
    // 9. If request's mode is "cors", locationURL includes credentials, and request's origin is not same
    //    origin with locationURL's origin, then return a network error.
    // 10. If request's response tainting is "cors" and locationURL includes credentials, then return a
    //    network error.
    // (Chromium refuses such a redirect in every mode, profile.redirectRefusesCredentialsInAnyMode, but for a
    // `same-origin` request leaving its origin, which the mode refuses first.)
    const leavesSameOriginMode = this.request.mode === 'same-origin' && !sameOrigin(this.request.origin, originOf(href));
    const anyMode = this.engine.redirectRefusesCredentialsInAnyMode && !leavesSameOriginMode;
    if (credentialed && (anyMode || (this.request.mode === 'cors' && !sameOrigin(this.request.origin, originOf(href))) || this.tainting === 'cors')) {
      return this.fail('RedirectContainsCredentials', false, { failedParameter: href, response, location: href });
    }
    // 12. If one of: internalResponse's status is 301 or 302 and request's method is `POST`; internalResponse's
    //     status is 303 and request's method is not `GET` or `HEAD`: set request's method to `GET` and body to
    //     null, and remove request-body-header names from request's header list. (Engines differ: profile.)
    const crossOrigin = !sameOrigin(this.currentOrigin, originOf(href));
    const rewritten = this.engine.redirectMethod(response.status, this.method, crossOrigin);
    if (rewritten !== null) {
      this.methodRewritten = true;
      this.method = rewritten;
      this.body = null;
      const dropped = this.engine.redirectDropsHeaders;
      this.headers = this.headers.filter(([n]) => !dropped.includes(n.toLowerCase()));
    }
    // 13. If request's current URL's origin is not same origin with locationURL's origin, then for each
    //     headerName of CORS non-wildcard request-header name, delete headerName from request's header list.
    if (crossOrigin && this.engine.redirectDropsAuthorization) {
      this.headers = this.headers.filter(([n]) => n.toLowerCase() !== 'authorization');
    }
    // 16. Append locationURL to request's URL list. 19. Return the result of running main fetch (recursive).
    this.urlList.push(href);
    this.urlOrigins.push(originOf(href));
    return 'continue';
  }

  private allowed(response: WireResponse, type: Tainting | 'opaqueredirect'): Verdict {
    return {
      engine: this.engine.name,
      allowed: true,
      response: filterResponse(response, type, this.urlList, this.request.credentials, this.engine, this.views),
      exchanges: this.exchanges,
    };
  }
}

export interface EmulateEnginesOptions {
  engines: readonly EngineProfile[];
  transport: Transport;
  /** One preflight cache per engine, in the order of `engines`. */
  caches: readonly PreflightCache[];
  timeoutMs: number;
}

/**
 * One checked `fetch()` under several engines over one shared conversation with the transport
 * (src/emulator/shared-exchange.ts): each distinct request goes on the wire once. The verdicts are in the order of
 * `engines`.
 */
export function emulateEngines(request: CheckedRequest, options: EmulateEnginesOptions): Promise<Verdict[]> {
  const body = extractBody(request.body);
  if (body instanceof Promise) return body.then((extracted) => judgeAll(request, options, extracted));
  return judgeAll(request, options, body);
}

function judgeAll(request: CheckedRequest, options: EmulateEnginesOptions, body: ExtractedBody): Promise<Verdict[]> {
  const { engines, transport, caches, timeoutMs } = options;
  if (engines.length === 1) return emulate(request, { engine: engines[0], transport, cache: caches[0], timeoutMs, body }).then((verdict) => [verdict]);
  const conversation = new SharedConversation(senderFor(transport, timeoutMs));
  return Promise.all(engines.map((engine, k) => emulate(request, { engine, transport, cache: caches[k], timeoutMs, body, shared: conversation.participant() })));
}
