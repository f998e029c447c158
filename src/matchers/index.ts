/**
 * The CORS matchers as a plain object for `expect.extend(corsMatchers)` (Vitest, Jest, or any runner with a
 * Jest-compatible `expect`). `corsproof/vitest` and `corsproof/jest` register them and merge their types.
 */
import { toAllowCredentials } from './to-allow-credentials.js';
import { toAllowHeaders } from './to-allow-headers.js';
import { toAllowMethods } from './to-allow-methods.js';
import { toAllowOrigin } from './to-allow-origin.js';
import { toBeBlockedByCors } from './to-be-blocked-by-cors.js';
import { toExposeHeaders } from './to-expose-headers.js';
import { toMatchCorsPolicy } from './to-match-cors-policy.js';
import { toPassPreflight } from './to-pass-preflight.js';

export const corsMatchers = {
  toAllowOrigin,
  toAllowCredentials,
  toExposeHeaders,
  toPassPreflight,
  toAllowMethods,
  toAllowHeaders,
  toBeBlockedByCors,
  toMatchCorsPolicy,
};

export { toAllowCredentials, toAllowHeaders, toAllowMethods, toAllowOrigin, toBeBlockedByCors, toExposeHeaders, toMatchCorsPolicy, toPassPreflight };
export { REASON_CODES } from './reason-codes.js';
export type { MatcherContextLike, MatcherResult } from './message.js';
export type {
  CorsMatcherOptions,
  CorsMatcherRequest,
  CorsMatcherRequestWithOrigin,
  CorsMatchers,
  CorsPolicyMatcherOptions,
  CorsResponseCheckOptions,
  CorsResponseLike,
  HeaderNames,
} from './types.js';
