/**
 * Holding a target to a policy: find its routes, plan the probe matrix, make every probe in every engine, and
 * collect each deviation from what a correct server with the policy would do, grouped by route. The result is
 * data; `src/report/policy.ts` words it for the matcher and the CLI.
 */
import { simulateEngines } from '../simulate.js';
import { BROWSER_ENGINES, ENGINES } from '../engines/index.js';
import { InvalidArgumentError } from '../errors.js';
import { discoverRoutes, fillTemplate, type RouteInfo, type RouteOption, type SkippedRoute } from '../routes/index.js';
import { getHeader, parseTokenList } from '../spec/header-list.js';
import { isCorsSafelistedResponseHeaderName } from '../spec/response-headers.js';
import { toTransport, type Target } from '../transports/index.js';
import type { EngineName, Exchange, Transport, Verdict } from '../types.js';
import type { DefinedCorsPolicy, ResolvedCorsRules } from './define.js';
import { holdActualRequests, isHeldResponse } from './hold-actual.js';
import { planProbes, type Expectation, type PlannedProbe, type PlannedRoute } from './probes.js';

export interface CorsPolicyCheckOptions {
  /** The routes to probe (templates such as `/items/:id`, or `{ path, methods }`), instead of reading them from the target. */
  routes?: readonly RouteOption[];
  /** An OpenAPI 3 document (a `.yaml`/`.json` path, or the parsed object) whose paths are the routes. */
  openapi?: string | Record<string, unknown>;
  /** Values for path parameters, by name: `{ itemId: 'it-42' }`. Default: the document's examples, else `1`. */
  params?: Readonly<Record<string, string>>;
  /** Run only this engine. */
  engine?: EngineName;
  /** Engines that must all agree. Default chromium, firefox and webkit. */
  engines?: readonly EngineName[];
  /** Base URL of an in-process target (default `https://api.example`). */
  baseUrl?: string;
  /** Milliseconds one exchange may take. Default 10 000. */
  timeoutMs?: number;
  /**
   * `'all'` sends the request after each passing preflight (PUT, DELETE, ...) as a browser would; `'safe'` sends
   * only GET and HEAD and judges the others by their preflight. Default: `'all'` for in-process apps and mocks,
   * `'safe'` for URLs (live servers).
   */
  actualRequests?: 'all' | 'safe';
  /** How many probes run at once. Default 8. */
  concurrency?: number;
}

export type DeviationKind = Expectation['kind'] | 'vary' | 'max-age' | 'expose-missing' | 'expose-extra' | 'no-answer';

export interface PolicyDeviation {
  kind: DeviationKind;
  /** What the probe expected. */
  expect: Expectation;
  /** The engines in which the server deviates (every engine for header checks). */
  engines: EngineName[];
  /** One of those engines' verdicts: its exchanges, and the reason when it was blocked. */
  verdict: Verdict;
  /** One verdict per group of engines that went wrong the same way (the first is `verdict`). */
  groups: Verdict[][];
  /** The request after the preflight was not sent (judged by the preflight alone). */
  held: boolean;
  /** Header names missing or extra, or the value received and the one expected. */
  detail?: { names?: string[]; received?: string | null; expected?: string };
}

export interface RouteReport {
  /** As declared (`/items/:id`). */
  template: string;
  /** As requested (`/items/1`). */
  path: string;
  /** The route's methods (empty: every method). */
  methods: string[];
  /** The policy's route key whose rules apply, `'*'` for the top level. */
  scope: string;
  probes: number;
  /**
   * The route whose look-alike origin probes stand for this one's: it answered every other probe with the same
   * CORS headers (absent when this route was probed with them itself).
   */
  lookAlikesOn?: string;
  deviations: PolicyDeviation[];
}

