/**
 * What an engine does differently from the Fetch Standard, as data plus small hooks. Every field documents the
 * behaviour it models and where it was observed (recorded browser results in shared/conformance).
 */
import type { EngineName } from '../types.js';

/** The console message tables src/report has. */
export type ConsoleWords = 'chromium' | 'firefox' | 'webkit';
import type { SafelistHook } from '../spec/request-headers.js';
import type { PreflightCacheModel } from '../spec/preflight-cache.js';
import type { RequestHeadersHook } from './request-headers.js';
import type { Http1Rules } from './http1.js';

export interface EngineProfile {
  readonly name: EngineName;
  /** Human name used in messages. */
  readonly label: string;
  /**
   * The headers the engine adds to each request it sends, preflights included: User-Agent, Accept-Language,
   * client hints, Sec-Fetch-*, Referer, the cache mode's (src/engines/request-headers.ts).
   */
  readonly requestHeaders: RequestHeadersHook;
  /**
   * Local Network Access, where the engine has it (Chromium 142+, Firefox; WebKit has none): a request into a more
   * private address space than the page's needs the user's permission, asked before anything is sent.
   * `targetAddressSpace`: whether fetch()'s option is read (Chromium) — a request that names another space than
   * the resource's fails (before anything is sent, or, when preflighted, once the preflight's connection showed
   * the resource's space); Firefox ignores it.
   */
  readonly localNetworkAccess?: { readonly targetAddressSpace: boolean };
  /** The message of the `TypeError` this engine's `fetch()` rejects with on a network (or CORS) error. */
  readonly fetchFailureMessage: string;
  /**
   * What the network stack does with some answers before any CORS logic sees them (Chromium's //net; recorded on
   * preflights, web-platform-tests cors/preflight-failure.htm): `resendsOn408`, a request answered
   * `408 Request Timeout` on a kept-alive connection goes out once more on a new one (the emulator takes every
   * connection to be kept alive); `proxyAuthFromServerFails`, a `407` from a server that is not a proxy is a
   * network error (ERR_UNEXPECTED_PROXY_AUTH).
   */
  readonly network: { readonly resendsOn408: boolean; readonly proxyAuthFromServerFails: boolean };
  /**
   * Whose console words this engine's blocked requests are reported in: its own where they are recorded, or
   * another engine's where they are not (then labelled as that engine's wording).
   */
  readonly consoleWords: ConsoleWords;
  /** Extra or different CORS-safelisted request-headers (`undefined` from the hook defers to the standard). */
  readonly safelist?: SafelistHook;
  /**
   * The safelist sees a repeated header name's values combined (`a, b`), as the engine's header map holds them
   * (Chromium, WebKit; recorded: two `Range: bytes=0-` headers, or three 120-byte `Accept` values, are
   * preflighted). The standard and Firefox check each header on its own.
   */
  readonly safelistCombinesRepeatedNames: boolean;
  /** The limit on the safelisted values' total length (the standard: 1024); `null`: none (Firefox, recorded). */
  readonly safelistTotalLimit: number | null;
  /**
   * `Access-Control-Request-Headers` names a header once however often it was set (the standard's sorted set);
   * Firefox lists each header set, so a name set twice in two spellings appears twice (recorded).
   */
  readonly preflightHeaderNamesDeduplicated: boolean;
  /** Request headers the engine drops from script's request on top of the standard's forbidden list. */
  readonly extraForbiddenRequestHeaders: ReadonlySet<string>;
  /**
   * How the engine keeps preflights: what lets a later request go without one, for how long
   * (`Access-Control-Max-Age`, its default and cap), under which key, in which cache modes.
   */
  readonly preflightCache: PreflightCacheModel;
  /**
   * The order a preflight response's checks run in (the standard reports one network error, so only the reason
   * differs): `status-first` checks the ok status (a redirect is not ok) before `Access-Control-Allow-Origin`/
   * `-Credentials` (WebKit); `redirect-first` rejects a redirect, then checks the headers, then the ok status
   * (Chromium; recorded: a 404 preflight without the header reports the missing header, a 302 the redirect);
   * `cors-first` checks the headers first, then the redirect, then the status (Firefox; recorded: a 302 or 404
   * preflight with a mismatching header reports the header).
   */
  readonly preflightCheckOrder: 'status-first' | 'redirect-first' | 'cors-first';
  /**
   * Once a request needed a preflight, every redirect hop is preflighted again, as if the standard's
   * use-CORS-preflight flag were set (Firefox; recorded: a POST preflighted, redirected by 303 to a plain GET,
   * sends an OPTIONS with `Access-Control-Request-Method: GET` before the GET).
   */
  readonly redirectKeepsPreflight: boolean;
  /**
   * A preflight after a redirect-tainting redirect carries, and is checked against, the page's own origin,
   * while the actual request carries `Origin: null` (Firefox). The standard and the others use `null` for both.
   */
  readonly preflightIgnoresTaint: boolean;
  /**
   * The method a redirect leaves (https://fetch.spec.whatwg.org/#http-redirect-fetch step 12), and which request
   * headers go with a dropped body. Returns null to keep the method.
   */
  redirectMethod(status: number, method: string, crossOrigin: boolean): string | null;
  /** Request headers removed when a redirect turns the request into a GET without body. */
  readonly redirectDropsHeaders: readonly string[];
  /**
   * Request headers such a redirect leaves out of the wire only, while the CORS checks still see them (WebKit
   * clears the body's Content-Type from the request it sends: recorded on the full wire).
   */
  readonly redirectDropsFromWire?: readonly string[];
  /**
   * https://fetch.spec.whatwg.org/#http-redirect-fetch step 13: a redirect to another origin deletes
   * `Authorization` (a CORS non-wildcard request-header name) from the request.
   */
  readonly redirectDropsAuthorization: boolean;
  /**
   * A redirect to a URL with credentials (`user:pass@`) is refused in every mode, `no-cors` and same-origin
   * redirects included (Chromium; recorded), silently where the standard would not refuse it; a `same-origin`
   * request that leaves its origin is refused by its mode first. The standard refuses it for CORS requests only.
   */
  readonly redirectRefusesCredentialsInAnyMode: boolean;
  /**
   * Whether `*` in `Access-Control-Allow-Headers` also covers `Authorization`. The standard says no (a CORS
   * non-wildcard request-header name); all three engines recorded here still let `*` cover it.
   */
  readonly wildcardCoversAuthorization: boolean;
  /**
   * A preflight whose URL is same origin with the page skips the CORS check (Firefox: the preflight is a fresh,
   * same-origin request; recorded after a redirect back to the page's own server).
   */
  readonly sameOriginPreflightSkipsCorsCheck: boolean;
  /**
   * The order an engine goes through the request's headers when it looks for one the preflight did not allow, and
   * the spelling it prints each in: `[printed name, lower-cased name]`. Absent: the standard's sorted, lower-cased
   * CORS-unsafe request-header names. Given the header list and URL the page's fetch() started with (an engine
   * builds its order once; a redirect that drops a header leaves the others' order): Chromium's order depends on
   * whether it adds client hints for that URL (chromium-header-map.ts).
   */
  readonly headerCheckOrder?: (headers: ReadonlyArray<readonly [string, string]>, url: string) => Array<readonly [string, string]>;
  /**
   * What an engine names when `Access-Control-Allow-Methods` or `-Headers` does not parse: `token`, the first
   * invalid item (the standard's failure; Firefox prints it), or `value`, the whole header value (WebKit).
   */
  readonly invalidListHint: 'token' | 'value';
  /**
   * Whether a preflight's method is checked as soon as `Access-Control-Allow-Methods` is parsed, before
   * `Access-Control-Allow-Headers` is (Firefox; recorded: a credentialed DELETE against `*` and an unparsable
   * header list reports the method). The standard parses both lists first.
   */
  readonly methodCheckedFirst: boolean;
  /**
   * The largest response head accepted, in bytes: status line, header lines and the blank line that ends them,
   * each with its CRLF. A larger head is a network error (recorded by binary search, the same for one huge
   * header line as for many short ones: test/conformance/recorded/hostile/). Node's own client stops at 16 KiB.
   */
  readonly maxResponseHeadBytes: number;
  /**
   * How the engine's network stack reads HTTP/1.x off the wire where it departs from Node's parser or the other
   * engines (src/engines/http1.ts): applied to the bytes a connection of the exchange's own delivered (`fromUrl`,
   * an in-process Node listener). None: the transport's reading stands (the standard's profile).
   */
  readonly http1?: Http1Rules;
  /**
   * A NUL byte in the status text makes the response a network error (Chromium, WebKit). Firefox keeps it in
   * `statusText` (recorded). A NUL in a header value is a network error in every engine.
   */
  readonly statusTextNulIsNetworkError: boolean;
  /**
   * Connections one host (scheme, host and port) gets at once; further requests wait for one to be free.
   * Recorded: 30 fetches started together reach the server at most 6 at a time in all three engines.
   */
  readonly connectionsPerHost: number;
  /**
   * How header values become bytes and back. `latin1`: each character of a value is one byte, as the standard
   * says (Chromium, Firefox). `utf-8`: a value script sets goes out UTF-8 encoded, and a response header value
   * goes through UTF-8 decoding, so an invalid byte reads as the three bytes of U+FFFD (WebKitGTK; recorded:
   * `a\x80b` is sent as `61 c2 80 62`, and a response byte 0x80 reads as `ef bf bd`). Only bytes from 0x80 differ.
   */
  readonly headerValueEncoding: 'latin1' | 'utf-8';
  /**
   * Where the engine's URL parser departs from the URL Standard (recorded byte by byte: `urls`).
   * - `pathEscapes`: characters it percent-encodes in a path besides the standard's (`^`, `|`), in the URL fetch()
   *   is called with and in every redirect's.
   * - `locationBytes`: how a `Location` value's bytes 0x80-0xFF become part of the URL. `isomorphic` is the
   *   standard's: each byte a code point, percent-encoded as UTF-8 (0x80 becomes `%C2%80`). `percent-encode`: each
   *   byte as it is (`%80`). `utf-8`: the value as the engine reads header values (`headerValueEncoding`), its
   *   UTF-8 bytes percent-encoded as code points (a lone 0x80 becomes `%C3%AF%C2%BF%C2%BD`).
   * - `locationKeepsTab`: a tab inside a `Location` value stays in the URL, as `%09` (the standard removes it).
   */
  readonly url: { readonly pathEscapes: string; readonly locationBytes: 'isomorphic' | 'percent-encode' | 'utf-8'; readonly locationKeepsTab: boolean };
  /**
   * In mode `no-cors`, once a redirect goes to another origin than the URL it came from, the request's `Origin`
   * header says `null`, even where the standard's redirect-taint rule keeps the page's origin (Chromium: its
   * network stack nulls the Origin of every cross-origin redirect it follows itself; recorded: a no-cors POST
   * redirected by 307 from the page's own origin to another origin carries `Origin: null`).
   */
  readonly noCorsCrossOriginRedirectNullsOrigin: boolean;
  /**
   * A redirect to the same origin keeps the previous request's `Origin` header, even where the standard sends
   * none (WebKit; recorded: a POST redirected by 301, 302 or 303 to the same origin becomes a GET that still
   * carries `Origin`, in every mode; across origins the header goes as the standard says).
   */
  readonly sameOriginRedirectKeepsOrigin: boolean;
}

/**
 * https://fetch.spec.whatwg.org/#http-redirect-fetch step 12: "If one of the following is true: internalResponse's
 * status is 301 or 302 and request's method is `POST`; internalResponse's status is 303 and request's method is not
 * `GET` or `HEAD` — then: set request's method to `GET` and request's body to null; for each headerName of
 * request-body-header name, delete headerName from request's header list."
 */
export function standardRedirectMethod(status: number, method: string): string | null {
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  if (status === 303 && method !== 'GET' && method !== 'HEAD') return 'GET';
  return null;
}
