/**
 * `corsproof audit`: probe a live endpoint with the trusted origin and with origins an attacker controls,
 * send one preflight, and report what the server's CORS policy lets through, by severity.
 */
import { sendWithDeadline } from '../emulator/network.js';
import { simulate } from '../simulate.js';
import { consoleMessage, fixSentence } from '../report/describe.js';
import { networkFailureText } from '../report/network.js';
import { isCorsSafelistedMethod } from '../spec/methods.js';
import { corsUnsafeRequestHeaderNames, isForbiddenRequestHeader } from '../spec/request-headers.js';
import type { Transport, WireRequest, WireResponse } from '../types.js';
import type { AuditOptions } from './args.js';
import { findings, readProbe, SEVERITIES, type AuditEvidence, type Finding, type OriginProbe, type PreflightProbe, type Severity } from './audit-findings.js';
import { probeOrigins } from './audit-origins.js';
import { EXIT } from './exit.js';
import { preflightOnly } from './preflight-only.js';
import { requestToJson, responseToJson, type Style, type WireRequestJson, type WireResponseJson } from './render.js';

export interface AuditReport {
  options: AuditOptions;
  evidence: AuditEvidence;
  findings: Finding[];
  /** The trusted-origin probe got no answer at all: nothing could be audited. */
  unreachable: boolean;
}

type Outcome = { response: WireResponse; error?: undefined } | { response?: undefined; error: string };

async function send(transport: Transport, request: WireRequest, timeoutMs: number): Promise<Outcome> {
  const sent = await sendWithDeadline(transport, request, timeoutMs);
  return sent.ok ? { response: sent.response } : { error: networkFailureText(sent.failure) };
}

/** The request whose preflight the audit checks: the audited method (PUT when it is simple) with a JSON body. */
export function preflightRequest(options: AuditOptions): { method: string; headers: Array<[string, string]>; names: string[] } {
  const method = isCorsSafelistedMethod(options.method) ? 'PUT' : options.method;
  const headers: Array<[string, string]> = [
    ...options.headers.filter(([name, value]) => !isForbiddenRequestHeader(name, value)),
    ['Content-Type', 'application/json'],
  ];
  return { method, headers, names: corsUnsafeRequestHeaderNames(headers) };
}

/**
 * Ask the emulator (Chromium) whether the preflight passes. Only the OPTIONS request reaches the server
 * (`preflightOnly`): the audit never performs the PUT/DELETE itself.
 */
async function probePreflight(options: AuditOptions, transport: Transport, credentials: 'omit' | 'include'): Promise<PreflightProbe> {
  const ask = preflightRequest(options);
  const verdict = await simulate(
    { url: options.url, origin: options.origin, method: ask.method, headers: ask.headers, body: '{}', credentials },
    { transport: preflightOnly(transport, options.origin), engine: 'chromium', timeoutMs: options.timeoutMs },
  );
  const exchange = verdict.exchanges.find((e) => e.kind === 'preflight');
  const probe: PreflightProbe = { origin: options.origin, method: ask.method, headers: ask.names, credentials, passes: verdict.allowed };
  if (exchange) {
    probe.request = exchange.request;
    if (exchange.response) probe.response = exchange.response;
    if (exchange.error !== undefined) probe.error = networkFailureText(exchange.error);
  } else if (!verdict.allowed) {
    probe.error = 'the emulator sent no preflight';
  }
  if (!verdict.allowed && verdict.reason) {
    probe.reason = { code: verdict.reason.code, message: consoleMessage(verdict, 'chromium'), fix: fixSentence(verdict) };
  }
  return probe;
}

