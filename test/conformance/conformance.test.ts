/**
 * The emulator against what real browsers did: the shipped corpus (shared/conformance) and every folder of
 * test/conformance/recorded/ (random corpora and probe sets, each engine's console included).
 * Every outcome, wire exchange and console message must agree.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { compareEngine, summaryLine, type EngineReport, type RecordedFile } from '../../scripts/conformance/compare.js';
import { readJsonFile, recordingFile } from '../../scripts/conformance/files.js';
import type { ScenarioSpec } from '../../scripts/conformance/scenario-transport.js';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadJson } from './corpus.js';

const ENGINES = ['chromium', 'firefox', 'webkit'] as const;
type Engine = (typeof ENGINES)[number];

const scenarios = loadJson<ScenarioSpec[]>('scenarios.json');

describe.each(ENGINES)('%s conformance on the shipped corpus', (engine) => {
  it('reproduces every recorded outcome and wire exchange', async () => {
    const report = await compareEngine(scenarios, engine, loadJson<RecordedFile>(`results-${engine}.json`));
    const outcomeOrWire = report.disagreements.filter((d) => d.kind !== 'console');
    expect(outcomeOrWire).toEqual([]);
    expect(report.total).toBe(scenarios.length);
    expect(report.outcome).toBe(report.total);
    expect(report.wire).toBe(report.total);
    if (engine === 'chromium') {
      expect(report.consoleTotal).toBeGreaterThan(400);
      expect(report.disagreements).toEqual([]);
      expect(summaryLine(report)).toBe(`chromium outcome 600/600 wire 600/600 console ${report.consoleTotal}/${report.consoleTotal}`);
    }
  });
});

const RECORDED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'recorded');

const folders = readdirSync(RECORDED, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const totals = new Map<Engine, { console: number; consoleTotal: number }>();

describe.each(folders)('recorded %s', (dir) => {
  const folder = path.join(RECORDED, dir);
  const recordedScenarios = readJsonFile(recordingFile(folder, 'scenarios')!) as ScenarioSpec[];
  const engines = ENGINES.filter((e) => recordingFile(folder, `results-${e}`) !== null);
  it.each(engines)('%s: every outcome, wire exchange and console message agrees', async (engine) => {
    const report: EngineReport = await compareEngine(recordedScenarios, engine, readJsonFile(recordingFile(folder, `results-${engine}`)!) as RecordedFile);
    expect(report.disagreements.map((d) => `${d.id} ${d.kind}`)).toEqual([]);
    expect(report.total).toBe(recordedScenarios.length);
    expect(report.outcome).toBe(report.total);
    expect(report.wire).toBe(report.total);
    // Every folder but the older shipped-format ones carries each engine's console.
    expect(report.consoleTotal).toBeGreaterThan(0);
    const sum = totals.get(engine) ?? { console: 0, consoleTotal: 0 };
    sum.console += report.console;
    sum.consoleTotal += report.consoleTotal;
    totals.set(engine, sum);
  });
});

describe('console agreement over every recorded folder', () => {
  afterAll(() => totals.clear());
  it.each(ENGINES)('%s: every recorded message word for word', (engine) => {
    const sum = totals.get(engine);
    // The folders above ran first (same file, in order).
    expect(sum?.consoleTotal).toBeGreaterThan(5000);
    expect(sum!.console).toBe(sum!.consoleTotal);
  });
});
