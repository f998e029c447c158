// A probe corpus for status codes: each of a range of statuses (2xx, 3xx without Location, 4xx, 5xx, the edges
// 299, 399, 499, 599) on a preflight, on an allowed response, and on a response without
// Access-Control-Allow-Origin. Each engine's outcome (the status script sees) and console is the answer.
// usage: node scripts/conformance/probes/statuses.mjs > scenarios.json
const out = [];
let i = 0;
const origin = ['access-control-allow-origin', '{origin}'];
const STATUSES = [200, 201, 202, 203, 204, 205, 206, 207, 226, 299, 300, 301, 302, 303, 304, 305, 306, 307, 308, 399, 400, 401, 403, 404, 405, 407, 408, 418, 429, 451, 499, 500, 501, 502, 503, 504, 599];
for (const status of STATUSES) {
  out.push({ id: `z${String(i++).padStart(4, '0')}`, note: `preflight status ${status}`, request: { method: 'PUT', body: 'x', credentials: 'omit', mode: 'cors' }, hops: [{ host: 'api', preflight: { status, headers: [origin, ['access-control-allow-methods', 'PUT']] }, response: { status: 200, headers: [origin], body: 'ok' } }] });
  out.push({ id: `z${String(i++).padStart(4, '0')}`, note: `response status ${status}`, request: { method: 'GET', credentials: 'omit', mode: 'cors' }, hops: [{ host: 'api', response: { status, headers: [origin], body: status === 204 || status === 304 || status === 205 ? '' : 'ok' } }] });
  out.push({ id: `z${String(i++).padStart(4, '0')}`, note: `response status ${status} without ACAO`, request: { method: 'GET', credentials: 'omit', mode: 'cors' }, hops: [{ host: 'api', response: { status, headers: [], body: status === 204 || status === 304 || status === 205 ? '' : 'ok' } }] });
}
process.stdout.write(JSON.stringify(out));
