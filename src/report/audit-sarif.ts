/**
 * The audit report as SARIF 2.1.0 (for code-scanning dashboards): one rule per finding class with its help
 * text, one result per finding, located at the endpoint's URL, with the evidence in the result's properties.
 */
import { RULES } from '../audit/rules.js';
import type { AuditReport, Severity } from '../audit/types.js';
import { findingText, probeRefText, RULE_TEXT } from './audit-text.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { high: 'error', medium: 'error', low: 'warning', info: 'note' };
/** GitHub code scanning reads `security-severity` (0-10) to rank security results. */
const SECURITY_SEVERITY: Record<Severity, string> = { high: '8.1', medium: '5.3', low: '3.1', info: '0.0' };

export interface SarifOptions {
  toolVersion?: string;
}

export function auditToSarif(report: AuditReport, options: SarifOptions = {}): Record<string, unknown> {
  const ids = RULES.map((r) => r.id);
  const rules = RULES.map((rule) => {
    const text = RULE_TEXT[rule.id];
    return {
      id: rule.id,
      name: text.name.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : '')).replace(/^./, (c) => c.toUpperCase()),
      shortDescription: { text: text.name },
      fullDescription: { text: text.help },
      help: {
        text: `${text.help}\n\nFix: ${text.fix}\n\nProbes: ${probeRefText(rule.reads)}.`,
        markdown: `${text.help}\n\n**Fix:** ${text.fix}\n\n*Probes:* ${probeRefText(rule.reads)}.`,
      },
      properties: { tags: ['security', 'cors'] },
    };
  });
  const results = report.endpoints.flatMap((e) => {
    const byId = new Map(e.probes.map((p) => [p.id, p]));
    return e.findings.map((f) => {
      const text = findingText(f);
      return {
        ruleId: f.id,
        ruleIndex: ids.indexOf(f.id),
        level: LEVEL[f.severity],
        message: { text: `${text.title}. ${text.detail} Fix: ${text.fix}` },
        locations: [{ physicalLocation: { artifactLocation: { uri: e.url } } }],
        partialFingerprints: { corsproofFinding: `${f.id}:${e.url}` },
        properties: {
          severity: f.severity,
          'security-severity': SECURITY_SEVERITY[f.severity],
          origins: f.origins,
          evidence: f.probes.flatMap((id) => {
            const p = byId.get(id);
            return p
              ? [{ probe: p.id, request: { method: p.request.method, url: p.request.url, headers: p.request.headers }, response: p.response ? { status: p.response.status, headers: p.response.headers } : null, error: p.error ?? null }]
              : [];
          }),
        },
      };
    });
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'corsproof',
            informationUri: 'https://www.npmjs.com/package/corsproof',
            ...(options.toolVersion ? { version: options.toolVersion, semanticVersion: options.toolVersion } : {}),
            rules,
          },
        },
        results,
        invocations: [{ executionSuccessful: report.unreachable < report.endpoints.length || report.endpoints.length === 0 }],
      },
    ],
  };
}
