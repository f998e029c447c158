// The example in docs/mock.md, run as written (globalThis.fetch restored afterwards).
import { http, HttpResponse } from 'msw';
import { afterEach, expect, it, vi } from 'vitest';
import { createCorsFetch } from '../../src/mock/index.js';
import { withCors } from '../../src/mock/msw.js';

const realFetch = globalThis.fetch;
afterEach(() => {
  globalThis.fetch = realFetch;
});

it('docs/mock.md example', async () => {
  const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
  const handlers = [http.post('https://api.example/items', () => HttpResponse.json({ ok: true }, { status: 201 }))];
  const api = withCors({ origin: 'https://app.example', credentials: true, allowHeaders: ['content-type'] }, handlers);
  globalThis.fetch = createCorsFetch({ origin: 'https://app.example', target: api });

  await expect(
    fetch('https://api.example/items', {
      method: 'POST',
      credentials: 'include',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 't' },
      body: '{}',
    }),
  ).rejects.toThrow('Failed to fetch');
  expect(errors.mock.calls[0][0]).toContain('Request header field x-csrf-token is not allowed by Access-Control-Allow-Headers in preflight response.');
  const ok = await fetch('https://api.example/items', { method: 'POST', credentials: 'include', headers: { 'content-type': 'application/json' }, body: '{}' });
  expect(ok.status).toBe(201);
  errors.mockRestore();
});
