/**
 * `engine` / `engines`: by default Chromium, Firefox and WebKit must all agree, and a failure names the engines
 * that block. The cases use real differences the engine profiles model from recorded browser results.
 */
import express from 'express';
import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { InvalidArgumentError } from '../../src/errors.js';
import { APP, allowListApi } from './apps.js';
import { failureOf } from './helpers.js';

/** Chromium treats the `DPR` client hint as CORS-safelisted; Firefox and WebKit preflight it. */
const dpr = { origin: APP, url: '/items', headers: { dpr: '2' } };

/** `Access-Control-Allow-Headers: *` covers Authorization in the three browsers, not in the Fetch Standard. */
function wildcardHeadersApi() {
  const app = express();
  app.use((req, res, next) => {
    res.set({ 'access-control-allow-origin': APP, 'access-control-allow-headers': '*' });
    if (req.method === 'OPTIONS') return res.status(204).end();
    next();
  });
  app.get('/', (_req, res) => res.send('ok'));
  return app;
}

describe('engines', () => {
  it('default: a disagreement fails the assertion and names the engines that block', async () => {
    const message = await failureOf(() => expect(allowListApi()).toAllowOrigin(APP, dpr));
    expect(message).toContain('Expected: every engine (chromium, firefox and webkit) to allow GET https://api.example/items from https://app.example');
    expect(message).toContain('Received: chromium: allowed; firefox, webkit: blocked (HeaderDisallowedByPreflightResponse)');
    expect(message).toContain('firefox, webkit: blocked (HeaderDisallowedByPreflightResponse)');
    expect(message).toContain("Console (Firefox): Cross-Origin Request Blocked");
    // Chromium does not block, so no Chromium console line is shown for the blocking group.
    expect(message).not.toContain('Console (Chromium)');
  });

  it('default: the same disagreement fails the .not too', async () => {
    const message = await failureOf(() => expect(allowListApi()).not.toAllowOrigin(APP, dpr));
    expect(message).toContain('The engines disagree, so this assertion and its .not both fail.');
    expect(message).toContain('chromium: allowed');
    expect(message).toContain('No preflight was needed');
  });

  it('engine: one engine decides', async () => {
    await expect(allowListApi()).toAllowOrigin(APP, { ...dpr, engine: 'chromium' });
    await expect(allowListApi()).not.toAllowOrigin(APP, { ...dpr, engine: 'firefox' });
    await expect(allowListApi()).not.toAllowOrigin(APP, { ...dpr, engine: 'webkit' });
    const message = await failureOf(() => expect(allowListApi()).toAllowOrigin(APP, { ...dpr, engine: 'webkit' }));
    expect(message).toContain('Expected: webkit to allow GET https://api.example/items from https://app.example');
    // WebKit's own console words, as recorded.
    expect(message).toContain('Console (WebKit): Request header field dpr is not allowed by Access-Control-Allow-Headers.');
  });

  it('engines: the listed engines must agree', async () => {
    await expect(allowListApi()).not.toAllowOrigin(APP, { ...dpr, engines: ['firefox', 'webkit'] });
    await expect(allowListApi()).toAllowHeaders({ dpr: '2' }, { origin: APP, url: '/items', engines: ['chromium'] });
  });

  it("'spec' follows the standard: '*' does not cover Authorization there", async () => {
    await expect(wildcardHeadersApi()).toAllowHeaders('authorization', { origin: APP });
    await expect(wildcardHeadersApi()).not.toAllowHeaders('authorization', { origin: APP, engine: 'spec' });
    const message = await failureOf(() => expect(wildcardHeadersApi()).toAllowHeaders('authorization', { origin: APP, engines: ['chromium', 'spec'] }));
    expect(message).toContain('authorization  chromium: allowed; spec: blocked (HeaderDisallowedByPreflightResponse)');
  });

  it('every matcher takes the engine options', async () => {
    const app = allowListApi();
    const one = { engine: 'firefox' } as const;
    await expect(app).toAllowOrigin(APP, one);
    await expect(app).toAllowCredentials(APP, one);
    await expect(app).toExposeHeaders('x-total-count', { origin: APP, ...one });
    await expect(app).toPassPreflight({ origin: APP, url: '/items', method: 'PUT', ...one });
    await expect(app).toAllowMethods('PATCH', { origin: APP, url: '/items', ...one });
    await expect(app).toAllowHeaders('x-csrf-token', { origin: APP, ...one });
    await expect(app).toBeBlockedByCors({ origin: 'https://other.example', ...one });
  });

  it('rejects bad engine options', async () => {
    const app = allowListApi();
    await expect(expect(app).toAllowOrigin(APP, { engine: 'edge' as never })).rejects.toThrow(/'edge' is not an engine/);
    await expect(expect(app).toAllowOrigin(APP, { engines: [] })).rejects.toThrow(/non-empty array/);
    await expect(expect(app).toAllowOrigin(APP, { engines: ['chromium', 'chromium'] })).rejects.toThrow(/listed twice/);
    await expect(expect(app).toAllowOrigin(APP, { engine: 'chromium', engines: ['firefox'] })).rejects.toThrow(InvalidArgumentError);
    expect(() => expect({ 'access-control-allow-origin': '*' }).toAllowOrigin(APP, { engine: 'netscape' as never })).toThrow(InvalidArgumentError);
  });
});
