/**
 * CORS policies for MSW mocks: `withCors(policy, handlers)` makes mocked endpoints answer like a server with
 * that CORS configuration (preflights included), so `createCorsFetch` and the matchers judge the mocks as the
 * browser would judge the real API.
 */
import { getResponse, http, type RequestHandler } from 'msw';
import { isPreflight, preflightResponse, validatePolicy, withCorsHeaders, type CorsPolicy } from './policy.js';

export function withCors(policy: CorsPolicy, handlers: readonly RequestHandler[]): RequestHandler[] {
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
