/**
 * Fixes that are proven: for every scenario an engine blocks, apply the verdict's fix (its changes to the
 * server's answers) to the scenario's recorded answers, replay the request under the same engine, and count
 * the scenarios that now pass. A verdict with no fix must say why (the browser refuses the request itself, or
 * the server gave no answer); it is counted apart, never as verified.
 */
import { simulate } from '../../src/simulate.js';
import { getEngine } from '../../src/engines/index.js';
import { CHROMIUM_HTTP1 } from '../../src/engines/http1.js';
import { readRawResponse } from '../../src/emulator/raw-response.js';
import { byteString } from '../../src/emulator/header-encoding.js';
import type { CorsRequest, EngineName, FixChange, Transport, Verdict } from '../../src/types.js';
import { configOptions, rejectedByFetch, scenarioRequest, type Config } from './compare.js';
import { hopIndexOf, hopUrl, parserRefuses, rawAnswerBytes, scenarioTransport, subst, type ScenarioSpec } from './scenario-transport.js';

type HopAnswer = ScenarioSpec['hops'][number]['response'];

/** A header value the fixed server replaces with the `Origin` header of the request it answers. */
const ECHO_ORIGIN = '{echo-origin}';

export interface FixFailure {
  id: string;
  code: string;
  changes: FixChange[];
  /** What the replay gave after the fix: `blocked (Code)` or a note on a change that named no hop. */
  after: string;
}

export interface FixReport {
  engine: EngineName;
  /** Scenarios the engine blocks. */
  blocked: number;
  /** Blocked scenarios whose verdict offers a fix. */
  offered: number;
  /** Of those, how many pass once the fix is applied. */
  verified: number;
  /** Blocked scenarios with no fix, by why. */
  unfixable: { request: number; 'no-answer': number; 'not-sent': number };
  failures: FixFailure[];
}

/** `config`: the recording's set-up (Local Network Access), as in compareEngine. */
export async function verifyFixes(scenarios: readonly ScenarioSpec[], engine: EngineName, config?: Config): Promise<FixReport> {
  const extra = configOptions(config);
  const byId = new Map(scenarios.map((s) => [s.id, s]));
  const transport = scenarioTransport(byId, null);
  const report: FixReport = { engine, blocked: 0, offered: 0, verified: 0, unfixable: { request: 0, 'no-answer': 0, 'not-sent': 0 }, failures: [] };
  for (const s of scenarios) {
    // (Scenarios with several fetches on one page test the preflight cache; their fixes are not replayed.)
    if (!s.request) continue;
    let verdict;
    try {
      verdict = await simulate({ ...scenarioRequest(s), ...extra }, { transport, engine });
    } catch (error) {
      // A request fetch() itself rejects (a TypeError before anything is sent) has no server answer to fix.
      if (rejectedByFetch(error)) continue;
      throw error;
    }
    if (verdict.allowed || !verdict.reason) continue;
    report.blocked++;
    const { fix, unfixable, code } = verdict.reason;
    if (fix === null) {
      report.unfixable[unfixable ?? 'no-answer']++;
      continue;
    }
    report.offered++;
    const fixed = applyFix(s, fix, engine);
    if (typeof fixed === 'string') {
      report.failures.push({ id: s.id, code, changes: fix, after: fixed });
      continue;
    }
    const after = await replayOne(fixed.scenario, fixed.responseEdits, engine, extra);
    if (after.allowed) report.verified++;
    else report.failures.push({ id: s.id, code, changes: fix, after: `blocked (${after.reason?.code})` });
  }
  return report;
}

/**
 * The request against the fixed server: the scenario's answers with the fix applied, a value of ECHO_ORIGIN
 * echoing the request's `Origin`. Where the recorded server's HTTP parser answered instead of the scenario
 * (node:http, which served the recordings, answers a method it does not know with a bare 400 before any
 * handler, and a header value with a control byte likewise), the fixed server still answers 400, with the fix's
 * header changes for that URL's response.
 */
async function replayOne(s: ScenarioSpec, edits: ReadonlyMap<string, Array<[string, string]>>, engine: EngineName, extra: Partial<CorsRequest>): Promise<Verdict> {
  const inner = scenarioTransport(new Map([[s.id, s]]), null);
  const transport: Transport = {
    name: 'fixed',
    async send(wire, context) {
      let response = await inner.send(wire, context);
      if (parserRefuses(wire)) {
        let headers = response.headers;
        const k = hopIndexOf(s, wire.url);
        for (const [name, value] of (k < 0 ? undefined : edits.get(hopUrl(s, k))) ?? []) headers = [...headers.filter(([n]) => n.toLowerCase() !== name.toLowerCase()), [name, value]];
        response = { ...response, headers };
      }
      if (!response.headers.some(([, v]) => v === ECHO_ORIGIN)) return response;
      const origin = wire.headers.find(([n]) => n.toLowerCase() === 'origin')?.[1];
      const headers = response.headers.flatMap(([n, v]): Array<[string, string]> => (v !== ECHO_ORIGIN ? [[n, v]] : origin === undefined ? [] : [[n, origin]]));
      return { ...response, headers };
    },
  };
  return simulate({ ...scenarioRequest(s), ...extra }, { transport, engine });
}

