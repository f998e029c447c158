/**
 * Verdicts per second on the shipped conformance corpus (../shared/conformance/scenarios.json), replayed
 * in-process through the scenario transport of scripts/conformance, one engine at a time.
 */
import { readFileSync } from 'node:fs';
import { replayVerdicts } from '../scripts/conformance/compare.js';
import type { ScenarioSpec } from '../scripts/conformance/scenario-transport.js';
import type { EngineName } from '../src/types.js';
import { rateOf, timeBatch, type Rate } from './measure.js';

export const CORPUS_FILE = new URL('../../shared/conformance/scenarios.json', import.meta.url);

export function loadCorpus(file: URL | string = CORPUS_FILE): ScenarioSpec[] {
  const scenarios = JSON.parse(readFileSync(file, 'utf8')) as ScenarioSpec[];
  if (!Array.isArray(scenarios) || scenarios.length === 0) throw new Error(`${String(file)} holds no scenarios`);
  return scenarios;
}

export interface CorpusFigures {
  engine: EngineName;
  scenarios: number;
  /** Verdicts per second, steady state: the mean over every timed pass. */
  rate: Rate;
  /** Milliseconds for one pass over the corpus, steady state. */
  passMs: number;
  /**
   * Milliseconds of this engine's first pass in this process. Only the first engine measured runs cold (no
   * code compiled yet); later engines share most of its compiled code.
   */
  firstPassMs: number;
  allowed: number;
  blocked: number;
}

export interface CorpusOptions {
  /** Timed rounds. */
  rounds: number;
  /** Passes over the corpus per round. */
  passesPerRound: number;
  /** Untimed passes before the rounds, so the JIT has compiled the hot paths. */
  warmupPasses: number;
}

export async function benchCorpus(scenarios: readonly ScenarioSpec[], engine: EngineName, options: CorpusOptions): Promise<CorpusFigures> {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  // Verdicts are dropped as they come, as a test suite drops them; nothing is recorded.
  const pass = () => replayVerdicts(scenarios, engine, byId);
  let allowed = 0;
  const firstPassMs = await timeBatch(async () => {
    allowed = await pass();
  }, 1);
  for (let i = 0; i < options.warmupPasses; i++) await pass();
  // The rate is the mean over every timed pass (all the time, garbage collection included), not a median
  // that could leave the slow rounds out.
  let ms = 0;
  for (let round = 0; round < options.rounds; round++) ms += await timeBatch(pass, options.passesPerRound);
  const passes = options.rounds * options.passesPerRound;
  const passMs = ms / passes;
  return {
    engine,
    scenarios: scenarios.length,
    rate: rateOf(passMs, scenarios.length),
    passMs,
    firstPassMs,
    allowed,
    blocked: scenarios.length - allowed,
  };
}
