// CORS for Hono (hono/cors), from cors.policy.json (corsproof config --for hono).
// npm install hono
import { cors } from 'hono/cors';

/** Whether the request's Origin is one of `allowed` (exact origins, and RegExps for patterns). */
function allowedOrigin(allowed, origin) {
  return allowed.some((entry) => (typeof entry === 'string' ? entry === origin : entry.test(origin)));
}

export const corsOptions = {
  origin: (origin) => (allowedOrigin(['https://app.example', /^https:\/\/[a-z0-9-]+\.preview\.app\.example$/], origin) ? origin : null),
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['content-type', 'x-csrf-token'],
  exposeHeaders: ['x-total-count'],
  credentials: true,
  maxAge: 600,
};

/** Install before your routes: applyCors(app). */
export function applyCors(app) {
  app.use('*', cors(corsOptions));
}
