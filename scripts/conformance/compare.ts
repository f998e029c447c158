/**
 * Replays scenarios through `simulate` and compares with recorded browser results, as
 * shared/conformance/README.md defines agreement, extended to scenarios with several fetches on one page
 * (`fetches`: one preflight cache for the page, its clock advanced by each fetch's `waitMs`), to every engine's
 * console and, for recordings that kept them (`wireHeaders: "all"`), to every request header on the wire.
 */
import { InvalidArgumentError } from '../../src/errors.js';
import { simulate } from '../../src/simulate.js';
import { PreflightCache } from '../../src/emulator/preflight-cache.js';
import { consoleMessage } from '../../src/report/describe.js';
import type { CorsRequest, EngineName, Verdict } from '../../src/types.js';
import { base, hopUrl, PORTS, scenarioTransport, subst, type HostName, type Received, type ScenarioRequest, type ScenarioSpec } from './scenario-transport.js';

export interface RecordedStep {
  outcome: 'allowed' | 'blocked' | 'missing';
  status?: number;
  type?: string;
  headers?: string[];
  /** The engine's console message(s) for a blocked fetch (Firefox and WebKit: one line per message). */
  console?: string;
}
export interface RecordedResult extends RecordedStep {
  /** Scenarios with several fetches: each fetch's result, in order. */
  steps?: RecordedStep[];
  received?: Array<{ host: string; hop: number; step?: number; method: string; headers: Array<[string, string]> }>;
}
export interface RecordedFile {
  engine?: string;
  ports: { page: number; api: number; other: number };
  /** How the browser was set up: address spaces per host, permissions (Local Network Access probes). */
  config?: { addressSpaces?: Record<string, string>; permissions?: Record<string, string> };
  results: Record<string, RecordedResult>;
  /** `all`: every request header was kept (but host, connection, content-length); compare them all. */
  wireHeaders?: 'all';
}

const IGNORED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);
const WIRE_HEADERS = ['origin', 'access-control-request-method', 'access-control-request-headers'];
/**
 * Request headers a full-wire comparison leaves out: `accept-encoding` (a transport decodes no content coding, so
 * the emulator never offers one). Headers compare as a set of name-value pairs: their order is not modelled. A
 * headless Chromium says `HeadlessChrome/` in its User-Agent where a Chromium on screen says `Chrome/`.
 */
const WIRE_IGNORED = new Set(['accept-encoding']);

export interface Disagreement {
  id: string;
  kind: 'outcome' | 'wire' | 'console';
  expected: string;
  actual: string;
}

export interface EngineReport {
  engine: EngineName;
  total: number;
  outcome: number;
  wire: number;
  consoleTotal: number;
  console: number;
  disagreements: Disagreement[];
}

type Ports = { page: number; api: number; other: number };

/**
 * Replace a run's loopback ports with placeholders wherever they appear (URLs, origins, `Host`-like
 * `127.0.0.1:port`, a port on its own), so runs with different ports compare.
 */
export function placeholders(text: string, ports: Ports): string {
  let out = text
    .replaceAll(`http://127.0.0.1:${ports.page}`, '{origin}')
    .replaceAll(`http://127.0.0.1:${ports.api}`, '{api}')
    .replaceAll(`http://127.0.0.1:${ports.other}`, '{other}');
  const names: Array<[number, string]> = [[ports.page, 'PORT'], [ports.api, 'API_PORT'], [ports.other, 'OTHER_PORT']];
  for (const [port, name] of names) out = out.replace(new RegExp(`(?<![0-9])${port}(?![0-9])`, 'g'), `{${name}}`);
  return out;
}

function outcomeKey(r: { outcome: string; status?: number; type?: string; headers?: string[] }): string {
  if (r.outcome !== 'allowed') return r.outcome;
  const headers = (r.headers ?? []).filter((h) => !IGNORED_HEADERS.has(h)).sort();
  return `allowed ${r.status} ${r.type} [${headers.join(',')}]`;
}

type WireEntry = { host: string; method: string; step?: number; headers: ReadonlyArray<readonly [string, string]> };

