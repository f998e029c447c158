// Fastify under Jest's CommonJS runtime: Fastify's inject() loads light-my-request, whose dependencies are
// ESM-only and cannot be required here; corsproof answers through the instance's own request listener instead.
require('corsproof/jest');
const fastify = require('fastify');
const fastifyCors = require('@fastify/cors');

const APP = 'https://app.example';

async function api() {
  const app = fastify();
  await app.register(fastifyCors, { origin: APP, methods: ['GET', 'PUT'] });
  app.get('/items', async () => [1, 2, 3]);
  app.put('/items', async () => ({ ok: true }));
  return app;
}

test('a Fastify app with @fastify/cors', async () => {
  const app = await api();
  await expect(app).toAllowOrigin(APP, { url: '/items' });
  await expect(app).toAllowMethods(['GET', 'PUT'], { origin: APP, url: '/items' });
  await expect(app).not.toAllowOrigin('https://evil.example', { url: '/items' });
  await app.close();
});

// Jest supports require(esm) from Node 24.9 on; on Node 22, inject() fails here, so the test above proves the
// matchers do not depend on it.
const injectFails = Number(process.versions.node.split('.')[0]) < 24;
(injectFails ? test : test.skip)("the instance's own inject() cannot run in this runtime", async () => {
  const app = await api();
  await expect((async () => app.inject({ method: 'GET', url: '/items' }))()).rejects.toThrow(/ES Module|import/);
  await app.close();
});
