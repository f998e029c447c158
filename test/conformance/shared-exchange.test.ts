/**
 * One exchange for every engine, proven on the recorded corpora: judging all three engines over one shared
 * conversation with the scenario servers gives each engine exactly the verdict of its own run (outcome, response,
 * reason and every exchange), while each distinct request reaches the servers once.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { replay, scenarioRequest } from '../../scripts/conformance/compare.js';
import { scenarioTransport, type Received, type ScenarioSpec } from '../../scripts/conformance/scenario-transport.js';
import { simulateEngines } from '../../src/simulate.js';
import type { Verdict } from '../../src/types.js';
import { loadJson } from './corpus.js';

const RECORDED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'recorded');
const corpora: Array<[string, () => ScenarioSpec[]]> = [
  ['shared', () => loadJson<ScenarioSpec[]>('scenarios.json')],
  ...readdirSync(RECORDED, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d): [string, () => ScenarioSpec[]] => [d.name, () => JSON.parse(readFileSync(path.join(RECORDED, d.name, 'scenarios.json'), 'utf8'))]),
];
const ENGINES = ['chromium', 'firefox', 'webkit'] as const;

/** A verdict as data: the filtered response's `text` function is dropped. */
const data = (v: Verdict) => JSON.parse(JSON.stringify(v));

describe.each(corpora)('corpus %s', (_name, load) => {
  it('every engine judged over one exchange gets the verdict of its own run, and each distinct request is sent once', async () => {
    const scenarios = load();
    const separate = await Promise.all(ENGINES.map((engine) => replay(scenarios, engine)));
    const byId = new Map(scenarios.map((s) => [s.id, s]));
    const received = new Map<string, Received[]>();
    const transport = scenarioTransport(byId, received);
    let sharedRequests = 0;
    let separateRequests = 0;
    for (const s of scenarios) {
      const verdicts = await simulateEngines(scenarioRequest(s), { transport, engines: ENGINES });
      ENGINES.forEach((engine, k) => expect({ id: s.id, engine, verdict: data(verdicts[k]) }).toEqual({ id: s.id, engine, verdict: data(separate[k].verdicts.get(s.id)!) }));
      const sent = received.get(s.id) ?? [];
      const runs = separate.map((r) => r.received.get(s.id) ?? []);
      expect(sent.length).toBeGreaterThanOrEqual(Math.max(...runs.map((r) => r.length)));
      sharedRequests += sent.length;
      separateRequests += runs.reduce((n, r) => n + r.length, 0);
    }
    // Most scenarios put the same requests on the wire in every engine.
    expect(sharedRequests).toBeLessThan(separateRequests * 0.5);
  });
});
