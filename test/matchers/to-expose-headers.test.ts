import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { APP, EVIL, allowListApi, honoApi, publicApi } from './apps.js';
import { failureOf } from './helpers.js';

describe('toExposeHeaders on a target', () => {
  it('passes for listed and safelisted headers', async () => {
    await expect(allowListApi()).toExposeHeaders(['x-total-count', 'content-type', 'content-length'], { origin: APP });
    await expect(honoApi()).toExposeHeaders('x-request-id', { origin: APP });
  });

  it('fails for a header that is sent but not exposed, and says to list it', async () => {
    const message = await failureOf(() => expect(honoApi()).toExposeHeaders(['x-request-id', 'x-internal'], { origin: APP }));
    expect(message).toContain('x-request-id  chromium, firefox, webkit: readable');
    expect(message).toContain('x-internal    chromium, firefox, webkit: not readable');
    expect(message).toContain('x-internal is sent but not listed in Access-Control-Expose-Headers.');
    expect(message).toContain("Fix: Add 'Access-Control-Expose-Headers: x-internal' to the response");
  });

  it('fails for a header the response does not have', async () => {
    const message = await failureOf(() => expect(allowListApi()).toExposeHeaders('x-total-count', { origin: APP, url: '/nowhere' }));
    expect(message).toContain('The response has no x-total-count header.');
  });

  it('fails when the request is blocked, with the block reason', async () => {
    const message = await failureOf(() => expect(allowListApi()).toExposeHeaders('x-total-count', { origin: EVIL }));
    expect(message).toContain('x-total-count · chromium, firefox, webkit: blocked (MissingAllowOriginHeader)');
  });

  it('.not: set-cookie is never exposed; x-internal is hidden', async () => {
    await expect(allowListApi()).not.toExposeHeaders(['set-cookie', 'x-internal'], { origin: APP });
    const message = await failureOf(() => expect(allowListApi()).not.toExposeHeaders('x-total-count', { origin: APP }));
    expect(message).toContain('Expected: every engine (chromium, firefox and webkit) to hide x-total-count on GET https://api.example/ from https://app.example');
    expect(message).toContain('To hide it: Leave x-total-count out of Access-Control-Expose-Headers.');
  });

  it('cors() without exposedHeaders exposes only the safelisted ones', async () => {
    await expect(publicApi()).toExposeHeaders('content-type', { origin: APP });
    await expect(publicApi()).not.toExposeHeaders('x-total-count', { origin: APP });
  });

  it('needs the origin on a target', async () => {
    // @ts-expect-error on a target the request (with its origin) is required
    await expect(expect(allowListApi()).toExposeHeaders('x-total-count')).rejects.toThrow(InvalidArgumentError);
    await expect(expect(allowListApi()).toExposeHeaders([], { origin: APP })).rejects.toThrow(/non-empty array of names/);
  });
});
