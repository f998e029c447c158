// The shop's client, changed: addToCart also sends an X-Request-Id header (say, from a new tracing library).
export * from '../../../examples/frontend/src/api.js';
import { API, csrfToken } from '../../../examples/frontend/src/api.js';

export async function addToCart(productId) {
  const res = await fetch(`${API}/cart`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken(), 'x-request-id': 'r-1' },
    body: JSON.stringify({ productId }),
  });
  if (!res.ok) throw new Error(`addToCart: ${res.status}`);
  return res.json();
}
