/**
 * The text form of an audit report: per endpoint, a table of the probes worth seeing (the trusted, foreign and
 * null origins, every origin that got a grant, the preflights, error and WebSocket probes), who can read the
 * responses, and the findings most severe first; then one summary over every endpoint.
 */
import { readProbe } from '../audit/reading.js';
import { SEVERITIES, type AuditReport, type EndpointReport, type Probe, type Severity } from '../audit/types.js';
import { findingText, omittedProbes, probeLabel } from '../report/audit-text.js';
import type { AuditCliOptions } from './audit-args.js';
import type { Style } from './render.js';
import { escapeTerminal } from '../report/terminal.js';

function severityLabel(severity: Severity, style: Style): string {
  const text = severity.toUpperCase().padEnd(7);
  if (severity === 'high') return style.bold(style.red(text));
  if (severity === 'medium') return style.yellow(text);
  if (severity === 'low') return style.cyan(text);
  return style.dim(text);
}

const isPreflight = (p: Probe) => p.kind === 'preflight' || p.kind === 'private-network';

function answer(p: Probe): { grant: string; browser: string } {
  if (!p.response) return { grant: '-', browser: `no answer: ${p.error ?? 'unknown error'}` };
  const reading = readProbe(p);
  const grant = reading.allowOrigin === null ? '(none)' : `${reading.allowOrigin}${reading.allowCredentials === 'true' ? ' +credentials' : ''}`;
  if (p.kind === 'websocket') return { grant, browser: p.response.status === 101 ? 'accepted (101)' : 'refused' };
  if (p.kind === 'no-origin') return { grant, browser: '-' };
  if (p.kind === 'preflight' && p.judgement) {
    const { passes } = p.judgement;
    const judged = p.credentials === 'include' ? passes.include : passes.omit;
    if (judged) return { grant, browser: `passes${p.credentials === 'include' ? ', with cookies' : ''}` };
    if (passes.omit) return { grant, browser: 'passes without cookies only' };
    return { grant, browser: `fails: ${p.judgement.failure?.code ?? 'blocked'}` };
  }
  if (p.kind === 'private-network') {
    const pna = p.response.headers.find(([n]) => n.toLowerCase() === 'access-control-allow-private-network')?.[1];
    return { grant, browser: pna === 'true' && (reading.readable.omit || reading.readable.include) ? 'private network granted' : 'private network not granted' };
  }
  if (isPreflight(p)) return { grant, browser: '-' };
  return { grant, browser: reading.readable.include ? 'readable, with cookies' : reading.readable.omit ? 'readable, without cookies' : 'blocked' };
}

const ALWAYS = new Set(['trusted', 'foreign', 'null']);
/** Kinds with many probes: one row for the first granted, the rest counted. */
const GROUPED = new Set(['special-char', 'percent-encoded', 'third-party', 'include']);

const namedGrant = (p: Probe) => {
  const r = readProbe(p);
  return (r.readable.omit || r.readable.include) && r.allowOrigin !== '*';
};

/** Which probes get a row: the trusted, foreign and null origins, every other probe kind, and granted origins (all but the first of a large group when the foreign origin is not reflected; none when it is). */
function pickRows(probes: Probe[]): { rows: Probe[]; hidden: Probe[]; hiddenGranted: number; wildcard: number } {
  const reflectsAll = probes.some((p) => p.originKind === 'foreign' && namedGrant(p));
  const rows: Probe[] = [];
  const hidden: Probe[] = [];
  const firstOfKind = new Set<string>();
  for (const p of probes) {
    if (p.kind !== 'origin' || ALWAYS.has(p.originKind ?? '')) rows.push(p);
    else if (!namedGrant(p) || reflectsAll) hidden.push(p);
    else if (GROUPED.has(p.originKind ?? '') && firstOfKind.has(p.originKind!)) hidden.push(p);
    else {
      firstOfKind.add(p.originKind ?? '');
      rows.push(p);
    }
  }
  const wildcard = hidden.filter((p) => readProbe(p).allowOrigin === '*').length;
  return { rows, hidden, hiddenGranted: hidden.filter(namedGrant).length, wildcard };
}

function readableBy(e: EndpointReport): string {
  const probes = e.probes.filter((p) => p.kind === 'origin' && p.response !== undefined);
  const readings = probes.map((p) => ({ p, r: readProbe(p) }));
  const readable = readings.filter(({ r }) => r.readable.omit || r.readable.include);
  if (readable.length === 0) return 'no probed origin, not even yours';
  if (readable.length === probes.length && readings.every(({ r }) => r.allowOrigin === '*')) {
    return 'every origin, without cookies (Access-Control-Allow-Origin: *): fine for public data';
  }
  if (readable.length === probes.length) return `every probed origin${readable.every(({ r }) => r.readable.include) ? ', with cookies' : ''}`;
  const mine = readable.filter(({ p }) => p.originKind === 'trusted');
  if (mine.length === readable.length) {
    return `${mine.map(({ p }) => p.origin).join(', ')} only${mine.every(({ r }) => r.readable.include) ? ', with cookies' : ''}`;
  }
  const list = readable.map(({ p, r }) => `${p.origin}${r.readable.include ? ' (with cookies)' : ''}`);
  return list.length > 8 ? `${list.slice(0, 8).join(', ')} and ${list.length - 8} more` : list.join(', ');
}

