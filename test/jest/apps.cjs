// Real Express apps for the Jest suite.
const cors = require('cors');
const express = require('express');

const APP = 'https://app.example';
const EVIL = 'https://evil.example';

function routes(app) {
  app.get('/items', (_req, res) => {
    res.set('x-total-count', '3').set('x-internal', 'secret').json([1, 2, 3]);
  });
  app.put('/items', (_req, res) => {
    res.json({ ok: true });
  });
  return app;
}

/** An allow-list with credentials, GET/PUT, content-type and x-csrf-token, x-total-count exposed. */
function api() {
  const app = express();
  app.use(
    cors({ origin: [APP], credentials: true, methods: ['GET', 'PUT'], allowedHeaders: ['content-type', 'x-csrf-token'], exposedHeaders: ['x-total-count'] }),
  );
  return routes(app);
}

/** No CORS at all. */
function privateApi() {
  return routes(express());
}

/** Any origin reflected, with credentials. */
function reflectingApi() {
  const app = express();
  app.use(cors({ origin: true, credentials: true }));
  return routes(app);
}

module.exports = { APP, EVIL, api, privateApi, reflectingApi };
