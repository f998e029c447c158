/**
 * CORS policies for MSW mocks: `withCors(policy, handlers)` makes mocked endpoints answer like a server with
 * that CORS configuration (preflights included), so `createCorsFetch` and the matchers judge the mocks as the
 * browser would judge the real API.
 */
import { getResponse, http, type RequestHandler } from 'msw';
import type { DefinedCorsPolicy } from '../policy/define.js';
import { isPreflight, preflightResponse, validatePolicy, withCorsHeaders, type CorsPolicy } from './policy.js';

/** `policy`: a mock policy, or one made by `defineCorsPolicy` (its route scopes apply). */
export function withCors(policy: CorsPolicy | DefinedCorsPolicy, handlers: readonly RequestHandler[]): RequestHandler[] {
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
