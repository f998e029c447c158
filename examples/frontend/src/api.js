// The shop's API client: what the app's components call. Plain fetch for the catalogue and the cart, axios for
// the account. The API lives on another origin than the app, so every call is a CORS request.
import axios from 'axios';

export const API = 'https://api.shop.example';

/** The CSRF token the app got at login (a cookie or a meta tag in the real app). */
export function csrfToken() {
  return 'token-from-login';
}

/** One page of products, and how many there are in all (the API says so in X-Total-Count). */
export async function listProducts() {
  const res = await fetch(`${API}/products`);
  if (!res.ok) throw new Error(`listProducts: ${res.status}`);
  return { items: await res.json(), total: Number(res.headers.get('x-total-count')) };
}

/** Put a product in the signed-in user's cart (a cookie session, so credentials go along). */
export async function addToCart(productId) {
  const res = await fetch(`${API}/cart`, {
    method: 'POST',
    credentials: 'include',
    headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken() },
    body: JSON.stringify({ productId }),
  });
  if (!res.ok) throw new Error(`addToCart: ${res.status}`);
  return res.json();
}

export const account = axios.create({ baseURL: API, withCredentials: true });

export async function getProfile() {
  const { data } = await account.get('/me');
  return data;
}

export async function updateProfile(changes) {
  const { data } = await account.patch('/me', changes, { headers: { 'x-csrf-token': csrfToken() } });
  return data;
}
