/**
 * The words of `explain()`: the notes it attaches, and the plain-text form the CLI prints (and the Playwright
 * fixture attaches to reports). Colour, where wanted, comes from the caller's `paint`.
 */
import { getEngine } from '../engines/index.js';
import type { EngineName, ReasonCode } from '../types.js';

export interface Paint {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  green(text: string): string;
  yellow(text: string): string;
  cyan(text: string): string;
}

const PLAIN: Paint = { bold: id, dim: id, red: id, green: id, yellow: id, cyan: id };

function id(text: string): string {
  return text;
}

/** Control characters (terminal escapes, NUL, bidi overrides) from pasted text or a HAR, shown escaped. */
export function printable(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function label(engine: EngineName): string {
  return getEngine(engine).label;
}

export const NOTES = {
  sameMessage: (engines: readonly EngineName[], codes: readonly ReasonCode[]) =>
    `${engines.map(label).join(' and ')} print${engines.length === 1 ? 's' : ''} this same message for ${codes.length} reasons (${codes.join(', ')}); the response's headers tell them apart.`,
  sameKey: (key: string, count: number) => `Firefox uses ${key} for ${count} reasons; the whole console line, or the response's headers, tell them apart.`,
  closest:
    'No message corsproof knows reads exactly like this (cut off, another browser version, or retyped); these are the closest, best first. Paste the whole line for a certain answer.',
  notCors: 'This does not read like a CORS message of Chromium, Firefox or WebKit. Paste the whole console line that mentions CORS or Access-Control.',
  credentialsFromOutcome: (mode: string) =>
    `The HAR does not say whether the page sent credentials; only credentials: '${mode}' gives what the browser did, so that is what was replayed.`,
  credentialsUnknown: (otherSays: string) =>
    `The HAR does not say whether the page sent credentials, and the verdict depends on it: shown without credentials; with credentials: 'include' it is ${otherSays}.`,
  incomplete:
    'The replay needs a response the HAR does not hold, so no verdict is given. Recorders differ: Playwright\'s leaves out preflights and the responses of blocked requests; the Network panel of Chromium\'s developer tools keeps both ("Save all as HAR").',
  failedButAllowed: (engine: EngineName, error: string) =>
    `The browser failed this request (${error}), but the replay allows it in ${label(engine)}: it failed for something other than CORS (connection, mixed content, an extension, a cancelled request), or the HAR lacks what made it fail.`,
  readButBlocked: (engine: EngineName) =>
    `The recording shows a response the page could read, but the replay blocks it in ${label(engine)}: the page may have used another mode or credentials than the HAR shows, or a cached preflight.`,
};

/** A console message explained (explain()'s `MessageExplanation`): what the text form shows of it. */
export interface MessageLike {
  /** The message as read (whitespace joined). */
  message: string;
  /** True when the message matched a template whole: `candidates` are then the codes that print exactly it. */
  certain: boolean;
  candidates: ReadonlyArray<{ code: ReasonCode; engines: readonly EngineName[]; key?: string; score: number; checked: string; fix: string }>;
  /** What the message says, where it says it. */
  url?: string;
  initialUrl?: string;
  origin?: string;
  /** The value, method or header the message names. */
  value?: string;
  status?: number;
  /** What made the request (Chromium: `fetch`, `XMLHttpRequest`, ...). */
  requestKind?: string;
  /** Something the reader should know about how certain this is. */
  note?: string;
}

/** One console message explained, as text. */
export function formatMessageExplanation(explained: MessageLike, paint: Paint = PLAIN): string {
  const out: string[] = [];
  out.push(paint.dim(printable(explained.message)));
  const facts: string[] = [];
  if (explained.requestKind) facts.push(`request: ${printable(explained.requestKind)}`);
  if (explained.url) facts.push(`url: ${printable(explained.url)}`);
  if (explained.initialUrl) facts.push(`redirected from: ${printable(explained.initialUrl)}`);
  if (explained.origin) facts.push(`page origin: ${printable(explained.origin)}`);
  if (explained.value !== undefined) facts.push(`named: ${printable(explained.value)}`);
  if (explained.status !== undefined) facts.push(`status: ${explained.status}`);
  if (facts.length) out.push(`  ${facts.join(' · ')}`);
  if (explained.candidates.length === 0) {
    out.push(`  ${paint.yellow('Not recognised.')} ${explained.note ?? ''}`.trimEnd());
    return out.join('\n');
  }
  if (explained.certain) {
    for (const c of explained.candidates) {
      out.push(`  ${paint.bold(c.code)}  ${paint.dim(`(${c.engines.map(label).join(', ')}${c.key ? `: ${c.key}` : ''})`)}`);
      out.push(`    Checked: ${c.checked}`);
      out.push(`    Fix: ${printable(c.fix)}`);
    }
    if (explained.note) out.push(`  ${paint.yellow('Note:')} ${explained.note}`);
    return out.join('\n');
  }
  out.push(`  ${paint.yellow('Not certain.')} ${explained.note ?? ''}`.trimEnd());
  explained.candidates.forEach((c, i) => {
    out.push(`  ${i + 1}. ${paint.bold(c.code)}  ${paint.dim(`(score ${c.score.toFixed(2)}; ${c.engines.map(label).join(', ')})`)}`);
    out.push(`     Checked: ${c.checked}`);
    out.push(`     Fix: ${printable(c.fix)}`);
  });
  return out.join('\n');
}

interface HarLike {
  creator: string;
  requests: ReadonlyArray<{
    method: string;
    url: string;
    origin: string;
    credentials: { mode: string };
    recorded: { failed: boolean; status: number; error?: string };
    complete: boolean;
    missing?: string;
    verdicts: ReadonlyArray<{ engine: EngineName; allowed: boolean; code?: ReasonCode; message: string; key?: string; fix: string }>;
    notes: readonly string[];
  }>;
  skipped: Record<string, number>;
}

/** A HAR replay, as text: per request what the recording says, then each engine's verdict, message and fix. */
export function formatHarExplanation(explained: HarLike, paint: Paint = PLAIN): string {
  const out: string[] = [];
  const skipped = Object.entries(explained.skipped)
    .filter(([, n]) => n > 0)
    .map(([why, n]) => `${n} ${SKIP_WORDS[why] ?? why}`);
  out.push(`HAR from ${printable(explained.creator)}: ${explained.requests.length} cross-origin request${explained.requests.length === 1 ? '' : 's'} replayed${skipped.length ? ` (not replayed: ${skipped.join(', ')})` : ''}.`);
  for (const request of explained.requests) {
    out.push('');
    const recorded = request.recorded.failed ? paint.red(`failed (${printable(request.recorded.error ?? `status ${request.recorded.status}`)})`) : paint.green(`status ${request.recorded.status}`);
    out.push(`${paint.bold(request.method)} ${printable(request.url)}  from ${paint.cyan(printable(request.origin))}  ${paint.dim(`(credentials: ${request.credentials.mode})`)}`);
    out.push(`  The browser: ${recorded}`);
    if (!request.complete) out.push(`  ${paint.yellow('No verdict:')} ${printable(request.missing ?? '')}`);
    const fixes = new Set<string>();
    for (const v of request.verdicts) {
      const outcome = v.allowed ? paint.green('allowed') : paint.red(`blocked (${v.code})`);
      out.push(`  ${v.engine.padEnd(9)}${outcome}`);
      if (v.message) out.push(`    Console: ${printable(v.message)}${v.key ? ` [${v.key}]` : ''}`);
      if (v.fix) fixes.add(v.fix);
    }
    for (const fix of fixes) out.push(`  Fix: ${printable(fix)}`);
    for (const note of request.notes) out.push(`  ${paint.yellow('Note:')} ${note}`);
  }
  return out.join('\n');
}

const SKIP_WORDS: Record<string, string> = {
  preflights: 'preflights (used as recorded answers)',
  sameOrigin: 'same-origin',
  notCors: 'not CORS requests (navigations, images, scripts)',
  redirectHops: 'redirect hops (replayed with their first request)',
  notHttp: 'not http(s)',
  unknownOrigin: 'with no page origin in the HAR (pass --origin)',
};
