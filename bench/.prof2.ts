import { corsMatchers } from '../src/matchers/index.js';
import { simulate, simulateEngines } from '../src/simulate.js';
import { fromFetchHandler } from '../src/transports/fetch-handler.js';
import { honoApp, PAGE, API_BASE } from './apps.js';
const app = honoApp();
const m = corsMatchers.toAllowOrigin as any;
const N = Number(process.env.N ?? 20000);
const t = fromFetchHandler(app);
const wire = { method: 'GET', url: `${API_BASE}/items`, headers: [['Accept','*/*'],['Origin', PAGE]] as [string,string][], body: null };
const req = { url: `${API_BASE}/items`, origin: PAGE };
async function run(label: string, op: () => Promise<unknown>) {
  for (let i = 0; i < 2000; i++) await op();
  const s = performance.now();
  for (let i = 0; i < N; i++) await op();
  console.log(label.padEnd(20), (((performance.now() - s) * 1000) / N).toFixed(1), 'µs');
}
for (let k = 0; k < 2; k++) {
await run('app.request', async () => { const r = await app.request('/items', { headers: { Origin: PAGE } }); await r.arrayBuffer(); });
await run('app.fetch(new Req)', async () => { const r = await app.fetch(new Request(`${API_BASE}/items`, { headers: wire.headers })); await r.arrayBuffer(); });
await run('transport.send', async () => { await t.send(wire as any, undefined as any); });
await run('simulate 1', async () => { await simulate(req, { transport: t }); });
await run('simulateEngines 3', async () => { await simulateEngines(req, { transport: t }); });
await run('matcher', async () => { const r = await m.call({ isNot: false }, app, PAGE, { url: `${API_BASE}/items` }); if (!r.pass) throw new Error(r.message()); });
}
