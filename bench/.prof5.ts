import { fromFetchHandler } from '../src/transports/fetch-handler.js';
import { honoApp, PAGE, API_BASE } from './apps.js';
const app = honoApp();
const N = Number(process.env.N ?? 20000);
const t = fromFetchHandler(app);
const wire = { method: 'GET', url: `${API_BASE}/items`, headers: [['Accept','*/*'],['Origin', PAGE]] as [string,string][], body: null };
async function run(label: string, op: () => Promise<unknown>) {
  for (let i = 0; i < 3000; i++) await op();
  const s = performance.now();
  for (let i = 0; i < N; i++) await op();
  console.log(label.padEnd(24), (((performance.now() - s) * 1000) / N).toFixed(1), 'µs');
}
for (let k = 0; k < 2; k++) {
await run('app.request', async () => { const r = await app.request('/items', { headers: { Origin: PAGE } }); await r.arrayBuffer(); });
await run('send, no context', async () => { await t.send(wire as any, undefined as any); });
await run('send, deadline+signal', async () => { const c = new AbortController(); await t.send(wire as any, { signal: c.signal, deadline: performance.now() + 10000 }); });
await run('new Request', async () => { new Request(wire.url, { headers: wire.headers }); });
await run('new Request+signal', async () => { const c = new AbortController(); new Request(wire.url, { headers: wire.headers, signal: c.signal }); });
await run('AbortController', async () => { const c = new AbortController(); c.signal.addEventListener('abort', () => {}, { once: true }); });
}