function countLine(counts: Record<Severity, number>): string {
  const total = SEVERITIES.reduce((n, s) => n + counts[s], 0);
  const parts = SEVERITIES.filter((s) => counts[s] > 0).map((s) => `${counts[s]} ${s}`);
  return `${total} finding${total === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

function renderEndpoint(e: EndpointReport, style: Style): string[] {
  const out: string[] = [];
  const methods = e.methods.join(', ');
  out.push(`${style.bold('audit')} ${style.bold(methods)} ${e.url}  for ${e.origins.map((o) => style.cyan(o)).join(', ')}`);
  if (e.probeMethod !== e.methods[0] || e.methods.length > 1) {
    out.push(style.dim(`  actual probes sent as ${e.probeMethod}; ${e.methods.filter((m) => m !== e.probeMethod).join(', ') || 'other methods'} asked about in preflights only`));
  }
  out.push('');
  if (e.unreachable) {
    out.push(style.red(`The endpoint could not be reached: ${printable(e.error ?? 'no answer')}`), 'Nothing was audited: no CORS decision was made.');
    return out;
  }
  const picked = pickRows(e.probes);
  const rows = picked.rows.map((p) => {
    const a = answer(p);
    return { label: probeLabel(p), origin: printable(p.origin ?? '-'), status: p.response ? String(p.response.status) : '-', grant: printable(a.grant), browser: printable(a.browser), p };
  });
  const hidden = picked.hidden;
  const head = { label: 'probe', origin: 'origin', status: 'status', grant: 'Access-Control-Allow-Origin' };
  const width = (key: keyof typeof head) => Math.max(head[key].length, ...rows.map((r) => r[key].length));
  const [wl, wo, ws, wg] = [width('label'), width('origin'), width('status'), width('grant')];
  out.push(style.dim(`  ${head.label.padEnd(wl)}  ${head.origin.padEnd(wo)}  ${head.status.padEnd(ws)}  ${head.grant.padEnd(wg)}  browser`));
  for (const r of rows) {
    const foreignGrant = r.p.basis === undefined && (r.browser.startsWith('readable') || r.browser.startsWith('passes') || r.browser.startsWith('accepted'));
    out.push(`  ${r.label.padEnd(wl)}  ${r.origin.padEnd(wo)}  ${r.status.padEnd(ws)}  ${r.grant.padEnd(wg)}  ${foreignGrant ? style.yellow(r.browser) : r.browser}`);
  }
  if (hidden.length > 0) out.push(style.dim(`  ${omittedProbes(hidden, picked.hiddenGranted, picked.wildcard)}`));
  out.push('', `${style.bold('readable by')} ${printable(readableBy(e))}`, '');
  if (e.findings.length === 0) {
    out.push(style.green('No findings.'));
    return out;
  }
  const counts = Object.fromEntries(SEVERITIES.map((s) => [s, e.findings.filter((f) => f.severity === s).length])) as Record<Severity, number>;
  out.push(style.bold(countLine(counts)));
  for (const f of e.findings) {
    const text = findingText(f);
    out.push('', `${severityLabel(f.severity, style)} ${style.bold(printable(text.title))}  ${style.dim(`[${f.id}]`)}`, `        ${printable(text.detail)}`, `        ${style.dim('fix')} ${printable(text.fix)}`);
  }
  return out;
}

/**
 * Server-controlled text (header values, status texts) never reaches the terminal with control bytes in it. The
 * report comes escaped (src/cli/run.ts); this keeps a caller that passes a raw one safe too.
 */
function printable(text: string): string {
  return escapeTerminal(text);
}

export function renderAudit(report: AuditReport, options: Pick<AuditCliOptions, 'failOn'>, style: Style): string {
  const sections = report.endpoints.map((e) => renderEndpoint(e, style).join('\n'));
  const out = [sections.join(`\n\n${style.dim('-'.repeat(40))}\n\n`)];
  if (report.endpoints.length > 1) {
    const total = SEVERITIES.reduce((n, s) => n + report.counts[s], 0);
    out.push(
      '',
      style.bold(
        `summary  ${report.endpoints.length} endpoints audited${report.unreachable ? ` (${report.unreachable} unreachable)` : ''}; ${total === 0 ? 'no findings' : countLine(report.counts)}`,
      ),
    );
    for (const e of report.endpoints) {
      const top = SEVERITIES.find((s) => e.findings.some((f) => f.severity === s));
      const serious = e.findings.filter((f) => f.severity !== 'info').map((f) => f.id);
      out.push(`  ${(e.unreachable ? 'UNREACHABLE' : top ? top.toUpperCase() : 'OK').padEnd(11)}  ${e.url}${serious.length ? `  ${style.dim(serious.join(', '))}` : ''}`);
    }
  }
  if (options.failOn !== 'high') out.push('', style.dim(`failing on ${options.failOn} or above`));
  return `${out.join('\n')}\n`;
}
