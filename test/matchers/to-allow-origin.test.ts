import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { APP, EVIL, allowListApi, honoApi, privateApi, publicApi, reflectingApi } from './apps.js';
import { failureOf } from './helpers.js';

describe('toAllowOrigin on a target', () => {
  it('passes when every engine lets the origin read the response (express + cors)', async () => {
    await expect(publicApi()).toAllowOrigin(APP);
    await expect(allowListApi()).toAllowOrigin(APP, { url: '/items' });
  });

  it('passes on a Hono app with hono/cors', async () => {
    await expect(honoApi()).toAllowOrigin(APP);
    await expect(honoApi()).not.toAllowOrigin(EVIL);
  });

  it('fails when the server sends no Access-Control-Allow-Origin, with the console message and the fix', async () => {
    const message = await failureOf(() => expect(privateApi()).toAllowOrigin(APP));
    expect(message).toContain('expect(target).toAllowOrigin(origin)');
    expect(message).toContain('Received: chromium, firefox, webkit: blocked (MissingAllowOriginHeader)');
    expect(message).toContain("No 'Access-Control-Allow-Origin' header is present on the requested resource.");
    expect(message).toContain("Fix: Send 'Access-Control-Allow-Origin: https://app.example'");
  });

  it("fails on an opaque response: mode 'no-cors' resolves, but script cannot read it", async () => {
    const message = await failureOf(() => expect(privateApi()).toAllowOrigin(APP, { mode: 'no-cors' }));
    expect(message).toContain('Received: chromium, firefox, webkit: allowed, opaque response: script cannot read it');
    expect(message).toContain("With mode 'no-cors' the fetch resolves with an opaque response");
    await expect(publicApi()).not.toAllowOrigin(APP, { mode: 'no-cors' });
    await expect(publicApi()).not.toAllowCredentials(APP, { mode: 'no-cors' });
  });

  it('.not passes when every engine blocks the origin', async () => {
    await expect(allowListApi()).not.toAllowOrigin(EVIL);
    await expect(privateApi()).not.toAllowOrigin(APP);
  });

  it('.not fails on a reflecting server and says what let the request through', async () => {
    const message = await failureOf(() => expect(reflectingApi()).not.toAllowOrigin(EVIL));
    expect(message).toContain('expect(target).not.toAllowOrigin(origin)');
    expect(message).toContain('Expected: every engine (chromium, firefox and webkit) to block GET https://api.example/ from https://evil.example');
    expect(message).toContain("The response's Access-Control-Allow-Origin: https://evil.example names this origin.");
    expect(message).toContain("To block it: Stop sending 'Access-Control-Allow-Origin: https://evil.example' to https://evil.example");
  });

  it('takes the request: method, headers, credentials, url', async () => {
    await expect(allowListApi()).toAllowOrigin(APP, { url: '/items', method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' });
    // DELETE is not in the allow-list's methods: the preflight fails.
    await expect(allowListApi()).not.toAllowOrigin(APP, { url: '/items', method: 'DELETE' });
    // '*' never works with credentials.
    await expect(publicApi()).not.toAllowOrigin(APP, { credentials: 'include' });
  });

  it('resolves relative URLs against baseUrl', async () => {
    const message = await failureOf(() => expect(privateApi()).toAllowOrigin(APP, { url: '/items', baseUrl: 'https://internal.example:8443' }));
    expect(message).toContain('GET https://internal.example:8443/items');
  });

  it('treats a same-origin request as allowed, and says CORS does not apply', async () => {
    await expect(privateApi()).toAllowOrigin('https://api.example');
    const message = await failureOf(() => expect(privateApi()).not.toAllowOrigin('https://api.example'));
    expect(message).toContain('Same-origin request: the page and the URL share an origin, so CORS does not apply.');
  });
});
