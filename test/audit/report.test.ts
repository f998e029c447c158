/**
 * The audit's machine-readable forms: the JSON report validates against schemas/audit-report.schema.json and
 * carries per-finding evidence; the SARIF log validates against the SARIF 2.1.0 schema (as shipped in
 * @microsoft/jest-sarif) with one rule per finding class; every rule has its words.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { beforeAll, describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { auditToJson } from '../../src/audit/json.js';
import { RULES } from '../../src/audit/rules.js';
import { auditToSarif } from '../../src/report/audit-sarif.js';
import type { AuditReport } from '../../src/audit/types.js';
import { findingText, RULE_TEXT } from '../../src/report/audit-text.js';
import { PLANTED, TRUSTED } from './planted.js';

const require = createRequire(import.meta.url);
type Validator = ((data: unknown) => boolean) & { errors?: unknown };
type AjvLike = new (options: Record<string, unknown>) => { compile(schema: unknown): Validator };
// CommonJS packages: take their default exports as the class and function they are.
const Ajv = require('ajv').default as AjvLike;
const AjvDraft04 = require('ajv-draft-04').default as AjvLike;
const addFormats = require('ajv-formats').default as (ajv: unknown) => unknown;
const reportSchema = JSON.parse(readFileSync(new URL('../../schemas/audit-report.schema.json', import.meta.url), 'utf8'));
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));

let report: AuditReport;

beforeAll(async () => {
  const picks = ['reflect-any-origin-credentials', 'errors-without-cors', 'permissive-preflight', 'parser-confusion'].map((n) => PLANTED.find((p) => p.name === n)!);
  const servers = await Promise.all(picks.map((p) => p.start()));
  try {
    report = await audit(servers[0].url, {
      origin: TRUSTED,
      endpoints: servers.map((s) => `${s.url}/api`),
      headers: { Cookie: 'session=s3cr3t-value', Authorization: 'Bearer tok-123456' },
    });
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
});

describe('JSON report (schema version 1)', () => {
  it('validates against the shipped schema, and the schema rejects what it should', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(reportSchema);
    const json = auditToJson(report);
    expect(validate(json), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(json.schemaVersion).toBe(1);
    expect(json.endpoints).toBe(4);
    const broken = structuredClone(json) as unknown as { results: Array<{ findings: Array<{ severity: string }> }> };
    broken.results[0].findings[0].severity = 'critical';
    expect(validate(broken)).toBe(false);
  });

  it('gives every finding its evidence: the probe request and the response headers it got', () => {
    const json = auditToJson(report);
    const reflected = json.results[0].findings.find((f) => f.id === 'origin-reflected')!;
    expect(reflected.evidence[0].request.headers).toContainEqual(['Origin', 'https://evil.example']);
    expect(reflected.evidence[0].response!.headers).toContainEqual(['Access-Control-Allow-Origin', 'https://evil.example']);
    for (const result of json.results) for (const f of result.findings) expect(f.evidence.length).toBeGreaterThan(0);
  });

  it('redacts the cookie and the bearer token everywhere', () => {
    const text = JSON.stringify(auditToJson(report));
    expect(text).not.toContain('s3cr3t-value');
    expect(text).not.toContain('tok-123456');
    expect(text).toContain('["Cookie", "session=[redacted]"]'.replace(/", "/, '","'));
    expect(text).toContain('Bearer [redacted]');
  });
});

describe('SARIF 2.1.0', () => {
  it('validates against the SARIF 2.1.0 schema', () => {
    // The schema's language pattern is not valid in Unicode mode: compile patterns as plain RegExps.
    const ajv = new AjvDraft04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    const sarif = auditToSarif(report, { toolVersion: '0.1.0' });
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const broken = structuredClone(sarif) as { runs: Array<{ results: Array<{ level: string }> }> };
    broken.runs[0].results[0].level = 'severe';
    expect(validate(broken)).toBe(false);
  });

  it('has one rule per finding class, with help text, and results pointing at them', () => {
    const sarif = auditToSarif(report) as { runs: Array<{ tool: { driver: { rules: Array<{ id: string; help: { text: string } }> } }; results: Array<{ ruleId: string; ruleIndex: number; level: string; locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }> }> };
    const run = sarif.runs[0];
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(RULES.map((r) => r.id));
    for (const rule of run.tool.driver.rules) expect(rule.help.text.length).toBeGreaterThan(40);
    const ids = report.endpoints.flatMap((e) => e.findings.map((f) => f.id));
    expect(run.results.map((r) => r.ruleId)).toEqual(ids);
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
    expect(run.results.find((r) => r.ruleId === 'origin-reflected')!.level).toBe('error');
    expect(run.results.find((r) => r.ruleId === 'error-without-cors')!.level).toBe('note');
    expect(JSON.stringify(sarif)).not.toContain('s3cr3t-value');
  });
});

describe('rule table and words', () => {
  it('every rule has a name, help and fix, and every finding renders a title, detail and fix', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length);
    for (const rule of RULES) {
      expect(RULE_TEXT[rule.id], rule.id).toBeDefined();
      expect(RULE_TEXT[rule.id].help.length).toBeGreaterThan(30);
    }
    for (const f of report.endpoints.flatMap((e) => e.findings)) {
      const text = findingText(f);
      expect(text.title, f.id).not.toBe('');
      expect(text.detail, f.id).not.toMatch(/undefined|\[object/);
      expect(text.fix, f.id).not.toBe('');
    }
  });

  it('docs/audit.md lists every finding class', () => {
    const doc = readFileSync(new URL('../../docs/audit.md', import.meta.url), 'utf8');
    for (const rule of RULES) expect(doc, rule.id).toContain(`\`${rule.id}\``);
  });
});
