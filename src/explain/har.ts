/**
 * Replay a HAR: each cross-origin request the page made is run through the emulator against the responses the
 * HAR recorded (preflights included), under every engine, so the reader gets per request the verdict, each
 * engine's console message and the fix. Where the HAR lacks what the replay needs (a preflight it did not
 * record, a response it left out), the request says so instead of guessing.
 */
import { BROWSER_ENGINES, getEngine } from '../engines/index.js';
import { simulateEngines } from '../simulate.js';
import { InvalidArgumentError } from '../errors.js';
import { consoleLine, fixSentence } from '../report/describe.js';
import { NOTES } from '../report/explain-text.js';
import { isForbiddenRequestHeader } from '../spec/request-headers.js';
import { fromHar, hasResponse, headerValue, isPreflightEntry, parseHar, type Har, type HarEntry } from '../transports/har.js';
import type { CorsRequest, EngineName, ReasonCode, RequestCredentials_, RequestMode, Verdict } from '../types.js';

export interface HarExplainOptions {
  /** The page's origin, where the HAR does not show it (no Origin or Referer header). */
  origin?: string;
  /** Default: chromium, firefox and webkit. */
  engines?: readonly EngineName[];
  timeoutMs?: number;
  /** Replay with this credentials mode instead of inferring it (a HAR does not record it). */
  credentials?: RequestCredentials_;
}

export interface HarEngineVerdict {
  engine: EngineName;
  allowed: boolean;
  code?: ReasonCode;
  /** The console line this engine prints ('' when it prints none). */
  message: string;
  /** The engine's own reason key (Firefox), where it has one. */
  key?: string;
  fix: string;
  verdict: Verdict;
}

export interface HarRequestExplanation {
  /** Index of the entry in log.entries. */
  entry: number;
  method: string;
  url: string;
  origin: string;
  /** The request as replayed. */
  request: CorsRequest;
  /** How the credentials mode was settled: a Cookie header shows it, or only one mode gives what the browser did. */
  credentials: { mode: RequestCredentials_; from: 'given' | 'cookie' | 'recorded outcome' | 'no difference' | 'unknown' };
  /** What the recording says happened. */
  recorded: { failed: boolean; status: number; error?: string };
  /** False when the HAR lacks a response the replay needed: `missing` says which; `verdicts` are then empty. */
  complete: boolean;
  missing?: string;
  verdicts: HarEngineVerdict[];
  /** Where the replay and the recording disagree, or something the reader should know. */
  notes: string[];
}

export interface HarExplanation {
  kind: 'har';
  /** The tool that wrote the HAR (`WebInspector` for Chromium's developer tools, `Firefox`, `Playwright`, ...). */
  creator: string;
  requests: HarRequestExplanation[];
  /** Entries not replayed, by why. */
  skipped: { preflights: number; sameOrigin: number; notCors: number; redirectHops: number; notHttp: number; unknownOrigin: number };
}

/**
 * Headers a browser adds to a request by itself; replaying them as if script had set them would make a
 * preflight the browser never sent (User-Agent in Firefox and WebKit; Cache-Control and Pragma, which developer
 * tools add when "Disable cache" is on). Kept when the preflight's Access-Control-Request-Headers names them.
 */
const ADDED_BY_BROWSER = new Set(['user-agent', 'cache-control', 'pragma', 'priority', 'upgrade-insecure-requests', 'dnt', 'sec-gpc', 'te', 'purpose', 'x-client-data']);

/** Explain every cross-origin request a HAR holds. */
export async function explainHar(input: Har | string, options: HarExplainOptions = {}): Promise<HarExplanation> {
  const har = parseHar(input);
  const engines = options.engines ?? BROWSER_ENGINES;
  engines.forEach((engine, i) => getEngine(engine, `options.engines[${i}]`));
  if (options.origin !== undefined && typeof options.origin !== 'string') {
    throw new InvalidArgumentError('options.origin', 'expected a string such as https://app.example', 'Pass the origin of the page that made the requests.');
  }
  const entries = har.log.entries;
  const skipped = { preflights: 0, sameOrigin: 0, notCors: 0, redirectHops: 0, notHttp: 0, unknownOrigin: 0 };
  const hops = redirectTargets(entries);
  const requests: HarRequestExplanation[] = [];
  for (const [index, entry] of entries.entries()) {
    if (isPreflightEntry(entry)) {
      skipped.preflights++;
      continue;
    }
    let url: URL;
    try {
      url = new URL(entry.request.url);
    } catch {
      skipped.notHttp++;
      continue;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      skipped.notHttp++;
      continue;
    }
    if (hops.has(entry)) {
      skipped.redirectHops++;
      continue;
    }
    const mode = requestMode(entry);
    if (mode === null) {
      skipped.notCors++;
      continue;
    }
    const preflight = matchingPreflight(entries, entry);
    const origin = pageOrigin(har, entry, preflight, options.origin);
    if (origin === undefined) {
      skipped.unknownOrigin++;
      continue;
    }
    if (origin === url.origin) {
      skipped.sameOrigin++;
      continue;
    }
    requests.push(await replayEntry(har, index, entry, preflight, origin, mode, engines, options.timeoutMs, options.credentials));
  }
  return { kind: 'har', creator: har.log.creator?.name ?? 'unknown', requests, skipped };
}

