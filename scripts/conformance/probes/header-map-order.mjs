// A probe corpus for the order in which Chromium goes through a request's headers (Blink's HTTPHeaderMap, a hash
// table: src/engines/chromium-header-map.ts). Two kinds of scenario:
//  - `m`: a preflight that allows none of the page's headers; the console names the first one in that order
//    (pairs of 20 names, the same with a safelisted, an `Accept` or an allowed third header, sets of 3 to 5);
//  - `o`: a preflight that allows every header (`*`); the actual request goes on the wire in that order (random
//    sets of 1 to 6 names, some with a body that gives a Content-Type);
//  - `r`: a POST with two headers and a JSON body, redirected (303) to a host whose preflight allows neither: the
//    GET that follows has no Content-Type, yet Chromium still goes through the other two in the order the first
//    request's headers had (with Content-Type); and the same two headers sent directly. The pairs are ones whose
//    order Content-Type changes (found with the model; any pair serves as a check).
// usage: node scripts/conformance/probes/header-map-order.mjs > scenarios.json
const out = [];
let m = 0;
let o = 0;
const allowNone = { status: 204, headers: [['access-control-allow-origin', '{origin}'], ['access-control-allow-methods', 'GET, POST, PUT'], ['access-control-allow-headers', 'x-allowed']] };
const allowAll = { status: 204, headers: [['access-control-allow-origin', '{origin}'], ['access-control-allow-methods', 'GET, POST, PUT'], ['access-control-allow-headers', '*']] };
const ok = { status: 200, headers: [['access-control-allow-origin', '{origin}']], body: 'ok' };
function blocked(headers, note) {
  out.push({ id: `m${String(m++).padStart(4, '0')}`, note, request: { method: 'GET', headers, credentials: 'omit', mode: 'cors' }, hops: [{ host: 'api', preflight: allowNone, response: ok }] });
}
function allowed(headers, note, body) {
  const request = { method: body === undefined ? 'GET' : 'POST', headers, credentials: 'omit', mode: 'cors', ...(body === undefined ? {} : { body }) };
  out.push({ id: `o${String(o++).padStart(4, '0')}`, note, request, hops: [{ host: 'api', preflight: allowAll, response: ok }] });
}

const NAMES = [
  'x-a', 'x-b', 'x-c', 'x-d', 'x-e', 'x-zeta', 'authorization', 'cache-control', 'if-none-match', 'x-csrf-token',
  'x-requested-with', 'priority', 'pragma', 'x-custom', 'x-api-key', 'x-trace-id', 'content-language-x', 'x-foo', 'x-bar', 'x-baz',
];
for (const a of NAMES) for (const b of NAMES) if (a < b) blocked([[a, '1'], [b, '1']], `${a} and ${b}`);
const FEW = NAMES.slice(0, 8);
for (const a of FEW) {
  for (const b of FEW) {
    if (a >= b) continue;
    blocked([[a, '1'], [b, '1'], ['content-language', 'en']], `${a} and ${b}, and a safelisted Content-Language`);
    blocked([[a, '1'], [b, '1'], ['accept', 'text/html']], `${a} and ${b}, and a safelisted Accept`);
    blocked([[a, '1'], [b, '1'], ['x-allowed', '1']], `${a} and ${b}, and an allowed header`);
  }
}
for (let k = 0; k < 40; k++) {
  const pick = NAMES.filter((_, j) => (k * 7 + j * 13) % 5 < 2).slice(0, 3 + (k % 3));
  blocked(pick.map((n) => [n, '1']), `${pick.length} headers, in this order`);
}

// A deterministic pseudo-random pick of header sets, in random page order.
let seed = 7;
const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const POOL = Array.from({ length: 60 }, (_, k) => `x-h${k.toString(36)}${'abcdefghij'.slice(0, k % 7)}`);
for (let n = 0; n < 200; n++) {
  const size = 1 + Math.floor(random() * 6);
  const set = new Set();
  while (set.size < size) set.add(POOL[Math.floor(random() * POOL.length)]);
  allowed([...set].map((h) => [h, '1']), `${size} headers, in this order`, n % 10 === 9 ? 'hello' : undefined);
}
let r = 0;
const REDIRECT_PAIRS = [
  ['x-r7ab', 'x-ra'], ['x-r7ab', 'x-riabc'], ['x-r7ab', 'x-rp'], ['x-r7ab', 'x-rz'], ['x-ra', 'x-r1rabc'], ['x-reabcd', 'x-riabc'],
  ['x-reabcd', 'x-rp'], ['x-reabcd', 'x-rz'], ['x-riabc', 'x-r1rabc'], ['x-rp', 'x-r1rabc'], ['x-ru', 'x-rz'], ['x-rz', 'x-r1rabc'],
];
// A cross-origin redirect taints the origin: the second host answers `*` (no credentials).
const anyOriginAllowNone = { status: 204, headers: [['access-control-allow-origin', '*'], ['access-control-allow-methods', 'GET, POST'], ['access-control-allow-headers', 'x-allowed']] };
const anyOrigin = { status: 200, headers: [['access-control-allow-origin', '*']], body: 'ok' };
for (const [a, b] of REDIRECT_PAIRS) {
  const see = { status: 303, headers: [['access-control-allow-origin', '{origin}'], ['location', '{hop1}']], body: '' };
  out.push({
    id: `r${String(r++).padStart(4, '0')}`, note: `${a} and ${b} with a JSON body, then a 303 to a host that allows neither`,
    request: { method: 'POST', body: '{}', headers: [[a, '1'], [b, '1'], ['content-type', 'application/json']], credentials: 'omit', mode: 'cors' },
    hops: [{ host: 'api', preflight: allowAll, response: see }, { host: 'other', preflight: anyOriginAllowNone, response: anyOrigin }],
  });
  out.push({
    id: `r${String(r++).padStart(4, '0')}`, note: `${a} and ${b} directly to a host that allows neither`,
    request: { method: 'GET', headers: [[a, '1'], [b, '1']], credentials: 'omit', mode: 'cors' },
    hops: [{ host: 'other', preflight: anyOriginAllowNone, response: anyOrigin }],
  });
}
allowed([['accept', 'text/html'], ['x-a', '1']], 'the page sets Accept');
allowed([['content-type', 'application/json'], ['x-a', '1']], 'the page sets Content-Type', '{}');
process.stdout.write(JSON.stringify(out));