/** The fixed scenario, and the header changes made to each URL's response; or why a change could not be applied. */
export function applyFix(s: ScenarioSpec, changes: readonly FixChange[], engine: EngineName = 'chromium'): { scenario: ScenarioSpec; responseEdits: Map<string, Array<[string, string]>> } | string {
  const copy = (answer: HopAnswer, method: string): HopAnswer => copyAnswer(s, answer, engine, method);
  const hops = s.hops.map((hop) => ({ ...hop, response: copy(hop.response, 'GET'), ...(hop.preflight ? { preflight: copy(hop.preflight, 'OPTIONS') } : {}) }));
  const responseEdits = new Map<string, Array<[string, string]>>();
  const edit = (k: number, on: 'preflight' | 'response', name: string, value: string): void => {
    const hop = hops[k];
    // The harness answers a preflight with the hop's response when the hop has no preflight answer of its own.
    if (on === 'preflight' && !hop.preflight) hop.preflight = copy(hop.response, 'OPTIONS');
    setHeader(on === 'preflight' ? hop.preflight! : hop.response, name, value);
    if (on === 'response') {
      const url = hopUrl(s, k);
      responseEdits.set(url, [...(responseEdits.get(url) ?? []), [name, value]]);
    }
  };
  const answer = (k: number, on: 'preflight' | 'response'): HopAnswer => {
    const hop = hops[k];
    if (on === 'preflight' && !hop.preflight) hop.preflight = copy(hop.response, 'OPTIONS');
    return on === 'preflight' ? hop.preflight! : hop.response;
  };
  for (const change of changes) {
    if (change.kind === 'later-header' || change.kind === 'later-status') {
      const from = hopIndexOf(s, change.after);
      if (from < 0) return `the change names ${change.after}, which is no hop of the scenario`;
      for (let k = from + 1; k < hops.length; k++) {
        if (change.kind === 'later-status') answer(k, change.on).status = change.status;
        else edit(k, change.on, change.header, change.value ?? ECHO_ORIGIN);
      }
      continue;
    }
    const k = hopIndexOf(s, change.url);
    if (k < 0) return `the change names ${change.url}, which is no hop of the scenario`;
    switch (change.kind) {
      case 'header':
        edit(k, change.on, change.header, change.value);
        break;
      case 'status':
        answer(k, change.on).status = change.status;
        break;
      case 'drop-redirect': {
        const a = answer(k, change.on);
        a.status = 200;
        a.headers = (a.headers ?? []).filter(([n]) => n.toLowerCase() !== 'location');
        break;
      }
    }
  }
  return { scenario: { ...s, hops }, responseEdits };
}

function setHeader(answer: HopAnswer, name: string, value: string): void {
  const lower = name.toLowerCase();
  answer.headers = [...(answer.headers ?? []).filter(([n]) => n.toLowerCase() !== lower), [name, value]];
}

/**
 * An answer to change. A raw one (`raw`: bytes off the HTTP grammar) becomes the answer the engine read in them,
 * well formed, so the fix is tried on what the engine saw; bytes it does not read at all start from a bare 200.
 */
function copyAnswer(s: ScenarioSpec, answer: HopAnswer, engine: EngineName, method: string): HopAnswer {
  if (answer.raw === undefined) return { ...answer, headers: (answer.headers ?? []).map(([n, v]) => [n, v] as [string, string]) };
  const read = readRawResponse(rawAnswerBytes(s, answer), method, getEngine(engine).http1 ?? CHROMIUM_HTTP1);
  if (!read.ok) return { status: 200, headers: [] };
  const { status, headers, body } = read.response;
  return { status, headers: headers.map(([n, v]) => [n, v] as [string, string]), body: byteString(body) };
}

/** `chromium fixes verified 290/291 (blocked 300: 9 with no server fix: 6 refused by the browser, 3 no answer)`. */
export function fixSummaryLine(r: FixReport): string {
  const none = r.unfixable.request + r.unfixable['no-answer'];
  return `${r.engine} fixes verified ${r.verified}/${r.offered} (blocked ${r.blocked}: ${none} with no server fix: ${r.unfixable.request} refused by the browser, ${r.unfixable['no-answer']} no answer)`;
}

/** Values in a fix are substituted URLs; the scenario's own placeholders are kept for display. */
export function describeChange(s: ScenarioSpec, change: FixChange): string {
  const where = 'url' in change ? `${change.on} of ${change.url.replace(subst(s, '{origin}'), '{origin}')}` : '';
  switch (change.kind) {
    case 'header':
      return `${where}: ${change.header}: ${change.value}`;
    case 'status':
      return `${where}: status ${change.status}`;
    case 'drop-redirect':
      return `${where}: answer directly, no redirect`;
    case 'later-header':
      return `${change.on} of every URL after ${change.after}: ${change.header}: ${change.value ?? '(the Origin it carries)'}`;
    case 'later-status':
      return `${change.on} of every URL after ${change.after}: status ${change.status}`;
  }
}
