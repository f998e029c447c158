import { corsMatchers } from '../src/matchers/index.js';
import { simulate, simulateEngines } from '../src/simulate.js';
import { fromFetchHandler } from '../src/transports/fetch-handler.js';
import { honoApp, PAGE, API_BASE } from './apps.js';
import { measureRatio } from './measure.js';
const app = honoApp();
const m = corsMatchers.toAllowOrigin as any;
const t = fromFetchHandler(app);
const wire = { method: 'GET', url: `${API_BASE}/items`, headers: [['Accept','*/*'],['Origin', PAGE]] as [string,string][], body: null };
const req = { url: `${API_BASE}/items`, origin: PAGE };
const plain = async () => { const r = await app.request('/items', { headers: { Origin: PAGE } }); await r.arrayBuffer(); };
const ops: Record<string, () => Promise<unknown>> = {
  'transport.send': () => t.send(wire as any, undefined as any),
  'simulate 1': () => simulate(req, { transport: t }),
  'simulateEngines 3': () => simulateEngines(req, { transport: t }),
  'matcher': async () => { const r = await m.call({ isNot: false }, app, PAGE, { url: `${API_BASE}/items` }); if (!r.pass) throw new Error(r.message()); },
};
for (const [k, op] of Object.entries(ops)) {
  const r = await measureRatio(op, plain, { batch: 1000, rounds: 9 });
  console.log(k.padEnd(20), r.ratio.toFixed(2) + 'x', r.a.micros.toFixed(1), r.b.micros.toFixed(1));
}
