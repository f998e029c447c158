// enforceCors(server, { policy }): handlers written without a thought for CORS answer the page as a correct
// server with the shared policy would (preflights from the policy, its headers on every response), so the
// frontend suite holds the app to the same policy the backend suite checks (docs/policy.md).
import { http as mock, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { defineCorsPolicy, InvalidArgumentError } from 'corsproof';
import { enforceCors } from 'corsproof/msw';

const DOM = typeof location !== 'undefined' && typeof location.origin === 'string' && location.origin !== 'null';
const PAGE = DOM ? location.origin : 'https://app.example';
const API = 'https://api.example';

const policy = defineCorsPolicy({
  origins: [PAGE],
  methods: ['GET', 'PUT'],
  headers: ['content-type'],
  credentials: true,
  exposeHeaders: ['x-total'],
  maxAge: 600,
  routes: { '/public/*': { origins: '*', credentials: false } },
});

let preflightsSeen = 0;
const server = setupServer(
  mock.options(`${API}/*`, () => {
    preflightsSeen++;
    return new HttpResponse(null, { status: 500 });
  }),
  mock.get(`${API}/items`, () => HttpResponse.json([{ id: 1 }], { headers: { 'x-total': '1', 'x-secret': 's' } })),
  mock.put(`${API}/items/:id`, async ({ request }) => HttpResponse.json({ saved: await request.json() })),
  mock.get(`${API}/public/status`, () => HttpResponse.text('up')),
);
let cors;

beforeAll(() => {
  cors = enforceCors(server, { ...(DOM ? {} : { origin: PAGE }), policy, onBlocked: 'silent' });
  server.listen({ onUnhandledRequest: 'error' });
});
afterEach(() => {
  cors.reset();
  preflightsSeen = 0;
});
afterAll(() => {
  cors.dispose();
  server.close();
});

describe('enforceCors with a policy', () => {
  it('answers the page as the policy says: credentialed read, exposed headers only', async () => {
    const res = await fetch(`${API}/items`, { credentials: 'include' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-total')).toBe('1');
    expect(res.headers.get('x-secret')).toBe(null);
    expect(await res.json()).toEqual([{ id: 1 }]);
  });

  it('answers the preflight from the policy, not from a handler', async () => {
    const res = await fetch(`${API}/items/7`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{"a":1}' });
    expect(await res.json()).toEqual({ saved: { a: 1 } });
    expect(preflightsSeen).toBe(0);
    expect(cors.verdicts.at(-1).exchanges.map((e) => e.request.method)).toEqual(['OPTIONS', 'PUT']);
  });

  it('blocks what the policy does not allow, with the browser’s reason', async () => {
    const error = await fetch(`${API}/items/7`, { method: 'PUT', headers: { 'x-csrf-token': 't' }, body: '{}' }).then(
      () => null,
      (e) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect(error.verdict.reason.code).toBe('HeaderDisallowedByPreflightResponse');
    expect(error.verdict.reason.failedParameter).toBe('x-csrf-token');
  });

  it('applies the policy’s route scopes: a public route answers any origin with *', async () => {
    const res = await fetch(`${API}/public/status`);
    expect(await res.text()).toBe('up');
    expect(cors.verdicts.at(-1).exchanges[0].response.headers).toContainEqual(['access-control-allow-origin', '*']);
  });

  it('refuses a policy that is none, naming the option', () => {
    const other = setupServer();
    let error;
    try {
      enforceCors(other, { origin: PAGE, policy: 'https://app.example' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(InvalidArgumentError);
    expect(error.argument).toBe('options.policy');
  });
});
