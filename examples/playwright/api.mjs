/**
 * The example's API: the profile endpoint as a fetch handler, and the CORS policy the production API runs with.
 * The Playwright tests mock the API with them; server.mjs serves the same handler for real.
 */

/** The CORS configuration of the production API (mirror yours here). */
export const productionPolicy = {
  origin: 'https://app.example',
  credentials: true,
  allowHeaders: ['content-type', 'x-csrf-token'],
};

/** GET /profile and PUT /profile, as the real API answers them (CORS headers are the policy's business). */
export function profileApi() {
  let profile = { name: 'Grace' };
  return async (request) => {
    const { pathname } = new URL(request.url);
    if (pathname !== '/profile') return new Response('not found', { status: 404 });
    if (request.method === 'PUT') profile = { ...profile, ...(await request.json()) };
    else if (request.method !== 'GET') return new Response('method not allowed', { status: 405 });
    return Response.json(profile);
  };
}
