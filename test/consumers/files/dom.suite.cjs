// corsproof in a DOM test environment (happy-dom, jsdom, jest-environment-jsdom): the frontend's fetch judged
// like the browser's, and the matchers, with the environment's own globals in place.
const { APP, EVIL } = require('./apps.cjs');

const API = 'https://api.dom-consumer.example';

// happy-dom replaces Request and Headers with browser-side ones that drop the headers a page may not set
// (Origin, Access-Control-Request-*). corsproof builds the requests it hands an in-process mock with
// server-side classes, so the mock still sees the page's origin and the preflight in every environment.

module.exports = function domSuite({ test, expect, corsproof, mock, Response = globalThis.Response }) {

  test('the environment is a DOM', () => {
    expect(typeof document).toBe('object');
    expect(typeof window).toBe('object');
  });

  const api = () =>
    mock.corsHandler({ origin: APP, credentials: true, allowHeaders: ['content-type'] }, (request) =>
      new Response(JSON.stringify({ path: new URL(request.url).pathname }), { headers: { 'content-type': 'application/json' } }),
    );

  test('createCorsFetch: an allowed request resolves with what script may read', async () => {
    const corsFetch = mock.createCorsFetch({ origin: APP, target: api() });
    const response = await corsFetch(`${API}/me`, { credentials: 'include', headers: { 'content-type': 'application/json' } });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ path: '/me' });
  });

  test('createCorsFetch: a blocked request rejects like the browser', async () => {
    const corsFetch = mock.createCorsFetch({ origin: APP, target: api(), onBlocked: () => undefined });
    let rejected;
    try {
      await corsFetch(`${API}/me`, { method: 'PUT', headers: { 'x-csrf-token': 't' } });
    } catch (error) {
      rejected = error;
    }
    expect(rejected && rejected.name).toBe('TypeError');
    expect(rejected.message).toBe('Failed to fetch');
  });

  test('the matchers on a fetch handler', async () => {
    await expect(api()).toAllowCredentials(APP, { url: '/me' });
    await expect(api()).not.toAllowOrigin(EVIL, { url: '/me' });
    const verdict = await corsproof.simulate({ url: `${API}/me`, origin: APP }, { transport: api() });
    expect(verdict.allowed).toBe(true);
  });
};
