// The README's 30-second example, verbatim between the markers (readme.test.ts checks they match).
// README-EXAMPLE-START
import cors from 'cors';
import express from 'express';
import { expect, test } from 'vitest';
import 'corsproof/vitest';

const app = express();
app.use('/api', cors({ origin: 'https://app.example', credentials: true, allowedHeaders: ['content-type'] }));
app.get('/api/user', (req, res) => res.json({ id: 42 }));

test('the front end can call the API, and nobody else can', async () => {
  await expect(app).toAllowOrigin('https://app.example', { url: '/api/user' });
  await expect(app).toAllowCredentials('https://app.example', { url: '/api/user' });
  await expect(app).not.toAllowOrigin('https://evil.example', { url: '/api/user' });
  await expect(app).toBeBlockedByCors('HeaderDisallowedByPreflightResponse', {
    url: '/api/user',
    origin: 'https://app.example',
    method: 'DELETE',
    headers: { 'x-csrf-token': '1' },
  });
});
// README-EXAMPLE-END
