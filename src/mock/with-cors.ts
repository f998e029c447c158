/**
 * `withCors(policy, handlers)`: MSW handlers that answer like a server with that CORS configuration.
 */
import type { RequestHandler } from 'msw';
import { InvalidArgumentError } from '../errors.js';
import { makeServerRequest } from '../platform.js';
import { anyHandlerMatches, defineHandler, isPassthroughResponse, isRequestHandler, MATCHES, runHandlers, type MswRunArgs, type RunnableHandler } from './msw-handler.js';
import { isCorsPolicy, type DefinedCorsPolicy } from '../policy/define.js';
import { isPreflight, preflightResponse, validatePolicy, withCorsHeaders, type CorsPolicy } from './policy.js';

/**
 * Wrap MSW handlers in a CORS policy: preflights to their routes are answered by the policy, their responses get
 * the policy's CORS headers. A request none of them matches stays unmatched, so MSW's `onUnhandledRequest` sees it.
 * `policy`: a mock policy, or one made by `defineCorsPolicy` (its route scopes apply).
 */
export function withCors(policy: CorsPolicy | DefinedCorsPolicy, handlers: readonly RequestHandler[]): RequestHandler[];
export function withCors(policy: CorsPolicy | DefinedCorsPolicy, handlers: readonly unknown[]): RequestHandler[] {
  validatePolicy(policy);
  if (!Array.isArray(handlers) || !handlers.every(isRequestHandler)) {
    throw new InvalidArgumentError(
      'handlers',
      'expected an array of MSW request handlers (http.get(...), graphql.query(...))',
      'Pass the handlers you would give setupServer, e.g. withCors(policy, [http.get(url, resolver)]).',
    );
  }
  const inner = [...handlers] as RunnableHandler[];
  const handler = defineHandler(`withCors(${isCorsPolicy(policy) ? 'defined policy' : describeOrigin(policy)})`, async (args: MswRunArgs) => {
    const { request } = args;
    if (isPreflight(request)) {
      if (!(await servesPreflight(inner, request, args.resolutionContext))) return null;
      return { handler, request, requestId: args.requestId, response: preflightResponse(policy, request) };
    }
    const result = await runHandlers(inner, args);
    if (result === null || !result.response || isPassthroughResponse(result.response)) return result;
    return { ...result, response: withCorsHeaders(policy, request, result.response) };
  });
  Object.defineProperty(handler, MATCHES, {
    value: (request: Request, context?: MswRunArgs['resolutionContext']) =>
      isPreflight(request) ? servesPreflight(inner, request, context) : anyHandlerMatches(inner, request, context),
  });
  // A plain object msw runs like its own handlers (see msw-handler.ts), typed as one for setupServer().
  return [handler as unknown as RequestHandler];
}

/**
 * Whether a preflight is for one of the wrapped routes: some handler matches the request it announces (same URL,
 * the `Access-Control-Request-Method`). GraphQL handlers match a GET or POST to their endpoint (any URL for
 * `graphql.query()`, the linked one for `graphql.link(url)`), as their operation is in a body the preflight does
 * not carry.
 */
async function servesPreflight(inner: RunnableHandler[], preflight: Request, context?: MswRunArgs['resolutionContext']): Promise<boolean> {
  const method = preflight.headers.get('access-control-request-method') ?? 'GET';
  const announced = makeServerRequest(preflight.url, { method, headers: [], body: null });
  if (await anyHandlerMatches(inner, announced, context)) return true;
  // GraphQL goes over GET and POST only.
  return (method === 'POST' || method === 'GET') && inner.some((h) => isGraphqlHandler(h) && endpointMatches(h.endpoint, preflight.url));
}

interface GraphqlLike {
  info?: { operationType?: string };
  endpoint?: unknown;
}

function isGraphqlHandler(handler: unknown): handler is GraphqlLike {
  return typeof (handler as GraphqlLike).info?.operationType === 'string';
}

function endpointMatches(endpoint: unknown, url: string): boolean {
  if (endpoint === undefined || endpoint === '*') return true;
  const target = new URL(url);
  if (endpoint instanceof RegExp) return endpoint.test(url);
  if (typeof endpoint === 'string') {
    const bare = `${target.origin}${target.pathname}`;
    return endpoint === bare || endpoint === target.pathname || endpoint === url;
  }
  return false;
}

function describeOrigin(policy: CorsPolicy): string {
  const rule = policy.origin;
  if (typeof rule === 'string') return rule;
  if (rule instanceof RegExp) return String(rule);
  if (typeof rule === 'function') return 'origin predicate';
  return rule.map(String).join(', ');
}
