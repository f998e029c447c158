// @vitest-environment happy-dom
// Under happy-dom, whose global Request drops the headers a page may not set (Origin, Access-Control-Request-*),
// the server side of an exchange still sees them: corsproof builds its requests with Node's classes, or restores
// the full header list where only the page's are in reach.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { http, HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createCorsFetch, corsHandler } from '../../src/mock/index.js';
import { withCors } from '../../src/mock/msw.js';
import { makeServerRequest, resetServerClasses, serverClasses } from '../../src/platform.js';

const APP = 'https://app.example';
const API = 'https://api.example';

describe('under happy-dom', () => {
  it('the page’s Request drops Origin; a server-side request keeps every header, in order', () => {
    expect(new Request(`${API}/x`, { headers: { origin: APP } }).headers.get('origin')).toBeNull();
    resetServerClasses();
    const request = makeServerRequest(`${API}/x`, {
      method: 'OPTIONS',
      headers: [['Origin', APP], ['Access-Control-Request-Method', 'PUT'], ['Access-Control-Request-Headers', 'x-token']],
      body: null,
    });
    expect(request.headers.get('origin')).toBe(APP);
    expect(request.headers.get('access-control-request-method')).toBe('PUT');
    expect(request.clone().headers.get('access-control-request-headers')).toBe('x-token');
    expect(serverClasses().restoresHeaders).toBe(true);
  });

  it('corsHandler, withCors-wrapped MSW handlers and a Hono app judge a preflighted request correctly', async () => {
    const seen: Array<string | null> = [];
    const handler = corsHandler({ origin: APP }, (request) => {
      seen.push(request.headers.get('origin'));
      return new Response('ok');
    });
    const msw = withCors({ origin: APP, allowHeaders: ['x-token'] }, [http.put(`${API}/items`, () => HttpResponse.text('saved'))]);
    const hono = new Hono().use('*', cors({ origin: APP, allowHeaders: ['x-token'] })).put('/items', (c) => c.text('hono'));
    const put = { method: 'PUT', headers: { 'x-token': 't' } };
    expect(await (await createCorsFetch({ origin: APP, target: handler })(`${API}/items`, put)).text()).toBe('ok');
    expect(await (await createCorsFetch({ origin: APP, target: msw as never })(`${API}/items`, put)).text()).toBe('saved');
    expect(await (await createCorsFetch({ origin: APP, target: hono })(`${API}/items`, put)).text()).toBe('hono');
    expect(seen).toEqual([APP]);
  });

  it('gives script an instance of the page’s own Response', async () => {
    const res = await createCorsFetch({ origin: APP, target: corsHandler({ origin: '*' }, () => new Response('x')) })(`${API}/x`);
    expect(res).toBeInstanceOf(Response);
    expect(res.type).toBe('cors');
  });
});
