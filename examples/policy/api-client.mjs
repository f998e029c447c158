// The frontend's API client: what the page's code calls.
export function apiClient(baseUrl, fetchImpl = fetch) {
  const call = async (path, init = {}) => {
    const res = await fetchImpl(`${baseUrl}${path}`, { credentials: 'include', ...init });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status}`);
    return res;
  };
  return {
    async listItems() {
      const res = await call('/api/items');
      return { items: await res.json(), total: Number(res.headers.get('x-total-count')) };
    },
    async renameItem(id, name) {
      const res = await call(`/api/items/${id}`, { method: 'PUT', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name }) });
      return res.json();
    },
    async deleteItem(id, csrfToken) {
      await call(`/api/admin/items/${id}`, { method: 'DELETE', headers: { 'x-csrf-token': csrfToken } });
    },
  };
}
