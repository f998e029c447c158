// A probe corpus for Local Network Access (Chromium 142 and later; Firefox): a public page fetching resources in the
// local and loopback address spaces, with and without fetch()'s `targetAddressSpace`, preflighted or not, in
// no-cors mode, across redirects into a more private space, with credentials, and with a CORS failure behind the
// check. Record it with the page public, `api` local and `other` loopback, under each permission setting:
//   ADDRESS_SPACES="page=public,api=local,other=loopback" PERMISSIONS="local-network=denied,loopback-network=denied"
//   ADDRESS_SPACES="page=public,api=local,other=loopback" PERMISSIONS="local-network=granted,loopback-network=granted"
// usage: node scripts/conformance/probes/local-network.mjs > scenarios.json
const out = [];
let i = 0;
const allow = [['access-control-allow-origin', '{origin}'], ['access-control-allow-credentials', 'true']];
const preflight = { status: 204, headers: [...allow, ['access-control-allow-methods', 'GET, PUT'], ['access-control-allow-headers', 'x-a']] };
const ok = { status: 200, headers: allow, body: 'ok' };
function scenario(note, request, hops) {
  out.push({ id: `l${String(i++).padStart(4, '0')}`, note, request: { credentials: 'omit', mode: 'cors', ...request }, hops });
}
const put = { method: 'PUT', body: 'x', headers: [['x-a', '1']] };
for (const host of ['api', 'other', 'page']) {
  for (const target of [undefined, 'local', 'loopback', 'public', 'private']) {
    const init = target ? { init: { targetAddressSpace: target } } : {};
    scenario(`GET ${host}, target ${target ?? 'none'}`, { method: 'GET', ...init }, [{ host, preflight, response: ok }]);
    scenario(`PUT ${host}, target ${target ?? 'none'}`, { ...put, ...init }, [{ host, preflight, response: ok }]);
  }
  scenario(`no-cors GET ${host}`, { method: 'GET', mode: 'no-cors' }, [{ host, preflight, response: ok }]);
  scenario(`GET ${host} with credentials`, { method: 'GET', credentials: 'include' }, [{ host, preflight, response: ok }]);
  scenario(`GET ${host}, no Access-Control-Allow-Origin`, { method: 'GET' }, [{ host, preflight, response: { status: 200, headers: [], body: 'x' } }]);
  scenario(`PUT ${host}, preflight refused`, put, [{ host, preflight: { status: 403, headers: [] }, response: ok }]);
}
for (const [from, to] of [['page', 'api'], ['page', 'other'], ['api', 'other'], ['other', 'api']]) {
  const hops = [{ host: from, preflight, response: { status: 302, headers: [['location', '{hop1}'], ...allow], body: '' } }, { host: to, preflight, response: ok }];
  scenario(`GET redirected ${from} to ${to}`, { method: 'GET' }, hops);
  scenario(`PUT redirected ${from} to ${to} by 307`, put, hops);
  scenario(`GET redirected ${from} to ${to}, target ${to === 'api' ? 'local' : 'loopback'}`, { method: 'GET', init: { targetAddressSpace: to === 'api' ? 'local' : 'loopback' } }, hops);
}
process.stdout.write(JSON.stringify(out));
