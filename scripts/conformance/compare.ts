/**
 * Replays scenarios through `simulate` and compares with recorded browser results, as
 * shared/conformance/README.md defines agreement.
 */
import { simulate } from '../../src/simulate.js';
import { consoleMessage } from '../../src/report/describe.js';
import type { CorsRequest, EngineName, Verdict } from '../../src/types.js';
import { base, hopUrl, PORTS, scenarioTransport, subst, type Received, type ScenarioSpec } from './scenario-transport.js';

export interface RecordedResult {
  outcome: 'allowed' | 'blocked' | 'missing';
  status?: number;
  type?: string;
  headers?: string[];
  console?: string;
  received?: Array<{ host: string; hop: number; method: string; headers: Array<[string, string]> }>;
}
export interface RecordedFile {
  engine?: string;
  ports: { page: number; api: number; other: number };
  results: Record<string, RecordedResult>;
}

const IGNORED_HEADERS = new Set(['connection', 'keep-alive', 'transfer-encoding', 'date']);
const WIRE_HEADERS = ['origin', 'access-control-request-method', 'access-control-request-headers'];

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

/** Replace recorded loopback ports with placeholders so runs with different ports compare. */
function placeholders(text: string, ports: { page: number; api: number; other: number }): string {
  return text
    .replaceAll(`http://127.0.0.1:${ports.page}`, '{origin}')
    .replaceAll(`http://127.0.0.1:${ports.api}`, '{api}')
    .replaceAll(`http://127.0.0.1:${ports.other}`, '{other}')
    .replaceAll(`HTTP://127.0.0.1:${ports.page}`, 'HTTP://127.0.0.1:{PORT}');
}

function outcomeKey(r: { outcome: string; status?: number; type?: string; headers?: string[] }): string {
  if (r.outcome !== 'allowed') return r.outcome;
  const headers = (r.headers ?? []).filter((h) => !IGNORED_HEADERS.has(h)).sort();
  return `allowed ${r.status} ${r.type} [${headers.join(',')}]`;
}

function wireKey(list: ReadonlyArray<{ host: string; method: string; headers: ReadonlyArray<readonly [string, string]> }>, ports: { page: number; api: number; other: number }): string {
  return list
    .map((x) => {
      const h = new Map(x.headers.map(([n, v]) => [n.toLowerCase(), v]));
      const vals = WIRE_HEADERS.map((n) => (h.has(n) ? `${n}=${placeholders(h.get(n)!, ports)}` : '')).filter(Boolean);
      return `${x.host} ${x.method} ${vals.join(' ')}`.trim();
    })
    .join(' | ');
}

/** The `fetch()` call a scenario's page makes; worked out once per scenario (it never changes). */
const requests = new WeakMap<ScenarioSpec, CorsRequest>();
export function scenarioRequest(s: ScenarioSpec): CorsRequest {
  let request = requests.get(s);
  if (!request) requests.set(s, (request = buildRequest(s)));
  return request;
}

function buildRequest(s: ScenarioSpec): CorsRequest {
  const r = s.request;
  return {
    url: hopUrl(s, 0),
    origin: base('page'),
    method: r.method,
    headers: (r.headers ?? []).map(([n, v]) => [n, subst(s, v)] as [string, string]),
    credentials: (r.credentials ?? 'same-origin') as 'omit' | 'same-origin' | 'include',
    mode: (r.mode ?? 'cors') as 'cors' | 'no-cors' | 'same-origin',
    redirect: (r.redirect ?? 'follow') as 'follow' | 'manual' | 'error',
    ...(r.body != null ? { body: r.body } : {}),
  };
}

const OUR_PORTS = { page: PORTS.page, api: PORTS.api, other: PORTS.other };

/** Run every scenario under one engine and return the verdicts with what reached the servers. */
/**
 * Every scenario's verdict under one engine, dropped as it comes (nothing recorded): what the benchmark times.
 * Returns how many were allowed.
 */
export async function replayVerdicts(scenarios: readonly ScenarioSpec[], engine: EngineName, byId: ReadonlyMap<string, ScenarioSpec>): Promise<number> {
  const transport = scenarioTransport(byId, null);
  let allowed = 0;
  for (const s of scenarios) if ((await simulate(scenarioRequest(s), { transport, engine })).allowed) allowed++;
  return allowed;
}

export async function replay(scenarios: readonly ScenarioSpec[], engine: EngineName) {
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const received = new Map<string, Received[]>();
  const transport = scenarioTransport(byId, received);
  const verdicts = new Map<string, Verdict>();
  for (const s of scenarios) {
    verdicts.set(s.id, await simulate(scenarioRequest(s), { transport, engine }));
  }
  return { verdicts, received };
}

export function verdictOutcome(v: Verdict) {
  if (!v.allowed || !v.response) return { outcome: 'blocked' };
  return { outcome: 'allowed', status: v.response.status, type: v.response.type, headers: Object.keys(v.response.headers) };
}

export async function compareEngine(scenarios: readonly ScenarioSpec[], engine: EngineName, recorded: RecordedFile): Promise<EngineReport> {
  const { verdicts, received } = await replay(scenarios, engine);
  const report: EngineReport = { engine, total: 0, outcome: 0, wire: 0, consoleTotal: 0, console: 0, disagreements: [] };
  for (const s of scenarios) {
    const rec = recorded.results[s.id];
    if (!rec || rec.outcome === 'missing') continue;
    report.total++;
    const v = verdicts.get(s.id)!;
    const expectedOutcome = outcomeKey(rec);
    const actualOutcome = outcomeKey(verdictOutcome(v));
    if (expectedOutcome === actualOutcome) report.outcome++;
    else report.disagreements.push({ id: s.id, kind: 'outcome', expected: expectedOutcome, actual: actualOutcome });

    const expectedWire = wireKey(rec.received ?? [], recorded.ports);
    const actualWire = wireKey(received.get(s.id) ?? [], OUR_PORTS);
    if (expectedWire === actualWire) report.wire++;
    else report.disagreements.push({ id: s.id, kind: 'wire', expected: expectedWire, actual: actualWire });

    if (rec.outcome === 'blocked' && rec.console) {
      report.consoleTotal++;
      const expected = placeholders(rec.console, recorded.ports);
      const actual = placeholders(consoleMessage(v, 'chromium'), OUR_PORTS);
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