function wireKey(list: readonly WireEntry[], ports: Ports, all: boolean): string {
  return list
    .map((x) => {
      let vals: string[];
      if (all) {
        vals = x.headers
          .map(([n, v]) => [n.toLowerCase(), v] as const)
          .filter(([n]) => !WIRE_IGNORED.has(n) && n !== 'host' && n !== 'connection' && n !== 'content-length')
          .map(([n, v]) => `${n}=${placeholders(v, ports).replace('HeadlessChrome/', 'Chrome/')}`)
          .sort();
      } else {
        const h = new Map(x.headers.map(([n, v]) => [n.toLowerCase(), v]));
        vals = WIRE_HEADERS.map((n) => (h.has(n) ? `${n}=${placeholders(h.get(n)!, ports)}` : '')).filter(Boolean);
      }
      const step = x.step === undefined ? '' : `#${x.step} `;
      return `${step}${x.host} ${x.method} ${vals.join(' ')}`.trim();
    })
    .join(' | ');
}

/** The `fetch()` call a scenario's page makes; worked out once per request (it never changes). */
const requests = new WeakMap<ScenarioRequest, CorsRequest>();
export function scenarioRequest(s: ScenarioSpec, r: ScenarioRequest = s.request!, hop = 0): CorsRequest {
  let request = requests.get(r);
  if (!request) requests.set(r, (request = buildRequest(s, r, hop)));
  return request;
}

function buildRequest(s: ScenarioSpec, r: ScenarioRequest, hop: number): CorsRequest {
  return {
    url: r.url ? subst(s, r.url) : hopUrl(s, hop),
    origin: base('page'),
    method: r.method,
    headers: (r.headers ?? []).map(([n, v]) => [n, subst(s, v)] as [string, string]),
    credentials: (r.credentials ?? 'same-origin') as 'omit' | 'same-origin' | 'include',
    mode: (r.mode ?? 'cors') as 'cors' | 'no-cors' | 'same-origin',
    redirect: (r.redirect ?? 'follow') as 'follow' | 'manual' | 'error',
    ...(r.body != null ? { body: r.body } : {}),
    // The recording page fetches with `cache: 'no-store'` unless the scenario says otherwise.
    cache: (r.init?.cache ?? 'no-store') as CorsRequest['cache'],
    ...(r.init?.targetAddressSpace ? { targetAddressSpace: r.init.targetAddressSpace as CorsRequest['targetAddressSpace'] } : {}),
  };
}

export type Config = RecordedFile['config'];

/** The Local Network Access set-up of a recording, as request options: the page's space, each host's, the answers. */
export function configOptions(config: Config): Partial<CorsRequest> {
  const spaces = config?.addressSpaces ?? {};
  if (!spaces.page) return {};
  const addressSpaces = Object.fromEntries(Object.entries(spaces).map(([host, space]) => [base(host as HostName), space]));
  return {
    addressSpace: spaces.page as CorsRequest['addressSpace'],
    addressSpaces: addressSpaces as CorsRequest['addressSpaces'],
    localNetworkPermissions: (config?.permissions ?? {}) as CorsRequest['localNetworkPermissions'],
  };
}

const OUR_PORTS = { page: PORTS.page, api: PORTS.api, other: PORTS.other };

/**
 * Every scenario's verdict under one engine, dropped as it comes (nothing recorded): what the benchmark times.
 * Returns how many were allowed. (Single-fetch scenarios only: the random corpora.)
 */
export async function replayVerdicts(scenarios: readonly ScenarioSpec[], engine: EngineName, byId: ReadonlyMap<string, ScenarioSpec>): Promise<number> {
  const transport = scenarioTransport(byId, null);
  let allowed = 0;
  for (const s of scenarios) if ((await simulate(scenarioRequest(s, s.request!), { transport, engine })).allowed) allowed++;
  return allowed;
}

/**
 * Run every scenario under one engine. Each scenario is one page: a fresh preflight cache whose clock stands
 * still but for each fetch's `waitMs`. `verdicts` holds the last fetch's verdict, `steps` every fetch's.
 */
