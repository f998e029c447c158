/**
 * `corsproof check`: run one request through the emulator against a live URL, per engine, and show the
 * verdict, the exchanges, the browser's console message and the fix.
 */
import { simulateEngines } from '../simulate.js';
import { isForbiddenRequestHeader } from '../spec/request-headers.js';
import { reasonConsoleLine, reasonFixSentence, type ConsoleLine } from '../report/describe.js';
import { bodyErrorText } from '../report/network.js';
import type { BlockReason, FixChange, Transport, Verdict } from '../types.js';
import type { CheckOptions } from './args.js';
import { EXIT, isUnreachable } from './exit.js';
import { preflightsOnly } from './preflight-only.js';
import { exchangeToJson, renderExchange, type ExchangeJson, type Style } from './render.js';

export interface CheckReport {
  options: CheckOptions;
  verdicts: Verdict[];
}

/** HTTP's safe methods: --preflight-only still sends these (they change nothing on the server). */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS', 'TRACE']);

/**
 * One verdict per engine asked for, in order. The engines share one exchange with the server: each distinct
 * request is sent once. With --preflight-only, a method that is not safe is never sent, only its preflight.
 */
export async function runCheck(options: CheckOptions, transport: Transport): Promise<CheckReport> {
  const skip = options.preflightOnly && !SAFE_METHODS.has(options.method.toUpperCase());
  const verdicts = await simulateEngines(
    {
      url: options.url,
      origin: options.origin,
      method: options.method,
      headers: options.headers,
      credentials: options.credentials,
      mode: options.mode,
    },
    { transport: skip ? preflightsOnly(transport, options.method) : transport, engines: options.engines, timeoutMs: options.timeoutMs },
  );
  return { options, verdicts };
}

/** The request was not sent (--preflight-only): blocked only because of that. */
export function notSent(verdict: Verdict): boolean {
  return verdict.reason?.network?.kind === 'not-sent';
}

/** With --preflight-only, whether the preflight passed: it went out and the request was only held back. */
function preflightPassed(verdict: Verdict): boolean {
  return notSent(verdict) && verdict.exchanges.some((e) => e.kind === 'preflight');
}

/**
 * 0 when every engine allows it (with --preflight-only: every preflight passed), 3 when the server could not be
 * reached, 2 when --preflight-only left nothing to check (no preflight was needed), otherwise 1.
 */
export function checkExitCode(report: CheckReport): number {
  if (report.verdicts.every((v) => v.allowed || preflightPassed(v))) return EXIT.ok;
  if (report.verdicts.some(isUnreachable)) return EXIT.unreachable;
  if (report.verdicts.some((v) => notSent(v) && !preflightPassed(v))) return EXIT.usage;
  return EXIT.findings;
}

