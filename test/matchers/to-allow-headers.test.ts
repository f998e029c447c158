import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { APP, allowListApi, honoApi, publicApi } from './apps.js';
import { failureOf } from './helpers.js';

describe('toAllowHeaders', () => {
  it('passes when each header gets through the preflight', async () => {
    await expect(allowListApi()).toAllowHeaders(['x-csrf-token', 'content-type'], { origin: APP, url: '/items', method: 'PUT' });
    await expect(honoApi()).toAllowHeaders('authorization', { origin: APP });
    // cors() reflects Access-Control-Request-Headers: anything goes.
    await expect(publicApi()).toAllowHeaders(['x-anything', 'authorization'], { origin: APP });
  });

  it('takes explicit values: a safelisted content-type needs no preflight', async () => {
    await expect(allowListApi()).toAllowHeaders({ 'content-type': 'text/plain' }, { origin: APP, url: '/items', method: 'POST' });
    await expect(honoApi()).toAllowHeaders({ 'content-type': 'application/json' }, { origin: APP, method: 'PUT' });
    await expect(honoApi()).not.toAllowHeaders({ 'x-custom': '1' }, { origin: APP });
  });

  it('a bare safelisted name is sent with a value that needs the preflight, so the server decides', async () => {
    // allowListApi lists content-type and x-csrf-token only: Accept, Accept-Language and Content-Language with
    // the placeholder value are not CORS-safelisted, so each is preflighted and refused.
    await expect(allowListApi()).not.toAllowHeaders(['accept', 'accept-language', 'content-language'], { origin: APP });
    const message = await failureOf(() => expect(allowListApi()).toAllowHeaders('accept-language', { origin: APP }));
    expect(message).toContain('> Access-Control-Request-Headers: accept-language');
    // A server that reflects the requested headers allows them.
    await expect(publicApi()).toAllowHeaders(['accept', 'content-language'], { origin: APP });
  });

  it('Chromium sends its safelisted client hints without asking; the others need the server', async () => {
    await expect(allowListApi()).toAllowHeaders({ dpr: '2' }, { origin: APP, engine: 'chromium' });
    await expect(allowListApi()).not.toAllowHeaders({ dpr: '2' }, { origin: APP, engines: ['firefox', 'webkit'] });
    // Only a value of the hint's grammar: a bare name is sent as `DPR: corsproof`, which Chromium preflights too.
    await expect(allowListApi()).not.toAllowHeaders('dpr', { origin: APP, engine: 'chromium' });
  });

  it('fails naming the header and showing Access-Control-Request-Headers', async () => {
    const message = await failureOf(() => expect(allowListApi()).toAllowHeaders(['authorization'], { origin: APP }));
    expect(message).toContain('Expected: every engine (chromium, firefox and webkit) to allow request header authorization on GET https://api.example/ from https://app.example');
    expect(message).toContain('> Access-Control-Request-Headers: authorization');
    expect(message).toContain('blocked (HeaderDisallowedByPreflightResponse)');
    expect(message).toMatch(/\n  Fix: .*'authorization'.*'Access-Control-Allow-Headers'/);
    // Without credentials '*' would cover other headers, so the fix does not speak of credentials...
    expect(message).not.toContain('with credentials');
    // ...with them, it does.
    const credentialed = await failureOf(() => expect(allowListApi()).toAllowHeaders('x-api-key', { origin: APP, credentials: 'include' }));
    expect(credentialed).toContain("Fix: Add 'x-api-key' to 'Access-Control-Allow-Headers' on the preflight response ('*' is not a wildcard with credentials).");
  });

  it('.not passes when each header is refused, fails when one is allowed', async () => {
    await expect(allowListApi()).not.toAllowHeaders(['authorization', 'x-api-key'], { origin: APP });
    const message = await failureOf(() => expect(publicApi()).not.toAllowHeaders('x-api-key', { origin: APP }));
    expect(message).toContain("To block it: Leave x-api-key out of Access-Control-Allow-Headers on the preflight response");
  });

  it('refuses forbidden request headers and bad names', async () => {
    await expect(expect(publicApi()).toAllowHeaders('cookie', { origin: APP })).rejects.toThrow(/cookie is a forbidden request header/);
    await expect(expect(publicApi()).toAllowHeaders('sec-fetch-mode', { origin: APP })).rejects.toThrow(InvalidArgumentError);
    await expect(expect(publicApi()).toAllowHeaders('bad name', { origin: APP })).rejects.toThrow(/is not a header name/);
    await expect(expect(publicApi()).toAllowHeaders([], { origin: APP })).rejects.toThrow(InvalidArgumentError);
  });

  it("keeps the request's own headers", async () => {
    // x-csrf-token is allowed, but the base request also carries authorization, which is not.
    await expect(allowListApi()).not.toAllowHeaders('x-csrf-token', { origin: APP, headers: { authorization: 'Bearer t' } });
  });
});
