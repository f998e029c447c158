import type { PreflightCache } from './emulator/preflight-cache.js';
import type { AddressSpace } from './spec/address-space.js';

/**
 * Public types shared by the emulator, the transports, the matchers and the CLI.
 */

/** The browser whose CORS behaviour is emulated. `spec` follows the Fetch Standard to the letter. */
export type EngineName = 'chromium' | 'firefox' | 'webkit' | 'spec';

/** Headers as a user may give them. */
export type HeadersInit_ = Record<string, string> | Headers | Iterable<readonly [string, string]>;

export type RequestMode = 'cors' | 'no-cors' | 'same-origin';
export type RequestCredentials_ = 'omit' | 'same-origin' | 'include';
export type RequestRedirect_ = 'follow' | 'manual' | 'error';
export type RequestCache_ = 'default' | 'no-store' | 'reload' | 'no-cache' | 'force-cache' | 'only-if-cached';

/** What the page's script asks `fetch()` to do. */
export interface CorsRequest {
  /** Absolute URL, or a path resolved against the target's base URL. */
  url: string | URL;
  /** The page's origin, e.g. `https://app.example` (scheme, host and port only). */
  origin: string;
  /** Default `GET`. */
  method?: string;
  headers?: HeadersInit_;
  body?: RequestInit['body'];
  /** Default `cors`. */
  mode?: RequestMode;
  /** Default `same-origin`. */
  credentials?: RequestCredentials_;
  /** Default `follow`. */
  redirect?: RequestRedirect_;
  /**
   * The fetch() `cache` mode, default `default`. It decides, per engine, whether a shared preflight cache answers
   * (`no-store`: never in Chromium and Firefox; WebKit ignores it) and which cache headers go on the wire.
   */
  cache?: RequestCache_;
  /**
   * Local Network Access (Chromium 142 and later, Firefox): the page's address space. Given, a request into a
   * more private space (`local`, then `loopback`) needs the user's permission (`localNetworkPermissions`); absent,
   * no such check runs.
   */
  addressSpace?: AddressSpace;
  /** fetch()'s `targetAddressSpace` (Chromium): where the page expects the resource; `private` means `local`. */
  targetAddressSpace?: AddressSpace | 'private';
  /** What the user answered the page's permission prompts: `local-network`, `loopback-network`. Default: denied. */
  localNetworkPermissions?: Partial<Record<LocalNetworkPermission, 'granted' | 'denied'>>;
  /**
   * The address space of origins (or hosts) whose name does not tell: a host name resolving into a local network.
   * IP literals and `localhost` are classified by their text; other names are public unless listed here.
   */
  addressSpaces?: Record<string, AddressSpace>;
}

export type { AddressSpace } from './spec/address-space.js';
/** The permissions behind Local Network Access: one per more private address space. */
export type LocalNetworkPermission = 'local-network' | 'loopback-network';

/** A request as it goes on the wire. Header names keep the case they were given. */
export interface WireRequest {
  method: string;
  url: string;
  headers: Array<[string, string]>;
  body: Uint8Array | null;
}

/** A response as it came off the wire, repeated header names kept, in order. */
export interface WireResponse {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
  body: Uint8Array;
  /** True when the transport stopped reading the body at its size limit. */
  bodyTruncated?: boolean;
  /**
   * Why reading the body failed after the head arrived (the browser's `fetch()` resolves, and reading the body
   * rejects): the connection closed before the length the head promised, broken chunks. `body` has what was read.
   */
  bodyError?: BodyError;
}

export interface TransportContext {
  /** Aborts when the emulator's timeout fires. */
  signal: AbortSignal;
  /**
   * When the emulator gives up on this exchange (`performance.now()` milliseconds); the signal aborts then. A
   * transport whose own timeout ends later needs no timer of its own. None while the deadline is held.
   */
  readonly deadline?: number;
  /**
   * Call when the request starts waiting for something local before it can be sent (a free connection to the
   * host): the deadline stops, and starts again, in full, when the returned function is called. The timeout
   * measures the server, not a queue on this machine.
   */
  hold?(): () => void;
}

/**
 * Turns one request into one response, and nothing more: it never follows redirects, never applies CORS.
 * A transport that cannot get a response throws (or rejects with) a `TransportError`.
 */
export interface Transport {
  readonly name: string;
  /** Base URL that relative request URLs resolve against (in-process targets: `https://api.example`). */
  readonly baseUrl?: string;
  send(request: WireRequest, context: TransportContext): Promise<WireResponse>;
}

/** A fetch-style handler: what Hono, Next.js route handlers, itty-router and friends expose. */
export type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface SimulateOptions {
  /** Where requests go: a `Transport`, or a fetch-style function `(Request) => Promise<Response>`. */
  transport: Transport | FetchHandler;
  /** Default `chromium` (the engine most users run; see docs/emulator.md). */
  engine?: EngineName;
  /** A preflight cache to share across calls. Without one, every call starts with an empty cache. */
  preflightCache?: PreflightCache;
  /** Milliseconds one exchange may take before the verdict is `Timeout`. Default 10 000. */
  timeoutMs?: number;
}