export function renderCheck(report: CheckReport, style: Style): string {
  const { options } = report;
  const userHeaders = new Set(options.headers.map(([name]) => name.toLowerCase()));
  const out: string[] = [];
  const settings = [`credentials: ${options.credentials}`, `mode: ${options.mode}`];
  out.push(`${style.bold(options.method)} ${options.url}  from ${style.cyan(options.origin)}  ${style.dim(`(${settings.join(', ')})`)}`);
  for (const [name, value] of options.headers) {
    const dropped = isForbiddenRequestHeader(name, value) ? style.yellow('  (dropped: browsers never let script set it)') : '';
    out.push(`${style.dim(`  ${name}: ${value}`)}${dropped}`);
  }
  const rendered: Array<{ engine: string; text: string; code?: string; line?: ConsoleLine; fix?: string }> = [];
  for (const verdict of report.verdicts) {
    out.push('');
    const label = verdict.engine.padEnd(9);
    const reason = verdict.reason;
    if (verdict.allowed) {
      const r = verdict.response;
      const detail = r ? `${r.status} ${r.type}${r.redirected ? ', redirected' : ''}` : '';
      out.push(`${style.bold(label)} ${style.green('ALLOWED')}  ${style.dim(detail)}`);
    } else if (preflightPassed(verdict)) {
      out.push(`${style.bold(label)} ${style.green('PREFLIGHT PASSED')}  ${style.dim(`the ${options.method} itself was not sent (--preflight-only)`)}`);
    } else if (notSent(verdict)) {
      out.push(`${style.bold(label)} ${style.yellow('NOT CHECKED')}  ${style.dim(`this ${options.method} needs no preflight, and --preflight-only does not send the request itself`)}`);
    } else {
      out.push(`${style.bold(label)} ${style.red('BLOCKED')}  ${reason ? `${reason.code}${reason.preflight ? ' (preflight)' : ''}` : ''}`);
    }
    const exchangeLines = verdict.exchanges.flatMap((e) => renderExchange(e, style, userHeaders));
    const text = exchangeLines.join('\n');
    const line = reason && !notSent(verdict) ? reasonConsoleLine(reason, verdict.engine) : undefined;
    const fix = reason && !notSent(verdict) ? reasonFixSentence(reason) : undefined;
    const entry = { engine: verdict.engine, text, code: reason?.code, line, fix };
    const same = rendered.find((r) => r.text === text);
    rendered.push(entry);
    // An engine whose console words are another's (not modelled on their own): when its exchanges, message and
    // fix repeat that engine's, say so in one line.
    const repeat = line !== undefined && line.wordsOf !== verdict.engine && same !== undefined && same.line?.engine === line.wordsOf &&
      same.code === entry.code && same.line.message === line.message && same.fix === entry.fix;
    if (repeat && !verdict.allowed) {
      out.push(style.dim(`  same exchanges, console message and fix as ${same.engine}`));
      continue;
    }
    if (verdict.exchanges.length === 0) out.push(style.dim('  nothing was sent: the browser rejects this request before any network'));
    else if (same) out.push(style.dim(`  exchanges: same as ${same.engine}`));
    else out.push(...exchangeLines);
    if (verdict.allowed && verdict.response) {
      const r = verdict.response;
      if (r.type === 'opaque' || r.type === 'opaqueredirect') {
        out.push(`  ${style.dim('script  ')} gets an ${r.type} response: status 0, no headers, no body`);
      } else {
        const names = Object.keys(r.headers);
        out.push(`  ${style.dim('readable')} ${names.length > 0 ? names.join(', ') : '(no response headers)'}`);
        if (r.bodyError !== undefined) out.push(`  ${style.dim('body    ')} ${style.yellow(`fetch() resolves, but reading the body fails: ${bodyErrorText(r.bodyError)}`)}`);
      }
    }
    if (!verdict.allowed && line && !isUnreachable(verdict)) {
      if (line.message) {
        const wording = line.wordsOf === verdict.engine ? '' : style.dim(` (${line.label})`);
        // A console of several lines (Firefox and WebKit report a failed preflight twice): each under the first.
        const message = line.message.split('\n').join(`\n${' '.repeat(11)}`);
        out.push(`  ${style.dim('console ')} ${message}${line.code ? style.dim(` [${line.code}]`) : ''}${wording}`);
      }
      if (fix) out.push(`  ${style.dim('fix     ')} ${style.yellow(fix)}`);
    }
  }
  if (report.verdicts.length > 1) {
    const allowed = report.verdicts.filter((v) => v.allowed).map((v) => v.engine);
    const passed = report.verdicts.filter(preflightPassed).map((v) => v.engine);
    const unchecked = report.verdicts.filter((v) => notSent(v) && !preflightPassed(v)).map((v) => v.engine);
    const blocked = report.verdicts.filter((v) => !v.allowed && !notSent(v)).map((v) => v.engine);
    const parts = [];
    if (allowed.length > 0) parts.push(`${style.green('ALLOWED')} in ${allowed.join(', ')}`);
    if (passed.length > 0) parts.push(`${style.green('PREFLIGHT PASSED')} in ${passed.join(', ')}`);
    if (unchecked.length > 0) parts.push(`${style.yellow('NOT CHECKED')} in ${unchecked.join(', ')}`);
    if (blocked.length > 0) parts.push(`${style.red('BLOCKED')} in ${blocked.join(', ')}`);
    out.push('', `${style.bold('result')}    ${parts.join('; ')}`);
  }
  const unreachable = report.verdicts.find(isUnreachable);
  if (unreachable) {
    const what = unreachable.reason?.code === 'Timeout' ? `did not answer within ${options.timeoutMs} ms` : 'could not be reached';
    out.push('', style.red(`The server ${what}: a network failure, not a CORS decision (exit code 3).`));
  }
  return `${out.join('\n')}\n`;
}

export interface CheckJson {
  command: 'check';
  request: {
    url: string;
    origin: string;
    method: string;
    headers: Array<[string, string]>;
    credentials: string;
    mode: string;
  };
  /** True when every engine allows the request. */
  allowed: boolean;
  /** True when some engine could not reach the server at all (exit code 3). */
  unreachable: boolean;
  verdicts: Array<{
    engine: string;
    allowed: boolean;
    response: { status: number; statusText: string; type: string; url: string; redirected: boolean; headers: Record<string, string>; bodyError?: string } | null;
    reason: {
      code: string;
      preflight: boolean;
      url: string;
      failedParameter?: string;
      status?: number;
      /** The console message of each engine, in its words (or Chromium's where its own are not modelled). */
      chromium: string;
      firefox: { code: string; message: string };
      webkit: string;
      /** The fix as a sentence, and as changes to the server's answers (null when no server change can fix it). */
      fix: string;
      changes: FixChange[] | null;
    } | null;
    exchanges: ExchangeJson[];
  }>;
}

export function checkToJson(report: CheckReport): CheckJson {
  const o = report.options;
  return {
    command: 'check',
    request: { url: o.url, origin: o.origin, method: o.method, headers: o.headers, credentials: o.credentials, mode: o.mode },
    allowed: report.verdicts.every((v) => v.allowed),
    unreachable: report.verdicts.some(isUnreachable),
    verdicts: report.verdicts.map((v) => ({
      engine: v.engine,
      allowed: v.allowed,
      response: v.response
        ? {
            status: v.response.status,
            statusText: v.response.statusText,
            type: v.response.type,
            url: v.response.url,
            redirected: v.response.redirected,
            headers: v.response.headers,
            ...(v.response.bodyError !== undefined ? { bodyError: v.response.bodyError } : {}),
          }
        : null,
      reason: v.reason
        ? {
            code: v.reason.code,
            preflight: v.reason.preflight,
            url: v.reason.url,
            ...(v.reason.failedParameter !== undefined ? { failedParameter: v.reason.failedParameter } : {}),
            ...(v.reason.status !== undefined ? { status: v.reason.status } : {}),
            chromium: reasonConsoleLine(v.reason, 'chromium').message,
            firefox: firefoxJson(v.reason),
            webkit: reasonConsoleLine(v.reason, 'webkit').message,
            fix: reasonFixSentence(v.reason),
            changes: v.reason.fix,
          }
        : null,
      exchanges: v.exchanges.map(exchangeToJson),
    })),
  };
}

function firefoxJson(reason: BlockReason): { code: string; message: string } {
  const line = reasonConsoleLine(reason, 'firefox');
  return { code: line.code ?? '', message: line.message };
}
