/**
 * corsproof/msw: CORS in frontend tests that mock their API with MSW.
 * - `enforceCors(server)`: every request MSW intercepts is judged as the browser would judge it.
 * - `withCors(policy, handlers)`: mocked endpoints answer like a server with that CORS configuration.
 * It never imports msw itself (its handlers are plain objects msw 2 and 3 accept), so it loads everywhere.
 */
export { withCors } from './with-cors.js';
export { enforceCors, type CorsEnforcement, type EnforceCorsOptions } from './enforce-cors.js';
export { CorsError, type OnBlocked } from './blocked.js';
export type { CorsPolicy, OriginRule } from './policy.js';
export type { Verdict } from '../types.js';
