/**
 * Every planted misconfiguration, on a real loopback server, gets exactly its findings at `low` or above with
 * the right severity; every correct configuration gets none.
 */
import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { atLeast } from '../../src/audit/types.js';
import { CORRECT, PLANTED, TRUSTED, type Planted } from './planted.js';

async function run(planted: Planted) {
  const server = await planted.start();
  try {
    const report = await audit(`${server.url}/api`, {
      origin: TRUSTED,
      ...(planted.cookie ? { headers: { Cookie: planted.cookie } } : {}),
      ...(planted.websocket ? { websocket: true } : {}),
    });
    return report.endpoints[0];
  } finally {
    await server.close();
  }
}

describe('planted misconfigurations', () => {
  for (const planted of PLANTED) {
    it(`${planted.name} (${planted.framework}): ${planted.what}`, async () => {
      const endpoint = await run(planted);
      expect(endpoint.unreachable).toBe(false);
      const serious = endpoint.findings.filter((f) => atLeast(f.severity, 'low')).map((f) => [f.id, f.severity]);
      expect(serious.sort()).toEqual([...planted.expect].sort());
      for (const id of planted.info ?? []) expect(endpoint.findings.map((f) => `${f.id} ${f.severity}`)).toContain(`${id} info`);
    });
  }
});

describe('correct configurations', () => {
  for (const planted of CORRECT) {
    it(`${planted.name} (${planted.framework}): ${planted.what} has nothing at low or above`, async () => {
      const endpoint = await run(planted);
      expect(endpoint.unreachable).toBe(false);
      expect(endpoint.findings.filter((f) => atLeast(f.severity, 'low')).map((f) => `${f.severity} ${f.id}`)).toEqual([]);
    });
  }
});
