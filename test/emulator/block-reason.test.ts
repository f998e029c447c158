/**
 * Every blocked verdict's reason is complete and in the order readers see it. `FetchRun.fail` builds a reason field
 * by field (one object, no spreads: it runs for every blocked verdict), so the compiler cannot tell a required field
 * left unset; this test can. `REQUIRED` must list every required field of `BlockReason` (a new one fails to compile
 * below), and every blocked verdict of the shipped corpus, in every engine, must carry each of them.
 */
import { describe, expect, it } from 'vitest';
import { replay, scenarioRequest } from '../../scripts/conformance/compare.js';
import type { ScenarioSpec } from '../../scripts/conformance/scenario-transport.js';
import { simulate } from '../../src/index.js';
import type { BlockReason, EngineName } from '../../src/types.js';
import { loadJson } from '../conformance/corpus.js';

type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];

const REQUIRED = ['code', 'preflight', 'url', 'initialUrl', 'origin', 'requestOrigin', 'credentialed', 'fix'] as const;
// Compile-time: nothing required is missing from REQUIRED, and REQUIRED holds only required fields.
type Unlisted = Exclude<RequiredKeys<BlockReason>, (typeof REQUIRED)[number]>;
const allListed: [Unlisted] extends [never] ? true : Unlisted = true;
const onlyRequired: readonly RequiredKeys<BlockReason>[] = REQUIRED;

/** The order the fields appear in, as `BlockReason` documents them and JSON shows them. */
const ORDER: ReadonlyArray<keyof BlockReason> = [
  'code', 'preflight', 'url', 'initialUrl', 'origin', 'requestOrigin', 'failedParameter', 'status', 'exchange', 'credentialed', 'network',
  'mode', 'redirect', 'location', 'previousUrl', 'addressSpace', 'allowOriginNames', 'fix', 'unfixable',
];

function check(reason: BlockReason): void {
  for (const key of REQUIRED) expect(reason[key], `${reason.code}: ${key}`).not.toBeUndefined();
  const keys = Object.keys(reason);
  expect(keys.every((k) => (ORDER as readonly string[]).includes(k)), `${reason.code}: ${keys.join(', ')}`).toBe(true);
  expect(keys, reason.code).toEqual(ORDER.filter((k) => keys.includes(k)));
}

describe('a blocked verdict reason', () => {
  it('lists every required field of BlockReason (compile-time check)', () => {
    expect(allListed).toBe(true);
    expect(onlyRequired).toHaveLength(REQUIRED.length);
  });

  it.each(['chromium', 'firefox', 'webkit'] as EngineName[])('is complete and in order for every blocked verdict of the corpus in %s', async (engine) => {
    const scenarios = loadJson<ScenarioSpec[]>('scenarios.json');
    const { verdicts, steps } = await replay(scenarios, engine);
    let blocked = 0;
    for (const verdict of [...verdicts.values(), ...[...steps.values()].flat()]) {
      if (verdict.allowed) continue;
      blocked++;
      check(verdict.reason!);
    }
    expect(blocked).toBeGreaterThan(400);
  });

  it('is complete when the browser refuses the request before sending anything', async () => {
    const transport = () => new Response('never called');
    const scenario = loadJson<ScenarioSpec[]>('scenarios.json')[0];
    for (const request of [
      { ...scenarioRequest(scenario), method: 'TRACE' },
      { ...scenarioRequest(scenario), url: 'https://user:pw@api.example/x' },
      { ...scenarioRequest(scenario), mode: 'no-cors' as const, method: 'PUT', body: 'x' },
      { ...scenarioRequest(scenario), url: 'https://api.example:6000/x' },
    ]) {
      const verdict = await simulate(request, { transport });
      expect(verdict.allowed).toBe(false);
      check(verdict.reason!);
    }
  });
});
