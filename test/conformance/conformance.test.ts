/**
 * The emulator against what real browsers did: the shipped corpus (shared/conformance) and every folder of
 * test/conformance/recorded/ (random corpora and probe sets, each engine's console included).
 * Known differences are pinned exactly: the lists can only shrink.
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

/**
 * Chromium checks the request's unsafe headers against Access-Control-Allow-Headers in the order of its header
 * hash table, not in sorted order; when two headers are both missing it may name the other one. The emulator names
 * the first in sorted order. See docs/emulator.md, "Known differences".
 */
const KNOWN_CONSOLE_DIFFERENCES = ['p0254'];

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
      expect(report.disagreements.filter((d) => d.kind === 'console').map((d) => d.id)).toEqual(KNOWN_CONSOLE_DIFFERENCES);
      expect(summaryLine(report)).toBe(`chromium outcome 600/600 wire 600/600 console ${report.consoleTotal - KNOWN_CONSOLE_DIFFERENCES.length}/${report.consoleTotal}`);
    }
  });
});

const RECORDED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'recorded');

/**
 * Every disagreement left, per folder and engine, as `<id> <kind>`. All are Chromium naming another header than
 * the emulator among several that Access-Control-Allow-Headers misses (its header hash table's order, not
 * modelled); `header-names` probes exactly that.
 */
const KNOWN: Record<string, Partial<Record<Engine, string[]>>> = {
  shared: { chromium: ['p0254'] },
  seed2026: { chromium: ['r0299'] },
  seed777: { chromium: ['s0224'] },
  seed11: { chromium: ['t110293', 't110778', 't110869', 't110978'] },
  seed12: { chromium: ['t120753', 't120923'] },
  seed13: { chromium: ['t130025', 't130158', 't130334', 't130525', 't130677', 't130916'] },
  seed14: { chromium: ['t140892'] },
  seed15: { chromium: ['t150004', 't150048'] },
  'header-names': { chromium: ['n0097', 'n0098', 'n0099', 'n0100', 'n0101', 'n0102', 'n0109', 'n0110'] },
  'wpt-cors': { chromium: ['w038'] },
};

const folders = readdirSync(RECORDED, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const totals = new Map<Engine, { console: number; consoleTotal: number }>();

describe.each(folders)('recorded %s', (dir) => {
  const folder = path.join(RECORDED, dir);
  const recordedScenarios = readJsonFile(recordingFile(folder, 'scenarios')!) as ScenarioSpec[];
  const engines = ENGINES.filter((e) => recordingFile(folder, `results-${e}`) !== null);
  it.each(engines)('%s: every outcome, wire exchange and console message agrees', async (engine) => {
    const report: EngineReport = await compareEngine(recordedScenarios, engine, readJsonFile(recordingFile(folder, `results-${engine}`)!) as RecordedFile);
    const known = (KNOWN[dir]?.[engine] ?? []).map((id) => `${id} console`);
    expect(report.disagreements.map((d) => `${d.id} ${d.kind}`)).toEqual(known);
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
  it.each(ENGINES)('%s: at least 99.5% of the recorded messages word for word', (engine) => {
    const sum = totals.get(engine);
    // The folders above ran first (same file, in order).
    expect(sum?.consoleTotal).toBeGreaterThan(5000);
    expect(sum!.console / sum!.consoleTotal).toBeGreaterThanOrEqual(0.995);
  });
});