export async function runAudit(options: AuditOptions, transport: Transport): Promise<AuditReport> {
  const base: Array<[string, string]> = [['Accept', '*/*'], ...options.headers];
  const probes = await Promise.all(
    probeOrigins(options.origin).map(async (probe): Promise<OriginProbe> => {
      const request: WireRequest = { method: options.method, url: options.url, headers: [['Origin', probe.origin], ...base], body: null };
      return { ...probe, request, ...(await send(transport, request, options.timeoutMs)) };
    }),
  );
  const trusted = probes[0];
  const unreachable = trusted.response === undefined;
  let preflight: PreflightProbe | null = null;
  if (!unreachable) {
    // A front end that is granted credentials sends them: judge the preflight the way it would be sent.
    const credentials = readProbe(trusted).readable.include ? 'include' : 'omit';
    preflight = await probePreflight(options, transport, credentials);
  }
  const evidence: AuditEvidence = { trusted: options.origin, probes, preflight };
  return { options, evidence, findings: unreachable ? [] : findings(evidence), unreachable };
}

/** 1 with a high finding, 3 when the endpoint could not be reached, else 0. */
export function auditExitCode(report: AuditReport): number {
  if (report.unreachable) return EXIT.unreachable;
  return report.findings.some((f) => f.severity === 'high') ? EXIT.findings : EXIT.ok;
}

function severityLabel(severity: Severity, style: Style): string {
  const text = severity.toUpperCase().padEnd(7);
  if (severity === 'high') return style.bold(style.red(text));
  if (severity === 'medium') return style.yellow(text);
  if (severity === 'low') return style.cyan(text);
  return style.dim(text);
}

function describeAnswer(probe: { origin: string; response?: WireResponse; error?: string }): { grant: string; browser: string } {
  if (!probe.response) return { grant: '-', browser: `no answer: ${probe.error ?? 'unknown error'}` };
  const reading = readProbe(probe);
  const creds = reading.allowCredentials === 'true' ? ' +credentials' : '';
  const grant = reading.allowOrigin === null ? '(none)' : `${reading.allowOrigin}${creds}`;
  const browser = reading.readable.include ? 'readable, with cookies' : reading.readable.omit ? 'readable, without cookies' : 'blocked';
  return { grant, browser };
}

export function renderAudit(report: AuditReport, style: Style): string {
  const { options, evidence } = report;
  const out: string[] = [];
  out.push(`${style.bold('audit')} ${style.bold(options.method)} ${options.url}  for ${style.cyan(options.origin)}`);
  out.push('');
  if (report.unreachable) {
    const error = evidence.probes[0].error ?? 'no answer';
    out.push(style.red(`The endpoint could not be reached: ${error}`), 'Nothing was audited: no CORS decision was made.');
    return `${out.join('\n')}\n`;
  }
  const rows = evidence.probes.map((p) => ({ label: p.label, origin: p.origin, ...describeAnswer(p), status: p.response ? String(p.response.status) : '-' }));
  if (evidence.preflight) {
    const pre = evidence.preflight;
    const answer = describeAnswer(pre);
    rows.push({
      label: `preflight ${[pre.method, ...pre.headers].join(' ')}`,
      origin: pre.origin,
      grant: answer.grant,
      browser: pre.passes ? `passes${pre.credentials === 'include' ? ', with cookies' : ''}` : pre.response ? `fails: ${pre.reason?.code ?? 'blocked'}` : answer.browser,
      status: pre.response ? String(pre.response.status) : '-',
    });
  }
  const head = { label: 'probe', origin: 'origin', status: 'status', grant: 'Access-Control-Allow-Origin' };
  const width = (key: keyof typeof head) => Math.max(head[key].length, ...rows.map((r) => r[key].length));
  const [wl, wo, wg, ws] = [width('label'), width('origin'), width('grant'), width('status')];
  out.push(style.dim(`  ${head.label.padEnd(wl)}  ${head.origin.padEnd(wo)}  ${head.status.padEnd(ws)}  ${head.grant.padEnd(wg)}  browser`));
  for (const r of rows) {
    const browser = r.browser.startsWith('readable') && r.origin !== options.origin ? style.yellow(r.browser) : r.browser;
    out.push(`  ${r.label.padEnd(wl)}  ${r.origin.padEnd(wo)}  ${r.status.padEnd(ws)}  ${r.grant.padEnd(wg)}  ${browser}`);
  }
  out.push('');
  out.push(`${style.bold('readable by')} ${readableBy(report)}`, '');
  const counts = SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length] as const).filter(([, n]) => n > 0);
  if (report.findings.length === 0) {
    out.push(style.green('No findings.'));
  } else {
    out.push(style.bold(`${report.findings.length} finding${report.findings.length === 1 ? '' : 's'}: ${counts.map(([s, n]) => `${n} ${s}`).join(', ')}`));
    for (const f of report.findings) {
      out.push('');
      out.push(`${severityLabel(f.severity, style)} ${style.bold(f.title)}  ${style.dim(`[${f.id}]`)}`);
      out.push(`        ${f.detail}`);
      out.push(`        ${style.dim('fix')} ${f.fix}`);
    }
  }
  return `${out.join('\n')}\n`;
}

