/**
 * An existing Express + supertest test file, as a user has it, with one import line added: the matchers check
 * the response supertest received, synchronously, as the browser's CORS check would.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { APP, EVIL, allowListApi, privateApi, publicApi } from './apps.js';
import { failureOf } from './helpers.js';

describe('GET /items (supertest)', () => {
  it('answers the app origin', async () => {
    const res = await request(allowListApi()).get('/items').set('Origin', APP);
    expect(res.status).toBe(200);
    expect(res).toAllowOrigin(APP);
    expect(res).toAllowCredentials(APP);
    expect(res).toExposeHeaders(['x-total-count', 'content-type']);
    expect(res).not.toExposeHeaders('x-internal');
  });

  it('does not answer another origin', async () => {
    const res = await request(allowListApi()).get('/items').set('Origin', EVIL);
    expect(res).not.toAllowOrigin(EVIL);
    expect(res).not.toAllowCredentials(EVIL);
  });

  it('a public API is readable without credentials only', async () => {
    const res = await request(publicApi()).get('/').set('Origin', APP);
    expect(res).toAllowOrigin(APP);
    expect(res).not.toAllowCredentials(APP);
  });

  it('takes the origin for toExposeHeaders from the Origin the request carried', async () => {
    const res = await request(allowListApi()).get('/').set('Origin', APP);
    expect(res).toExposeHeaders('x-total-count');
  });

  it('says so when the request carried no Origin header', async () => {
    const res = await request(privateApi()).get('/items');
    const message = await failureOf(() => expect(res).toAllowOrigin(APP));
    expect(message).toContain('expect(response).toAllowOrigin(origin)');
    expect(message).toContain("The request carried no Origin header, and many CORS middlewares answer without CORS headers then: send it, e.g. .set('Origin', 'https://app.example').");
    expect(message).toMatch(/supertest response from http:\/\/127\.0\.0\.1:\d+\/items:/);
  });

  it('says so when the request carried another Origin', async () => {
    const res = await request(allowListApi()).get('/items').set('Origin', APP);
    const message = await failureOf(() => expect(res).toAllowOrigin(EVIL));
    expect(message).toContain('The request was sent with Origin: https://app.example, but the check is for https://evil.example.');
    expect(message).toContain('blocked (AllowOriginMismatch)');
  });

  it('returns synchronously on a response (no await needed)', async () => {
    const res = await request(publicApi()).get('/').set('Origin', APP);
    const returned: unknown = expect(res).toAllowOrigin(APP);
    expect(typeof (returned as { then?: unknown }).then).not.toBe('function');
    const onTarget: unknown = expect(publicApi()).toAllowOrigin(APP);
    expect(typeof (onTarget as { then?: unknown }).then).toBe('function');
    await onTarget;
  });
});
