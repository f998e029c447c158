/**
 * `npm run bench:tiers`, the measured process: Chromium's verdicts on the shipped corpus, pass after pass from a
 * cold start, each pass timed (milliseconds, printed as JSON). bench/tiers.mjs runs it in fresh processes under
 * V8 flags that hold the code to one tier (interpreter only, baseline compiler only, everything compiled up
 * front), which shows what the first cold pass is made of (docs/performance.md).
 */
import { replayVerdicts } from '../scripts/conformance/compare.js';
import type { ScenarioSpec } from '../scripts/conformance/scenario-transport.js';
import { loadCorpus } from './corpus.js';

/** `passes` consecutive passes over `scenarios` under Chromium in this process: the milliseconds of each, and its allowed verdicts. */
export async function corpusPasses(scenarios: readonly ScenarioSpec[], passes: number): Promise<Array<{ ms: number; allowed: number }>> {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const out: Array<{ ms: number; allowed: number }> = [];
  for (let i = 0; i < passes; i++) {
    const start = performance.now();
    const allowed = await replayVerdicts(scenarios, 'chromium', byId);
    out.push({ ms: performance.now() - start, allowed });
  }
  return out;
}

// Run as the bundle bench/.passes.bundle.mjs (bench/bundle.mjs): `node [v8 flags] bench/.passes.bundle.mjs <passes>`.
if (process.argv[1]?.endsWith('.passes.bundle.mjs')) {
  const passes = Number(process.argv[2] ?? 30);
  console.log(JSON.stringify((await corpusPasses(loadCorpus(), passes)).map((pass) => pass.ms)));
}
