/**
 * One exchange for every engine, proven on the recorded corpora: judging all three engines over one shared
 * conversation with the scenario servers gives each engine exactly the verdict of its own run (outcome, response,
 * reason and every exchange), while each distinct request reaches the servers once. A page with several fetches
 * keeps one preflight cache per engine, as a separate run does.
 */
import { describe, expect, it } from 'vitest';
import { configOptions, rejectedByFetch, replay, scenarioRequest } from '../../scripts/conformance/compare.js';
import { scenarioTransport, type Received } from '../../scripts/conformance/scenario-transport.js';
import { PreflightCache } from '../../src/emulator/preflight-cache.js';
import { ENGINE_IDENTITY_HEADERS } from '../../src/engines/request-headers.js';
import { simulateEngines } from '../../src/simulate.js';
import type { Verdict } from '../../src/types.js';
import { corpora } from './corpus.js';

const ENGINES = ['chromium', 'firefox', 'webkit'] as const;

/**
 * How many distinct requests the separate runs make of the server: requests that are the same at the same point
 * of the conversation (after the same requests) count once; the headers that only say which browser sends them
 * do not tell requests apart.
 */
function distinctRequests(runs: ReadonlyArray<readonly Received[]>): number {
  const seen = new Set<string>();
  for (const run of runs) {
    let path = '';
    for (const x of run) {
      path += `\n${x.host} ${x.hop} ${x.method} ${x.url} ${JSON.stringify(x.headers.filter(([n]) => !ENGINE_IDENTITY_HEADERS.has(n.toLowerCase())))}`;
      seen.add(path);
    }
  }
  return seen.size;
}

/** A verdict as data: the filtered response's `text` function is dropped. */
const data = (v: Verdict) => JSON.parse(JSON.stringify(v));

describe.each(corpora())('corpus %s', (_name, load) => {
  it('every engine judged over one exchange gets the verdict of its own run, and each distinct request is sent once', async () => {
    const { scenarios, config } = load();
    const extra = configOptions(config);
    const separate = await Promise.all(ENGINES.map((engine) => replay(scenarios, engine, config)));
    const byId = new Map(scenarios.map((s) => [s.id, s]));
    const received = new Map<string, Received[]>();
    const transport = scenarioTransport(byId, received);
    let sharedRequests = 0;
    let separateRequests = 0;
    for (const s of scenarios) {
      if (s.fetches) {
        // One page: a preflight cache per engine, on one clock that moves on by each fetch's wait.
        let now = 0;
        const preflightCaches = Object.fromEntries(ENGINES.map((e) => [e, new PreflightCache({ now: () => now })]));
        for (const [k, f] of s.fetches.entries()) {
          now += f.waitMs ?? 0;
          const before = received.get(s.id)?.length ?? 0;
          const verdicts = await simulateEngines({ ...scenarioRequest(s, f.request, f.hop ?? 0), ...extra }, { transport, engines: ENGINES, preflightCaches });
          ENGINES.forEach((engine, e) => expect({ id: s.id, k, engine, verdict: data(verdicts[e]) }).toEqual({ id: s.id, k, engine, verdict: data(separate[e].steps.get(s.id)![k]) }));
          const sent = (received.get(s.id) ?? []).slice(before).length;
          expect({ id: s.id, k, sent }).toEqual({ id: s.id, k, sent: distinctRequests(separate.map((r) => (r.received.get(s.id) ?? []).filter((x) => x.step === k))) });
        }
      } else {
        // A request fetch() itself rejects throws together as it throws alone (replay makes it a verdict: blocked, no exchange).
        const verdicts: Verdict[] = await simulateEngines({ ...scenarioRequest(s), ...extra }, { transport, engines: ENGINES }).catch((error: unknown) => {
          if (!rejectedByFetch(error)) throw error;
          return ENGINES.map((engine) => ({ engine, allowed: false, exchanges: [] }));
        });
        ENGINES.forEach((engine, e) => expect({ id: s.id, engine, verdict: data(verdicts[e]) }).toEqual({ id: s.id, engine, verdict: data(separate[e].verdicts.get(s.id)!) }));
        expect({ id: s.id, sent: received.get(s.id)?.length ?? 0 }).toEqual({ id: s.id, sent: distinctRequests(separate.map((r) => r.received.get(s.id) ?? [])) });
      }
      const sent = received.get(s.id) ?? [];
      const runs = separate.map((r) => r.received.get(s.id) ?? []);
      sharedRequests += sent.length;
      separateRequests += runs.reduce((n, r) => n + r.length, 0);
    }
    // Engines share requests wherever they make the same ones.
    expect(sharedRequests).toBeLessThan(separateRequests);
  });
});