export interface PolicyReport {
  /** Where the routes came from, e.g. `read from the Express router`. */
  from: string;
  routes: RouteReport[];
  /** Routes found but not probed, and why. */
  skipped: SkippedRoute[];
  engines: EngineName[];
  /** Distinct probes made (each a fetch(), preflight included, in every engine). */
  probes: number;
  /** True when no probe got any answer: the server could not be reached. */
  unreachable: boolean;
  /** The base URL the paths were requested from. */
  baseUrl: string;
}

const OPTION_KEYS = ['routes', 'openapi', 'params', 'engine', 'engines', 'baseUrl', 'timeoutMs', 'actualRequests', 'concurrency'];

export function readCheckOptions(value: unknown, argument: string): CorsPolicyCheckOptions {
  if (value === undefined) return {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new InvalidArgumentError(argument, 'expected an object', "Pass e.g. { openapi: 'openapi.yaml', params: { id: '42' } }.");
  }
  for (const key of Object.keys(value)) {
    if (!OPTION_KEYS.includes(key)) throw new InvalidArgumentError(`${argument}.${key}`, 'unknown option', `Known options: ${OPTION_KEYS.join(', ')}.`);
  }
  const o = value as CorsPolicyCheckOptions;
  if (o.engine !== undefined && o.engines !== undefined) throw new InvalidArgumentError(`${argument}.engine`, 'both engine and engines are given', "Pass one: { engine: 'firefox' } or { engines: ['chromium', 'webkit'] }.");
  for (const name of o.engine !== undefined ? [o.engine] : (o.engines ?? [])) {
    if (typeof name !== 'string' || !Object.hasOwn(ENGINES, name)) throw new InvalidArgumentError(`${argument}.engine${o.engine === undefined ? 's' : ''}`, `${JSON.stringify(name)} is not an engine`, "Use 'chromium', 'firefox', 'webkit' or 'spec'.");
  }
  if (o.engines !== undefined && (!Array.isArray(o.engines) || o.engines.length === 0)) throw new InvalidArgumentError(`${argument}.engines`, 'expected a non-empty array of engine names', "Pass e.g. ['chromium', 'firefox'].");
  if (o.params !== undefined && (o.params === null || typeof o.params !== 'object' || Object.values(o.params).some((v) => typeof v !== 'string'))) {
    throw new InvalidArgumentError(`${argument}.params`, 'expected an object of strings', "Pass e.g. { itemId: 'it-42' }.");
  }
  if (o.actualRequests !== undefined && o.actualRequests !== 'all' && o.actualRequests !== 'safe') throw new InvalidArgumentError(`${argument}.actualRequests`, `${JSON.stringify(o.actualRequests)} is not 'all' or 'safe'`, "Pass 'safe' to send only GET and HEAD.");
  if (o.timeoutMs !== undefined && !(typeof o.timeoutMs === 'number' && o.timeoutMs > 0 && Number.isFinite(o.timeoutMs))) throw new InvalidArgumentError(`${argument}.timeoutMs`, 'expected a positive number of milliseconds', 'Pass e.g. 5000.');
  if (o.concurrency !== undefined && !(Number.isInteger(o.concurrency) && o.concurrency >= 1)) throw new InvalidArgumentError(`${argument}.concurrency`, 'expected a whole number from 1', 'Pass e.g. 4.');
  if (o.openapi !== undefined && typeof o.openapi !== 'string' && (o.openapi === null || typeof o.openapi !== 'object')) throw new InvalidArgumentError(`${argument}.openapi`, 'expected a file path or a parsed document', "Pass e.g. 'openapi.yaml'.");
  return o;
}

