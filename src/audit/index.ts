/**
 * The audit as a library: `audit(target, options)`, its report, its JSON and SARIF forms, and the rule table.
 */
export { audit, type AuditOptions } from './audit.js';
export { auditToJson, type AuditJson, type EndpointJson, type FindingJson, type ProbeJson, type EvidenceJson } from './json.js';

export { RULES, type Rule } from './rules.js';
export { THIRD_PARTY_ORIGINS } from './third-party.js';
export { SEVERITIES, atLeast, type AuditReport, type EndpointReport, type Finding, type Probe, type Severity } from './types.js';
