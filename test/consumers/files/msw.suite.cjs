// MSW handlers as a target, and corsproof/msw's CORS policies, in the msw version this cell installed.
const { APP, EVIL } = require('./apps.cjs');

const API = 'https://api.msw-consumer.example';

module.exports = function mswSuite({ test, expect, msw, corsproof, mock, corsMsw }) {
  const { http, HttpResponse } = msw;
  const items = () => [http.get(`${API}/items`, () => HttpResponse.json([1, 2, 3])), http.put(`${API}/items`, () => HttpResponse.json({ ok: true }))];

  test('MSW handlers with a CORS policy: matchers judge them like the real server', async () => {
    const handlers = corsMsw.withCors({ origin: APP, methods: ['GET', 'PUT'], allowHeaders: ['content-type'] }, items());
    await expect(handlers).toAllowOrigin(APP, { url: `${API}/items` });
    await expect(handlers).not.toAllowOrigin(EVIL, { url: `${API}/items` });
    await expect(handlers).toAllowMethods(['PUT'], { origin: APP, url: `${API}/items` });
    await expect(handlers).not.toAllowHeaders('x-csrf-token', { origin: APP, url: `${API}/items`, method: 'PUT' });
  });

  test('handlers without CORS headers are blocked, as in a browser', async () => {
    await expect(items()).toBeBlockedByCors('MissingAllowOriginHeader', { origin: APP, url: `${API}/items` });
  });

  test('createCorsFetch over MSW handlers resolves like the browser, and rejects with its TypeError', async () => {
    const handlers = corsMsw.withCors({ origin: APP, allowHeaders: ['content-type'] }, items());
    const corsFetch = mock.createCorsFetch({ origin: APP, target: handlers, onBlocked: () => undefined });
    const response = await corsFetch(`${API}/items`);
    expect(await response.json()).toEqual([1, 2, 3]);
    let rejected;
    try {
      await corsFetch(`${API}/items`, { method: 'PUT', headers: { 'x-csrf-token': 't' } });
    } catch (error) {
      rejected = error;
    }
    expect(rejected).toBeInstanceOf(TypeError);
    expect(rejected.message).toBe('Failed to fetch');
  });

  test('a setupServer() instance is a target too', async () => {
    const { setupServer } = msw.node;
    const server = setupServer(...corsMsw.withCors({ origin: '*' }, items()));
    await expect(server).toAllowOrigin(APP, { url: `${API}/items` });
    const verdict = await corsproof.simulate({ url: `${API}/items`, origin: APP }, { transport: corsproof.fromMswHandlers(server) });
    expect(verdict.allowed).toBe(true);
  });
};
