// A probe corpus for which response header names script can read: a response that carries every CORS-safelisted
// response-header name, `Set-Cookie`, `Set-Cookie2`, `Access-Control-*`, `Date`, `Server` and custom names, under
// `Access-Control-Expose-Headers` values that name none, some, `*`, or the forbidden ones; with and without
// credentials; in modes cors and no-cors (opaque: nothing readable) and same-origin to the page; and two refusals. The
// readable names (each engine's outcome) are the answer.
// usage: node scripts/conformance/probes/exposed-names.mjs > scenarios.json
const out = [];
let i = 0;
const CARRIED = [
  ['cache-control', 'no-store'], ['content-language', 'en'], ['content-length', '2'], ['content-type', 'text/plain'], ['expires', '0'],
  ['last-modified', 'Mon, 01 Jan 2024 00:00:00 GMT'], ['pragma', 'no-cache'], ['set-cookie', 'a=1'], ['set-cookie2', 'b=2'], ['server', 'probe'],
  ['x-a', '1'], ['X-Mixed-Case', '1'], ['access-control-max-age', '5'], ['vary', 'Origin'], ['content-encoding', 'identity'], ['etag', '"e"'],
];
const EXPOSE = [null, '', '*', 'x-a', 'X-A', 'x-mixed-case', 'set-cookie', 'Set-Cookie, x-a', 'content-length', 'date', 'server, etag, vary', '*, set-cookie', 'access-control-max-age', 'content-encoding'];
for (const expose of EXPOSE) {
  for (const credentials of ['omit', 'include']) {
    const headers = [['access-control-allow-origin', '{origin}'], ...(credentials === 'include' ? [['access-control-allow-credentials', 'true']] : []), ...CARRIED];
    if (expose !== null) headers.push(['access-control-expose-headers', expose]);
    out.push({ id: `e${String(i++).padStart(4, '0')}`, note: `expose ${JSON.stringify(expose)} ${credentials}`, request: { method: 'GET', credentials, mode: 'cors' }, hops: [{ host: 'api', response: { status: 200, headers, body: 'ok' } }] });
  }
}
for (const mode of ['no-cors', 'cors']) {
  out.push({ id: `e${String(i++).padStart(4, '0')}`, note: `same-origin ${mode}`, request: { method: 'GET', credentials: 'omit', mode }, hops: [{ host: 'page', response: { status: 200, headers: CARRIED, body: 'ok' } }] });
}
out.push({ id: `e${String(i++).padStart(4, '0')}`, note: 'no-cors to api', request: { method: 'GET', credentials: 'omit', mode: 'no-cors' }, hops: [{ host: 'api', response: { status: 200, headers: [['access-control-allow-origin', '*'], ['access-control-expose-headers', '*'], ...CARRIED], body: 'ok' } }] });
// The same response refused: nothing readable, and the console says why.
out.push({ id: `e${String(i++).padStart(4, '0')}`, note: 'no Access-Control-Allow-Origin', request: { method: 'GET', credentials: 'omit', mode: 'cors' }, hops: [{ host: 'api', response: { status: 200, headers: [['access-control-expose-headers', '*'], ...CARRIED], body: 'ok' } }] });
out.push({ id: `e${String(i++).padStart(4, '0')}`, note: '* with credentials', request: { method: 'GET', credentials: 'include', mode: 'cors' }, hops: [{ host: 'api', response: { status: 200, headers: [['access-control-allow-origin', '*'], ['access-control-expose-headers', '*'], ...CARRIED], body: 'ok' } }] });
process.stdout.write(JSON.stringify(out));
