// The API's mocks for the tests, answering with the production CORS policy.
import { http, HttpResponse } from 'msw';
import { withCors } from 'corsproof/msw';
import { API } from '../api.js';
import { corsPolicy } from '../cors-policy.js';

const products = [
  { id: 1, name: 'Teapot' },
  { id: 2, name: 'Cup' },
];
let profile = { name: 'Ada', newsletter: false };

export const handlers = withCors(corsPolicy, [
  http.get(`${API}/products`, () => HttpResponse.json(products, { headers: { 'x-total-count': '42' } })),
  http.post(`${API}/cart`, async ({ request }) => {
    const { productId } = await request.json();
    return HttpResponse.json({ items: [productId] }, { status: 201 });
  }),
  http.get(`${API}/me`, () => HttpResponse.json(profile)),
  http.patch(`${API}/me`, async ({ request }) => {
    profile = { ...profile, ...(await request.json()) };
    return HttpResponse.json(profile);
  }),
]);
