// One copy of corsproof behind every entry: `load` is this module system's require or import.
module.exports = function identitySuite({ test, expect, load }) {
  test('corsproof, corsproof/mock and corsproof/matchers share their classes', async () => {
    const core = await load('corsproof');
    const mock = await load('corsproof/mock');
    const matchers = await load('corsproof/matchers');
    const answer = () => new Response('ok', { headers: { 'access-control-allow-origin': '*', 'access-control-allow-methods': 'PUT', 'access-control-max-age': '60' } });

    let fromMock;
    try {
      mock.createCorsFetch({ target: answer, origin: 'https://app.example', engine: 'edge' });
    } catch (error) {
      fromMock = error;
    }
    expect(fromMock).toBeInstanceOf(core.InvalidArgumentError);

    let fromMatcher;
    try {
      await matchers.corsMatchers.toAllowOrigin.call({ isNot: false }, answer, 42);
    } catch (error) {
      fromMatcher = error;
    }
    expect(fromMatcher).toBeInstanceOf(core.InvalidArgumentError);
    expect(fromMatcher).not.toBeInstanceOf(core.TransportError);

    const cache = new core.PreflightCache();
    const corsFetch = mock.createCorsFetch({ target: answer, origin: 'https://app.example', preflightCache: cache });
    const response = await corsFetch('https://api.example/x', { method: 'PUT' });
    expect(response.status).toBe(200);
    expect(cache.size).toBeGreaterThan(0);
  });
};
