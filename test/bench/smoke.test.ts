/**
 * `npm run bench` keeps working: each part runs once at a tiny size and measures what it says it measures
 * (the whole corpus, the same wire requests as the direct call, the handler calls a matcher makes, a bounded
 * preflight cache). No timing is asserted here: figures come from `npm run bench` alone.
 */
import { describe, expect, test } from 'vitest';
import { benchCorpus, loadCorpus } from '../../bench/corpus.js';
import { replay } from '../../scripts/conformance/compare.js';
import { benchHandler, HANDLER_CASES } from '../../bench/handler.js';
import { benchHeap } from '../../bench/heap.js';
import { benchMatchers, MATCHER_CALLS } from '../../bench/matchers.js';
import { corpusPasses } from '../../bench/passes.js';
import { formatNumber, ratio, table } from '../../bench/table.js';

const tiny = { batch: 2, rounds: 1, warmupRounds: 0 };

describe('bench parts at a tiny size', () => {
  test('the corpus replay gives a verdict for every shipped scenario, per engine', async () => {
    const scenarios = loadCorpus();
    expect(scenarios.length).toBe(600);
    for (const engine of ['chromium', 'firefox', 'webkit'] as const) {
      const figures = await benchCorpus(scenarios, engine, { rounds: 1, passesPerRound: 1, warmupPasses: 0 });
      // The same verdicts as the conformance runner's replay (which records the wire too).
      const { verdicts } = await replay(scenarios, engine);
      expect(figures.allowed).toBe([...verdicts.values()].filter((v) => v.allowed).length);
      expect(figures.allowed + figures.blocked).toBe(600);
      expect(figures.rate.perSecond).toBeGreaterThan(0);
    }
  });

  test('the handler comparison sends what the direct call sends (it throws otherwise)', async () => {
    expect(HANDLER_CASES.map((c) => c.name)).toEqual(['simple GET', 'preflighted PUT']);
    for (const c of HANDLER_CASES) {
      const figures = await benchHandler(c, tiny);
      expect(figures.ratio.ratio).toBeGreaterThan(0);
      expect(figures.requests).toBe(c.methods.length);
    }
  });

  test('every matcher passes against both apps, with the handler calls its engines need', async () => {
    const figures = await benchMatchers(tiny);
    expect(figures).toHaveLength(MATCHER_CALLS.length * 2);
    const calls = Object.fromEntries(figures.filter((f) => f.app === 'hono').map((f) => [f.matcher, f.handlerCalls]));
    // Three engines share one exchange: one request, or preflight + request, per probe, whatever the engine count.
    expect(calls).toEqual({
      toAllowOrigin: 1,
      toAllowCredentials: 1,
      toExposeHeaders: 1,
      toPassPreflight: 2,
      toAllowMethods: 4,
      toAllowHeaders: 2,
      toBeBlockedByCors: 1,
    });
    expect(figures.filter((f) => f.app === 'express').map((f) => f.handlerCalls)).toEqual(Object.values(calls));
    // Hono's matchers are also timed against app.request() with the very requests they sent.
    for (const f of figures) expect(f.sameRequests !== undefined).toBe(f.app === 'hono');
  });

  test('the tiers run times each pass over the whole corpus', async () => {
    const scenarios = loadCorpus();
    const passes = await corpusPasses(scenarios, 2);
    expect(passes).toHaveLength(2);
    // Each pass judges every scenario: as many allowed as the corpus bench counts, every time.
    const figures = await benchCorpus(scenarios, 'chromium', { rounds: 1, passesPerRound: 1, warmupPasses: 0 });
    for (const pass of passes) {
      expect(pass.ms).toBeGreaterThan(0);
      expect(pass.allowed).toBe(figures.allowed);
    }
  });

  test('the heap run keeps the shared preflight cache at its bound', async () => {
    const heap = await benchHeap(24_000);
    expect(heap.cacheMax).toBe(10_000);
    expect(heap.cacheSize).toBe(heap.cacheMax);
  });

  test('tables line up', () => {
    expect(table('T', ['a', 'bb'], [['x', 1234.4], ['yyy', 2]]).split('\n')).toEqual(['T', 'a       bb', '---  -----', 'x    1,234', 'yyy   2.00']);
    expect([formatNumber(51234.5), formatNumber(0.01234), ratio(1.234)]).toEqual(['51,235', '0.0123', '1.23x']);
  });
});
