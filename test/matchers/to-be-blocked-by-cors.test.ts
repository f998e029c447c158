import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { APP, EVIL, allowListApi, brokenPreflightApi, privateApi, publicApi, reflectingApi } from './apps.js';
import { failureOf } from './helpers.js';

describe('toBeBlockedByCors', () => {
  it('passes when every engine blocks the request', async () => {
    await expect(privateApi()).toBeBlockedByCors({ origin: APP });
    await expect(allowListApi()).toBeBlockedByCors({ origin: EVIL });
    await expect(publicApi()).toBeBlockedByCors({ origin: APP, credentials: 'include' });
  });

  it('checks the reason code when one is given', async () => {
    await expect(privateApi()).toBeBlockedByCors('MissingAllowOriginHeader', { origin: APP });
    await expect(publicApi()).toBeBlockedByCors('WildcardOriginNotAllowed', { origin: APP, credentials: 'include' });
    await expect(allowListApi()).toBeBlockedByCors('MethodDisallowedByPreflightResponse', { origin: APP, url: '/items', method: 'DELETE' });
    const message = await failureOf(() => expect(privateApi()).toBeBlockedByCors('AllowOriginMismatch', { origin: APP }));
    expect(message).toContain('expect(target).toBeBlockedByCors(code, request)');
    expect(message).toContain('Blocked, but for MissingAllowOriginHeader, not AllowOriginMismatch.');
  });

  it('fails on an allowed request and says what let it through', async () => {
    const message = await failureOf(() => expect(reflectingApi()).toBeBlockedByCors({ origin: EVIL, credentials: 'include' }));
    expect(message).toContain('expect(target).toBeBlockedByCors(request)');
    expect(message).toContain('Received: chromium, firefox, webkit: allowed');
    expect(message).toContain('Access-Control-Allow-Credentials: true admits credentials');
    expect(message).toContain("To block it: Stop sending 'Access-Control-Allow-Origin: https://evil.example' to https://evil.example");
  });

  it('.not without a code means allowed everywhere; with a code, never blocked for that reason', async () => {
    await expect(publicApi()).not.toBeBlockedByCors({ origin: APP });
    await expect(privateApi()).not.toBeBlockedByCors('AllowOriginMismatch', { origin: APP });
    const message = await failureOf(() => expect(privateApi()).not.toBeBlockedByCors({ origin: APP }));
    expect(message).toContain('Expected: every engine (chromium, firefox and webkit) to allow GET https://api.example/ from https://app.example');
    expect(message).toContain("Fix: Send 'Access-Control-Allow-Origin: https://app.example'");
  });

  it('engines name some failures differently; pick the engines whose code you assert', async () => {
    const request = { origin: APP, url: '/items', method: 'PUT' };
    await expect(brokenPreflightApi()).toBeBlockedByCors(request);
    await expect(brokenPreflightApi()).toBeBlockedByCors('PreflightInvalidStatus', { ...request, engine: 'webkit' });
    await expect(brokenPreflightApi()).toBeBlockedByCors('PreflightMissingAllowOriginHeader', { ...request, engines: ['chromium', 'firefox'] });
    const message = await failureOf(() => expect(brokenPreflightApi()).toBeBlockedByCors('PreflightInvalidStatus', request));
    expect(message).toContain('Received: chromium, firefox: blocked (PreflightMissingAllowOriginHeader); webkit: blocked (PreflightInvalidStatus)');
    expect(message).toContain('The engines disagree, so this assertion and its .not both fail.');
  });

  it('rejects unknown codes, suggesting the right spelling', async () => {
    await expect(expect(privateApi()).toBeBlockedByCors('missingallOworiginheader' as never, { origin: APP })).rejects.toThrow(/Did you mean 'MissingAllowOriginHeader'\?/);
    await expect(expect(privateApi()).toBeBlockedByCors('Nope' as never, { origin: APP })).rejects.toThrow(InvalidArgumentError);
    await expect(expect(privateApi()).toBeBlockedByCors(42 as never, { origin: APP })).rejects.toThrow(/expected a reason code string/);
    await expect(expect(privateApi()).toBeBlockedByCors({} as never)).rejects.toThrow(/request\.origin: it is missing/);
  });
});
