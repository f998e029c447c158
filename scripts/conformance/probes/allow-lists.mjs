// A probe corpus for the list grammar of `Access-Control-Allow-Methods`, `-Allow-Headers` and `-Expose-Headers`:
// empty items, separators, whitespace, quotes, case, `*` alone and among names, repeated lines, against a request
// whose method or header the list must name (or a response header it must expose). Each engine's outcome (and
// readable header names) and console is the answer.
// usage: node scripts/conformance/probes/allow-lists.mjs > scenarios.json
const out = [];
let i = 0;
const origin = ['access-control-allow-origin', '{origin}'];
const ok = { status: 200, headers: [origin], body: 'ok' };
function scenario(note, request, preflight, response = ok) {
  out.push({ id: `l${String(i++).padStart(4, '0')}`, note, request: { method: 'GET', credentials: 'omit', mode: 'cors', ...request }, hops: [{ host: 'api', ...(preflight ? { preflight } : {}), response }] });
}
const LISTS = [
  'PUT', 'put', 'Put', 'GET, PUT', 'GET,PUT', 'GET ,PUT', 'GET , PUT', ' PUT ', 'PUT,', ',PUT', ',,PUT,,', 'GET,,PUT', 'GET, , PUT', 'GET;PUT',
  'GET PUT', '"PUT"', "'PUT'", 'PUT\t', '\tPUT', 'GET,\tPUT', '*', ' * ', '*,PUT', 'PUT,*', '**', '*PUT', 'PU T', 'PUT(', 'PUT/1', 'P@T',
  'x-a', 'X-A', 'x-b, x-a', 'x-b,x-a', 'x-a,', ',x-a', 'x-a x-b', 'x-a;x-b', '"x-a"', 'x-a,*', '*,x-a', 'x_a', 'x-a ,x-b', 'x-a,,', '',
];
for (const list of LISTS) {
  for (const credentials of ['omit', 'include']) {
    const extra = credentials === 'include' ? [['access-control-allow-credentials', 'true']] : [];
    scenario(`Allow-Methods ${JSON.stringify(list)}, PUT, ${credentials}`, { method: 'PUT', body: 'x', credentials }, { status: 204, headers: [origin, ...extra, ['access-control-allow-methods', list]] }, { status: 200, headers: [origin, ...extra], body: 'ok' });
    scenario(`Allow-Methods ${JSON.stringify(list)}, patch, ${credentials}`, { method: 'patch', body: 'x', credentials }, { status: 204, headers: [origin, ...extra, ['access-control-allow-methods', list]] }, { status: 200, headers: [origin, ...extra], body: 'ok' });
    scenario(`Allow-Headers ${JSON.stringify(list)}, x-a, ${credentials}`, { headers: [['x-a', '1']], credentials }, { status: 204, headers: [origin, ...extra, ['access-control-allow-headers', list]] }, { status: 200, headers: [origin, ...extra], body: 'ok' });
    scenario(`Expose-Headers ${JSON.stringify(list)}, ${credentials}`, { credentials }, null, { status: 200, headers: [origin, ...extra, ['x-a', '1'], ['put', '1'], ['access-control-expose-headers', list]], body: 'ok' });
  }
}
// The same header twice: two lines, their values combined.
for (const [a, b] of [['GET', 'PUT'], ['', 'PUT'], ['PUT', ''], ['x', 'PUT'], ['*', 'GET']]) {
  scenario(`Allow-Methods twice ${JSON.stringify(a)} ${JSON.stringify(b)}`, { method: 'PUT', body: 'x' }, { status: 204, headers: [origin, ['access-control-allow-methods', a], ['access-control-allow-methods', b]] });
}
process.stdout.write(JSON.stringify(out));
