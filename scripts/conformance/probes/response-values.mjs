// A probe corpus for the values of the CORS response headers, byte by byte: `Access-Control-Allow-Origin` (an
// origin and `*`), `-Allow-Credentials`, `-Allow-Methods` and `-Allow-Headers` on a preflight, and
// `-Expose-Headers`, each with one byte before or after a value that passes. The bytes are every one a server can
// send in a header value (HTAB, 0x20-0x7E, 0x80-0xFF: Node's server refuses the other control bytes). The outcome
// (and, for `-Expose-Headers`, the readable header names) is each engine's answer; Chromium's console says why.
// usage: node scripts/conformance/probes/response-values.mjs > scenarios.json
const out = [];
let i = 0;
const BYTES = [0x09];
for (let b = 0x20; b <= 0x7e; b++) BYTES.push(b);
for (let b = 0x80; b <= 0xff; b++) BYTES.push(b);
const hex = (b) => `0x${b.toString(16).padStart(2, '0')}`;

function scenario(note, request, preflight, response) {
  out.push({
    id: `x${String(i++).padStart(5, '0')}`,
    note,
    request: { method: 'GET', credentials: 'omit', mode: 'cors', redirect: 'follow', ...request },
    hops: [{ host: 'api', ...(preflight ? { preflight } : {}), response: { body: 'ok', ...response } }],
  });
}

const origin = ['access-control-allow-origin', '{origin}'];
for (const b of BYTES) {
  const c = String.fromCharCode(b);
  for (const [where, value] of [['after', `{origin}${c}`], ['before', `${c}{origin}`]]) {
    scenario(`Access-Control-Allow-Origin: origin with ${hex(b)} ${where}`, {}, null, { status: 200, headers: [['access-control-allow-origin', value]] });
  }
  for (const [where, value] of [['after', `*${c}`], ['before', `${c}*`]]) {
    scenario(`Access-Control-Allow-Origin: * with ${hex(b)} ${where}`, {}, null, { status: 200, headers: [['access-control-allow-origin', value]] });
  }
  for (const [where, value] of [['after', `true${c}`], ['before', `${c}true`]]) {
    scenario(`Access-Control-Allow-Credentials: true with ${hex(b)} ${where}`, { credentials: 'include' }, null, {
      status: 200, headers: [origin, ['access-control-allow-credentials', value]],
    });
  }
  for (const [where, value] of [['after', `PUT${c}`], ['before', `${c}PUT`]]) {
    scenario(`Access-Control-Allow-Methods: PUT with ${hex(b)} ${where}`, { method: 'PUT', body: 'x' }, { status: 204, headers: [origin, ['access-control-allow-methods', value]] }, {
      status: 200, headers: [origin],
    });
  }
  for (const [where, value] of [['after', `x-a${c}`], ['before', `${c}x-a`]]) {
    scenario(`Access-Control-Allow-Headers: x-a with ${hex(b)} ${where}`, { headers: [['x-a', '1']] }, { status: 204, headers: [origin, ['access-control-allow-headers', value]] }, {
      status: 200, headers: [origin],
    });
  }
  for (const [where, value] of [['after', `x-e${c}`], ['before', `${c}x-e`]]) {
    scenario(`Access-Control-Expose-Headers: x-e with ${hex(b)} ${where}`, {}, null, { status: 200, headers: [origin, ['x-e', '1'], ['access-control-expose-headers', value]] });
  }
}
process.stdout.write(JSON.stringify(out));
