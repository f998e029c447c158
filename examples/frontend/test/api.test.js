// The API client against its mocks, with the browser's CORS rules enforced: a test fails when the client sends
// what the API's CORS policy does not allow, as the browser would make the app fail in production.
// Runs as is under Vitest (jsdom, happy-dom; `globals: true`) and Jest (jsdom); the page is https://shop.example.
import { setupServer } from 'msw/node';
import { enforceCors } from 'corsproof/msw';
import { addToCart, getProfile, listProducts, updateProfile } from '../src/api.js';
import { handlers } from '../src/mocks/handlers.js';

const server = setupServer(...handlers);
const cors = enforceCors(server, { onBlocked: 'throw' });

beforeAll(() => server.listen({ onUnhandledRequest: 'error', onUnhandledFrame: 'error' }));
afterEach(() => {
  server.resetHandlers();
  cors.reset();
});
afterAll(() => {
  cors.dispose();
  server.close();
});

test('lists the products and their total count', async () => {
  const { items, total } = await listProducts();
  expect(items.map((p) => p.name)).toEqual(['Teapot', 'Cup']);
  expect(total).toBe(42);
});

test('adds a product to the cart, with the session cookie and the CSRF token', async () => {
  expect(await addToCart(2)).toEqual({ items: [2] });
});

test('reads and updates the profile with axios', async () => {
  expect(await getProfile()).toEqual({ name: 'Ada', newsletter: false });
  expect(await updateProfile({ newsletter: true })).toEqual({ name: 'Ada', newsletter: true });
});
