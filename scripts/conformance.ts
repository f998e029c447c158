/**
 * npm run conformance -- --scenarios FILE [--chromium FILE] [--firefox FILE] [--webkit FILE] [--json OUT]
 * npm run conformance -- --dir DIR [--dir DIR ...] [--json OUT]
 * Replays every scenario through `simulate` under each engine's profile and compares with that engine's
 * recorded results: outcome, wire and console (where recorded). Prints one summary line per engine, then the
 * disagreements. `--dir` takes a folder of recordings (scenarios.json and results-<engine>.json for the engines
 * recorded, as in test/conformance/recorded/; either may be gzipped, `.json.gz`); several folders print one block
 * each.
 *
 * npm run conformance -- (--scenarios FILE | --dir DIR ...) --verify-fixes [--chromium FILE ...]
 * Also applies each blocked verdict's fix to the scenario's server answers, replays it, and prints
 * `fixes verified N/M` per engine (every engine when no recording is given), then the fixes that failed.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { compareEngine, summaryLine, type EngineReport, type RecordedFile } from './conformance/compare.js';
import { readJsonFile, recordingFile } from './conformance/files.js';
import type { ScenarioSpec } from './conformance/scenario-transport.js';
import { BROWSER_ENGINES } from '../src/engines/index.js';
import type { EngineName } from '../src/types.js';
import { describeChange, fixSummaryLine, verifyFixes, type FixReport } from './conformance/verify-fixes.js';

const usage = 'usage: npm run conformance -- --scenarios FILE [--chromium FILE] [--firefox FILE] [--webkit FILE] [--json OUT] [--verify-fixes]\n' +
  '       npm run conformance -- --dir DIR [--dir DIR ...] [--json OUT] [--verify-fixes]';
const ENGINES = ['chromium', 'firefox', 'webkit'] as const;

interface Run {
  label: string;
  scenarios: ScenarioSpec[];
  files: Partial<Record<EngineName, string>>;
}

async function main(): Promise<number> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        scenarios: { type: 'string' }, chromium: { type: 'string' }, firefox: { type: 'string' }, webkit: { type: 'string' },
        dir: { type: 'string', multiple: true }, json: { type: 'string' }, quiet: { type: 'boolean' }, 'verify-fixes': { type: 'boolean' },
      },
      strict: true,
    }));
  } catch (e) {
    console.error(`${(e as Error).message}\n${usage}`);
    return 2;
  }
  const runs: Run[] = [];
  if (values.dir) {
    if (values.scenarios || ENGINES.some((e) => values[e])) {
      console.error(`--dir reads scenarios.json and results-<engine>.json from the folder: give either --dir or --scenarios with files\n${usage}`);
      return 2;
    }
    for (const dir of values.dir) {
      const file = recordingFile(dir, 'scenarios');
      if (!file) {
        console.error(`${dir} has no scenarios.json: a folder of recordings holds scenarios.json and results-<engine>.json\n${usage}`);
        return 2;
      }
      const files = Object.fromEntries(ENGINES.map((e) => [e, recordingFile(dir, `results-${e}`)]).filter(([, f]) => f !== null));
      if (Object.keys(files).length === 0) {
        console.error(`${dir} has no results-chromium.json, results-firefox.json or results-webkit.json\n${usage}`);
        return 2;
      }
      runs.push({ label: dir, scenarios: readScenarios(file), files });
    }
  } else {
    if (!values.scenarios) {
      console.error(`--scenarios (or --dir) is required\n${usage}`);
      return 2;
    }
    const files = Object.fromEntries(ENGINES.filter((e) => values[e]).map((e) => [e, values[e]!]));
    if (Object.keys(files).length === 0 && !values['verify-fixes']) {
      console.error(`give at least one of --chromium, --firefox, --webkit\n${usage}`);
      return 2;
    }
    runs.push({ label: values.scenarios, scenarios: readScenarios(values.scenarios), files });
  }
  const all: Array<EngineReport & { corpus: string }> = [];
  for (const run of runs) {
    if (runs.length > 1) console.log(`${run.label}:`);
    if (values['verify-fixes']) {
      const recorded = ENGINES.filter((e) => run.files[e]);
      const fixReports: FixReport[] = [];
      for (const engine of recorded.length > 0 ? recorded : BROWSER_ENGINES) fixReports.push(await verifyFixes(run.scenarios, engine, run.files[engine] ? (readJson(run.files[engine]!) as RecordedFile).config : undefined));
      for (const r of fixReports) console.log(fixSummaryLine(r));
      if (!values.quiet) {
        for (const r of fixReports) {
          for (const f of r.failures) {
            const s = run.scenarios.find((x) => x.id === f.id)!;
            console.log(`\n${r.engine} ${f.id} ${f.code}: after the fix, ${f.after}\n  fix: ${f.changes.map((c) => describeChange(s, c)).join('\n       ')}`);
          }
        }
      }
    }
    const reports: EngineReport[] = [];
    for (const engine of ENGINES) {
      const file = run.files[engine];
      if (file) reports.push(await compareEngine(run.scenarios, engine, readJson(file) as RecordedFile));
    }
    for (const r of reports) console.log(summaryLine(r));
    if (!values.quiet) {
      for (const r of reports) {
        for (const d of r.disagreements) {
          console.log(`\n${r.engine} ${d.id} ${d.kind}\n  browser:  ${d.expected}\n  emulator: ${d.actual}`);
        }
      }
    }
    all.push(...reports.map((r) => ({ corpus: run.label, ...r })));
  }
  if (values.json) writeFileSync(values.json, JSON.stringify(runs.length > 1 ? all : all.map(({ corpus: _, ...r }) => r), null, 1));
  return 0;
}

function readScenarios(file: string): ScenarioSpec[] {
  const scenarios = readJson(file) as ScenarioSpec[];
  if (!Array.isArray(scenarios)) {
    console.error(`${file} is not a scenario list (expected a JSON array from gen.mjs or a probe generator)`);
    process.exit(2);
  }
  return scenarios;
}

function readJson(file: string): unknown {
  try {
    return readJsonFile(file);
  } catch (e) {
    console.error(`cannot read ${file}: ${(e as Error).message}`);
    process.exit(2);
  }
}

process.exitCode = await main();
