/**
 * Public types of the CORS matchers: what each matcher accepts, and the interface merged into Vitest's and
 * Jest's `expect` (see src/vitest.ts and src/jest.ts).
 */
import type { CorsPolicyCheckOptions } from '../policy/check.js';
import type { CorsPolicyConfig, DefinedCorsPolicy } from '../policy/define.js';
import type { CorsRequest, EngineName, ReasonCode } from '../types.js';

/** How the matchers run: which engines must agree, where relative URLs go, how long one exchange may take. */
export interface CorsMatcherOptions {
  /** Run only this engine. */
  engine?: EngineName;
  /** Run these engines; every one must agree. Default `['chromium', 'firefox', 'webkit']`. */
  engines?: readonly EngineName[];
  /** Base URL of an in-process target (default `https://api.example`); relative request URLs resolve against it. */
  baseUrl?: string;
  /** Milliseconds one exchange may take before the verdict is `Timeout`. Default 10 000. */
  timeoutMs?: number;
}

/**
 * The request a matcher makes: a partial `CorsRequest` (default `GET` of the target's base URL, mode `cors`,
 * credentials `same-origin`) plus the matcher options.
 */
export interface CorsMatcherRequest extends Partial<CorsRequest>, CorsMatcherOptions {}

/** A matcher request that must name the page's origin (matchers that take no `origin` argument). */
export interface CorsMatcherRequestWithOrigin extends CorsMatcherRequest {
  origin: string;
}

/**
 * What the matchers check synchronously: one response as the browser received it. A fetch `Response`, a
 * supertest / superagent or light-my-request response, a Node `IncomingMessage`, a `Headers` object, or a plain
 * record of headers.
 */
export type CorsResponseLike =
  | { readonly headers: unknown; readonly status: number }
  | { readonly headers: unknown; readonly statusCode: number }
  | { readonly headers: unknown; readonly rawHeaders: readonly string[] }
  | Headers
  | { readonly [name: string]: string | readonly string[] | number | undefined };

/** Only the settings that make sense for an already received response: the origin, credentials and engines. */
export interface CorsResponseCheckOptions {
  origin?: string;
  credentials?: CorsRequest['credentials'];
  engine?: EngineName;
  engines?: readonly EngineName[];
}

/** A header to send: a name (sent with a non-safelisted placeholder value), or a name → value record. */
export type HeaderNames = string | readonly string[] | Readonly<Record<string, string>>;

/** Options of `toMatchCorsPolicy`: which routes (default: the target's own), parameters, engines. */
export type CorsPolicyMatcherOptions = CorsPolicyCheckOptions;

/** Awaitable on targets, synchronous on responses. */
type On<T, R> = T extends CorsResponseLike ? R : Promise<void>;

/** For matchers that send their own requests: a received response is a compile error (and a typed error at run time). */
type TargetOnly<T, A> = T extends CorsResponseLike ? never : A;

/**
 * The CORS matchers, as `expect(received)` exposes them. `T` is the received value's type: on a response the
 * matchers that can run synchronously return `R`; on a target (app, URL, handler, mocks) they return a promise.
 */
export interface CorsMatchers<R = unknown, T = unknown> {
  /** A request from `origin` (default: a simple `GET` of the base URL) is allowed: script can read the response. */
  toAllowOrigin(origin: string, request?: T extends CorsResponseLike ? CorsResponseCheckOptions : CorsMatcherRequest): On<T, R>;
  /** A credentialed request (`credentials: 'include'`) from `origin` is allowed. */
  toAllowCredentials(origin: string, request?: T extends CorsResponseLike ? CorsResponseCheckOptions : CorsMatcherRequest): On<T, R>;
  /** Script can read each of these response headers (after the request is allowed). */
  toExposeHeaders(names: string | readonly string[], ...request: T extends CorsResponseLike ? [request?: CorsResponseCheckOptions] : [request: CorsMatcherRequestWithOrigin]): On<T, R>;
  /** A preflight is sent for this request (method, headers, credentials) and it passes. Targets only. */
  toPassPreflight(request: TargetOnly<T, CorsMatcherRequestWithOrigin>): Promise<void>;
  /** Each method is allowed: a request with it succeeds, preflight included. Targets only. */
  toAllowMethods(methods: string | readonly string[], request: TargetOnly<T, CorsMatcherRequestWithOrigin>): Promise<void>;
  /** Each request header is allowed: a request carrying it succeeds, preflight included. Targets only. */
  toAllowHeaders(headers: HeaderNames, request: TargetOnly<T, CorsMatcherRequestWithOrigin>): Promise<void>;
  /** The request is blocked by CORS (optionally for that reason) in every engine. Targets only. */
  toBeBlockedByCors(request: TargetOnly<T, CorsMatcherRequestWithOrigin>): Promise<void>;
  toBeBlockedByCors(code: ReasonCode, request: TargetOnly<T, CorsMatcherRequestWithOrigin>): Promise<void>;
  /** Every route answers CORS as a correct server with this policy would, in every engine. Targets only. */
  toMatchCorsPolicy(policy: TargetOnly<T, DefinedCorsPolicy | CorsPolicyConfig>, options?: CorsPolicyMatcherOptions): Promise<void>;
}
