// CORS for Koa (@koa/cors), from cors.policy.json (corsproof config --for koa).
// npm install @koa/cors
import cors from '@koa/cors';

/** Whether the request's Origin is one of `allowed` (exact origins, and RegExps for patterns). */
function allowedOrigin(allowed, origin) {
  return allowed.some((entry) => (typeof entry === 'string' ? entry === origin : entry.test(origin)));
}

export const corsOptions = {
  origin: (ctx) => (allowedOrigin(['https://app.example', /^https:\/\/[a-z0-9-]+\.preview\.app\.example$/], ctx.get('Origin')) ? ctx.get('Origin') : ''),
  allowMethods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowHeaders: ['content-type', 'x-csrf-token'],
  exposeHeaders: ['x-total-count'],
  credentials: true,
  maxAge: 600,
};

/** Install before your routes: applyCors(app). */
export function applyCors(app) {
  app.use(cors(corsOptions));
}
