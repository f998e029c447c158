/**
 * The audit report as JSON (schema version 1, described by schemas/audit-report.schema.json in the package):
 * every endpoint with its findings, each finding with its words and its evidence (the probe requests and the
 * response headers they got), and every probe with how a browser reads its answer.
 */
import { findingText } from '../report/audit-text.js';
import type { WireRequest, WireResponse } from '../types.js';
import { readProbe } from './reading.js';
import { SEVERITIES, type AuditReport, type EndpointReport, type Probe, type Severity } from './types.js';

export interface RequestJson {
  method: string;
  url: string;
  headers: Array<[string, string]>;
}
export interface ResponseJson {
  status: number;
  statusText: string;
  headers: Array<[string, string]>;
}
export interface ProbeJson {
  id: string;
  kind: Probe['kind'];
  originKind: string | null;
  origin: string | null;
  /** Whether a browser can send this Origin at all (URL Standard), for origin probes. */
  sendable: boolean | null;
  method: string | null;
  request: RequestJson;
  response: ResponseJson | null;
  error: string | null;
  allowOrigin: string | null;
  allowCredentials: string | null;
  readable: { omit: boolean; include: boolean };
  /** Preflights: does the browser accept it, per credentials mode, and why not. */
  preflight: { passes: { omit: boolean; include: boolean }; failure: { code: string; message: string; fix: string } | null } | null;
}
export interface EvidenceJson {
  probe: string;
  origin: string | null;
  request: RequestJson;
  response: ResponseJson | null;
  error: string | null;
}
export interface FindingJson {
  id: string;
  severity: Severity;
  title: string;
  detail: string;
  fix: string;
  origins: string[];
  evidence: EvidenceJson[];
}
export interface EndpointJson {
  url: string;
  methods: string[];
  probeMethod: string;
  unreachable: boolean;
  error: string | null;
  advertisedMethods: string[];
  websocket: boolean;
  highest: Severity | null;
  counts: Record<Severity, number>;
  findings: FindingJson[];
  probes: ProbeJson[];
}
export interface AuditJson {
  schemaVersion: 1;
  command: 'audit';
  origins: string[];
  highest: Severity | null;
  counts: Record<Severity, number>;
  endpoints: number;
  unreachable: number;
  results: EndpointJson[];
}

const request = (r: WireRequest): RequestJson => ({ method: r.method, url: r.url, headers: r.headers.map(([n, v]) => [n, v]) });
const response = (r: WireResponse | undefined): ResponseJson | null => (r ? { status: r.status, statusText: r.statusText, headers: r.headers.map(([n, v]) => [n, v]) } : null);

function probeJson(p: Probe): ProbeJson {
  const reading = readProbe(p);
  return {
    id: p.id,
    kind: p.kind,
    originKind: p.originKind ?? null,
    origin: p.origin ?? null,
    sendable: p.sendable ?? null,
    method: p.method ?? (p.kind === 'preflight' || p.kind === 'private-network' ? null : p.request.method),
    request: request(p.request),
    response: response(p.response),
    error: p.error ?? null,
    allowOrigin: reading.allowOrigin,
    allowCredentials: reading.allowCredentials,
    readable: reading.readable,
    preflight: p.judgement && (p.kind === 'preflight' || p.kind === 'private-network') ? { passes: p.judgement.passes, failure: p.judgement.failure } : null,
  };
}

function counts(e: EndpointReport): Record<Severity, number> {
  return Object.fromEntries(SEVERITIES.map((s) => [s, e.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
}

export function endpointToJson(e: EndpointReport): EndpointJson {
  const byId = new Map(e.probes.map((p) => [p.id, p]));
  const c = counts(e);
  return {
    url: e.url,
    methods: e.methods,
    probeMethod: e.probeMethod,
    unreachable: e.unreachable,
    error: e.error,
    advertisedMethods: e.advertisedMethods,
    websocket: e.websocket,
    highest: SEVERITIES.find((s) => c[s] > 0) ?? null,
    counts: c,
    findings: e.findings.map((f) => ({
      id: f.id,
      severity: f.severity,
      ...findingText(f),
      origins: f.origins,
      evidence: f.probes.flatMap((id) => {
        const p = byId.get(id);
        return p ? [{ probe: p.id, origin: p.origin ?? null, request: request(p.request), response: response(p.response), error: p.error ?? null }] : [];
      }),
    })),
    probes: e.probes.map(probeJson),
  };
}

export function auditToJson(report: AuditReport): AuditJson {
  return {
    schemaVersion: 1,
    command: 'audit',
    origins: report.origins,
    highest: report.highest,
    counts: report.counts,
    endpoints: report.endpoints.length,
    unreachable: report.unreachable,
    results: report.endpoints.map(endpointToJson),
  };
}
