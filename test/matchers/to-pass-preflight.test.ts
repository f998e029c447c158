import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { APP, EVIL, allowListApi, brokenPreflightApi, honoApi, preflightOnlyApi, publicApi } from './apps.js';
import { failureOf } from './helpers.js';

describe('toPassPreflight', () => {
  it('passes when the preflight for the method, headers and credentials passes', async () => {
    await expect(allowListApi()).toPassPreflight({ origin: APP, url: '/items', method: 'PUT', headers: { 'x-csrf-token': 't' }, credentials: 'include' });
    await expect(honoApi()).toPassPreflight({ origin: APP, method: 'DELETE', headers: { authorization: 'Bearer t' } });
  });

  it('fails when the preflight is refused, showing the OPTIONS exchange', async () => {
    const message = await failureOf(() => expect(brokenPreflightApi()).toPassPreflight({ origin: APP, url: '/items', method: 'PUT' }));
    expect(message).toContain('Expected: every engine (chromium, firefox and webkit) to send a preflight for PUT https://api.example/items from https://app.example and pass it');
    expect(message).toContain('chromium, firefox: preflight blocked (PreflightMissingAllowOriginHeader)');
    expect(message).toContain('webkit: preflight blocked (PreflightInvalidStatus)');
    expect(message).toContain('< 500 Internal Server Error');
  });

  it('.not passes when every engine rejects the preflight', async () => {
    await expect(allowListApi()).not.toPassPreflight({ origin: EVIL, url: '/items', method: 'PUT' });
    await expect(allowListApi()).not.toPassPreflight({ origin: APP, url: '/items', method: 'DELETE' });
  });

  it('.not fails when the preflight passes, and says which headers let it through', async () => {
    const message = await failureOf(() => expect(publicApi()).not.toPassPreflight({ origin: EVIL, method: 'DELETE' }));
    expect(message).toContain('The preflight passed: Access-Control-Allow-Origin: *, Access-Control-Allow-Methods: GET,HEAD,PUT,PATCH,POST,DELETE.');
    expect(message).toContain("To block it: On the OPTIONS response, leave DELETE out of Access-Control-Allow-Methods, or answer with an allow-list instead of 'Access-Control-Allow-Origin: *'.");
  });

  it('a request that needs no preflight fails both ways, saying no preflight was sent', async () => {
    for (const run of [() => expect(publicApi()).toPassPreflight({ origin: APP }), () => expect(publicApi()).not.toPassPreflight({ origin: APP })]) {
      const message = await failureOf(run);
      expect(message).toContain('Received: chromium, firefox, webkit: no preflight sent');
      expect(message).toContain('No preflight was sent: a GET, HEAD or POST with CORS-safelisted headers only is a simple request.');
    }
  });

  it('a same-origin request sends no preflight', async () => {
    const message = await failureOf(() => expect(publicApi()).toPassPreflight({ origin: 'https://api.example', method: 'PUT' }));
    expect(message).toContain('No preflight was sent: the request is same-origin, so CORS does not apply.');
  });

  it('judges the preflight only: the request after it may still fail (toAllowOrigin checks both)', async () => {
    const request = { origin: APP, url: '/items', method: 'PUT' };
    await expect(preflightOnlyApi()).toPassPreflight(request);
    await expect(preflightOnlyApi()).not.toAllowOrigin(APP, request);
    const message = await failureOf(() => expect(preflightOnlyApi()).not.toPassPreflight(request));
    expect(message).toContain('chromium, firefox, webkit: preflight passed, then blocked (MissingAllowOriginHeader)');
    expect(message).toContain('The preflight passed; the request after it failed (see below).');
  });

  it('needs a request with an origin', async () => {
    await expect(expect(publicApi()).toPassPreflight(undefined as never)).rejects.toThrow(InvalidArgumentError);
    await expect(expect(publicApi()).toPassPreflight({ method: 'PUT' } as never)).rejects.toThrow(/request\.origin: it is missing/);
  });
});
