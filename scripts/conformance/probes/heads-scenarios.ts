// A probe corpus of the raw response heads (heads-api.ts) in the scenario format, so the harness records each
// engine's console too: each head as the response to a simple GET, and as the answer to the preflight of a GET
// that carries `x-p` (its `Access-Control-Allow-Headers: x-p` added after the status line), the request itself then
// answered plainly. The harness sends a `raw` answer byte for byte and closes the connection.
// usage: npx tsx scripts/conformance/probes/heads-scenarios.ts > scenarios.json
import { HEAD_CASES } from './heads-api.js';

/**
 * Left out (their outcomes are in test/conformance/heads-probe.test.ts):
 * - `empty` (the connection closes without a byte): Firefox sends the request again, ten times in all, where the
 *   emulator sends it once;
 * - a status line Firefox's parser refuses, as the response: its console reports that and the failed request from
 *   two threads, in either order;
 * - `interim-only` (a 100 Continue, then the close): blocked everywhere, but Firefox's console then reports
 *   `Access-Control-Allow-Origin` as sent several times, which the emulator does not reproduce.
 */
const LEFT_OUT = new Set([
  'response: empty', 'preflight: empty', 'response: status-2000', 'response: status-abc', 'response: status-tab', 'response: interim-only',
  'preflight: interim-only',
]);

const out: unknown[] = [];
let i = 0;
const id = () => `h${String(i++).padStart(4, '0')}`;
const plain = { status: 200, headers: [['access-control-allow-origin', '*']], body: 'ok' };
for (const [name, raw] of Object.entries(HEAD_CASES)) {
  out.push({ id: id(), note: `response: ${name}`, request: { method: 'GET', credentials: 'omit', mode: 'cors' }, hops: [{ host: 'api', response: { raw } }] });
  const preflight = raw.replace(/\n/, '\nAccess-Control-Allow-Headers: x-p\r\n');
  out.push({
    id: id(),
    note: `preflight: ${name}`,
    request: { method: 'GET', headers: [['x-p', '1']], credentials: 'omit', mode: 'cors' },
    hops: [{ host: 'api', preflight: { raw: preflight }, response: plain }],
  });
}
process.stdout.write(JSON.stringify(out.filter((s) => !LEFT_OUT.has((s as { note: string }).note))));
