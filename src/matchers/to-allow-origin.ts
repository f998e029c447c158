/**
 * `expect(target).toAllowOrigin(origin, request?)`: script on `origin` can read the response to the request
 * (default: a simple `GET` of the target's base URL) in every engine. On a received response (supertest, fetch
 * `Response`, `IncomingMessage`, headers) it runs the browser's CORS check on that response, synchronously.
 */
import type { MatcherContextLike, MatcherResult } from './message.js';
import { originClaim } from './origin-claim.js';

export function toAllowOrigin(this: MatcherContextLike, received: unknown, origin: string, request?: unknown): MatcherResult | Promise<MatcherResult> {
  return originClaim(this, 'toAllowOrigin', received, origin, request);
}
