/**
 * npm run conformance -- --scenarios FILE [--chromium FILE] [--firefox FILE] [--webkit FILE] [--json OUT]
 * Replays every scenario through `simulate` under each engine's profile and compares with that engine's
 * recorded results. Prints one summary line per engine, then the disagreements.
 *
 * npm run conformance -- --scenarios FILE --verify-fixes [--chromium FILE ...]
 * Also applies each blocked verdict's fix to the scenario's server answers, replays it, and prints
 * `fixes verified N/M` per engine (every engine when no recording is given), then the fixes that failed.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareEngine, summaryLine, type EngineReport, type RecordedFile } from './conformance/compare.js';
import type { ScenarioSpec } from './conformance/scenario-transport.js';
import { BROWSER_ENGINES } from '../src/engines/index.js';
import type { EngineName } from '../src/types.js';
import { describeChange, fixSummaryLine, verifyFixes, type FixReport } from './conformance/verify-fixes.js';

const usage = 'usage: npm run conformance -- --scenarios FILE [--chromium FILE] [--firefox FILE] [--webkit FILE] [--json OUT] [--verify-fixes]';

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: { scenarios: { type: 'string' }, chromium: { type: 'string' }, firefox: { type: 'string' }, webkit: { type: 'string' }, json: { type: 'string' }, quiet: { type: 'boolean' }, 'verify-fixes': { type: 'boolean' } },
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
  if (values['verify-fixes']) {
    const reports: FixReport[] = [];
    for (const engine of engines.length > 0 ? engines : BROWSER_ENGINES) reports.push(await verifyFixes(scenarios, engine));
    for (const r of reports) console.log(fixSummaryLine(r));
    if (!values.quiet) {
      for (const r of reports) {
        for (const f of r.failures) {
          const s = scenarios.find((x) => x.id === f.id)!;
          console.log(`\n${r.engine} ${f.id} ${f.code}: after the fix, ${f.after}\n  fix: ${f.changes.map((c) => describeChange(s, c)).join('\n       ')}`);
        }
      }
    }
    if (engines.length === 0) return 0;
  }
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
