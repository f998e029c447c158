/**
 * End to end: `simulate(request, { transport: toTransport(app) })` gives the browser's verdict for every shared
 * policy through every adapter (nock's run is in nock.test.ts).
 */
import { ADAPTERS } from './fixtures/apps.js';
import { describeVerdictTable } from './fixtures/verdict-table.js';

for (const adapter of ADAPTERS) describeVerdictTable(adapter);
