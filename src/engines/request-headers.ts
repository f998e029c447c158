/**
 * The headers each engine adds to the requests it sends besides the CORS ones — User-Agent, Accept-Language,
 * client hints, Sec-Fetch-*, Referer, Priority — as recorded on every kind of request
 * (scripts/conformance/probes/wire-headers.mjs; test/conformance/recorded/wire-headers/). Accept-Encoding is
 * left out on purpose: a transport decodes no content coding, so the emulator asks for none.
 */
import { defaultReferer, secFetchSite, sendsFetchMetadata } from '../spec/fetch-metadata.js';
import { originOf, sameOrigin } from '../spec/origin.js';
import { cacheModeHeaders, type HeaderNames } from '../spec/cache-headers.js';
import type { RequestCacheMode } from '../spec/preflight-cache.js';

/**
 * The names of the engines' own lines, spelled as the engines send them (recorded). shared-exchange.ts recognises
 * a line as one of them by these spellings first.
 */
export const USER_AGENT = 'User-Agent';
export const ACCEPT_LANGUAGE = 'Accept-Language';
export const SEC_FETCH_SITE = 'Sec-Fetch-Site';
export const SEC_FETCH_MODE = 'Sec-Fetch-Mode';
export const SEC_FETCH_DEST = 'Sec-Fetch-Dest';
export const REFERER = 'Referer';
export const SEC_CH_UA = 'sec-ch-ua';
export const SEC_CH_UA_MOBILE = 'sec-ch-ua-mobile';
export const SEC_CH_UA_PLATFORM = 'sec-ch-ua-platform';
export const PRIORITY = 'Priority';

/** What an engine needs to know to add its headers to one request on the wire. */
export interface WireContext {
  kind: 'preflight' | 'actual';
  mode: 'cors' | 'no-cors' | 'same-origin';
  cacheMode: RequestCacheMode;
  /** The page's origin. */
  pageOrigin: string;
  /** Every URL the request went to, the current one last. */
  urlList: readonly string[];
  /** The `Origin` the request carries, or null when none. */
  originHeader: string | null;
  /** The names the request's header list already has: `has` takes a lower-case name. */
  present: HeaderNames;
  /** https://html.spec.whatwg.org/multipage/browsers.html#same-site, by the Public Suffix List. */
  sameSite: (a: string, b: string) => boolean;
}

/** The headers to add, in the order the engine adds them. */
export type RequestHeadersHook = (ctx: WireContext) => Array<[string, string]>;

const current = (ctx: WireContext) => ctx.urlList[ctx.urlList.length - 1];

// The helpers below append to the list being built (one list per request, no intermediate arrays).
type Out = Array<[string, string]>;

// Each request gets header lines of its own (two-item arrays of constant strings: cheap to make). Shared lines
// would let a caller who edits a verdict's header line in place change every later request, and frozen ones put
// frozen arrays among the plain ones of every header list, which slows each loop over a list several times.
function metadata(out: Out, site: string | null, mode: string): void {
  if (site !== null) out.push([SEC_FETCH_SITE, site], [SEC_FETCH_MODE, mode], [SEC_FETCH_DEST, 'empty']);
}

function referer(out: Out, ctx: WireContext): void {
  const value = defaultReferer(ctx.pageOrigin, current(ctx));
  if (value !== null) out.push([REFERER, value]);
}

function language(out: Out, ctx: WireContext, value: string): void {
  if (!ctx.present.has('accept-language')) out.push([ACCEPT_LANGUAGE, value]);
}

/** Whether a redirect so far went to another origin than the URL it came from. */
function crossedOrigins(urlList: readonly string[]): boolean {
  for (let k = 1; k < urlList.length; k++) if (!sameOrigin(originOf(urlList[k - 1]), originOf(urlList[k]))) return true;
  return false;
}

/** The `spec` engine's default User-Agent value (the standard leaves it to the user agent). */
const SPEC_USER_AGENT = 'corsproof (Fetch Standard)';

/** The standard: Fetch Metadata and the default referrer policy; the cache mode's headers on the actual request. */
export const specRequestHeaders: RequestHeadersHook = (ctx) => {
  const url = current(ctx);
  const site = sendsFetchMetadata(url) ? secFetchSite(ctx.pageOrigin, ctx.kind === 'preflight' ? [url] : ctx.urlList, ctx.sameSite) : null;
  // HTTP-network-or-cache fetch: "If httpRequest's header list does not contain `User-Agent`, then user agents
  // should append (`User-Agent`, default `User-Agent` value)" — the same on the preflight.
  const out: Out = [[USER_AGENT, SPEC_USER_AGENT]];
  if (ctx.kind === 'actual') cacheModeHeaders(out, ctx.cacheMode, ctx.present);
  metadata(out, site, ctx.kind === 'preflight' ? 'cors' : ctx.mode);
  referer(out, ctx);
  return out;
};

