/**
 * What a correct server with a policy answers, computed from the request alone: the CORS response headers of a
 * preflight (and its status), or the ones to add to any other response. The mocks send exactly this; the
 * checker holds a real server to the same rules.
 *
 * - `Access-Control-Allow-Origin`: `*` when the policy allows any origin without credentials, otherwise the
 *   request's `Origin` when the policy allows it, and nothing when it does not.
 * - `Vary: Origin` on every response whose answer depends on the `Origin` (the policy names some origins), so a
 *   cache never serves one origin's answer to another.
 * - Preflights (`OPTIONS` with `Access-Control-Request-Method`): status 204, the allowed methods and headers
 *   (headers `'*'`: the requested ones, echoed, with `Vary: Access-Control-Request-Headers`), `Max-Age`.
 * - Other responses: `Access-Control-Expose-Headers` with the policy's list.
 */
import type { PolicyScope, DefinedCorsPolicy, ResolvedCorsRules } from './define.js';
import { originAllowed } from './origin-rules.js';

export interface PolicyRequest {
  method: string;
  /** An absolute URL or a path; only the path selects the route scope. */
  url: string;
  /** The request's `Origin`, `Access-Control-Request-Method` and `-Headers` are read. */
  headers: { get(name: string): string | null };
}

export interface PolicyAnswer {
  /** True for a CORS preflight: answer it with `status` and `headers`, without calling the route. */
  preflight: boolean;
  /** The preflight's status (204); absent for other requests, whose status is the route's own. */
  status?: number;
  /** CORS response headers, lower-case names. `vary` is to be merged with any `Vary` the response has. */
  headers: Array<[string, string]>;
  /** The route scope that decided. */
  scope: PolicyScope;
}

export const PREFLIGHT_STATUS = 204;

export function isPreflightRequest(request: Pick<PolicyRequest, 'method' | 'headers'>): boolean {
  return request.method.toUpperCase() === 'OPTIONS' && request.headers.get('access-control-request-method') !== null;
}

export function answerFor(policy: DefinedCorsPolicy, request: PolicyRequest): PolicyAnswer {
  const scope = policy.scopeFor(pathOf(request.url));
  const preflight = isPreflightRequest(request);
  const headers = preflight ? preflightHeaders(scope.rules, request) : actualHeaders(scope.rules, request);
  return preflight ? { preflight, status: PREFLIGHT_STATUS, headers, scope } : { preflight, headers, scope };
}

/** The `Access-Control-Allow-Origin` a correct server sends to this `Origin`, or `null` for none. */
export function allowOriginFor(rules: ResolvedCorsRules, origin: string | null): string | null {
  if (rules.origins.any) return '*';
  if (origin === null || origin === 'null') return null;
  return originAllowed(rules.origins, origin) ? origin : null;
}

function originHeaders(rules: ResolvedCorsRules, request: PolicyRequest): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  const allow = allowOriginFor(rules, request.headers.get('origin'));
  if (allow !== null) {
    out.push(['access-control-allow-origin', allow]);
    if (rules.credentials) out.push(['access-control-allow-credentials', 'true']);
  }
  if (!rules.origins.any && rules.origins.rules.length > 0) out.push(['vary', 'Origin']);
  return out;
}

function preflightHeaders(rules: ResolvedCorsRules, request: PolicyRequest): Array<[string, string]> {
  const out = originHeaders(rules, request);
  if (!out.some(([name]) => name === 'access-control-allow-origin')) return out;
  out.push(['access-control-allow-methods', rules.methods.join(', ')]);
  if (rules.headers === '*') {
    const asked = request.headers.get('access-control-request-headers');
    if (asked) out.push(['access-control-allow-headers', asked]);
    out.push(['vary', 'Access-Control-Request-Headers']);
  } else if (rules.headers.length) {
    out.push(['access-control-allow-headers', rules.headers.join(', ')]);
  }
  if (rules.maxAge !== null) out.push(['access-control-max-age', String(rules.maxAge)]);
  return out;
}

function actualHeaders(rules: ResolvedCorsRules, request: PolicyRequest): Array<[string, string]> {
  const out = originHeaders(rules, request);
  if (rules.exposeHeaders.length && out.some(([name]) => name === 'access-control-allow-origin')) {
    out.push(['access-control-expose-headers', rules.exposeHeaders.join(', ')]);
  }
  return out;
}

/** Apply an answer's headers to response headers: CORS headers replaced, `Vary` merged. */
export function applyAnswer(target: Headers, answer: PolicyAnswer): Headers {
  for (const name of [...target.keys()]) if (name.startsWith('access-control-')) target.delete(name);
  for (const [name, value] of answer.headers) {
    if (name !== 'vary') {
      target.set(name, value);
      continue;
    }
    const existing = target.get('vary');
    const tokens = existing ? existing.split(',').map((t) => t.trim().toLowerCase()) : [];
    if (tokens.includes('*') || tokens.includes(value.toLowerCase())) continue;
    target.set('vary', existing ? `${existing}, ${value}` : value);
  }
  return target;
}

function pathOf(url: string): string {
  if (url.startsWith('/')) return url;
  try {
    return new URL(url).pathname;
  } catch {
    return `/${url}`;
  }
}