export async function checkCorsPolicy(target: unknown, policy: DefinedCorsPolicy, options: CorsPolicyCheckOptions = {}, argument = 'options'): Promise<PolicyReport> {
  const engines: EngineName[] = options.engine !== undefined ? [options.engine] : [...(options.engines ?? BROWSER_ENGINES)];
  const isUrl = typeof target === 'string' || target instanceof URL;
  const transport = toTransport(target as Target, options.baseUrl === undefined ? {} : { baseUrl: options.baseUrl });
  const base = new URL(transport.baseUrl ?? 'https://api.example');
  const basePath = base.pathname.replace(/\/+$/, '');
  const fallbackPaths = policy.routes.map((r) => fillTemplate(r.key.replace(/\/\*$/, '') || '/', options.params ?? {}).path);
  const discovery = await discoverRoutes(target, { routes: options.routes, openapi: options.openapi, fallbackPaths, argument });
  const routes: PlannedRoute[] = discovery.routes.map((route) => planned(route, policy, options.params ?? {}));
  const planned_ = planProbes(policy, routes, { actualRequests: options.actualRequests ?? (isUrl ? 'safe' : 'all') });
  const held = holdActualRequests(transport);
  const run = async (probe: PlannedProbe) => {
    const url = new URL(`${basePath}${probe.path}`, base.origin).href;
    const verdicts = await simulateEngines(
      { url, origin: probe.origin, method: probe.method, headers: probe.headers, credentials: probe.credentials },
      { transport: probe.holdActual ? held : (transport as Transport), engines, ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }) },
    );
    return { probe, verdicts };
  };
  const concurrency = options.concurrency ?? 8;
  // Look-alike origins test how the server matches an Origin, which routes served by the same CORS configuration
  // share: they run on one route per group of routes that answered the other probes alike.
  const firstPass = planned_.filter((p) => !isLookAlike(p));
  // One probe first: a server that does not answer it is unreachable, and the rest would only wait as long.
  const results = firstPass.length ? [await run(firstPass[0])] : [];
  const unreachable = results.length === 1 && results[0].verdicts.every(noAnswer);
  const lookAlikesOn = new Map<number, number>();
  if (!unreachable && results.length) {
    results.push(...(await pool(firstPass.slice(1), concurrency, run)));
    const representative = new Map<string, number>();
    routes.forEach((route, index) => {
      const key = `${route.scope.key}\n${fingerprint(results.filter((r) => r.probe.route === index))}`;
      if (!representative.has(key)) representative.set(key, index);
      lookAlikesOn.set(index, representative.get(key)!);
    });
    const secondPass = planned_.filter((p) => isLookAlike(p) && lookAlikesOn.get(p.route) === p.route);
    results.push(...(await pool(secondPass, concurrency, run)));
  }
  const probes = results;
  const reports: RouteReport[] = routes.map((r, index) => {
    const on = lookAlikesOn.get(index);
    return { template: r.template, path: r.path, methods: [...r.methods], scope: r.scope.key, probes: 0, deviations: [], ...(on !== undefined && on !== index ? { lookAlikesOn: routes[on].template } : {}) };
  });
  for (const { probe, verdicts } of results) {
    const report = reports[probe.route];
    report.probes++;
    const rules = policy.scopeFor(probe.path).rules;
    for (const deviation of [...judge(probe, verdicts, rules), ...varyCheck(probe, verdicts, rules, results)]) {
      if (isRouteWide(deviation.kind) && report.deviations.some((d) => d.kind === deviation.kind)) continue;
      // A response that fails for every request to it is reported once, by the simplest probe that showed it.
      const key = actualFailureKey(deviation);
      if (key && report.deviations.some((d) => actualFailureKey(d) === key)) continue;
      report.deviations.push(deviation);
    }
  }
  return { from: discovery.from, routes: reports, skipped: discovery.skipped, engines, probes: probes.length, unreachable, baseUrl: `${base.origin}${basePath}` };
}

function isLookAlike(probe: PlannedProbe): boolean {
  return probe.expect.kind === 'origin-refused' && probe.expect.lookAlike.kind !== 'foreign' && probe.expect.lookAlike.kind !== 'null';
}

