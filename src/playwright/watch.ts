/**
 * `watchCors(context)`: every CORS failure the pages of a browser context hit, from the browser's own reports.
 * - Chromium says what it blocked through the DevTools protocol (`Network.loadingFailed` with `corsErrorStatus`:
 *   the reason and the failed parameter) and shows the request, its preflight and the responses; the exchange is
 *   replayed through the emulator and any difference with Chromium's reason is reported.
 * - Every engine prints console messages; those that read as CORS messages are explained (`explainMessage`).
 * - Firefox and WebKit may also give the reason as a failed request's error text; it is read the same way.
 */
import type { BrowserContext, CDPSession, ConsoleMessage, Page, Request } from '@playwright/test';
import { explainHar } from '../explain/har.js';
import { explainMessage, type MessageExplanation } from '../explain/message.js';
import { isReasonCode } from '../matchers/reason-codes.js';
import { checkedSentence } from '../report/checks.js';
import { reasonConsoleLine, reasonFixSentence } from '../report/describe.js';
import { saidReason } from '../report/said-reason.js';
import type { HarEntry, HarHeader } from '../transports/har.js';
import type { EngineName, ReasonCode, RequestCredentials_ } from '../types.js';
import { engineOfContext } from './engine.js';
import { setRecorder } from './registry.js';
import type { JudgedRequest } from './route.js';

export interface CorsFailure {
  /** Who reported it: Chromium's DevTools protocol, a console message, a failed request's error text, or corsRoute. */
  source: 'devtools' | 'console' | 'request-failed' | 'corsRoute';
  engine: EngineName;
  method?: string;
  url?: string;
  /** The page's origin. */
  origin?: string;
  /** corsproof's reason code: the browser's own where it names one, else the one its message reads as, when certain. */
  code?: ReasonCode;
  /** False when only a message that matches no known one whole was seen: `candidates` are then the closest reasons. */
  certain: boolean;
  candidates: ReasonCode[];
  /** The console message: the browser's own where it printed one, else as corsproof words it. */
  message: string;
  messageFrom: 'browser' | 'corsproof';
  /** What the browser checked. */
  checked: string;
  /** What to change on the server. */
  fix: string;
  /** What Chromium reported through the DevTools protocol. */
  chromium?: { corsError: string; failedParameter: string };
  /** corsproof's verdict for the same exchange (the recorded request and responses replayed), where Chromium showed it. */
  replay?: { allowed: boolean; code?: ReasonCode; credentials: RequestCredentials_; agrees: boolean; difference?: string; incomplete?: string };
}

export interface CorsWatchOptions {
  /** Default: the running browser's engine. */
  engine?: EngineName;
  /** Called once per failure when it is first seen (its replay may still be running). */
  onFailure?: (failure: CorsFailure) => void;
}

export interface CorsWatcher {
  readonly engine: EngineName;
  /** Failures seen so far. */
  readonly failures: readonly CorsFailure[];
  /** The failures once every replay and console message seen so far is taken into account. */
  settled(): Promise<readonly CorsFailure[]>;
  /** Wait until at least `count` failures were seen (default timeout 5 000 ms), then settle. */
  waitFor(count: number, timeoutMs?: number): Promise<readonly CorsFailure[]>;
  /** Stop watching; resolves with the settled failures. */
  stop(): Promise<readonly CorsFailure[]>;
}

interface Hop {
  url: string;
  method: string;
  headers: Record<string, string>;
  extraHeaders?: Record<string, string>;
  postData?: string;
  wallTime: number;
  type?: string;
  response?: { status: number; statusText: string; headers: Record<string, string> };
}

interface TrackedRequest {
  hops: Hop[];
  preflightOf?: string;
}

interface DevtoolsFailure {
  failure: CorsFailure;
  pending: Promise<void>;
}

const MIN_SCORE = 0.6;

