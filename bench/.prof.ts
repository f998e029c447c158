import { corsMatchers } from '../src/matchers/index.js';
import { honoApp, PAGE, API_BASE } from './apps.js';
const app = honoApp();
const m = corsMatchers.toAllowOrigin as any;
const N = Number(process.env.N ?? 20000);
async function run(label: string, op: () => Promise<unknown>) {
  for (let i = 0; i < 2000; i++) await op();
  const t = performance.now();
  for (let i = 0; i < N; i++) await op();
  console.log(label, (((performance.now() - t) * 1000) / N).toFixed(1), 'µs');
}
await run('plain', async () => { const r = await app.request('/items', { headers: { Origin: PAGE } }); await r.arrayBuffer(); });
await run('toAllowOrigin', async () => { const r = await m.call({ isNot: false }, app, PAGE, { url: `${API_BASE}/items` }); if (!r.pass) throw new Error(r.message()); });
await run('plain', async () => { const r = await app.request('/items', { headers: { Origin: PAGE } }); await r.arrayBuffer(); });
await run('toAllowOrigin', async () => { const r = await m.call({ isNot: false }, app, PAGE, { url: `${API_BASE}/items` }); if (!r.pass) throw new Error(r.message()); });
