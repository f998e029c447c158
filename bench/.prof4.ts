import { simulate, simulateEngines } from '../src/simulate.js';
import { PAGE, API_BASE } from './apps.js';
const N = Number(process.env.N ?? 20000);
const resp = { status: 200, statusText: 'OK', headers: [['content-type','application/json'],['access-control-allow-origin', PAGE],['vary','Origin']] as [string,string][], body: new Uint8Array(7) };
const t = { name: 'const', send: async () => resp };
const req = { url: `${API_BASE}/items`, origin: PAGE };
async function run(label: string, op: () => Promise<unknown>) {
  for (let i = 0; i < 3000; i++) await op();
  const s = performance.now();
  for (let i = 0; i < N; i++) await op();
  console.log(label.padEnd(20), (((performance.now() - s) * 1000) / N).toFixed(2), 'µs');
}
for (let k = 0; k < 3; k++) {
await run('simulate 1', async () => { await simulate(req, { transport: t }); });
await run('simulateEngines 3', async () => { await simulateEngines(req, { transport: t }); });
}
