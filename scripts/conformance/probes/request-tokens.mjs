// A probe corpus for what fetch() accepts as a request header name and as a method, byte by byte: every byte before
// and after `x-a` as a name, and before and after `PUT` as a method, then methods in every case (the ones fetch()
// normalises, the forbidden ones, others). A preflight that allows every name and method (`*`) answers; whether
// fetch() throws (a TypeError before anything is sent), how the name goes into Access-Control-Request-Headers and
// the method on the wire is each engine's answer.
// usage: node scripts/conformance/probes/request-tokens.mjs > scenarios.json
const out = [];
let i = 0;
const preflight = { status: 204, headers: [['access-control-allow-origin', '{origin}'], ['access-control-allow-methods', '*'], ['access-control-allow-headers', '*']] };
const ok = { status: 200, headers: [['access-control-allow-origin', '{origin}']], body: 'ok' };
const hex = (b) => `0x${b.toString(16).padStart(2, '0')}`;
function scenario(note, request) {
  out.push({ id: `k${String(i++).padStart(4, '0')}`, note, request: { method: 'GET', credentials: 'omit', mode: 'cors', ...request }, hops: [{ host: 'api', preflight, response: ok }] });
}
const withBody = (method) => (['GET', 'HEAD'].includes(method.toUpperCase()) ? {} : { body: 'x' });
for (let b = 0x00; b <= 0xff; b++) {
  const c = String.fromCharCode(b);
  scenario(`header name x-a then ${hex(b)}`, { headers: [[`x-a${c}`, '1']] });
  scenario(`header name ${hex(b)} then x-a`, { headers: [[`${c}x-a`, '1']] });
}
for (let b = 0x00; b <= 0xff; b++) {
  const c = String.fromCharCode(b);
  scenario(`method PUT then ${hex(b)}`, { method: `PUT${c}`, body: 'x' });
  scenario(`method ${hex(b)} then PUT`, { method: `${c}PUT`, body: 'x' });
}
const METHODS = ['get', 'Get', 'gEt', 'head', 'post', 'Post', 'put', 'pUt', 'delete', 'Delete', 'options', 'Options', 'patch', 'Patch', 'PATCH', 'connect',
  'CONNECT', 'trace', 'Trace', 'track', 'TRACK', 'PROPFIND', 'propfind', 'M-SEARCH', 'FOO', 'foo', 'QUERY', 'query', 'PUT PUT', ''];
for (const method of METHODS) scenario(`method ${JSON.stringify(method)}`, { method, ...withBody(method) });
process.stdout.write(JSON.stringify(out));
