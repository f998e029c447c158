/**
 * `expect(target).toAllowCredentials(origin, request?)`: a request with `credentials: 'include'` (cookies,
 * HTTP auth) from `origin` is allowed: `Access-Control-Allow-Origin` names the origin exactly and
 * `Access-Control-Allow-Credentials: true` is sent, on the preflight too when there is one. On a received
 * response it checks that response synchronously.
 */
import type { MatcherContextLike, MatcherResult } from './message.js';
import { originClaim } from './origin-claim.js';

export function toAllowCredentials(this: MatcherContextLike, received: unknown, origin: string, request?: unknown): MatcherResult | Promise<MatcherResult> {
  return originClaim(this, 'toAllowCredentials', received, origin, request);
}
