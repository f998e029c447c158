/**
 * A CORS policy for mock APIs: the headers a well-configured server sends, computed from the request.
 * Framework-free (a `Request` in, a `Response` out), so it serves MSW handlers, fetch-handler mocks and tests.
 */
import { InvalidArgumentError } from '../errors.js';
import { serverClasses } from '../platform.js';
import { isCorsPolicy, type DefinedCorsPolicy } from '../policy/define.js';
import { policyPreflight, withPolicyHeaders } from './defined-policy.js';

export type OriginRule = '*' | string | RegExp | ReadonlyArray<string | RegExp> | ((origin: string) => boolean);

export interface CorsPolicy {
  /** Which page origins may read responses: `'*'`, one origin, a RegExp, a list, or a predicate. */
  origin: OriginRule;
  /** Send `Access-Control-Allow-Credentials: true` (and never `*`). Default false. */
  credentials?: boolean;
  /** Methods a preflight allows. Default GET, HEAD, PUT, PATCH, POST, DELETE. */
  methods?: readonly string[];
  /** Request headers a preflight allows; default: the ones the preflight asks for. */
  allowHeaders?: readonly string[] | '*';
  /** Response headers script may read. */
  exposeHeaders?: readonly string[];
  /** `Access-Control-Max-Age` in seconds. */
  maxAge?: number;
  /** Status of a preflight answer. Default 204. */
  preflightStatus?: number;
}

const DEFAULT_METHODS = ['GET', 'HEAD', 'PUT', 'PATCH', 'POST', 'DELETE'];

export function validatePolicy(policy: unknown, argument = 'policy'): CorsPolicy | DefinedCorsPolicy {
  if (isCorsPolicy(policy)) return policy;
  if (policy === null || typeof policy !== 'object' || !('origin' in policy)) {
    throw new InvalidArgumentError(argument, 'expected an object with an `origin` rule', "Pass e.g. { origin: 'https://app.example', credentials: true }.");
  }
  const p = policy as CorsPolicy;
  if (p.credentials && p.origin === '*') {
    throw new InvalidArgumentError(`${argument}.origin`, "'*' with credentials: true is rejected by every browser", 'List the allowed origins instead; the policy then echoes the request origin.');
  }
  return p;
}

function originAllowed(rule: OriginRule, origin: string): boolean {
  if (rule === '*') return true;
  if (typeof rule === 'string') return rule === origin;
  if (rule instanceof RegExp) return rule.test(origin);
  if (typeof rule === 'function') return rule(origin);
  return rule.some((r) => (typeof r === 'string' ? r === origin : r.test(origin)));
}

/** The `Access-Control-Allow-Origin`/`-Credentials` (+ `Vary`) headers this policy sends for a request. */
export function allowOriginHeaders(policy: CorsPolicy, request: Request): Array<[string, string]> {
  const origin = request.headers.get('origin');
  const out: Array<[string, string]> = [];
  if (policy.origin === '*' && !policy.credentials) {
    out.push(['access-control-allow-origin', '*']);
    return out;
  }
  out.push(['vary', 'Origin']);
  if (origin === null || !originAllowed(policy.origin, origin)) return out;
  out.push(['access-control-allow-origin', origin]);
  if (policy.credentials) out.push(['access-control-allow-credentials', 'true']);
  return out;
}

export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
}

/** The answer to a preflight under this policy. */
export function preflightResponse(policy: CorsPolicy | DefinedCorsPolicy, request: Request): Response {
  const { Headers, Response } = serverClasses();
  if (isCorsPolicy(policy)) return policyPreflight(policy, request) ?? new Response(null, { status: 204 });
  const headers = new Headers(allowOriginHeaders(policy, request));
  headers.set('access-control-allow-methods', (policy.methods ?? DEFAULT_METHODS).join(', '));
  const asked = request.headers.get('access-control-request-headers');
  const allow = policy.allowHeaders === undefined ? asked : policy.allowHeaders === '*' ? '*' : policy.allowHeaders.join(', ');
  if (allow) headers.set('access-control-allow-headers', allow);
  if (policy.maxAge !== undefined) headers.set('access-control-max-age', String(policy.maxAge));
  if (policy.allowHeaders === undefined) headers.append('vary', 'Access-Control-Request-Headers');
  return new Response(null, { status: policy.preflightStatus ?? 204, headers });
}

/** `response` with this policy's CORS headers added (existing CORS headers are replaced). */
export function withCorsHeaders(policy: CorsPolicy | DefinedCorsPolicy, request: Request, response: Response): Response {
  if (isCorsPolicy(policy)) return withPolicyHeaders(policy, request, response);
  const { Headers, Response } = serverClasses();
  const headers = new Headers();
  const cookies = typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : null;
  response.headers.forEach((value, name) => {
    if (name !== 'set-cookie' || !cookies) headers.append(name, value);
  });
  for (const cookie of cookies ?? []) headers.append('set-cookie', cookie);
  for (const name of ['access-control-allow-origin', 'access-control-allow-credentials', 'access-control-expose-headers']) headers.delete(name);
  for (const [name, value] of allowOriginHeaders(policy, request)) headers.append(name, value);
  if (policy.exposeHeaders?.length) headers.set('access-control-expose-headers', policy.exposeHeaders.join(', '));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/**
 * A fetch handler that applies `policy` around `handler`: preflights answered, responses given CORS headers.
 * `policy` is a mock policy, or one made by `defineCorsPolicy` (then route scopes apply).
 */
export function corsHandler(policy: CorsPolicy | DefinedCorsPolicy, handler: (request: Request) => Response | Promise<Response>): (request: Request) => Promise<Response> {
  validatePolicy(policy);
  return async (request) => (isPreflight(request) ? preflightResponse(policy, request) : withCorsHeaders(policy, request, await handler(request)));
}
