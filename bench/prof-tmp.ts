import { simulate, simulateEngines } from '../src/simulate.js';
import { benchHonoApp, HANDLER_CASES } from './handler.js';
const app = benchHonoApp();
const which = process.argv[2] ?? 'simple';
const c = HANDLER_CASES[which === 'simple' ? 0 : 1];
const N = 40000;
const t0 = performance.now();
for (let i = 0; i < N; i++) {
  if (process.argv[3] === 'engines') await simulateEngines(c.request, { transport: app.fetch });
  else if (process.argv[3] === 'direct') { for (const [method, headers, body] of c.wire) { const r = await app.fetch(new Request(String(c.request.url), { method, headers, body })); await r.arrayBuffer(); } }
  else await simulate(c.request, { transport: app.fetch });
}
console.log(which, process.argv[3] ?? 'simulate', ((performance.now() - t0) * 1000 / N).toFixed(1), 'µs');
