import { simulateEngines } from '../src/simulate.js';
import { fromFetchHandler } from '../src/transports/fetch-handler.js';
import { honoApp, PAGE, API_BASE } from './apps.js';
const app = honoApp();
const N = Number(process.env.N ?? 20000);
const t = fromFetchHandler(app);
const req = { url: `${API_BASE}/items`, origin: PAGE };
for (let i = 0; i < N; i++) await simulateEngines(req, { transport: t });
