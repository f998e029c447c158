// toMatchCorsPolicy under Jest, from the built package: registered by corsproof/jest, a policy from corsproof.
const cors = require('cors');
const express = require('express');
const { defineCorsPolicy } = require('corsproof');
require('corsproof/jest');

const policy = defineCorsPolicy({ origins: ['https://app.example'], methods: ['GET', 'PUT'], headers: ['content-type'], credentials: true });

function app(allowedHeaders) {
  const a = express();
  a.use(cors({ origin: 'https://app.example', methods: ['GET', 'PUT'], allowedHeaders, credentials: true }));
  a.get('/items', (req, res) => res.json([]));
  a.put('/items/:id', (req, res) => res.json({}));
  return a;
}

test('an app that matches its policy', async () => {
  await expect(app(['content-type'])).toMatchCorsPolicy(policy, { engine: 'chromium' });
});

test('an app that drifted: the message names the route and the fix', async () => {
  await expect(expect(app([])).toMatchCorsPolicy(policy, { engine: 'chromium' })).rejects.toThrow(
    /PUT \/items\/:id \(requested as \/items\/1\): 1 deviation[\s\S]*✗ https:\/\/app\.example may send request header content-type with credentials: blocked in chromium \(HeaderDisallowedByPreflightResponse\)/,
  );
});
