/**
 * npm run conformance -- --scenarios FILE [--chromium FILE] [--firefox FILE] [--webkit FILE] [--json OUT]
 * Replays every scenario through `simulate` under each engine's profile and compares with that engine's
 * recorded results. Prints one summary line per engine, then the disagreements.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareEngine, summaryLine, type EngineReport, type RecordedFile } from './conformance/compare.js';
import type { ScenarioSpec } from './conformance/scenario-transport.js';
import type { EngineName } from '../src/types.js';

const usage = 'usage: npm run conformance -- --scenarios FILE [--chromium FILE] [--firefox FILE] [--webkit FILE] [--json OUT]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { scenarios: { type: 'string' }, chromium: { type: 'string' }, firefox: { type: 'string' }, webkit: { type: 'string' }, json: { type: 'string' }, quiet: { type: 'boolean' } },
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  if (!values.scenarios) {
    console.error(`--scenarios is required\n${usage}`);
    return 2;
  }
  const scenarios = readJson(values.scenarios) as ScenarioSpec[];
  if (!Array.isArray(scenarios)) {
    console.error(`${values.scenarios} is not a scenario list (expected a JSON array from gen.mjs)`);
    return 2;
  }
  const engines = (['chromium', 'firefox', 'webkit'] as const).filter((e) => values[e]);
  if (engines.length === 0) {
    console.error(`give at least one of --chromium, --firefox, --webkit\n${usage}`);
    return 2;
  }
  const reports: EngineReport[] = [];
  for (const engine of engines) {
    reports.push(await compareEngine(scenarios, engine as EngineName, readJson(values[engine]!) as RecordedFile));
  }
  for (const r of reports) console.log(summaryLine(r));
  if (!values.quiet) {
    for (const r of reports) {
      for (const d of r.disagreements) {
        console.log(`\n${r.engine} ${d.id} ${d.kind}\n  browser:  ${d.expected}\n  emulator: ${d.actual}`);
      }
    }
  }
  if (values.json) writeFileSync(values.json, JSON.stringify(reports, null, 1));
  return 0;
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    console.error(`cannot read ${file}: ${(e as Error).message}`);
    process.exit(2);
  }
}

process.exitCode = await main();
