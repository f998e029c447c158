import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { APP, EVIL, allowListApi, honoApi, publicApi, reflectingApi } from './apps.js';
import { failureOf } from './helpers.js';

describe('toAllowCredentials on a target', () => {
  it('passes with an exact origin and Access-Control-Allow-Credentials: true', async () => {
    await expect(allowListApi()).toAllowCredentials(APP);
    // Preflighted: the preflight must allow credentials too.
    await expect(allowListApi()).toAllowCredentials(APP, { url: '/items', method: 'PUT' });
  });

  it("fails on '*': browsers refuse a wildcard with credentials", async () => {
    const message = await failureOf(() => expect(publicApi()).toAllowCredentials(APP));
    expect(message).toContain('Expected: every engine (chromium, firefox and webkit) to allow GET https://api.example/ from https://app.example with credentials');
    expect(message).toContain('blocked (WildcardOriginNotAllowed)');
    expect(message).toContain("must not be the wildcard '*' when the request's credentials mode is 'include'");
  });

  it('fails without Access-Control-Allow-Credentials (hono/cors defaults)', async () => {
    const message = await failureOf(() => expect(honoApi()).toAllowCredentials(APP));
    expect(message).toContain('blocked (InvalidAllowCredentials)');
    await expect(honoApi()).toAllowOrigin(APP);
  });

  it('.not catches a server that reflects any origin with credentials', async () => {
    await expect(allowListApi()).not.toAllowCredentials(EVIL);
    const message = await failureOf(() => expect(reflectingApi()).not.toAllowCredentials(EVIL));
    expect(message).toContain('expect(target).not.toAllowCredentials(origin)');
    expect(message).toContain("To block it: Stop sending 'Access-Control-Allow-Credentials: true' with 'Access-Control-Allow-Origin: https://evil.example' to https://evil.example");
  });

  it("refuses credentials other than 'include'", async () => {
    await expect(expect(allowListApi()).toAllowCredentials(APP, { credentials: 'omit' })).rejects.toThrow(InvalidArgumentError);
    await expect(allowListApi()).toAllowCredentials(APP, { credentials: 'include' });
  });
});
