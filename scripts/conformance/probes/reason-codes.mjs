// A probe corpus for the failures the random corpora rarely reach, to record each engine's outcome, wire and words:
// mode `same-origin` leaving the origin, `no-cors` with a redirect mode other than `follow`, redirects to other
// schemes, to URLs with credentials, to unparsable locations, redirect loops, redirect mode `error`, blocked ports.
// (fetch() of a non-HTTP(S) URL is outside the emulator: it takes HTTP(S) URLs only.)
// usage: node scripts/conformance/probes/reason-codes.mjs > scenarios.json
const out = [];
let i = 0;
const allow = [['access-control-allow-origin', '{origin}'], ['access-control-allow-credentials', 'true']];
const preflight = { status: 204, headers: [...allow, ['access-control-allow-methods', 'GET, POST, PUT'], ['access-control-allow-headers', 'x-a']] };
const ok = { status: 200, headers: allow, body: 'ok' };
function scenario(note, request, hops) {
  out.push({ id: `e${String(i++).padStart(4, '0')}`, note, request: { credentials: 'omit', mode: 'cors', redirect: 'follow', ...request }, hops });
}
const to = (location, status = 302, from = 'api') => [{ host: from, preflight, response: { status, headers: [['location', location], ...allow], body: '' } }, { host: 'other', preflight, response: ok }];

for (const method of ['GET', 'POST']) {
  const body = method === 'POST' ? { body: 'x' } : {};
  scenario(`same-origin mode, ${method} to another origin`, { method, mode: 'same-origin', ...body }, [{ host: 'api', preflight, response: ok }]);
  scenario(`same-origin mode, ${method} redirected to another origin`, { method, mode: 'same-origin', ...body }, to('{hop1}', 302, 'page'));
  for (const redirect of ['manual', 'error']) {
    scenario(`no-cors ${method}, redirect ${redirect}`, { method, mode: 'no-cors', redirect, ...body }, [{ host: 'api', preflight, response: ok }]);
  }
}
for (const mode of ['cors', 'no-cors']) {
  for (const location of ['data:text/plain,x', 'ftp://127.0.0.1/x', 'file:///etc/hostname', 'about:blank', 'ws://127.0.0.1:1/x', 'javascript:1', 'foo:bar', 'blob:http://127.0.0.1/x']) {
    scenario(`${mode}: redirect to ${location.split(':')[0]}:`, { method: 'GET', mode }, to(location));
  }
  scenario(`${mode}: redirect to a URL with credentials`, { method: 'GET', mode }, to(`http://user:pass@127.0.0.1:{OTHER_PORT}/s/e${String(i).padStart(4, '0')}/1`));
  scenario(`${mode}: redirect to an unparsable Location`, { method: 'GET', mode }, to('http://[::1'));
  scenario(`${mode}: redirect loop`, { method: 'GET', mode }, [{ host: 'api', preflight, response: { status: 302, headers: [['location', '{hop0}'], ...allow], body: '' } }]);
  scenario(`${mode}: redirect mode error`, { method: 'GET', mode: 'cors', redirect: 'error' }, to('{hop1}'));
  scenario(`${mode}: a blocked port (9)`, { method: 'GET', mode, url: 'http://127.0.0.1:9/x' }, [{ host: 'api', response: ok }]);
  scenario(`${mode}: redirect to a blocked port (25)`, { method: 'GET', mode }, to('http://127.0.0.1:25/x'));
}
// Redirects to a URL with credentials, by mode and by whose origin the redirect stays in (the page's, the URL's, none).
const PORT_OF = { page: '{PORT}', api: '{API_PORT}', other: '{OTHER_PORT}' };
for (const mode of ['cors', 'no-cors', 'same-origin']) {
  for (const [from, target] of [['page', 'page'], ['api', 'api'], ['page', 'other']]) {
    if (mode === 'same-origin' && from !== 'page') continue;
    const id = `e${String(i).padStart(4, '0')}`;
    const hops = [
      { host: from, preflight, response: { status: 302, headers: [['location', `http://user:pass@127.0.0.1:${PORT_OF[target]}/s/${id}/1`], ...allow], body: '' } },
      { host: target, preflight, response: ok },
    ];
    scenario(`${mode}: ${from} redirects to a URL with credentials on ${target}`, { method: 'GET', mode }, hops);
  }
}
process.stdout.write(JSON.stringify(out));
