/**
 * Type test (compiled by `npm run typecheck`, and against the built package by types.test.ts): the matchers on
 * `expect` from `@jest/globals`, and on `jest.Matchers` as `@types/jest` users get it.
 */
import { describe, expect, it } from '@jest/globals';
import express from 'express';
import request from 'supertest';
import '../../src/jest.js';

const app = express();
const origin = 'https://app.example';

describe('@jest/globals', () => {
  it('targets are awaited, responses are synchronous', async () => {
    const pending: Promise<void> = expect(app).toAllowOrigin(origin);
    await pending;
    await expect(app).not.toAllowCredentials('https://evil.example', { engines: ['chromium'] });
    await expect(app).toPassPreflight({ origin, method: 'PUT' });
    await expect(app).toAllowMethods(['PUT'], { origin });
    await expect(app).toAllowHeaders('x-csrf-token', { origin });
    await expect(app).toExposeHeaders('x-total-count', { origin });
    await expect(app).toBeBlockedByCors('MissingAllowOriginHeader', { origin });
    await expect(app).toMatchCorsPolicy({ origins: [origin], headers: ['x-csrf-token'] }, { openapi: 'openapi.yaml' });
    const res = await request(app).get('/').set('Origin', origin);
    const done: void = expect(res).toAllowOrigin(origin);
    void done;
    expect(res).toExposeHeaders(['x-total-count']);
  });

  it('misuse does not compile', async () => {
    const res = await request(app).get('/');
    // @ts-expect-error on a target the matcher is asynchronous
    const notAwaited: void = expect(app).toAllowOrigin(origin);
    void notAwaited;
    // @ts-expect-error toPassPreflight needs the origin in its request
    await expect(app).toPassPreflight({ method: 'PUT' });
    // @ts-expect-error reason codes are checked
    await expect(app).toBeBlockedByCors('NoSuchReason', { origin });
    // @ts-expect-error matchers that send their own requests do not take a response
    await expect(res).toAllowHeaders(['x-a'], { origin });
    // @ts-expect-error toMatchCorsPolicy takes a target, not a response
    await expect(res).toMatchCorsPolicy({ origins: [origin] });
  });
});

// @types/jest's global expect returns jest.Matchers<void, T> (and Promise<void> under .resolves/.rejects).
declare const onTarget: jest.Matchers<void, typeof app>;
declare const onResponse: jest.Matchers<void, Response>;
export async function typesJestGlobal(): Promise<void> {
  await onTarget.toAllowOrigin(origin);
  await onTarget.toBeBlockedByCors({ origin });
  const done: void = onResponse.toAllowCredentials(origin);
  void done;
  // @ts-expect-error engine names are checked
  await onTarget.toAllowOrigin(origin, { engine: 'edge' });
}
