// createCorsFetch under Jest's CommonJS mode, shared by one test file per environment (node, jsdom, jest-fixed-jsdom):
// every subpath loads, and a blocked fetch rejects with exactly the browser's error.
const http = require('node:http');

module.exports = function mockSuite(environment) {
  describe(`corsproof/mock under Jest (${environment}, CommonJS)`, () => {
    test('every subpath loads', () => {
      for (const subpath of ['corsproof', 'corsproof/mock', 'corsproof/msw', 'corsproof/matchers']) {
        expect(() => require(subpath)).not.toThrow();
      }
      expect(typeof require('corsproof/msw').enforceCors).toBe('function');
    });

    test('a blocked fetch rejects with the browser’s TypeError: no cause, so Jest 30 compares it equal', async () => {
      const { createCorsFetch } = require('corsproof/mock');
      const seen = [];
      const fetch = createCorsFetch({ origin: 'https://app.example', target: () => ok('no CORS headers'), onBlocked: (v) => seen.push(v.reason.code) });
      await expect(fetch('https://api.example/me')).rejects.toThrow(new TypeError('Failed to fetch'));
      const error = await fetch('https://api.example/me').catch((e) => e);
      expect('cause' in error).toBe(false);
      expect(error.verdict.reason.code).toBe('MissingAllowOriginHeader');
      expect(seen).toEqual(['MissingAllowOriginHeader', 'MissingAllowOriginHeader']);
    });

    test('an allowed fetch gives a readable Response, and a handler sees the Origin header', async () => {
      const { createCorsFetch, corsHandler } = require('corsproof/mock');
      let origin;
      const target = corsHandler({ origin: 'https://app.example', exposeHeaders: ['x-total'] }, (request) => {
        origin = request.headers.get('origin');
        return ok('[1]', { 'x-total': '1', 'x-secret': 's' });
      });
      const res = await createCorsFetch({ origin: 'https://app.example', target })('https://api.example/items');
      expect(origin).toBe('https://app.example');
      expect(res.type).toBe('cors');
      expect(res.headers.get('x-total')).toBe('1');
      expect(res.headers.get('x-secret')).toBeNull();
      expect(await res.text()).toBe('[1]');
    });

    test('a URL target (a live server on a loopback port)', async () => {
      const { createCorsFetch } = require('corsproof/mock');
      const server = http.createServer((req, res) => {
        res.writeHead(200, { 'access-control-allow-origin': 'https://app.example', 'content-type': 'text/plain' });
        res.end(`hello ${req.headers.origin}`);
      });
      await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${server.address().port}`;
      try {
        const fetch = createCorsFetch({ origin: 'https://app.example', target: base });
        expect(await (await fetch(`${base}/hello`)).text()).toBe('hello https://app.example');
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });
};

/** A response made with Node's own class (Jest's jsdom environment has none). */
function ok(body, headers = {}) {
  const { Response } = require('node:vm').runInThisContext('globalThis');
  return new Response(body, { headers });
}