export async function replay(scenarios: readonly ScenarioSpec[], engine: EngineName, config?: Config) {
  const extra = configOptions(config);
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const received = new Map<string, Received[]>();
  const transport = scenarioTransport(byId, received);
  const verdicts = new Map<string, Verdict>();
  const steps = new Map<string, Verdict[]>();
  for (const s of scenarios) {
    if (!s.fetches) {
      verdicts.set(s.id, await judged(engine, () => simulate({ ...scenarioRequest(s, s.request!), ...extra }, { transport, engine })));
      continue;
    }
    let now = 0;
    const preflightCache = new PreflightCache({ now: () => now });
    const list: Verdict[] = [];
    for (let k = 0; k < s.fetches.length; k++) {
      const f = s.fetches[k];
      now += f.waitMs ?? 0;
      const before = received.get(s.id)?.length ?? 0;
      list.push(await simulate({ ...scenarioRequest(s, f.request, f.hop ?? 0), ...extra }, { transport, engine, preflightCache }));
      for (const x of (received.get(s.id) ?? []).slice(before)) x.step = k;
    }
    steps.set(s.id, list);
    verdicts.set(s.id, list[list.length - 1]);
  }
  return { verdicts, steps, received };
}

/**
 * A scenario's verdict. fetch() rejects a request it cannot make (a header name or method that is no token) with a
 * TypeError before anything is sent, and `simulate` throws an InvalidArgumentError: as a result, blocked, with no
 * exchange and no CORS message.
 */
async function judged(engine: EngineName, run: () => Promise<Verdict>): Promise<Verdict> {
  try {
    return await run();
  } catch (error) {
    if (rejectedByFetch(error)) return { engine, allowed: false, exchanges: [] };
    throw error;
  }
}

/** Whether `simulate` threw for a request fetch() itself rejects (see `judged`). */
export function rejectedByFetch(error: unknown): boolean {
  return error instanceof InvalidArgumentError && error.argument.startsWith('request.');
}

export function verdictOutcome(v: Verdict) {
  if (!v.allowed || !v.response) return { outcome: 'blocked' };
  return { outcome: 'allowed', status: v.response.status, type: v.response.type, headers: Object.keys(v.response.headers) };
}

export async function compareEngine(scenarios: readonly ScenarioSpec[], engine: EngineName, recorded: RecordedFile): Promise<EngineReport> {
  const { verdicts, steps, received } = await replay(scenarios, engine, recorded.config);
  const report: EngineReport = { engine, total: 0, outcome: 0, wire: 0, consoleTotal: 0, console: 0, disagreements: [] };
  const all = recorded.wireHeaders === 'all';
  // Older recordings (Firefox and WebKit before their consoles were recorded) have no console to compare.
  const hasConsole = Object.values(recorded.results).some((r) => r.console !== undefined || r.steps?.some((x) => x.console !== undefined));
  for (const s of scenarios) {
    const rec = recorded.results[s.id];
    if (!rec || rec.outcome === 'missing') continue;
    report.total++;
    const pairs: Array<[RecordedStep, Verdict]> = rec.steps ? rec.steps.map((r, k) => [r, steps.get(s.id)![k]]) : [[rec, verdicts.get(s.id)!]];
    const expectedOutcome = pairs.map(([r]) => outcomeKey(r)).join(' ; ');
    const actualOutcome = pairs.map(([, v]) => outcomeKey(verdictOutcome(v))).join(' ; ');
    if (expectedOutcome === actualOutcome) report.outcome++;
    else report.disagreements.push({ id: s.id, kind: 'outcome', expected: expectedOutcome, actual: actualOutcome });

    const expectedWire = wireKey(rec.received ?? [], recorded.ports, all);
    const actualWire = wireKey(received.get(s.id) ?? [], OUR_PORTS, all);
    if (expectedWire === actualWire) report.wire++;
    else report.disagreements.push({ id: s.id, kind: 'wire', expected: expectedWire, actual: actualWire });

    // Console: every blocked fetch where the browser printed a message or the emulator has one to print.
    const consoles = hasConsole ? pairs.filter(([r, v]) => r.outcome === 'blocked' && !v.allowed && (r.console || consoleMessage(v, engine))) : [];
    if (consoles.length > 0) {
      report.consoleTotal++;
      const expected = consoles.map(([r]) => placeholders(r.console ?? '', recorded.ports)).join('\n--\n');
      const actual = consoles.map(([, v]) => placeholders(consoleMessage(v, engine), OUR_PORTS)).join('\n--\n');
      if (expected === actual) report.console++;
      else report.disagreements.push({ id: s.id, kind: 'console', expected, actual });
    }
  }
  return report;
}

export function summaryLine(r: EngineReport): string {
  const line = `${r.engine} outcome ${r.outcome}/${r.total} wire ${r.wire}/${r.total}`;
  return r.consoleTotal > 0 || r.engine === 'chromium' ? `${line} console ${r.console}/${r.consoleTotal}` : line;
}