async function replayEntry(
  har: Har,
  index: number,
  entry: HarEntry,
  preflight: HarEntry | undefined,
  origin: string,
  mode: RequestMode,
  engines: readonly EngineName[],
  timeoutMs: number | undefined,
  forced: RequestCredentials_ | undefined,
): Promise<HarRequestExplanation> {
  const recorded = {
    failed: Boolean(entry.response._error || entry._failureText) || !hasResponse(entry),
    status: entry.response.status,
    ...(entry.response._error || entry._failureText ? { error: String(entry.response._error || entry._failureText) } : {}),
  };
  const base: CorsRequest = {
    url: entry.request.url,
    origin,
    method: entry.request.method,
    headers: scriptHeaders(entry, preflight),
    mode,
    ...(entry.request.postData?.text !== undefined && entry.request.method !== 'GET' && entry.request.method !== 'HEAD' ? { body: entry.request.postData.text } : {}),
  };
  const sentCookies = headerValue(entry.request.headers, 'cookie') !== undefined;
  const modes: RequestCredentials_[] = forced ? [forced] : sentCookies ? ['include'] : ['same-origin', 'include'];
  const runs: Array<{ credentials: RequestCredentials_; verdicts: Verdict[]; missing?: string }> = [];
  for (const credentials of modes) {
    let missing: string | undefined;
    const transport = fromHar(har, { near: entry.startedDateTime, prefer: [entry], onMissing: (_w, why) => (missing ??= why) });
    const verdicts = await simulateEngines({ ...base, credentials }, { transport, engines, ...(timeoutMs ? { timeoutMs } : {}) });
    runs.push({ credentials, verdicts, ...(missing ? { missing } : {}) });
  }
  const notes: string[] = [];
  let chosen = runs[0];
  let from: HarRequestExplanation['credentials']['from'] = forced ? 'given' : sentCookies ? 'cookie' : 'no difference';
  if (runs.length === 2 && signature(runs[0].verdicts) !== signature(runs[1].verdicts)) {
    const matching = runs.filter((r) => !r.missing && r.verdicts[0]?.allowed === !recorded.failed);
    if (matching.length === 1) {
      chosen = matching[0];
      from = 'recorded outcome';
      notes.push(NOTES.credentialsFromOutcome(chosen.credentials));
    } else {
      from = 'unknown';
      const other = runs[1].verdicts[0];
      const otherSays = other?.allowed ? 'allowed' : `blocked (${other?.reason?.code ?? 'no verdict'})`;
      notes.push(NOTES.credentialsUnknown(otherSays));
    }
  }
  const request: CorsRequest = { ...base, credentials: chosen.credentials };
  const explanation: HarRequestExplanation = {
    entry: index,
    method: entry.request.method,
    url: entry.request.url,
    origin,
    request,
    credentials: { mode: chosen.credentials, from },
    recorded,
    complete: chosen.missing === undefined,
    verdicts: [],
    notes,
  };
  if (chosen.missing) {
    explanation.missing = chosen.missing;
    notes.push(NOTES.incomplete);
    return explanation;
  }
  explanation.verdicts = chosen.verdicts.map((verdict) => {
    const line = consoleLine(verdict, verdict.engine);
    return {
      engine: verdict.engine,
      allowed: verdict.allowed,
      ...(verdict.reason ? { code: verdict.reason.code } : {}),
      message: line?.message ?? '',
      ...(line?.code ? { key: line.code } : {}),
      fix: fixSentence(verdict),
      verdict,
    };
  });
  const first = explanation.verdicts[0];
  if (first && recorded.failed && first.allowed) {
    notes.push(NOTES.failedButAllowed(first.engine, recorded.error ?? `status ${recorded.status}`));
  } else if (first && !recorded.failed && !first.allowed) {
    notes.push(NOTES.readButBlocked(first.engine));
  }
  return explanation;
}

