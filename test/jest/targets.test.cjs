// The matchers on the app itself: every request is simulated in Chromium, Firefox and WebKit.
const { stripVTControlCharacters } = require('node:util');
require('corsproof/jest');
const { corsMatchers } = require('corsproof/matchers');
const { APP, EVIL, api, privateApi, reflectingApi } = require('./apps.cjs');

async function failureOf(assertion) {
  try {
    await assertion();
  } catch (error) {
    return stripVTControlCharacters(error.message);
  }
  throw new Error('expected the assertion to fail, and it passed');
}

describe('an Express app with cors', () => {
  test('allows the app origin and blocks others', async () => {
    await expect(api()).toAllowOrigin(APP, { url: '/items' });
    await expect(api()).not.toAllowOrigin(EVIL, { url: '/items' });
    await expect(api()).toAllowCredentials(APP, { url: '/items' });
    await expect(api()).toBeBlockedByCors('MissingAllowOriginHeader', { origin: EVIL, url: '/items' });
  });

  test('preflights, methods and headers', async () => {
    await expect(api()).toPassPreflight({ origin: APP, url: '/items', method: 'PUT', headers: { 'x-csrf-token': 't' } });
    await expect(api()).toAllowMethods(['GET', 'PUT'], { origin: APP, url: '/items' });
    await expect(api()).not.toAllowMethods('DELETE', { origin: APP, url: '/items' });
    await expect(api()).toAllowHeaders(['content-type', 'x-csrf-token'], { origin: APP, url: '/items', method: 'PUT' });
    await expect(api()).not.toAllowHeaders('authorization', { origin: APP, url: '/items' });
    await expect(api()).toExposeHeaders('x-total-count', { origin: APP, url: '/items' });
  });

  test('engine options', async () => {
    await expect(api()).toAllowOrigin(APP, { url: '/items', engine: 'firefox' });
    await expect(api()).toAllowOrigin(APP, { url: '/items', engines: ['chromium', 'webkit'] });
  });

  test('argument errors are typed', async () => {
    await expect(expect(api()).toPassPreflight({ method: 'PUT' })).rejects.toThrow(/request\.origin: it is missing/);
    await expect(expect(api()).toAllowOrigin(APP, { engine: 'edge' })).rejects.toMatchObject({ name: 'InvalidArgumentError' });
  });

  test("failure messages in Jest's style", async () => {
    expect(await failureOf(() => expect(privateApi()).toAllowOrigin(APP, { url: '/items' }))).toMatchSnapshot();
    expect(await failureOf(() => expect(reflectingApi()).not.toAllowCredentials(EVIL, { url: '/items' }))).toMatchSnapshot();
    expect(await failureOf(() => expect(api()).toAllowMethods(['PUT', 'DELETE'], { origin: APP, url: '/items' }))).toMatchSnapshot();
  });

  test('corsproof/matchers exports the same matchers for expect.extend', () => {
    expect(Object.keys(corsMatchers).sort()).toEqual([
      'toAllowCredentials', 'toAllowHeaders', 'toAllowMethods', 'toAllowOrigin', 'toBeBlockedByCors', 'toExposeHeaders', 'toMatchCorsPolicy', 'toPassPreflight',
    ]);
  });
});
