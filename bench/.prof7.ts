import { simulateEngines } from '../src/simulate.js';
import { PAGE, API_BASE } from './apps.js';
const N = Number(process.env.N ?? 20000);
const resp = { status: 200, statusText: 'OK', headers: [['content-type','application/json'],['access-control-allow-origin', PAGE],['vary','Origin']] as [string,string][], body: new Uint8Array(7) };
const t = { name: 'const', send: async () => resp };
const req = { url: `${API_BASE}/items`, origin: PAGE };
for (let i = 0; i < N; i++) await simulateEngines(req, { transport: t });
