import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { APP, EVIL, allowListApi, honoApi, publicApi } from './apps.js';
import { failureOf } from './helpers.js';

describe('toAllowMethods', () => {
  it('passes when each method gets through the preflight and the response check', async () => {
    await expect(allowListApi()).toAllowMethods(['PUT', 'PATCH'], { origin: APP, url: '/items' });
    await expect(honoApi()).toAllowMethods('DELETE', { origin: APP, url: '/items' });
    await expect(publicApi()).toAllowMethods(['PUT', 'DELETE', 'PATCH'], { origin: EVIL, url: '/items' });
  });

  it('safelisted methods need no preflight', async () => {
    await expect(allowListApi()).toAllowMethods(['GET', 'POST', 'HEAD'], { origin: APP, url: '/items' });
  });

  it('fails naming the method the preflight refused, with the preflight exchange', async () => {
    const message = await failureOf(() => expect(allowListApi()).toAllowMethods(['PUT', 'DELETE'], { origin: APP, url: '/items' }));
    expect(message).toContain('PUT     chromium, firefox, webkit: allowed');
    expect(message).toContain('DELETE  chromium, firefox, webkit: blocked (MethodDisallowedByPreflightResponse)');
    expect(message).toContain('OPTIONS https://api.example/items (preflight)');
    expect(message).toContain('> Access-Control-Request-Method: DELETE');
    expect(message).toContain('< Access-Control-Allow-Methods: GET,PUT,PATCH');
    expect(message).toContain("Fix: Add DELETE to 'Access-Control-Allow-Methods' on the preflight response");
  });

  it('.not passes only when every method is blocked', async () => {
    await expect(allowListApi()).not.toAllowMethods(['DELETE', 'OPTIONS'], { origin: APP, url: '/items' });
    await expect(allowListApi()).not.toAllowMethods('PUT', { origin: EVIL, url: '/items' });
    // Mixed: PUT allowed, DELETE blocked: the negation fails too.
    const message = await failureOf(() => expect(allowListApi()).not.toAllowMethods(['PUT', 'DELETE'], { origin: APP, url: '/items' }));
    expect(message).toContain('The results are mixed, so this assertion and its .not both fail.');
    expect(message).toContain("PUT · chromium, firefox, webkit: allowed");
    expect(message).toContain('The preflight passed: Access-Control-Allow-Origin: https://app.example, Access-Control-Allow-Credentials: true, Access-Control-Allow-Methods: GET,PUT,PATCH');
    expect(message).toContain('To block it: Leave PUT out of Access-Control-Allow-Methods');
  });

  it('.not on a safelisted method explains that only Access-Control-Allow-Origin can block it', async () => {
    const message = await failureOf(() => expect(allowListApi()).not.toAllowMethods('POST', { origin: APP, url: '/items' }));
    expect(message).toContain('POST is a CORS-safelisted method, sent without a preflight');
  });

  it('rejects bad methods and a method in the request', async () => {
    await expect(expect(publicApi()).toAllowMethods([], { origin: APP })).rejects.toThrow(InvalidArgumentError);
    await expect(expect(publicApi()).toAllowMethods(['GE T'], { origin: APP })).rejects.toThrow(/is not an HTTP method/);
    await expect(expect(publicApi()).toAllowMethods(['PUT'], { origin: APP, method: 'PUT' })).rejects.toThrow(/the methods to test are the first argument/);
    await expect(expect(publicApi()).toAllowMethods(['PUT'], {} as never)).rejects.toThrow(/request\.origin: it is missing/);
  });

  it('a forbidden method is blocked before anything is sent', async () => {
    const message = await failureOf(() => expect(publicApi()).toAllowMethods('TRACE', { origin: APP }));
    expect(message).toContain('blocked (ForbiddenMethod)');
  });
});