export async function watchCors(context: BrowserContext, options: CorsWatchOptions = {}): Promise<CorsWatcher> {
  const engine = engineOfContext(context, options.engine);
  const devtools: DevtoolsFailure[] = [];
  const fromText: Array<{ failure: CorsFailure; explained: MessageExplanation }> = [];
  const fromRoute: CorsFailure[] = [];
  const sessions: CDPSession[] = [];
  const listeners: Array<() => void> = [];
  let seen = 0;
  const notify = (failure: CorsFailure) => {
    seen++;
    options.onFailure?.(failure);
  };

  const onConsole = (message: ConsoleMessage) => {
    if (message.type() !== 'error' && message.type() !== 'warning') return;
    const explained = explainMessage(message.text());
    if (!readsAsCors(explained)) return;
    const failure = fromExplanation(explained, engine, 'console');
    fromText.push({ failure, explained });
    if (!pairsWithDevtools(failure)) notify(failure);
  };
  const onRequestFailed = (request: Request) => {
    if (usesDevtools) return; // Chromium's own report is richer
    const text = request.failure()?.errorText ?? '';
    const explained = explainMessage(text);
    if (!readsAsCors(explained)) return;
    const failure = { ...fromExplanation(explained, engine, 'request-failed'), method: request.method(), url: request.url() };
    fromText.push({ failure, explained });
    notify(failure);
  };
  const pairsWithDevtools = (failure: CorsFailure) => devtools.some((d) => d.failure.url === failure.url);

  // Chromium: the DevTools protocol, one session per page.
  let usesDevtools = false;
  const attach = async (page: Page) => {
    let session: CDPSession;
    try {
      session = await context.newCDPSession(page);
      await session.send('Network.enable');
    } catch {
      return; // not Chromium
    }
    usesDevtools = true;
    sessions.push(session);
    const tracked = new Map<string, TrackedRequest>();
    session.on('Network.requestWillBeSent', (event) => {
      const hop: Hop = { url: event.request.url, method: event.request.method, headers: event.request.headers as Record<string, string>, wallTime: event.wallTime, ...(event.type ? { type: event.type } : {}), ...(event.request.postData ? { postData: event.request.postData } : {}) };
      const existing = tracked.get(event.requestId);
      if (existing && event.redirectResponse) {
        const last = existing.hops.at(-1)!;
        last.response = { status: event.redirectResponse.status, statusText: event.redirectResponse.statusText, headers: event.redirectResponse.headers as Record<string, string> };
        existing.hops.push(hop);
        return;
      }
      const entry: TrackedRequest = existing ?? { hops: [] };
      if (existing) Object.assign(existing.hops.at(-1) ?? {}, hop);
      else entry.hops.push(hop);
      if (event.initiator?.type === 'preflight' && event.initiator.requestId) entry.preflightOf = event.initiator.requestId;
      tracked.set(event.requestId, entry);
      prune(tracked);
    });
    session.on('Network.requestWillBeSentExtraInfo', (event) => {
      const entry = tracked.get(event.requestId) ?? { hops: [{ url: '', method: '', headers: {}, wallTime: 0 }] };
      entry.hops.at(-1)!.extraHeaders = event.headers as Record<string, string>;
      tracked.set(event.requestId, entry);
    });
    session.on('Network.responseReceivedExtraInfo', (event) => {
      const entry = tracked.get(event.requestId);
      if (!entry) return;
      const hop = entry.hops.at(-1)!;
      if (!hop.response) hop.response = { status: event.statusCode, statusText: '', headers: event.headers as Record<string, string> };
    });
    session.on('Network.loadingFailed', (event) => {
      const status = event.corsErrorStatus;
      const request = tracked.get(event.requestId);
      if (!status || !request) return;
      const preflight = [...tracked.values()].find((t) => t.preflightOf === event.requestId);
      const failure = devtoolsFailure(engine, request, preflight, status.corsError, status.failedParameter);
      const record: DevtoolsFailure = { failure, pending: Promise.resolve() };
      record.pending = compare(failure, request, preflight).catch(() => undefined);
      devtools.push(record);
      notify(failure);
    });
  };

  await Promise.all(context.pages().map(attach));
  const onPage = (page: Page) => void attach(page);
  context.on('page', onPage);
  context.on('console', onConsole);
  context.on('requestfailed', onRequestFailed);
  listeners.push(
    () => context.off('page', onPage),
    () => context.off('console', onConsole),
    () => context.off('requestfailed', onRequestFailed),
  );
  setRecorder(context, {
    addJudged(entry: JudgedRequest, judgedEngine: EngineName) {
      if (entry.allowed) return;
      const failure: CorsFailure = {
        source: 'corsRoute',
        engine: judgedEngine,
        method: entry.method,
        url: entry.url,
        origin: entry.origin,
        ...(entry.code ? { code: entry.code } : {}),
        certain: true,
        candidates: entry.code ? [entry.code] : [],
        message: entry.message,
        messageFrom: 'corsproof',
        checked: entry.code ? checkedSentence(entry.code) : '',
        fix: entry.fix,
      };
      fromRoute.push(failure);
      notify(failure);
    },
  });

  const collect = (): CorsFailure[] => {
    const used = new Set<CorsFailure>();
    const out: CorsFailure[] = [];
    for (const { failure } of devtools) {
      const said = fromText.find((t) => !used.has(t.failure) && t.failure.source === 'console' && t.failure.url === failure.url && t.explained.certain);
      if (said) {
        used.add(said.failure);
        failure.message = said.failure.message;
        failure.messageFrom = 'browser';
      }
      out.push(failure);
    }
    for (const { failure } of fromText) if (!used.has(failure)) out.push(failure);
    out.push(...fromRoute);
    return out;
  };
  const settled = async () => {
    await Promise.all(devtools.map((d) => d.pending));
    return collect();
  };

  return {
    engine,
    get failures() {
      return collect();
    },
    settled,
    async waitFor(count: number, timeoutMs = 5000) {
      const until = Date.now() + timeoutMs;
      while (seen < count && Date.now() < until) await new Promise((resolve) => setTimeout(resolve, 20));
      return settled();
    },
    async stop() {
      listeners.forEach((off) => off());
      setRecorder(context, undefined);
      const result = await settled();
      await Promise.all(sessions.map((s) => s.detach().catch(() => undefined)));
      return result;
    },
  };
}

