// The example at the top of docs/emulator.md, run as written.
import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { expect, it } from 'vitest';
import { consoleMessage, fixSentence, simulate } from '../../src/index.js';

it('docs/emulator.md example', async () => {
  const app = new Hono();
  app.use('/api/*', cors({ origin: 'https://app.example', allowHeaders: ['content-type'] }));
  app.put('/api/items', (c) => c.json({ ok: true }));

  const verdict = await simulate(
    {
      url: 'https://api.example/api/items',
      origin: 'https://app.example',
      method: 'PUT',
      headers: { 'content-type': 'application/json', 'x-csrf-token': 't' },
    },
    { transport: app.fetch, engine: 'chromium' },
  );
  expect(verdict.allowed).toBe(false);
  expect(verdict.reason?.code).toBe('HeaderDisallowedByPreflightResponse');
  expect(consoleMessage(verdict, 'chromium')).toBe(
    "Access to fetch at 'https://api.example/api/items' from origin 'https://app.example' has been blocked by CORS policy: Request header field x-csrf-token is not allowed by Access-Control-Allow-Headers in preflight response.",
  );
  expect(fixSentence(verdict)).toMatch(/^Add 'x-csrf-token' to 'Access-Control-Allow-Headers' on the preflight response/);
});
