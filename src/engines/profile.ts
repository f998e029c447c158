/**
 * What an engine does differently from the Fetch Standard, as data plus small hooks. Every field documents the
 * behaviour it models and where it was observed (recorded browser results in shared/conformance).
 */
import type { EngineName } from '../types.js';

/** The console message tables src/report has. */
export type ConsoleWords = 'chromium' | 'firefox';
import type { SafelistHook } from '../spec/request-headers.js';

export interface EngineProfile {
  readonly name: EngineName;
  /** Human name used in messages. */
  readonly label: string;
  /** The message of the `TypeError` this engine's `fetch()` rejects with on a network (or CORS) error. */
  readonly fetchFailureMessage: string;
  /**
   * Whose console words this engine's blocked requests are reported in: its own where they are recorded, or
   * another engine's where they are not (then labelled as that engine's wording).
   */
  readonly consoleWords: ConsoleWords;
  /** Extra or different CORS-safelisted request-headers (`undefined` from the hook defers to the standard). */
  readonly safelist?: SafelistHook;
  /** Request headers the engine drops from script's request on top of the standard's forbidden list. */
  readonly extraForbiddenRequestHeaders: ReadonlySet<string>;
  /** Cap on `Access-Control-Max-Age`, in seconds (the standard leaves it to the user agent). */
  readonly maxAgeCapSeconds: number;
  /**
   * Whether a preflight's status is checked before its CORS headers. Chromium rejects a redirect first, then
   * checks `Access-Control-Allow-Origin`/`-Credentials`, then the ok status (recorded: a 404 preflight without
   * the header reports the missing header; a 302 reports the redirect whatever its headers).
   */
  readonly preflightStatusFirst: boolean;
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
   * https://fetch.spec.whatwg.org/#http-redirect-fetch step 13: a redirect to another origin deletes
   * `Authorization` (a CORS non-wildcard request-header name) from the request.
   */
  readonly redirectDropsAuthorization: boolean;
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
  /** Max-age used when the header is absent or invalid. */
  readonly defaultMaxAgeSeconds: number;
  /**
   * The largest response head accepted, in bytes: status line, header lines and the blank line that ends them,
   * each with its CRLF. A larger head is a network error (recorded by binary search, the same for one huge
   * header line as for many short ones: test/conformance/recorded/hostile/). Node's own client stops at 16 KiB.
   */
  readonly maxResponseHeadBytes: number;
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
