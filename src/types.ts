import type { PreflightCache } from './spec/preflight-cache.js';

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

/** What the page's script asks `fetch()` to do. */
export interface CorsRequest {
  /** Absolute URL, or a path resolved against the target's base URL. */
  url: string | URL;
  /** The page's origin, e.g. `https://app.example` (scheme, host and port only). */
  origin: string;
  /** Default `GET`. */
  method?: string;
  headers?: HeadersInit_;
  body?: BodyInit | null;
  /** Default `cors`. */
  mode?: RequestMode;
  /** Default `same-origin`. */
  credentials?: RequestCredentials_;
  /** Default `follow`. */
  redirect?: RequestRedirect_;
}

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
}

export interface TransportContext {
  /** Aborts when the emulator's timeout fires. */
  signal: AbortSignal;
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
  error?: string;
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
  /** The body decoded as UTF-8. */
  text(): string;
}

export interface BlockReason {
  /** A stable code, after Chromium's `CorsError` names, e.g. `MissingAllowOriginHeader`. */
  code: ReasonCode;
  /** True when the preflight is what failed. */
  preflight: boolean;
  /** The URL whose response failed the check. */
  url: string;
  /** Chromium's console message, word for word (empty when Chromium prints none). */
  chromium: string;
  /** Firefox's reason (a `CORS...` code from Firefox's docs) and its console message. */
  firefox: { code: string; message: string };
  /** One line saying what to change on the server. */
  fix: string;
}

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
