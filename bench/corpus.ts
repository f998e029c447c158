/**
 * Verdicts per second on the shipped conformance corpus (../shared/conformance/scenarios.json), replayed
 * in-process through the scenario transport of scripts/conformance, one engine at a time.
 */
import { readFileSync } from 'node:fs';
import { replay } from '../scripts/conformance/compare.js';
import type { ScenarioSpec } from '../scripts/conformance/scenario-transport.js';
import type { EngineName } from '../src/types.js';
import { measureRate, timeBatch, type Rate } from './measure.js';

export const CORPUS_FILE = new URL('../../shared/conformance/scenarios.json', import.meta.url);

export function loadCorpus(file: URL | string = CORPUS_FILE): ScenarioSpec[] {
  const scenarios = JSON.parse(readFileSync(file, 'utf8')) as ScenarioSpec[];
  if (!Array.isArray(scenarios) || scenarios.length === 0) throw new Error(`${String(file)} holds no scenarios`);
  return scenarios;
}

export interface CorpusFigures {
  engine: EngineName;
  scenarios: number;
  /** Verdicts per second, steady state. */
  rate: Rate;
  /** Milliseconds for one pass over the corpus, steady state. */
  passMs: number;
  /** Milliseconds of the first pass in this process (cold JIT for this engine's paths). */
  firstPassMs: number;
  allowed: number;
  blocked: number;
}

export async function benchCorpus(scenarios: readonly ScenarioSpec[], engine: EngineName, rounds: number): Promise<CorpusFigures> {
  let allowed = 0;
  let blocked = 0;
  const firstPassMs = await timeBatch(async () => {
    const { verdicts } = await replay(scenarios, engine);
    for (const v of verdicts.values()) v.allowed ? allowed++ : blocked++;
  }, 1);
  if (allowed + blocked !== scenarios.length) throw new Error(`${engine}: ${allowed + blocked} verdicts for ${scenarios.length} scenarios`);
  // One operation = one pass over the corpus; the rate is then scaled to verdicts.
  const pass = await measureRate(() => replay(scenarios, engine), { batch: 1, rounds, warmupRounds: 5 });
  const passMs = pass.micros / 1000;
  return {
    engine,
    scenarios: scenarios.length,
    rate: { perSecond: (scenarios.length / passMs) * 1000, micros: pass.micros / scenarios.length },
    passMs,
    firstPassMs,
    allowed,
    blocked,
  };
}
