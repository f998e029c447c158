// A probe corpus for the whole wire: every header each engine puts on preflights, actual requests and redirected
// requests (User-Agent, Accept, Accept-Language, Sec-Fetch-*, Referer, client hints, cache headers), across
// methods, modes, credentials, cache modes, same-origin and cross-origin targets. Import it with
// `import-recording.mjs --wire all` so agreement compares every header.
// usage: node scripts/conformance/probes/wire-headers.mjs > scenarios.json
const out = [];
let i = 0;
const allow = [['access-control-allow-origin', '{origin}'], ['access-control-allow-credentials', 'true']];
const preflight = { status: 204, headers: [...allow, ['access-control-allow-methods', 'GET, POST, PUT, DELETE'], ['access-control-allow-headers', 'x-a, content-type, accept-language']] };
const ok = { status: 200, headers: allow, body: 'ok' };

function scenario(note, request, hops) {
  out.push({ id: `w${String(i++).padStart(4, '0')}`, note, request: { credentials: 'omit', mode: 'cors', redirect: 'follow', init: { cache: 'default' }, ...request }, hops });
}
const at = (host) => [{ host, preflight, response: ok }];
const redirect = (from, to, status = 302) => [{ host: from, preflight, response: { status, headers: [['location', '{hop1}'], ...allow], body: '' } }, { host: to, preflight, response: ok }];

for (const host of ['api', 'page']) {
  for (const credentials of ['omit', 'same-origin', 'include']) {
    scenario(`GET ${host} ${credentials}`, { method: 'GET', credentials }, at(host));
    scenario(`POST text/plain ${host} ${credentials}`, { method: 'POST', body: 'x', credentials }, at(host));
    scenario(`PUT with x-a ${host} ${credentials}`, { method: 'PUT', body: 'x', headers: [['x-a', '1']], credentials }, at(host));
  }
  scenario(`HEAD ${host}`, { method: 'HEAD' }, at(host));
  scenario(`DELETE ${host}`, { method: 'DELETE' }, at(host));
  scenario(`GET with accept ${host}`, { method: 'GET', headers: [['accept', 'application/json']] }, at(host));
  scenario(`GET with accept-language ${host}`, { method: 'GET', headers: [['accept-language', 'de']] }, at(host));
  scenario(`POST json ${host}`, { method: 'POST', body: '{}', headers: [['content-type', 'application/json']] }, at(host));
  scenario(`no-cors GET ${host}`, { method: 'GET', mode: 'no-cors' }, at(host));
  scenario(`no-cors POST ${host}`, { method: 'POST', mode: 'no-cors', body: 'x' }, at(host));
  for (const cache of ['no-store', 'reload', 'no-cache', 'force-cache']) {
    scenario(`GET cache ${cache} ${host}`, { method: 'GET', init: { cache } }, at(host));
    scenario(`PUT cache ${cache} ${host}`, { method: 'PUT', body: 'x', headers: [['x-a', '1']], init: { cache } }, at(host));
  }
}
scenario('same-origin mode GET page', { method: 'GET', mode: 'same-origin' }, at('page'));
scenario('GET other', { method: 'GET' }, at('other'));
for (const [from, to] of [['api', 'other'], ['api', 'api'], ['page', 'api'], ['api', 'page']]) {
  scenario(`GET redirected ${from} to ${to}`, { method: 'GET' }, redirect(from, to));
  scenario(`PUT redirected ${from} to ${to} by 307`, { method: 'PUT', body: 'x', headers: [['x-a', '1']] }, redirect(from, to, 307));
  scenario(`POST redirected ${from} to ${to} by 303`, { method: 'POST', body: 'x' }, redirect(from, to, 303));
}
process.stdout.write(JSON.stringify(out));
