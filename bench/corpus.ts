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
  let allowed = 0;
  let blocked = 0;
  const firstPassMs = await timeBatch(async () => {
    const { verdicts } = await replay(scenarios, engine);
    for (const v of verdicts.values()) v.allowed ? allowed++ : blocked++;
  }, 1);
  if (allowed + blocked !== scenarios.length) throw new Error(`${engine}: ${allowed + blocked} verdicts for ${scenarios.length} scenarios`);
  // One operation = one pass over the corpus; the rate is then scaled to verdicts. Several passes a round,
  // so one garbage collection does not decide a round.
  for (let i = 0; i < options.warmupPasses; i++) await replay(scenarios, engine);
  const pass = await measureRate(() => replay(scenarios, engine), { batch: options.passesPerRound, rounds: options.rounds, warmupRounds: 0 });
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
