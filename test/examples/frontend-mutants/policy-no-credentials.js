// The API's CORS policy, changed: it no longer allows credentials.
import { corsPolicy as production } from '../../../examples/frontend/src/cors-policy.js';
export { APP_ORIGIN } from '../../../examples/frontend/src/cors-policy.js';
export const corsPolicy = { ...production, credentials: false };
