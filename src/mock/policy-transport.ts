/**
 * Any target made to follow a CORS policy: the `policy` option of `createCorsFetch` and `corsRoute`. Preflights
 * are answered from the policy (they never reach the target); every other response keeps the target's status and
 * body and gets the policy's CORS headers in place of its own, as with `corsHandler(policy, handler)`.
 */
import type { DefinedCorsPolicy } from '../policy/define.js';
import { serverClasses } from '../platform.js';
import { fromPlatformResponse, readHead, toPlatformRequest } from '../transports/wire.js';
import type { Transport, WireResponse } from '../types.js';
import { isPreflight, preflightResponse, validatePolicy, withCorsHeaders, type CorsPolicy } from './policy.js';

export function withPolicy(policy: CorsPolicy | DefinedCorsPolicy, inner: Transport, argument = 'options.policy'): Transport {
  validatePolicy(policy, argument);
  return {
    name: inner.name,
    ...(inner.baseUrl !== undefined ? { baseUrl: inner.baseUrl } : {}),
    async send(wire, context): Promise<WireResponse> {
      const request = toPlatformRequest(wire);
      if (isPreflight(request)) return fromPlatformResponse(preflightResponse(policy, request));
      const response = await inner.send(wire, context);
      // Only the head goes through the policy; status, status text and body stay the target's.
      const { Headers, Response } = serverClasses();
      const headers = new Headers();
      for (const [name, value] of response.headers) headers.append(name, value);
      const { headers: withCors } = readHead(withCorsHeaders(policy, request, new Response(null, { headers })));
      return { ...response, headers: withCors };
    },
  };
}
