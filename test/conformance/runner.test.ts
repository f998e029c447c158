/**
 * `npm run conformance` works on any scenario file gen.mjs makes, of any size and seed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { replay } from '../../scripts/conformance/compare.js';
import type { ScenarioSpec } from '../../scripts/conformance/scenario-transport.js';
import { CONFORMANCE_DIR, loadJson } from './corpus.js';

const tsx = path.join(process.cwd(), 'node_modules/tsx/dist/cli.mjs');

function runConformance(args: string[]) {
  return spawnSync(process.execPath, [tsx, 'scripts/conformance.ts', ...args], { cwd: process.cwd(), encoding: 'utf8' });
}

describe('conformance runner', () => {
  it('replays scenarios of another seed and size under every engine without throwing', async () => {
    const out = execFileSync(process.execPath, [path.join(CONFORMANCE_DIR, 'gen.mjs'), '977', '120', 'z'], { encoding: 'utf8' });
    const scenarios = JSON.parse(out) as ScenarioSpec[];
    expect(scenarios).toHaveLength(120);
    for (const engine of ['chromium', 'firefox', 'webkit', 'spec'] as const) {
      const { verdicts } = await replay(scenarios, engine);
      expect(verdicts.size).toBe(120);
      for (const v of verdicts.values()) {
        if (v.allowed) expect(v.response).toBeDefined();
        else expect(v.reason?.code).toBeTruthy();
      }
    }
  });

  it('prints the summary lines in the documented form for a subset file', () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'corsproof-conf-'));
    const subset = loadJson<ScenarioSpec[]>('scenarios.json').slice(100, 137);
    const file = path.join(dir, 'subset.json');
    writeFileSync(file, JSON.stringify(subset));
    const json = path.join(dir, 'report.json');
    const r = runConformance(['--scenarios', file, '--chromium', path.join(CONFORMANCE_DIR, 'results-chromium.json'), '--webkit', path.join(CONFORMANCE_DIR, 'results-webkit.json'), '--json', json]);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    expect(lines[0]).toMatch(/^chromium outcome 37\/37 wire 37\/37 console \d+\/\d+$/);
    expect(lines[1]).toBe('webkit outcome 37/37 wire 37/37');
    const report = JSON.parse(readFileSync(json, 'utf8'));
    expect(report.map((x: { engine: string }) => x.engine)).toEqual(['chromium', 'webkit']);
  });

  it('explains its usage on bad arguments', () => {
    const r = runConformance(['--bogus']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/usage: npm run conformance/);
    const r2 = runConformance(['--scenarios', path.join(CONFORMANCE_DIR, 'scenarios.json')]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/at least one of --chromium/);
  });
});