/** One line saying which probe origins a browser lets read the responses. */
function readableBy(report: AuditReport): string {
  const probes = report.evidence.probes.filter((p) => p.response !== undefined);
  const readings = probes.map((p) => ({ probe: p, reading: readProbe(p) }));
  const readable = readings.filter((r) => r.reading.readable.omit || r.reading.readable.include);
  if (readable.length === 0) return 'no probed origin, not even yours';
  if (readable.length === probes.length && readings.every((r) => r.reading.allowOrigin === '*')) {
    return 'every origin, without cookies (Access-Control-Allow-Origin: *): fine for public data';
  }
  if (readable.length === probes.length) {
    return `every probed origin${readable.every((r) => r.reading.readable.include) ? ', with cookies' : ''}`;
  }
  if (readable.length === 1 && readable[0].probe.kind === 'trusted') {
    return `${readable[0].probe.origin} only${readable[0].reading.readable.include ? ', with cookies' : ''}`;
  }
  return readable.map((r) => `${r.probe.origin}${r.reading.readable.include ? ' (with cookies)' : ''}`).join(', ');
}

export interface AuditJson {
  command: 'audit';
  url: string;
  origin: string;
  method: string;
  unreachable: boolean;
  /** The most severe finding's severity, or null without findings. */
  highest: Severity | null;
  counts: Record<Severity, number>;
  findings: Finding[];
  probes: Array<{
    kind: string;
    label: string;
    origin: string;
    request: WireRequestJson;
    response: WireResponseJson | null;
    error: string | null;
    allowOrigin: string | null;
    allowCredentials: string | null;
    readable: { omit: boolean; include: boolean };
  }>;
  preflight: {
    origin: string;
    method: string;
    headers: string[];
    credentials: 'omit' | 'include';
    passes: boolean;
    reason: { code: string; message: string; fix: string } | null;
    request: WireRequestJson | null;
    response: WireResponseJson | null;
    error: string | null;
  } | null;
}

export function auditToJson(report: AuditReport): AuditJson {
  const { options, evidence } = report;
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, report.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  return {
    command: 'audit',
    url: options.url,
    origin: options.origin,
    method: options.method,
    unreachable: report.unreachable,
    highest: report.findings[0]?.severity ?? null,
    counts,
    findings: report.findings,
    probes: evidence.probes.map((p) => {
      const reading = readProbe(p);
      return {
        kind: p.kind,
        label: p.label,
        origin: p.origin,
        request: requestToJson(p.request),
        response: p.response ? responseToJson(p.response) : null,
        error: p.error ?? null,
        allowOrigin: reading.allowOrigin,
        allowCredentials: reading.allowCredentials,
        readable: reading.readable,
      };
    }),
    preflight: evidence.preflight
      ? {
          origin: evidence.preflight.origin,
          method: evidence.preflight.method,
          headers: evidence.preflight.headers,
          credentials: evidence.preflight.credentials,
          passes: evidence.preflight.passes,
          reason: evidence.preflight.reason ?? null,
          request: evidence.preflight.request ? requestToJson(evidence.preflight.request) : null,
          response: evidence.preflight.response ? responseToJson(evidence.preflight.response) : null,
          error: evidence.preflight.error ?? null,
        }
      : null,
  };
}
