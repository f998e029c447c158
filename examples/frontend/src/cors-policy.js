// The API's CORS configuration, as production has it (keep this in step with the server's; the mocks use it).
export const APP_ORIGIN = 'https://shop.example';

export const corsPolicy = {
  origin: APP_ORIGIN,
  credentials: true,
  methods: ['GET', 'POST', 'PATCH'],
  allowHeaders: ['content-type', 'x-csrf-token'],
  exposeHeaders: ['x-total-count'],
  maxAge: 600,
};