export type ExchangeKind = 'preflight' | 'actual' | 'redirect';

/** One request that went on the wire, and what came back. */
export interface Exchange {
  kind: ExchangeKind;
  request: WireRequest;
  /** Absent when the transport failed (see `error`). */
  response?: WireResponse;
  /** Why no response came back. */
  error?: NetworkFailure;
}

export type ResponseType_ = 'basic' | 'cors' | 'opaque' | 'opaqueredirect';

/** The response as script sees it after CORS filtering. */
export interface FilteredResponse {
  status: number;
  statusText: string;
  type: ResponseType_;
  url: string;
  redirected: boolean;
  /** The headers script can read: lower-cased names, repeated values combined with `, `. */
  headers: Record<string, string>;
  /** Empty for opaque responses. */
  body: Uint8Array;
  /** Why reading the body rejects in script (see `WireResponse.bodyError`); `body` then has what was read. */
  bodyError?: BodyError;
  /** The body decoded as UTF-8. */
  text(): string;
}

/**
 * Why a blocked request was blocked, as data: what Chromium's `CorsErrorStatus` carries and more. No words:
 * `consoleLine()`, `consoleMessage()` and `fixSentence()` (from `corsproof`) turn it into the browsers' words.
 */
export interface BlockReason {
  /** A stable code, after Chromium's `CorsError` names, e.g. `MissingAllowOriginHeader`. */
  code: ReasonCode;
  /** True when the preflight is what failed. */
  preflight: boolean;
  /** The URL whose response failed the check (the current URL of a redirect chain). */
  url: string;
  /** The URL the request started at. */
  initialUrl: string;
  /** The page's origin. */
  origin: string;
  /** The serialized request origin the check compared against (`null` once a redirect tainted it). */
  requestOrigin: string;
  /**
   * The value at fault, as Chromium's `failed_parameter`: the `Access-Control-Allow-Origin` or
   * `-Allow-Credentials` value, the method, the header name, the invalid list item, the redirect location.
   */
  failedParameter?: string;
  /** Status of the response the check failed on. */
  status?: number;
  /** Index in `verdict.exchanges` of the exchange it failed on; absent when the browser refused before any. */
  exchange?: number;
  /** Whether the request's credentials mode is `include`. */
  credentialed: boolean;
  /** For `NetworkError` and `Timeout`: what failed. */
  network?: NetworkFailure;
  /**
   * Changes to the server's answers that make this request pass in this engine, or null when no change on the
   * server can (`unfixable` says why).
   */
  fix: FixChange[] | null;
  /**
   * Why `fix` is null: the browser refuses the request before any network, the server gave no answer, or the
   * request was deliberately not sent.
   */
  unfixable?: 'request' | 'no-answer' | 'not-sent';
  /** The request's mode. */
  mode?: RequestMode;
  /** The request's redirect mode. */
  redirect?: RequestRedirect_;
  /** When the check failed on a redirect response: where it pointed. */
  location?: string;
  /** After a redirect: the URL that redirected to `url`. */
  previousUrl?: string;
  /** Local Network Access: the address space fetch() named (`targetAddressSpace`) and the resource's. */
  addressSpace?: { target?: AddressSpace; resource: AddressSpace };
  /**
   * A CORS check failed on `Access-Control-Allow-Origin` sent in several header lines: their names as sent (Firefox
   * refuses a repeated `Access-Control-Allow-Origin` spelled so before it reads the value).
   */
  allowOriginNames?: string[];
}

