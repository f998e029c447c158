/** corsproof/mock: CORS-enforcing fetch for frontend tests, and CORS policies for mock APIs. */
export { createCorsFetch, type CorsFetchError, type CorsFetchOptions } from './cors-fetch.js';
export { CorsError, type OnBlocked } from './blocked.js';
export { allowOriginHeaders, corsHandler, isPreflight, preflightResponse, withCorsHeaders, type CorsPolicy, type OriginRule } from './policy.js';
export { defineCorsPolicy, isCorsPolicy, type CorsPolicyConfig, type DefinedCorsPolicy } from '../policy/define.js';
export type { Verdict } from '../types.js';