/** Whether an explained text is a CORS message: recognised whole, or close enough to one. */
export function readsAsCors(explained: MessageExplanation): boolean {
  return explained.certain ? explained.candidates.length > 0 : (explained.candidates[0]?.score ?? 0) >= MIN_SCORE;
}

/** A failure from a message an engine printed (console, or a failed request's error text). */
export function fromExplanation(explained: MessageExplanation, engine: EngineName, source: 'console' | 'request-failed'): CorsFailure {
  const mine = explained.candidates.filter((c) => c.engines.includes(engine));
  const candidates = mine.length ? mine : explained.candidates;
  const only = explained.certain && candidates.length === 1 ? candidates[0] : undefined;
  return {
    source,
    engine,
    ...(explained.url ? { url: explained.url } : {}),
    ...(explained.origin ? { origin: explained.origin } : {}),
    ...(only ? { code: only.code } : {}),
    certain: only !== undefined,
    candidates: candidates.map((c) => c.code),
    message: explained.message,
    messageFrom: 'browser',
    checked: only?.checked ?? candidates[0]?.checked ?? '',
    fix: only?.fix ?? candidates[0]?.fix ?? '',
  };
}

function devtoolsFailure(engine: EngineName, request: TrackedRequest, preflight: TrackedRequest | undefined, corsError: string, failedParameter: string): CorsFailure {
  const first = request.hops[0];
  const last = request.hops.at(-1)!;
  const headers = { ...last.headers, ...(last.extraHeaders ?? {}) };
  const origin = header(headers, 'origin') ?? (preflight ? header({ ...preflight.hops[0].headers, ...(preflight.hops[0].extraHeaders ?? {}) }, 'origin') : undefined);
  const code = isReasonCode(corsError) ? corsError : undefined;
  const failure: CorsFailure = {
    source: 'devtools',
    engine,
    method: first.method,
    url: last.url,
    ...(origin ? { origin } : {}),
    ...(code ? { code } : {}),
    certain: code !== undefined,
    candidates: code ? [code] : [],
    message: '',
    messageFrom: 'corsproof',
    checked: code ? checkedSentence(code) : `Chromium reports ${corsError}, a reason corsproof does not model.`,
    fix: '',
    chromium: { corsError, failedParameter },
  };
  if (code) {
    const reason = saidReason({ code, url: last.url, initialUrl: first.url, origin: origin ?? '', failedParameter });
    failure.message = reasonConsoleLine(reason, engine).message;
    failure.fix = reasonFixSentence(reason);
  }
  return failure;
}

