// CORS for Fastify (@fastify/cors), from cors.policy.json (corsproof config --for fastify).
// npm install @fastify/cors
import fastifyCors from '@fastify/cors';

export const corsOptions = {
  origin: ['https://app.example', /^https:\/\/[a-z0-9-]+\.preview\.app\.example$/],
  methods: ['GET', 'POST', 'PUT', 'DELETE'],
  allowedHeaders: ['content-type', 'x-csrf-token'],
  exposedHeaders: ['x-total-count'],
  credentials: true,
  maxAge: 600,
};

/** Register before your routes: await applyCors(app). */
export async function applyCors(app) {
  await app.register(fastifyCors, corsOptions);
}
