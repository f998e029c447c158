// An Express + supertest suite as a Jest user writes it, with one added line: require('corsproof/jest').
const request = require('supertest');
require('corsproof/jest');
const { APP, EVIL, api } = require('./apps.cjs');

describe('GET /items', () => {
  test('answers the app origin, with credentials and the exposed count', async () => {
    const res = await request(api()).get('/items').set('Origin', APP);
    expect(res.status).toBe(200);
    expect(res).toAllowOrigin(APP);
    expect(res).toAllowCredentials(APP);
    expect(res).toExposeHeaders(['x-total-count', 'content-type']);
    expect(res).not.toExposeHeaders('x-internal');
  });

  test('does not answer another origin', async () => {
    const res = await request(api()).get('/items').set('Origin', EVIL);
    expect(res).not.toAllowOrigin(EVIL);
  });

  test('a failing check throws with the CORS explanation', async () => {
    const res = await request(api()).get('/items').set('Origin', EVIL);
    expect(() => expect(res).toAllowOrigin(EVIL)).toThrow("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
  });
});
