// A probe of what a browser does with a hostile or careless server and careless script, on loopback:
// - the largest response head it accepts (status line, header lines and the blank line, in bytes), for one
//   huge header line and for many 1,000-byte lines, found by binary search;
// - request header values holding each control byte (and a few bytes from 0x80): does fetch() throw, is the
//   request preflighted, and which bytes reach the server;
// - response header values, Access-Control-Allow-Origin values and status texts holding such bytes: is the
//   response accepted, and what does script read;
// - a request URL with credentials (http://user:pass@host/, http://user@host/): does fetch() throw, does
//   anything reach the server;
// - how many connections one host gets at once when script starts 30 fetches to it.
// The API server (hostile-api.ts) is a raw TCP server, so the exact bytes go both ways.
//
// usage (as root, with the browsers of test/conformance/recorded/README.md installed):
//   npx tsx scripts/conformance/probes/hostile.ts chromium|firefox|webkit OUT.json
import * as fs from 'node:fs';
import { probeLine, REQUEST_BYTES, RESPONSE_BYTES, startHostileApi } from './hostile-api.js';
import { probeArguments, runPage } from './open-page.js';

const { engine, outFile } = probeArguments('hostile');

const page = (apiBase: string) => `<!doctype html><meta charset=utf-8><title>hostile probe</title><script>
const API = ${JSON.stringify(apiBase)};
const REQUEST_BYTES = ${JSON.stringify(REQUEST_BYTES)};
const RESPONSE_BYTES = ${JSON.stringify(RESPONSE_BYTES)};
const hex = (b) => b.toString(16).padStart(2, '0');
async function tryFetch(url, init = {}) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 8000);
  try {
    const r = await fetch(url, { cache: 'no-store', ...init, signal: ctl.signal });
    const headers = [...r.headers];
    await r.arrayBuffer();
    return { outcome: 'allowed', status: r.status, statusText: r.statusText, headers };
  } catch (e) {
    return { outcome: 'rejected', error: e.name + ': ' + e.message };
  } finally {
    clearTimeout(timer);
  }
}
async function threshold(kind) {
  let lo = 1024, hi = 8 * 1024 * 1024;
  if ((await tryFetch(API + '/size/' + kind + '/' + hi)).outcome === 'allowed') return { largestAllowed: hi, smallestBlocked: null };
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if ((await tryFetch(API + '/size/' + kind + '/' + mid)).outcome === 'allowed') lo = mid; else hi = mid;
  }
  return { largestAllowed: lo, smallestBlocked: hi, error: (await tryFetch(API + '/size/' + kind + '/' + hi)).error };
}
(async () => {
  const out = { sizes: {}, requestValues: {}, safelistedValues: {}, responseValues: {}, allowOrigin: {}, statusText: {} };
  out.sizes.one = await threshold('one');
  out.sizes.many = await threshold('many');
  for (const b of REQUEST_BYTES) {
    out.requestValues[hex(b)] = await tryFetch(API + '/reqbyte/' + hex(b), { headers: [['x-probe', 'a' + String.fromCharCode(b) + 'b']] });
  }
  out.requestValues.whitespace = await tryFetch(API + '/reqbyte/whitespace', { headers: [['x-probe', ' \\ta b\\t ']] });
  for (const b of [0x01, 0x09, 0x1b, 0x7f]) {
    out.safelistedValues[hex(b)] = await tryFetch(API + '/safe/' + hex(b), { headers: [['accept', 'a' + String.fromCharCode(b) + 'b']] });
  }
  for (const b of RESPONSE_BYTES) {
    out.responseValues[hex(b)] = await tryFetch(API + '/resbyte/value/' + hex(b));
    out.allowOrigin[hex(b)] = await tryFetch(API + '/resbyte/acao/' + hex(b));
    out.statusText[hex(b)] = await tryFetch(API + '/resbyte/status/' + hex(b));
  }
  out.credentialsInUrl = await tryFetch(API.replace('http://', 'http://user:secret@') + '/cred/1');
  out.credentialsInUrlUserOnly = await tryFetch(API.replace('http://', 'http://user@') + '/cred/2');
  const started = performance.now();
  const all = await Promise.all(Array.from({ length: 30 }, (_, i) => tryFetch(API + '/conn/' + i)));
  out.connections = { fetches: 30, allowed: all.filter((r) => r.outcome === 'allowed').length, ms: Math.round(performance.now() - started) };
  await fetch('/result', { method: 'POST', body: JSON.stringify(out) });
})();
</script>`;

type Probe = { outcome: string; received?: unknown };
interface Result {
  connections: { maxInFlight?: number };
  requestValues: Record<string, Probe>;
  safelistedValues: Record<string, Probe>;
  credentialsInUrl: Probe;
  credentialsInUrlUserOnly: Probe;
}

const api = await startHostileApi();
const result = await runPage<Result>(engine, page(api.url));
if (result) {
  result.connections.maxInFlight = api.maxInFlight();
  // What reached the server for each request-value probe: the method, and the probe header's line as received.
  for (const [group, field] of [['reqbyte', 'requestValues'], ['safe', 'safelistedValues']] as const) {
    for (const [name, probe] of Object.entries(result[field])) {
      probe.received = (api.received.get(`${group}/${name}`) ?? []).map((r) => ({ method: r.method, header: probeLine(r) }));
    }
  }
  for (const [key, probe] of [['cred/1', result.credentialsInUrl], ['cred/2', result.credentialsInUrlUserOnly]] as const) {
    probe.received = (api.received.get(key) ?? []).map((r) => ({ method: r.method, authorization: /\r\nauthorization:/i.test(r.head) }));
  }
}
fs.writeFileSync(outFile, `${JSON.stringify({ engine, recorded: new Date().toISOString().slice(0, 10), result: result ?? null }, null, 1)}\n`);
await api.close();
console.log(`${engine}: ${result ? 'recorded' : 'no result'} -> ${outFile}`);
process.exit(result ? 0 : 1);
