// nock intercepts what corsproof sends to a URL, in the nock version this cell installed: every request is
// answered by an interceptor, none reaches the network (no DNS look-up of the made-up hosts), none fails
// mid-response.
const dns = require('node:dns');
const { APP, AppFailure } = require('./apps.cjs');

const API = 'https://api.nock-consumer.example';

module.exports = function nockSuite({ test, expect, beforeAll, afterAll, afterEach, nock, nockMajor, corsproof }) {
  const reached = [];
  const originals = { lookup: dns.lookup };
  beforeAll(() => {
    dns.lookup = function lookup(host, ...rest) {
      reached.push(`dns ${host}`);
      return originals.lookup.call(this, host, ...rest);
    };
  });
  afterAll(() => {
    dns.lookup = originals.lookup;
  });
  afterEach(() => nock.cleanAll());

  const policy = () =>
    nock(API)
      .persist()
      .options('/items')
      .reply(204, '', { 'Access-Control-Allow-Origin': APP, 'Access-Control-Allow-Methods': 'GET, PUT', 'Access-Control-Allow-Headers': 'content-type, x-csrf-token' })
      .get('/items')
      .reply(200, '[1,2,3]', { 'Access-Control-Allow-Origin': APP, 'Content-Type': 'application/json' })
      .put('/items')
      .reply(200, '{"ok":true}', { 'Access-Control-Allow-Origin': APP, 'Content-Type': 'application/json' });

  test('fromNock and a plain URL target reach the interceptors, preflights included, and nothing reaches the network', async () => {
    policy();
    const target = corsproof.fromNock(API);
    await expect(target).toAllowOrigin(APP, { url: '/items' });
    await expect(target).toPassPreflight({ origin: APP, url: '/items', method: 'PUT', headers: { 'x-csrf-token': 't', 'content-type': 'application/json' } });
    await expect(API).toAllowMethods(['GET', 'PUT'], { origin: APP, url: '/items' });
    await expect(API).not.toAllowHeaders('authorization', { origin: APP, url: '/items' });
    const verdict = await corsproof.simulate({ url: `${API}/items`, origin: APP }, { transport: target });
    expect(verdict.allowed).toBe(true);
    expect(new TextDecoder().decode(verdict.response.body)).toBe('[1,2,3]');
    expect(reached).toEqual([]);
  });

  test('a header given twice reaches nock once, its values combined as a browser sends them (nock 13 refuses arrays)', async () => {
    const scope = nock(API).get('/echo').matchHeader('accept', 'a, b').reply(200, 'ok', { 'Access-Control-Allow-Origin': '*' });
    const verdict = await corsproof.simulate({ url: `${API}/echo`, origin: APP, headers: [['Accept', 'a'], ['Accept', 'b']] }, { transport: corsproof.fromNock(API) });
    expect(verdict.allowed).toBe(true);
    expect(scope.isDone()).toBe(true);
    expect(reached).toEqual([]);
  });

  test('in-process apps are not sent through nock, even with net connect disabled', async () => {
    nock.disableNetConnect();
    try {
      const listener = (_req, res) => {
        res.setHeader('Access-Control-Allow-Origin', APP);
        res.end('in-process');
      };
      await expect(listener).toAllowOrigin(APP);
    } finally {
      nock.enableNetConnect();
    }
  });

  test('an unmatched request with net connect disabled is a network failure naming nock, never a real connection', async () => {
    nock.disableNetConnect();
    try {
      const verdict = await corsproof.simulate({ url: 'https://unmocked.nock-consumer.example/x', origin: APP }, { transport: corsproof.fromNock('https://unmocked.nock-consumer.example') });
      expect(verdict.allowed).toBe(false);
      expect(verdict.reason.code).toBe('NetworkError');
      expect(JSON.stringify(verdict.exchanges[0].error)).toMatch(/nock|Nock/);
    } finally {
      nock.enableNetConnect();
    }
    expect(reached).toEqual([]);
  });

  // A matcher runs three engines; they share one exchange per distinct request, so an interceptor that answers
  // once serves all three.
  test('a one-shot interceptor serves a three-engine matcher', async () => {
    const scope = nock(API).get('/once').reply(200, 'once', { 'Access-Control-Allow-Origin': APP });
    await expect(corsproof.fromNock(API)).toAllowOrigin(APP, { url: '/once' });
    expect(scope.isDone()).toBe(true);
  });

  // nock 13 and 14 call a reply function from a timer and let what it throws escape (an uncaught exception);
  // nock 15 hands it to the request, and corsproof reports it as the target's own failure.
  if (nockMajor >= 15) {
    test("a reply function that throws is reported as the mock's exception, not as CORS", async () => {
      nock(API).get('/broken').reply(() => {
        throw new AppFailure('reply broke');
      });
      const verdict = await corsproof.simulate({ url: `${API}/broken`, origin: APP }, { transport: corsproof.fromNock(API) });
      expect(verdict.reason.code).toBe('NetworkError');
      expect(verdict.exchanges[0].error).toMatchObject({ kind: 'target', name: 'AppFailure', message: 'reply broke' });
    });
  }
};
