// The backend suite: every route of both apps answers CORS as cors.policy.json says.
import { expect, test } from 'vitest';
import { loadCorsPolicy } from 'corsproof';
import 'corsproof/vitest';
import { expressApp, honoApp } from './backend.mjs';

const policy = await loadCorsPolicy(new URL('./cors.policy.json', import.meta.url));
const params = { id: 'it-1' };

test('the Express app matches the CORS policy on every route', async () => {
  await expect(expressApp()).toMatchCorsPolicy(policy, { params });
});

test('the Hono app matches the CORS policy on every route', async () => {
  await expect(honoApp()).toMatchCorsPolicy(policy, { params });
});
