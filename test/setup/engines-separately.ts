/**
 * With CORSPROOF_ENGINES_SEPARATELY=1, `simulateEngines` runs each engine on its own (one `simulate` per engine)
 * instead of over one shared exchange, so a suite can be run both ways and must pass both ways: against
 * deterministic servers, sharing the exchange changes how often a request is sent, never a verdict.
 * `npm test` runs the matcher suites this way too. (`vi.doMock`, not `vi.mock`: the latter is hoisted out of the `if`.)
 */
import { vi } from 'vitest';

if (process.env.CORSPROOF_ENGINES_SEPARATELY === '1') {
  vi.doMock('../../src/simulate.js', async (importOriginal) => {
    const original = await importOriginal<typeof import('../../src/simulate.js')>();
    return {
      ...original,
      simulateEngines: (request: Parameters<typeof original.simulateEngines>[0], options: Parameters<typeof original.simulateEngines>[1]) => {
        const { engines = ['chromium', 'firefox', 'webkit'], preflightCaches, ...rest } = options;
        return Promise.all(
          engines.map((engine) => {
            const cache = preflightCaches?.[engine];
            return original.simulate(request, { ...rest, engine, ...(cache ? { preflightCache: cache } : {}) });
          }),
        );
      },
    };
  });
}
