/**
 * The failure messages, pinned: hint line, Expected, Received, console messages, exchanges, what to change.
 * Colours are stripped so the snapshots read the same in any terminal.
 */
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { APP, EVIL, allowListApi, brokenPreflightApi, honoApi, preflightOnlyApi, privateApi, publicApi, reflectingApi } from './apps.js';
import { failureOf, stableFailureOf } from './helpers.js';

describe('failure messages', () => {
  it('toAllowOrigin: no Access-Control-Allow-Origin', async () => {
    expect(await failureOf(() => expect(privateApi()).toAllowOrigin(APP))).toMatchSnapshot();
  });

  it('.not.toAllowOrigin: a wildcard let it through', async () => {
    expect(await failureOf(() => expect(publicApi()).not.toAllowOrigin(EVIL))).toMatchSnapshot();
  });

  it('toAllowCredentials: wildcard with credentials, preflighted', async () => {
    expect(await failureOf(() => expect(publicApi()).toAllowCredentials(APP, { url: '/items', method: 'PUT' }))).toMatchSnapshot();
  });

  it('.not.toAllowCredentials: origin reflected with credentials', async () => {
    expect(await failureOf(() => expect(reflectingApi()).not.toAllowCredentials(EVIL))).toMatchSnapshot();
  });

  it('toAllowMethods: one method refused (hono)', async () => {
    expect(await failureOf(() => expect(honoApi()).toAllowMethods(['PUT', 'PATCH'], { origin: APP, url: '/items' }))).toMatchSnapshot();
  });

  it('toAllowHeaders: engines disagree on a client hint', async () => {
    expect(await failureOf(() => expect(allowListApi()).toAllowHeaders({ dpr: '2', 'x-csrf-token': 'corsproof' }, { origin: APP, url: '/items' }))).toMatchSnapshot();
  });

  it('toExposeHeaders: sent but not exposed, and set-cookie', async () => {
    expect(await failureOf(() => expect(allowListApi()).toExposeHeaders(['x-total-count', 'x-internal', 'set-cookie'], { origin: APP }))).toMatchSnapshot();
  });

  it('toPassPreflight: 500 on OPTIONS, engines name it differently', async () => {
    expect(await failureOf(() => expect(brokenPreflightApi()).toPassPreflight({ origin: APP, url: '/items', method: 'PUT' }))).toMatchSnapshot();
  });

  it('toPassPreflight: no preflight was sent', async () => {
    expect(await failureOf(() => expect(publicApi()).toPassPreflight({ origin: APP }))).toMatchSnapshot();
  });

  it('.not.toPassPreflight: the preflight passed, the request after it did not', async () => {
    expect(await failureOf(() => expect(preflightOnlyApi()).not.toPassPreflight({ origin: APP, url: '/items', method: 'PUT' }))).toMatchSnapshot();
  });

  it('toBeBlockedByCors: allowed', async () => {
    expect(await failureOf(() => expect(reflectingApi()).toBeBlockedByCors({ origin: EVIL }))).toMatchSnapshot();
  });

  it('toBeBlockedByCors: blocked for another reason', async () => {
    expect(await failureOf(() => expect(allowListApi()).toBeBlockedByCors('AllowOriginMismatch', { origin: EVIL }))).toMatchSnapshot();
  });

  it('on a supertest response sent without Origin', async () => {
    const res = await request(allowListApi()).get('/items');
    expect(await stableFailureOf(() => expect(res).toAllowOrigin(APP))).toMatchSnapshot();
  });

  it('on a headers record, with credentials', async () => {
    expect(await failureOf(() => expect({ 'access-control-allow-origin': '*' }).toAllowCredentials(APP))).toMatchSnapshot();
  });

  it('.not on a response', async () => {
    const res = new Response(null, { headers: { 'access-control-allow-origin': '*', 'access-control-expose-headers': 'x-total-count', 'x-total-count': '1' } });
    expect(await failureOf(() => expect(res).not.toExposeHeaders('x-total-count', { origin: APP }))).toMatchSnapshot();
  });
});