/** Replay the exchange Chromium saw through the emulator, and say whether the verdicts agree. */
async function compare(failure: CorsFailure, request: TrackedRequest, preflight: TrackedRequest | undefined): Promise<void> {
  const entries: HarEntry[] = [];
  if (preflight) entries.push(...toEntries(preflight, 'preflight'));
  entries.push(...toEntries(request, 'fetch'));
  const har = { log: { creator: { name: 'corsproof (Chromium DevTools protocol)' }, entries } };
  const hasCookie = header({ ...request.hops[0].headers, ...(request.hops[0].extraHeaders ?? {}) }, 'cookie') !== undefined;
  const modes: RequestCredentials_[] = hasCookie ? ['include'] : ['same-origin', 'include'];
  let chosen: { credentials: RequestCredentials_; allowed: boolean; code?: ReasonCode; fix: string; incomplete?: string } | undefined;
  for (const credentials of modes) {
    const explained = await explainHar(har, { engines: [failure.engine], credentials, ...(failure.origin ? { origin: failure.origin } : {}) });
    const replayed = explained.requests.at(-1);
    if (!replayed) continue;
    const verdict = replayed.verdicts[0];
    const result = { credentials, allowed: verdict?.allowed ?? false, ...(verdict?.code ? { code: verdict.code } : {}), fix: verdict?.fix ?? '', ...(replayed.complete ? {} : { incomplete: replayed.missing ?? 'incomplete' }) };
    if (!chosen || (result.code === failure.chromium?.corsError && chosen.code !== failure.chromium?.corsError)) chosen = result;
  }
  if (!chosen) return;
  const agrees = !chosen.incomplete && !chosen.allowed && chosen.code === failure.chromium?.corsError;
  failure.replay = {
    allowed: chosen.allowed,
    ...(chosen.code ? { code: chosen.code } : {}),
    credentials: chosen.credentials,
    agrees,
    ...(chosen.incomplete ? { incomplete: chosen.incomplete } : {}),
    ...(!agrees && !chosen.incomplete ? { difference: `Chromium reports ${failure.chromium?.corsError}${failure.chromium?.failedParameter ? ` (${failure.chromium.failedParameter})` : ''}; corsproof, replaying the same request and responses, gives ${chosen.allowed ? 'allowed' : chosen.code}.` } : {}),
  };
  if (agrees && chosen.fix) failure.fix = chosen.fix;
}

function toEntries(request: TrackedRequest, type: string): HarEntry[] {
  return request.hops.map((hop) => {
    const headers = { ...hop.headers, ...(hop.extraHeaders ?? {}) };
    return {
      startedDateTime: new Date(hop.wallTime * 1000).toISOString(),
      _resourceType: type,
      request: { method: hop.method, url: hop.url, headers: toHar(headers), ...(hop.postData ? { postData: { text: hop.postData } } : {}) },
      response: hop.response ? { status: hop.response.status, statusText: hop.response.statusText, headers: toHar(hop.response.headers) } : { status: 0, headers: [] },
    };
  });
}

function toHar(headers: Record<string, string>): HarHeader[] {
  return Object.entries(headers).flatMap(([name, value]) => String(value).split('\n').map((v) => ({ name, value: v })));
}

function header(headers: Record<string, string>, name: string): string | undefined {
  const found = Object.entries(headers).find(([n]) => n.toLowerCase() === name);
  return found?.[1];
}

/** Keep the request map bounded on long-lived pages. */
function prune(tracked: Map<string, TrackedRequest>): void {
  if (tracked.size <= 2000) return;
  const first = tracked.keys().next().value;
  if (first !== undefined) tracked.delete(first);
}