const CHROMIUM_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36';
const CHROMIUM_SEC_CH_UA = '"Not:A-Brand";v="8", "Chromium";v="156"';
const EN_US = 'en-US,en;q=0.9';

/**
 * Chromium 156 on Linux: its User-Agent, UA client hints (to potentially trustworthy URLs, not on preflights),
 * Sec-Fetch-Site over the whole URL list (a preflight: its own URL), the cache mode's headers on preflights too.
 */
export const chromiumRequestHeaders: RequestHeadersHook = (ctx) => {
  const url = current(ctx);
  const trustworthy = sendsFetchMetadata(url);
  const site = trustworthy ? secFetchSite(ctx.pageOrigin, ctx.kind === 'preflight' ? [url] : ctx.urlList, ctx.sameSite) : null;
  const out: Out = [];
  cacheModeHeaders(out, ctx.cacheMode, ctx.present);
  if (trustworthy && ctx.kind === 'actual') {
    out.push([SEC_CH_UA_PLATFORM, '"Linux"'], [SEC_CH_UA, CHROMIUM_SEC_CH_UA], [SEC_CH_UA_MOBILE, '?0']);
  }
  out.push([USER_AGENT, CHROMIUM_UA]);
  metadata(out, site, ctx.kind === 'preflight' ? 'cors' : ctx.mode);
  referer(out, ctx);
  language(out, ctx, EN_US);
  return out;
};

const FIREFOX_UA = 'Mozilla/5.0 (X11; Linux x86_64; rv:153.0) Gecko/20100101 Firefox/153.0';

/**
 * Firefox ESR 153 on Linux: its User-Agent and `Priority: u=4`; an actual request that followed a redirect says
 * `Sec-Fetch-Site: cross-site` whatever the URLs (recorded, a same-origin redirect included); a preflight compares
 * the page with its own URL. The cache mode's headers go on preflights too.
 */
export const firefoxRequestHeaders: RequestHeadersHook = (ctx) => {
  const url = current(ctx);
  const site = !sendsFetchMetadata(url) ? null : ctx.kind === 'actual' && ctx.urlList.length > 1 ? 'cross-site' : secFetchSite(ctx.pageOrigin, [url], ctx.sameSite);
  const out: Out = [[USER_AGENT, FIREFOX_UA]];
  language(out, ctx, EN_US);
  referer(out, ctx);
  metadata(out, site, ctx.kind === 'preflight' ? 'cors' : ctx.mode);
  out.push([PRIORITY, 'u=4']);
  cacheModeHeaders(out, ctx.cacheMode, ctx.present);
  return out;
};

const WEBKIT_UA = 'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/60.5 Safari/605.1.15';

/**
 * WebKitGTK 2.50: its User-Agent and Accept-Language (from the process locale, here en-US); no Sec-Fetch-* on a
 * request that a redirect took to another origin (the loader strips them); a preflight's Sec-Fetch-Site compares
 * the origin it carries (`null` after such a redirect: cross-site) with its URL; no cache headers on preflights.
 */
export const webkitRequestHeaders: RequestHeadersHook = (ctx) => {
  const url = current(ctx);
  let site: string | null = null;
  if (sendsFetchMetadata(url)) {
    if (ctx.kind === 'preflight') site = ctx.originHeader === 'null' ? 'cross-site' : secFetchSite(ctx.pageOrigin, [url], ctx.sameSite);
    else if (!crossedOrigins(ctx.urlList)) site = secFetchSite(ctx.pageOrigin, ctx.urlList, ctx.sameSite);
  }
  const out: Out = [];
  referer(out, ctx);
  out.push([USER_AGENT, WEBKIT_UA]);
  if (ctx.kind === 'actual') cacheModeHeaders(out, ctx.cacheMode, ctx.present);
  language(out, ctx, WEBKIT_ACCEPT_LANGUAGE);
  metadata(out, site, ctx.kind === 'preflight' ? 'cors' : ctx.mode);
  return out;
};

/**
 * The headers the engines add to say who and where they are (lower-cased names). Engines that put the same
 * request on the wire but for these are making the same request of the server; a shared exchange sends it once.
 */
export const ENGINE_IDENTITY_HEADERS: ReadonlySet<string> = new Set(
  [USER_AGENT, ACCEPT_LANGUAGE, SEC_CH_UA, SEC_CH_UA_MOBILE, SEC_CH_UA_PLATFORM, SEC_FETCH_SITE, SEC_FETCH_MODE, SEC_FETCH_DEST, REFERER, PRIORITY]
    .map((name) => name.toLowerCase())
    .concat('pragma', 'cache-control'),
);

/** libsoup's Accept-Language for an en_US locale. */
export const WEBKIT_ACCEPT_LANGUAGE = 'en-US';
