// The backend's CORS configuration, written by hand for both apps: it must match cors.policy.json, and
// backend.test.ts holds both apps to the policy, route by route.
export const api = {
  origins: ['https://app.example', /^https:\/\/[a-z0-9-]+\.preview\.app\.example$/],
  methods: ['GET', 'POST', 'PUT'],
  headers: ['content-type'],
  exposeHeaders: ['x-total-count'],
  maxAge: 600,
};

export const admin = {
  origins: ['https://admin.app.example'],
  methods: ['GET', 'DELETE'],
  headers: ['content-type', 'x-csrf-token'],
  exposeHeaders: ['x-total-count'],
  maxAge: 600,
};
