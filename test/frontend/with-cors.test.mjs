// withCors(policy, handlers) on its own (no enforceCors): MSW answers with the policy's CORS headers, preflights
// to the wrapped routes are answered, and a request none of the handlers matches is still MSW's unhandled request.
import * as msw from 'msw';
import { http as mock, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { withCors } from 'corsproof/msw';
import { createCorsFetch } from 'corsproof/mock';

// msw 3 moved graphql to its own entry (and there, every GraphQL handler belongs to a link).
const graphqlEntry = 'msw/graphql';
const { graphql } = msw.graphql ? msw : await import(/* @vite-ignore */ graphqlEntry);
const API = 'https://api.example';
const APP = 'https://app.example';
let unhandled = [];
const server = setupServer(
  ...withCors({ origin: APP, credentials: true, exposeHeaders: ['x-total'], maxAge: 60 }, [
    mock.get(`${API}/items`, () => HttpResponse.json([1], { headers: { 'x-total': '1' } })),
    mock.get(`${API}/once`, () => HttpResponse.text('first'), { once: true }),
    graphql.link(`${API}/graphql`).query('Me', () => HttpResponse.json({ data: { me: { id: 1 } } })),
  ]),
);

beforeAll(() => {
  if (typeof document !== 'undefined') return;
  server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
  server.events.on('request:unhandled', ({ request }) => unhandled.push(`${request.method} ${request.url}`));
});
afterEach(() => {
  server.resetHandlers();
  unhandled = [];
});
afterAll(() => {
  if (typeof document === 'undefined') server.close();
});

const quietly = async (promise) => {
  const original = console.error;
  console.error = () => {};
  try {
    return await promise.catch((error) => error);
  } finally {
    console.error = original;
  }
};

// The requests here set Origin and preflight headers by hand, as a server test would: only Node's own fetch lets
// them through (a DOM environment's fetch is the page's, which may not set them).
const inNode = typeof document === 'undefined' ? describe : describe.skip;

inNode('withCors', () => {
  it('adds the policy’s headers to what the handlers answer', async () => {
    const res = await fetch(`${API}/items`, { headers: { origin: APP } });
    expect(res.headers.get('access-control-allow-origin')).toBe(APP);
    expect(res.headers.get('access-control-allow-credentials')).toBe('true');
    expect(res.headers.get('access-control-expose-headers')).toBe('x-total');
    expect(res.headers.get('vary')).toBe('Origin');
    expect(await res.json()).toEqual([1]);
  });

  it('answers a preflight for a wrapped route, the method and URL it announces', async () => {
    const res = await fetch(`${API}/items`, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'GET', 'access-control-request-headers': 'x-csrf-token' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-headers')).toBe('x-csrf-token');
    expect(res.headers.get('access-control-max-age')).toBe('60');
  });

  it('answers a preflight for a GraphQL endpoint, whose operation the preflight cannot show', async () => {
    const res = await fetch(`${API}/graphql`, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
    expect(res.status).toBe(204);
    const data = await fetch(`${API}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', origin: APP }, body: JSON.stringify({ query: 'query Me { me { id } }' }) });
    expect(data.headers.get('access-control-allow-origin')).toBe(APP);
    expect(await data.json()).toEqual({ data: { me: { id: 1 } } });
  });

  it('does not swallow requests no wrapped handler matches: MSW’s onUnhandledRequest sees them', async () => {
    await quietly(fetch(`${API}/nothing`));
    await quietly(fetch(`${API}/nothing`, { method: 'OPTIONS', headers: { origin: APP, 'access-control-request-method': 'DELETE' } }));
    await quietly(fetch(`${API}/items`, { method: 'DELETE' }));
    expect(unhandled).toEqual([`GET ${API}/nothing`, `OPTIONS ${API}/nothing`, `DELETE ${API}/items`]);
  });

  it('keeps a wrapped handler’s own options: a once handler answers once', async () => {
    expect(await (await fetch(`${API}/once`)).text()).toBe('first');
    await quietly(fetch(`${API}/once`));
    expect(unhandled).toEqual([`GET ${API}/once`]);
  });

  it('createCorsFetch with MSW handlers keeps working across listen() and close() (msw 3 swaps the Fetch classes meanwhile)', async () => {
    const target = withCors({ origin: APP }, [mock.get(`${API}/items`, () => HttpResponse.text('items'))]);
    const corsFetch = createCorsFetch({ origin: APP, target });
    expect(await (await corsFetch(`${API}/items`)).text()).toBe('items');
    server.close();
    expect(await (await corsFetch(`${API}/items`)).text()).toBe('items');
    server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' });
    expect(await (await corsFetch(`${API}/items`)).text()).toBe('items');
  });

  it('refuses what is not a policy or not handlers, saying so', () => {
    expect(() => withCors({ origin: '*', credentials: true }, [])).toThrow(/credentials/);
    expect(() => withCors({ origin: APP }, 'handlers')).toThrow(/Invalid handlers: expected an array of MSW request handlers/);
  });
});
