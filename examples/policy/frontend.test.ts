// The frontend suite: the API client against MSW mocks built from the same cors.policy.json, through a fetch
// that enforces CORS as the browser does. A request the policy does not allow fails here as in production.
import { http, HttpResponse } from 'msw';
import { expect, test, vi } from 'vitest';
import { createCorsFetch, defineCorsPolicy } from 'corsproof/mock';
import { withCors } from 'corsproof/msw';
import policyJson from './cors.policy.json' with { type: 'json' };
import { apiClient } from './api-client.mjs';

const policy = defineCorsPolicy(policyJson as Parameters<typeof defineCorsPolicy>[0]);
const handlers = withCors(policy, [
  http.get('https://api.example/api/items', () => HttpResponse.json([{ id: 'it-1' }], { headers: { 'x-total-count': '1' } })),
  http.put('https://api.example/api/items/:id', async ({ request, params }) => HttpResponse.json({ id: params.id, ...((await request.json()) as object) })),
  http.delete('https://api.example/api/admin/items/:id', () => new HttpResponse(null, { status: 204 })),
]);

test('the app page lists and renames items', async () => {
  const client = apiClient('https://api.example', createCorsFetch({ origin: 'https://app.example', target: handlers }));
  expect(await client.listItems()).toEqual({ items: [{ id: 'it-1' }], total: 1 });
  expect(await client.renameItem('it-1', 'renamed')).toEqual({ id: 'it-1', name: 'renamed' });
});

test('a preview deployment may call the API too', async () => {
  const client = apiClient('https://api.example', createCorsFetch({ origin: 'https://pr-42.preview.app.example', target: handlers, engine: 'firefox' }));
  expect((await client.listItems()).total).toBe(1);
});

test('the admin page deletes with its CSRF token; the app page may not', async () => {
  const admin = apiClient('https://api.example', createCorsFetch({ origin: 'https://admin.app.example', target: handlers }));
  await expect(admin.deleteItem('it-1', 'token')).resolves.toBeUndefined();
  const onBlocked = vi.fn();
  const app = apiClient('https://api.example', createCorsFetch({ origin: 'https://app.example', target: handlers, onBlocked }));
  await expect(app.deleteItem('it-1', 'token')).rejects.toThrow('Failed to fetch');
  expect(onBlocked).toHaveBeenCalledOnce();
});