function signature(verdicts: readonly Verdict[]): string {
  return verdicts.map((v) => (v.allowed ? 'ok' : v.reason?.code)).join(',');
}

/** The preflight the browser sent for this request: an OPTIONS entry for the same URL asking for its method, just before it. */
function matchingPreflight(entries: readonly HarEntry[], entry: HarEntry): HarEntry | undefined {
  const at = entry.startedDateTime ? Date.parse(entry.startedDateTime) : NaN;
  const candidates = entries.filter(
    (e) => isPreflightEntry(e) && e.request.url === entry.request.url && (headerValue(e.request.headers, 'access-control-request-method') ?? '').toUpperCase() === entry.request.method.toUpperCase(),
  );
  if (candidates.length <= 1 || Number.isNaN(at)) return candidates[0];
  const distance = (e: HarEntry) => Math.abs((e.startedDateTime ? Date.parse(e.startedDateTime) : 0) - at);
  return [...candidates].sort((a, b) => distance(a) - distance(b))[0];
}

/** The page's origin: the request's Origin header (or its preflight's), its Referer's origin, the page, or the option. */
function pageOrigin(har: Har, entry: HarEntry, preflight: HarEntry | undefined, given: string | undefined): string | undefined {
  if (given !== undefined) return given;
  const header = headerValue(entry.request.headers, 'origin') ?? (preflight && headerValue(preflight.request.headers, 'origin'));
  if (header) return header;
  const referer = headerValue(entry.request.headers, 'referer');
  const page = har.log.pages?.find((p) => p.id === entry.pageref)?.title;
  for (const candidate of [referer, page]) {
    if (!candidate) continue;
    try {
      const origin = new URL(candidate).origin;
      if (origin !== 'null') return origin;
    } catch {
      // not a URL: try the next
    }
  }
  return undefined;
}

/** The request's mode, or null for a request that is not a CORS request (an image, a script without crossorigin). */
function requestMode(entry: HarEntry): RequestMode | null {
  const secFetchMode = headerValue(entry.request.headers, 'sec-fetch-mode');
  if (secFetchMode === 'cors' || secFetchMode === 'same-origin') return secFetchMode;
  if (secFetchMode === 'no-cors' || secFetchMode === 'navigate' || secFetchMode === 'websocket') return null;
  const type = entry._resourceType;
  if (type === 'fetch' || type === 'xhr') return 'cors';
  if (headerValue(entry.request.headers, 'origin') !== undefined && entry.request.method !== 'GET' && entry.request.method !== 'HEAD') return 'cors';
  return type === undefined && headerValue(entry.request.headers, 'origin') !== undefined ? 'cors' : null;
}

/** The headers script set, as far as the HAR shows them: all but those the browser adds by itself. */
function scriptHeaders(entry: HarEntry, preflight: HarEntry | undefined): Array<[string, string]> {
  const asked = new Set(
    (preflight ? headerValue(preflight.request.headers, 'access-control-request-headers') ?? '' : '')
      .split(',')
      .map((h) => h.trim().toLowerCase())
      .filter(Boolean),
  );
  return entry.request.headers
    .filter((h) => !h.name.startsWith(':'))
    .filter((h) => {
      const lower = h.name.toLowerCase();
      if (asked.has(lower)) return true;
      return !ADDED_BY_BROWSER.has(lower) && !isForbiddenRequestHeader(lower, h.value);
    })
    .map((h) => [h.name, h.value]);
}

/** Entries that are the next hop of a redirect recorded just before them: replayed as part of their chain. */
function redirectTargets(entries: readonly HarEntry[]): Set<HarEntry> {
  const targets = new Set<HarEntry>();
  entries.forEach((entry, i) => {
    const status = entry.response.status;
    if (status < 300 || status >= 400) return;
    const location = entry.response.redirectURL || headerValue(entry.response.headers, 'location');
    if (!location) return;
    let next: string;
    try {
      next = new URL(location, entry.request.url).href;
    } catch {
      return;
    }
    const hop = entries.slice(i + 1).find((e) => !isPreflightEntry(e) && e.request.url === next);
    if (hop) targets.add(hop);
  });
  return targets;
}

