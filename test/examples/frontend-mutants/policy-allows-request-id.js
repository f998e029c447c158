// The API's CORS policy, changed to go with the new client: it allows X-Request-Id.
import { corsPolicy as production } from '../../../examples/frontend/src/cors-policy.js';
export { APP_ORIGIN } from '../../../examples/frontend/src/cors-policy.js';
export const corsPolicy = { ...production, allowHeaders: [...production.allowHeaders, 'x-request-id'] };
