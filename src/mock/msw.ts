/**
 * CORS policies for MSW mocks: `withCors(policy, handlers)` makes mocked endpoints answer like a server with
 * that CORS configuration (preflights included), so `createCorsFetch` and the matchers judge the mocks as the
 * browser would judge the real API.
 */
import { getResponse, http, type RequestHandler } from 'msw';
import { isCorsPolicy, type DefinedCorsPolicy } from '../policy/define.js';
import { policyPreflight, withPolicyHeaders } from './defined-policy.js';
import { isPreflight, preflightResponse, validatePolicy, withCorsHeaders, type CorsPolicy } from './policy.js';

/** `policy`: a mock policy, or one made by `defineCorsPolicy` (then route scopes apply). */
export function withCors(policy: CorsPolicy | DefinedCorsPolicy, handlers: readonly RequestHandler[]): RequestHandler[] {
  if (isCorsPolicy(policy)) {
    const inner = [...handlers];
    return [
      http.all('*', async ({ request }) => {
        const preflight = policyPreflight(policy, request);
        if (preflight) return preflight;
        const response = await getResponse(inner, request);
        return response ? withPolicyHeaders(policy, request, response) : undefined;
      }),
    ];
  }
  validatePolicy(policy);
  const inner = [...handlers];
  return [
    http.all('*', async ({ request }) => {
      if (isPreflight(request)) return preflightResponse(policy, request);
      const response = await getResponse(inner, request);
      return response ? withCorsHeaders(policy, request, response) : undefined;
    }),
  ];
}

export type { CorsPolicy, OriginRule } from './policy.js';
