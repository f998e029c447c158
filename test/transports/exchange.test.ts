/**
 * Every adapter carries each shared CORS policy's raw exchange unchanged: one parametrised table.
 * (nock, which patches node:http for the whole process, runs the same table in nock.test.ts.)
 */
import { ADAPTERS } from './fixtures/apps.js';
import { describeExchangeTable } from './fixtures/exchange-table.js';

for (const adapter of ADAPTERS) describeExchangeTable(adapter);