/** The CORS headers a route answered its probes with, the request's own origin written as `<origin>`. */
function fingerprint(results: ReadonlyArray<{ probe: PlannedProbe; verdicts: Verdict[] }>): string {
  const parts: string[] = [];
  for (const { probe, verdicts } of results) {
    // The probes that show how the Origin is matched: GETs from allowed origins, a foreign site, null.
    if (probe.expect.kind !== 'origin-allowed' && probe.expect.kind !== 'origin-refused' && probe.expect.kind !== 'credentials-refused') continue;
    const v = verdicts[0];
    const response = v && lastActual(v.exchanges)?.response;
    const headers = (response && !isHeldResponse(response) ? response.headers : [])
      .filter(([n]) => n.toLowerCase().startsWith('access-control-') || n.toLowerCase() === 'vary')
      .map(([n, value]) => `${n.toLowerCase()}:${value.split(probe.origin).join('<origin>')}`)
      .sort();
    parts.push(`${probe.expect.kind} ${probe.credentials} ${v?.allowed} ${headers.join('|')}`);
  }
  return parts.sort().join('\n');
}

function planned(route: RouteInfo, policy: DefinedCorsPolicy, params: Readonly<Record<string, string>>): PlannedRoute {
  const filled = fillTemplate(route.path, params, route.examples);
  return { template: route.path, path: filled.path, methods: route.methods, scope: policy.scopeFor(filled.path) };
}

/** Deviations reported once per route however many probes show them. */
function isRouteWide(kind: DeviationKind): boolean {
  return kind === 'vary' || kind === 'max-age' || kind === 'expose-missing' || kind === 'expose-extra';
}

function judge(probe: PlannedProbe, verdicts: Verdict[], rules: ResolvedCorsRules): PolicyDeviation[] {
  const out: PolicyDeviation[] = [];
  const silent = verdicts.filter(noAnswer);
  if (silent.length) out.push({ kind: 'no-answer', expect: probe.expect, engines: silent.map((v) => v.engine), verdict: silent[0], groups: [silent], held: probe.holdActual });
  const answered = verdicts.filter((v) => !noAnswer(v));
  const wrong = answered.filter((v) => v.allowed !== probe.allowed);
  // One deviation per group of engines that went wrong the same way.
  const groups = new Map<string, Verdict[]>();
  for (const v of wrong) {
    const key = v.allowed ? 'allowed' : (v.reason?.code ?? '');
    groups.set(key, [...(groups.get(key) ?? []), v]);
  }
  // The engines that went wrong, in one deviation: each group (same outcome, same reason) keeps its own words.
  if (wrong.length) out.push({ kind: probe.expect.kind, expect: probe.expect, engines: wrong.map((v) => v.engine), verdict: wrong[0], groups: [...groups.values()], held: probe.holdActual });
  const sample = answered[0];
  if (sample) out.push(...wireChecks(probe, sample, rules, answered.map((v) => v.engine)));
  return out;
}

/** What the headers on the wire must say beyond the browser's verdict: Vary, Max-Age, Expose-Headers. */
function wireChecks(probe: PlannedProbe, verdict: Verdict, rules: ResolvedCorsRules, engines: EngineName[]): PolicyDeviation[] {
  const out: PolicyDeviation[] = [];
  const make = (kind: DeviationKind, detail: PolicyDeviation['detail']): PolicyDeviation => ({ kind, expect: probe.expect, engines, verdict, groups: [[verdict]], held: probe.holdActual, detail });
  const actual = lastActual(verdict.exchanges);
  const kind = probe.expect.kind;
  if (actual?.response && !isHeldResponse(actual.response) && verdict.allowed && kind === 'origin-allowed') {
    const raw = getHeader(actual.response.headers, 'access-control-expose-headers');
    const parsed = raw === null ? null : parseTokenList(raw);
    const listed = parsed?.ok ? parsed.values.map((v) => v.toLowerCase()) : [];
    const wildcard = listed.includes('*') && probe.credentials !== 'include';
    const missing = rules.exposeHeaders.filter((h) => !listed.includes(h) && !wildcard);
    if (missing.length) out.push(make('expose-missing', { names: missing, received: raw }));
    const extra = listed.filter((h) => !rules.exposeHeaders.includes(h) && !isCorsSafelistedResponseHeaderName(h, new Set()) && (h !== '*' || probe.credentials !== 'include'));
    if (extra.length) out.push(make('expose-extra', { names: extra, received: raw }));
  }
  const preflight = verdict.exchanges.find((e) => e.kind === 'preflight');
  if (preflight?.response && probe.allowed && verdict.allowed && rules.maxAge !== null) {
    const received = getHeader(preflight.response.headers, 'access-control-max-age');
    if (received === null || received.trim() !== String(rules.maxAge)) out.push(make('max-age', { received, expected: String(rules.maxAge) }));
  }
  return out;
}

