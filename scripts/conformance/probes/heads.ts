// A probe of what a browser does with response heads off the HTTP grammar, on loopback: status lines, header
// lines and line ends a careless or hostile server sends, conflicting body framing, interim responses and content
// codings (the cases of heads-api.ts, a raw TCP server). For each: does fetch() resolve, with which status,
// status text and readable headers, and does reading the body give its text or fail.
//
// usage (with the browsers of test/conformance/recorded/README.md installed):
//   npx tsx scripts/conformance/probes/heads.ts chromium|firefox|webkit OUT.json
import * as fs from 'node:fs';
import { HEAD_CASES, startHeadsApi } from './heads-api.js';
import { probeArguments, runPage } from './open-page.js';

const { engine, outFile } = probeArguments('heads');

const page = (apiBase: string) => `<!doctype html><meta charset=utf-8><title>heads probe</title><script>
const API = ${JSON.stringify(apiBase)};
const CASES = ${JSON.stringify(Object.keys(HEAD_CASES))};
async function probe(url) {
  const ctl = new AbortController();
  const timer = setTimeout(() => ctl.abort(), 8000);
  try {
    let r;
    try {
      r = await fetch(url, { cache: 'no-store', signal: ctl.signal });
    } catch (e) {
      return { outcome: 'rejected', error: e.name + ': ' + e.message };
    }
    const out = { outcome: 'allowed', status: r.status, statusText: r.statusText, headers: [...r.headers] };
    try {
      out.body = await r.text();
    } catch (e) {
      out.bodyError = e.name + ': ' + e.message;
    }
    return out;
  } finally {
    clearTimeout(timer);
  }
}
(async () => {
  const out = {};
  for (const name of CASES) out[name] = await probe(API + '/head/' + name);
  await fetch('/result', { method: 'POST', body: JSON.stringify(out) });
})();
</script>`;

const api = await startHeadsApi();
const result = await runPage<Record<string, unknown>>(engine, page(api.url));
fs.writeFileSync(outFile, `${JSON.stringify({ engine, recorded: new Date().toISOString().slice(0, 10), result }, null, 1)}\n`);
await api.close();
console.log(`${engine}: ${result ? 'recorded' : 'no result'} -> ${outFile}`);
process.exit(result ? 0 : 1);