/** What went wrong when a request got no usable answer. */
export type NetworkFailure =
  /** No answer within the exchange's deadline. */
  | { kind: 'timeout'; ms: number }
  /** The transport failed: refused, reset, garbage on the wire, too large. `message` is the transport's. */
  | { kind: 'transport'; error: 'network' | 'protocol' | 'too-large' | 'local'; message: string }
  /**
   * The user's own target or set-up threw (a handler exception, an import failure): not CORS. `name` and
   * `message` are the thrown error's; `context` is the transport's account of where it was thrown.
   */
  | { kind: 'target'; name: string; message: string; stack?: string; context: string }
  /** The transport's answer is not an HTTP response (no object, a status out of range, a broken header list). */
  | { kind: 'invalid-response'; problem: 'not-a-response' | 'status' | 'header-list' | 'unreadable'; value?: string }
  /** A redirect's `Location` does not parse as a URL. */
  | { kind: 'invalid-location'; location: string }
  /** A redirect to a scheme fetch does not follow (not http: or https:). */
  | { kind: 'redirect-scheme'; location: string }
  /** An answer the engine's network stack refuses before CORS sees it (Chromium: a 407 from a server that is not a proxy). */
  | { kind: 'status'; status: number }
  /** Mode `no-cors` with a redirect mode other than `follow`. */
  | { kind: 'no-cors-redirect-mode'; redirect: RequestRedirect_ }
  /** The request was deliberately not sent (`corsproof check --preflight-only` sends preflights only). */
  | { kind: 'not-sent'; message: string }
  /**
   * A response head `engine` does not read, so the request fails as a network error: larger than the engine's
   * limit (`bytes` against `limit`), or holding a NUL byte in a header value (`header`) or the status text.
   */
  | { kind: 'refused-head'; problem: 'too-large'; bytes: number; limit: number; engine: EngineName }
  | { kind: 'refused-head'; problem: 'nul-in-header'; header: string; engine: EngineName }
  | { kind: 'refused-head'; problem: 'nul-in-status'; engine: EngineName }
  /**
   * Bytes `engine`'s HTTP/1 reader refuses (src/engines/http1.ts): a status line it does not read (`line`), a NUL
   * in a header name, a `101` to fetch(), body framing it refuses (the `header` and its `value`), a body cut
   * short or broken chunks where the engine fails the whole request, no response at all.
   */
  | { kind: 'refused-head'; problem: 'status-line'; line: string; engine: EngineName }
  | { kind: 'refused-head'; problem: 'nul-in-name'; header: string; engine: EngineName }
  | { kind: 'refused-head'; problem: 'switching-protocols'; engine: EngineName }
  | { kind: 'refused-head'; problem: 'framing'; header: 'Content-Length' | 'Transfer-Encoding'; value: string; engine: EngineName }
  | { kind: 'refused-head'; problem: BodyError | 'no-response'; engine: EngineName };

/**
 * Why reading a body failed: it ended before the length its head promised (`short-body`), its chunks broke off or
 * had a size that is no hex number (`broken-chunks`), its `Content-Length` is one the engine cannot use, its bytes do
 * not decode by its `Content-Encoding` (`content-coding`).
 */
export type BodyError = 'short-body' | 'broken-chunks' | 'content-length' | 'content-coding';

/** One change to the server's answers, at `url`: on the preflight (`OPTIONS`) answer or on the response. */
export type FixChange =
  /** Send `header` with exactly `value` (replacing any value it has). */
  | { kind: 'header'; on: 'preflight' | 'response'; url: string; header: string; value: string }
  /** Answer with this status instead. */
  | { kind: 'status'; on: 'preflight' | 'response'; url: string; status: number }
  /** Answer directly instead of redirecting. */
  | { kind: 'drop-redirect'; on: 'preflight' | 'response'; url: string }
  /**
   * Every URL the request is redirected to after `after` (answers the emulator has not seen: it never sends a
   * request to find out) must answer likewise: `later-header` sends `header` with `value` on each preflight or
   * response, where a `value` of null means the `Origin` header that request carries (a redirect across origins
   * makes it `null`); `later-status` answers each preflight with `status`.
   */
  | { kind: 'later-header'; on: 'preflight' | 'response'; after: string; header: string; value: string | null }
  | { kind: 'later-status'; on: 'preflight'; after: string; status: number };

export type ReasonCode =
  | 'DisallowedByMode'
  | 'WildcardOriginNotAllowed'
  | 'MissingAllowOriginHeader'
  | 'MultipleAllowOriginValues'
  | 'InvalidAllowOriginValue'
  | 'AllowOriginMismatch'
  | 'InvalidAllowCredentials'
  | 'PreflightInvalidStatus'
  | 'PreflightDisallowedRedirect'
  | 'PreflightWildcardOriginNotAllowed'
  | 'PreflightMissingAllowOriginHeader'
  | 'PreflightMultipleAllowOriginValues'
  | 'PreflightInvalidAllowOriginValue'
  | 'PreflightAllowOriginMismatch'
  | 'PreflightInvalidAllowCredentials'
  | 'InvalidAllowMethodsPreflightResponse'
  | 'InvalidAllowHeadersPreflightResponse'
  | 'MethodDisallowedByPreflightResponse'
  | 'HeaderDisallowedByPreflightResponse'
  | 'RedirectContainsCredentials'
  | 'UnexpectedRedirect'
  | 'TooManyRedirects'
  | 'ForbiddenMethod'
  | 'CredentialsInUrl'
  | 'MethodNotAllowedInNoCors'
  | 'NoCorsRedirectModeNotFollow'
  | 'CorsDisabledScheme'
  | 'InvalidRedirectLocation'
  | 'BadPort'
  | 'LocalNetworkAccessPermissionDenied'
  | 'InvalidPrivateNetworkAccess'
  | 'NetworkError'
  | 'Timeout';

export interface Verdict {
  engine: EngineName;
  /** True when `fetch()` would resolve. */
  allowed: boolean;
  /** The filtered response script receives; present when allowed. */
  response?: FilteredResponse;
  /** Every request that went on the wire, in order (preflights, actual requests, redirect hops). */
  exchanges: Exchange[];
  /** Why it was blocked; present when not allowed. */
  reason?: BlockReason;
}