/**
 * `Vary: Origin` is required on a response when the server's CORS answer on that path changes with the `Origin`
 * (a server that always sends the same `Access-Control-Allow-Origin` needs none): judged from every response the
 * probes got on the path.
 */
function varyCheck(probe: PlannedProbe, verdicts: Verdict[], rules: ResolvedCorsRules, all: ReadonlyArray<{ probe: PlannedProbe; verdicts: Verdict[] }>): PolicyDeviation[] {
  const kind = probe.expect.kind;
  if (rules.origins.any || (kind !== 'origin-allowed' && kind !== 'origin-refused' && kind !== 'error-response-allowed')) return [];
  const sample = verdicts.find((v) => !noAnswer(v));
  const response = sample && lastActual(sample.exchanges)?.response;
  if (!sample || !response || isHeldResponse(response)) return [];
  const vary = response.headers.filter(([n]) => n.toLowerCase() === 'vary').flatMap(([, v]) => v.split(',').map((t) => t.trim().toLowerCase()));
  if (vary.includes('origin') || vary.includes('*')) return [];
  const answers = new Set<string>();
  for (const other of all) {
    if (other.probe.path !== probe.path || other.probe.method !== 'GET' || other.probe.headers.length) continue;
    const r = other.verdicts.find((v) => !noAnswer(v));
    const got = r && lastActual(r.exchanges)?.response;
    if (got && !isHeldResponse(got)) answers.add(JSON.stringify([getHeader(got.headers, 'access-control-allow-origin'), getHeader(got.headers, 'access-control-allow-credentials')]));
  }
  if (answers.size < 2) return [];
  return [{ kind: 'vary', expect: probe.expect, engines: verdicts.filter((v) => !noAnswer(v)).map((v) => v.engine), verdict: sample, groups: [[sample]], held: false, detail: { received: getHeader(response.headers, 'vary') } }];
}

/** For an allowed request blocked by the response after the preflight: what failed there (one report per route). */
function actualFailureKey(d: PolicyDeviation): string | null {
  const reason = d.verdict.reason;
  if (d.verdict.allowed || !reason || reason.preflight || d.held) return null;
  if (d.kind !== 'origin-allowed' && d.kind !== 'method-allowed' && d.kind !== 'header-allowed' && d.kind !== 'preflight-origin-allowed') return null;
  return `${d.expect.origin} ${reason.code} ${reason.url} ${d.engines.join()}`;
}

function lastActual(exchanges: readonly Exchange[]): Exchange | undefined {
  for (let i = exchanges.length - 1; i >= 0; i--) if (exchanges[i].kind !== 'preflight') return exchanges[i];
  return undefined;
}

/** The server did not answer (refused, reset, timed out): no evidence either way. */
export function noAnswer(verdict: Verdict): boolean {
  const last = verdict.exchanges[verdict.exchanges.length - 1];
  return !verdict.allowed && (verdict.reason?.code === 'NetworkError' || verdict.reason?.code === 'Timeout') && last !== undefined && !last.response;
}

async function pool<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await run(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
  return out;
}
