// The matchers against real targets, as a backend engineer uses them. One suite for every runner: the runner's
// file passes its `test`/`expect` and corsproof's entries as that module system loaded them.
const apps = require('./apps.cjs');

const { APP, EVIL } = apps;

module.exports = function targetsSuite({ test, expect, beforeAll, afterAll, corsproof }) {
  test('Express with cors: origins, credentials, preflights, methods, headers, exposed headers', async () => {
    const app = apps.express();
    await expect(app).toAllowOrigin(APP, { url: '/items' });
    await expect(app).not.toAllowOrigin(EVIL, { url: '/items' });
    await expect(app).toAllowCredentials(APP, { url: '/items' });
    await expect(app).toPassPreflight({ origin: APP, url: '/items', method: 'PUT', headers: { 'x-csrf-token': 't' } });
    await expect(app).toAllowMethods(['GET', 'PUT'], { origin: APP, url: '/items' });
    await expect(app).not.toAllowMethods('DELETE', { origin: APP, url: '/items' });
    await expect(app).toAllowHeaders(['content-type', 'x-csrf-token'], { origin: APP, url: '/items', method: 'PUT' });
    await expect(app).toExposeHeaders('x-total-count', { origin: APP, url: '/items' });
    await expect(app).toBeBlockedByCors('HeaderDisallowedByPreflightResponse', { origin: APP, url: '/items', method: 'PUT', headers: { authorization: 'x' } });
  });

  test('Fastify with @fastify/cors', async () => {
    const app = await apps.fastify();
    await expect(app).toAllowOrigin(APP, { url: '/items' });
    await expect(app).toAllowMethods(['GET', 'PUT'], { origin: APP, url: '/items' });
    await expect(app).not.toAllowOrigin(EVIL, { url: '/items' });
    await app.close();
  });

  test('Hono (a fetch handler) with hono/cors', async () => {
    await expect(apps.hono()).toAllowOrigin(APP, { url: '/items' });
    await expect(apps.hono()).not.toAllowOrigin(EVIL, { url: '/items' });
  });

  let server;
  beforeAll(async () => {
    server = await apps.listening();
  });
  afterAll(() => server?.close());

  test('a live URL over a real socket', async () => {
    await expect(server.url).toAllowOrigin(APP);
    await expect(server.url).not.toAllowOrigin(EVIL);
  });

  test('a received response is checked synchronously', () => {
    expect(new Response('ok', { headers: { 'access-control-allow-origin': '*' } })).toAllowOrigin(APP);
    expect({ 'access-control-allow-origin': APP }).not.toAllowOrigin(EVIL);
  });

  test("a failure says what the browser would say and what to change", async () => {
    let message = '';
    try {
      await expect(apps.express()).toAllowOrigin(EVIL, { url: '/items', engine: 'chromium' });
    } catch (error) {
      message = error.message;
    }
    expect(message).toContain("has been blocked by CORS policy");
    expect(message).toContain('Access-Control-Allow-Origin');
  });

  test("an exception thrown by the target fails the assertion and names that exception", async () => {
    const target = () => {
      throw new apps.AppFailure('the database is down');
    };
    let message = '';
    try {
      await expect(target).toAllowOrigin(APP);
    } catch (error) {
      message = error.message;
    }
    expect(message).toContain('AppFailure');
    expect(message).toContain('the database is down');
  });

  test('bad input is a typed error of the same class corsproof exports', async () => {
    let thrown;
    try {
      await expect(apps.express()).toAllowOrigin(APP, { engine: 'edge' });
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(corsproof.InvalidArgumentError);
    expect(thrown).toBeInstanceOf(corsproof.CorsproofError);
  });
};
