// A probe corpus for the forms an `Access-Control-Allow-Origin` value takes that are not the page's serialized
// origin byte for byte: case, a path or a slash, default and padded ports, other spellings of the address, spaces,
// quotes, lists, `null` and `*` variants; with and without credentials, on the response and on a preflight; then
// `Access-Control-Allow-Credentials` values in case, lists and near misses. Each
// engine's outcome and console is the answer (the console names how it read the value). (A port with a leading zero is
// left out: its digits differ from run to run, so the recorded console cannot be compared.)
// usage: node scripts/conformance/probes/origin-forms.mjs > scenarios.json
const out = [];
let i = 0;
const FORMS = [
  '{origin}', 'HTTP://127.0.0.1:{PORT}', 'http://127.0.0.1:{PORT}/', 'http://127.0.0.1:{PORT}/x', 'http://127.0.0.1:{PORT}?', 'http://127.0.0.1:{PORT}#',
  'http://127.000.000.001:{PORT}', 'http://2130706433:{PORT}', 'http://[::ffff:127.0.0.1]:{PORT}', 'http://localhost:{PORT}',
  'https://127.0.0.1:{PORT}', 'http://127.0.0.1', 'http://127.0.0.1:{PORT}:80', 'http://user@127.0.0.1:{PORT}', '//127.0.0.1:{PORT}', '127.0.0.1:{PORT}',
  '"{origin}"', "'{origin}'", '{origin},{origin}', '{origin} {origin}', '{origin}, *', 'null', 'NULL', 'Null', '*', '**', '* ', '*,*', '"*"',
  'http://127.0.0.1:{PORT}.', 'http://127.0.0.1.:{PORT}', 'http:127.0.0.1:{PORT}', 'http:/127.0.0.1:{PORT}', 'http:\\\\127.0.0.1:{PORT}', '',
];
for (const form of FORMS) {
  for (const credentials of ['omit', 'include']) {
    const allow = [['access-control-allow-origin', form], ...(credentials === 'include' ? [['access-control-allow-credentials', 'true']] : [])];
    out.push({ id: `g${String(i++).padStart(4, '0')}`, note: `response ${JSON.stringify(form)} ${credentials}`, request: { method: 'GET', credentials, mode: 'cors' }, hops: [{ host: 'api', response: { status: 200, headers: allow, body: 'ok' } }] });
    out.push({
      id: `g${String(i++).padStart(4, '0')}`, note: `preflight ${JSON.stringify(form)} ${credentials}`, request: { method: 'PUT', body: 'x', credentials, mode: 'cors' },
      hops: [{ host: 'api', preflight: { status: 204, headers: [...allow, ['access-control-allow-methods', 'PUT']] }, response: { status: 200, headers: [['access-control-allow-origin', '{origin}'], ...(credentials === 'include' ? [['access-control-allow-credentials', 'true']] : [])], body: 'ok' } }],
    });
  }
}
// `Access-Control-Allow-Credentials` values beside a right origin, in case, lists and near misses.
const TRUTHS = ['true', 'TRUE', 'True', 'tRuE', 'true,true', 'true, true', '"true"', '1', 'yes', '', 'false', 'truee', 'tru', 'true;', 'true\t'];
for (const value of TRUTHS) {
  const allow = [['access-control-allow-origin', '{origin}'], ['access-control-allow-credentials', value]];
  out.push({ id: `g${String(i++).padStart(4, '0')}`, note: `response credentials ${JSON.stringify(value)}`, request: { method: 'GET', credentials: 'include', mode: 'cors' }, hops: [{ host: 'api', response: { status: 200, headers: allow, body: 'ok' } }] });
  out.push({
    id: `g${String(i++).padStart(4, '0')}`, note: `preflight credentials ${JSON.stringify(value)}`, request: { method: 'PUT', body: 'x', credentials: 'include', mode: 'cors' },
    hops: [{ host: 'api', preflight: { status: 204, headers: [...allow, ['access-control-allow-methods', 'PUT']] }, response: { status: 200, headers: [['access-control-allow-origin', '{origin}'], ['access-control-allow-credentials', 'true']], body: 'ok' } }],
  });
}
process.stdout.write(JSON.stringify(out));
