// CORS for Express (cors), from cors.policy.json (corsproof config --for express).
// npm install cors
import cors from 'cors';

export const corsOptions = {
  origin: ['https://app.example', /^https:\/\/[a-z0-9-]+\.preview\.app\.example$/],
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['content-type', 'x-csrf-token'],
  exposedHeaders: ['x-total-count'],
  credentials: true,
  maxAge: 600,
};

/** Install before your routes: applyCors(app). */
export function applyCors(app) {
  app.use(cors(corsOptions));
}
