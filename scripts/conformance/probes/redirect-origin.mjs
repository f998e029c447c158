// A probe corpus for the Origin header after redirects: every mode, POST and GET, each redirect status
// (301, 302, 303, 307), from the page's origin or another one, to the same origin, another, or the page's,
// with and without credentials. The answers allow everything, so only the wire differs between engines.
// usage: node scripts/conformance/probes/redirect-origin.mjs > scenarios.json
const out = [];
let i = 0;
const allow = [['access-control-allow-origin', '{origin}'], ['access-control-allow-credentials', 'true']];
const ok = { status: 200, headers: allow, body: 'final' };
const preflight = { status: 204, headers: [...allow, ['access-control-allow-methods', 'GET, POST, PUT'], ['access-control-allow-headers', 'content-type']] };
for (const mode of ['no-cors', 'cors', 'same-origin']) {
  for (const method of ['POST', 'GET']) {
    for (const status of [301, 302, 303, 307]) {
      for (const from of ['api', 'page']) {
        for (const to of ['api', 'other', 'page']) {
          for (const credentials of ['omit', 'include']) {
            if (mode === 'same-origin' && from !== 'page') continue;
            const redirect = { status, headers: [['location', '{hop1}'], ...allow], body: '' };
            out.push({
              id: `o${String(i++).padStart(4, '0')}`,
              request: { method, headers: [['content-type', 'text/plain']], credentials, mode, ...(method === 'POST' ? { body: 'x' } : {}), redirect: 'follow' },
              hops: [{ host: from, preflight, response: redirect }, { host: to, preflight, response: ok }],
            });
          }
        }
      }
    }
  }
}
process.stdout.write(JSON.stringify(out));
