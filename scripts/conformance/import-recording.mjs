// Turn a harness.mjs recording into a compact fixture for test/conformance/recorded/<name>/.
// usage: node scripts/conformance/import-recording.mjs RESULTS.json OUT.json
// Chromium's console messages are read from RESULTS.json.log (lines with "Access to fetch at") into `console`;
// of each received request only the headers that agreement compares are kept (origin, access-control-request-*).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const [, , input, output] = process.argv;
if (!input || !output) {
  console.error('usage: node scripts/conformance/import-recording.mjs RESULTS.json OUT.json');
  process.exit(2);
}
const recorded = JSON.parse(readFileSync(input, 'utf8'));
const keep = new Set(['origin', 'access-control-request-method', 'access-control-request-headers']);
const log = existsSync(`${input}.log`) ? readFileSync(`${input}.log`, 'utf8') : '';
for (const line of log.split('\n')) {
  const m = /(Access to fetch at .*?)(", source|$)/.exec(line);
  const id = m && /\/s\/([^/]+)\//.exec(m[1])?.[1];
  if (id && recorded.results[id]?.outcome === 'blocked' && !recorded.results[id].console) recorded.results[id].console = m[1];
}
for (const r of Object.values(recorded.results)) {
  delete r.ms;
  delete r.error;
  r.received = (r.received ?? []).map((x) => ({ ...x, headers: x.headers.filter(([n]) => keep.has(n)) }));
}
writeFileSync(output, JSON.stringify(recorded));
console.log(`${output}: ${Object.keys(recorded.results).length} results`);
