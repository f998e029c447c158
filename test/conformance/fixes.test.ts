/**
 * Fixes that are proven: on every corpus, each blocked verdict's fix, applied to the scenario's server answers,
 * makes the request pass in the same engine (every fix offered; any exception would be pinned so the list could only
 * shrink). A verdict without a fix must say why.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { ScenarioSpec } from '../../scripts/conformance/scenario-transport.js';
import { applyFix, fixSummaryLine, verifyFixes } from '../../scripts/conformance/verify-fixes.js';
import { loadJson } from './corpus.js';

const RECORDED = path.join(path.dirname(fileURLToPath(import.meta.url)), 'recorded');
const corpora: Array<[string, () => ScenarioSpec[]]> = [
  ['shared', () => loadJson<ScenarioSpec[]>('scenarios.json')],
  ...readdirSync(RECORDED, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d): [string, () => ScenarioSpec[]] => [d.name, () => JSON.parse(readFileSync(path.join(RECORDED, d.name, 'scenarios.json'), 'utf8'))]),
];

/** Fixes that do not verify, per corpus and engine (none today): the list can only shrink. */
const KNOWN_UNVERIFIED: Record<string, string[]> = {};

describe.each(corpora)('fixes on corpus %s', (name, load) => {
  const scenarios = load();
  it.each(['chromium', 'firefox', 'webkit'] as const)('%s: every blocked verdict offers a fix that works, or says why it has none', async (engine) => {
    const report = await verifyFixes(scenarios, engine);
    expect(report.blocked).toBeGreaterThan(0);
    expect(report.offered + report.unfixable.request + report.unfixable['no-answer']).toBe(report.blocked);
    expect(report.failures.map((f) => f.id)).toEqual(KNOWN_UNVERIFIED[`${name} ${engine}`] ?? []);
    expect(report.verified / report.offered).toBeGreaterThanOrEqual(0.99);
    expect(fixSummaryLine(report)).toMatch(new RegExp(`^${engine} fixes verified ${report.verified}/${report.offered} \\(blocked ${report.blocked}: `));
  });
});

describe('applying a fix', () => {
  const s: ScenarioSpec = {
    id: 'x1',
    request: { method: 'PUT' },
    hops: [{ host: 'api', response: { status: 302, headers: [['location', '{hop1}']] } }, { host: 'other', response: { status: 200, headers: [] } }],
  };
  it('changes the named answer, makes a preflight answer where the hop had none, and echoes the Origin on later hops', () => {
    const fixed = applyFix(s, [
      { kind: 'header', on: 'preflight', url: 'http://127.0.0.1:41001/s/x1/0', header: 'Access-Control-Allow-Methods', value: 'PUT' },
      { kind: 'later-header', on: 'response', after: 'http://127.0.0.1:41001/s/x1/0', header: 'Access-Control-Allow-Origin', value: null },
    ]);
    if (typeof fixed === 'string') throw new Error(fixed);
    expect(fixed.scenario.hops[0].preflight).toEqual({ status: 302, headers: [['location', '{hop1}'], ['Access-Control-Allow-Methods', 'PUT']] });
    expect(fixed.scenario.hops[1].response.headers).toEqual([['Access-Control-Allow-Origin', '{echo-origin}']]);
    expect(s.hops[0].preflight).toBeUndefined();
  });
  it('says so when a change names a URL that is no hop of the scenario', () => {
    expect(applyFix(s, [{ kind: 'status', on: 'preflight', url: 'http://127.0.0.1:41001/elsewhere', status: 204 }])).toMatch(/no hop of the scenario/);
  });
});
