/**
 * The words of a policy check: what each deviation expected, what the server did, and the one change to make,
 * grouped by route. The matcher's failure message and `corsproof verify` both print this.
 */
import type { PolicyDeviation, PolicyReport, RouteReport } from '../policy/check.js';
import type { DefinedCorsPolicy } from '../policy/define.js';
import { describeRule } from '../policy/origin-rules.js';
import { isHeldResponse } from '../policy/hold-actual.js';
import type { Expectation } from '../policy/probes.js';
import { getHeader } from '../spec/header-list.js';
import type { Verdict } from '../types.js';
import { consoleLine, fixSentence, type ConsoleLine } from './describe.js';
import { formatBlock, listNames } from './format.js';

const LOOK_ALIKE: Record<string, string> = {
  foreign: 'a foreign site',
  null: 'the opaque origin of sandboxed iframes and file: pages',
  prefix: 'prefix look-alike',
  suffix: 'suffix look-alike',
  'unescaped-dot': 'unescaped-dot look-alike',
  subdomain: 'subdomain',
  scheme: 'other scheme',
  port: 'other port',
  'extra-label': 'two labels where * is one',
  'no-label': 'no label where * is one',
};

function withCredentials(credentials: boolean): string {
  return credentials ? ' with credentials' : '';
}

/** What the policy says should happen, e.g. `https://app.example may send x-csrf-token`. */
export function expectationPhrase(deviation: PolicyDeviation, route: RouteReport): string {
  const e = deviation.expect;
  switch (deviation.kind) {
    case 'vary':
      return 'every response carries Vary: Origin (the answer depends on the Origin)';
    case 'max-age':
      return `preflight answers carry Access-Control-Max-Age: ${deviation.detail?.expected}`;
    case 'expose-missing':
      return `Access-Control-Expose-Headers lists ${listNames(deviation.detail?.names ?? [])}`;
    case 'expose-extra':
      return `Access-Control-Expose-Headers lists only what the policy exposes`;
    default:
      return claim(e, route);
  }
}

function claim(e: Expectation, route: RouteReport): string {
  switch (e.kind) {
    case 'origin-allowed':
      return `${e.origin} may read GET ${route.path}${withCredentials(e.credentials)}`;
    case 'preflight-origin-allowed':
      return `${e.origin} may send ${e.method} ${route.path}`;
    case 'method-allowed':
      return `${e.origin} may send ${e.method} ${route.path}${withCredentials(e.credentials)}`;
    case 'header-allowed':
      return `${e.origin} may send request header ${e.header}${withCredentials(e.credentials)}`;
    case 'error-response-allowed':
      return `the error response of GET ${e.path} allows ${e.origin}${withCredentials(e.credentials)}`;
    case 'origin-refused': {
      const what = LOOK_ALIKE[e.lookAlike.kind] ?? e.lookAlike.kind;
      return `${e.origin} is refused (${what}${e.lookAlike.of ? ` of ${e.lookAlike.of}` : ''})`;
    }
    case 'preflight-origin-refused':
      return `a preflight from ${e.origin} for ${e.method} is refused`;
    case 'method-refused':
      return `${e.method} is refused (not in the policy's methods)`;
    case 'header-refused':
      return `request header ${e.header} is refused (not in the policy's headers)`;
    case 'credentials-refused':
      return `requests with credentials from ${e.origin} are refused (credentials: false)`;
  }
}

/** What the server did instead. */
export function receivedPhrase(deviation: PolicyDeviation): string {
  const engines = deviation.engines.join(', ');
  const d = deviation.detail;
  switch (deviation.kind) {
    case 'no-answer':
      return `no answer (${deviation.verdict.reason?.code}) in ${engines}`;
    case 'vary':
      return d?.received ? `Vary: ${d.received}` : 'no Vary header';
    case 'max-age':
      return d?.received === null || d?.received === undefined ? 'no Access-Control-Max-Age' : `Access-Control-Max-Age: ${d.received}`;
    case 'expose-missing':
      return d?.received === null || d?.received === undefined ? 'no Access-Control-Expose-Headers' : `Access-Control-Expose-Headers: ${d.received || '(empty)'}`;
    case 'expose-extra':
      return `it also exposes ${listNames(d?.names ?? [])}`;
    default:
      return deviation.groups
        .map((group) => {
          const names = group.map((v) => v.engine).join(', ');
          return group[0].allowed ? `allowed in ${names}` : `blocked in ${names} (${group[0].reason?.code ?? 'unknown reason'})`;
        })
        .join('; ');
  }
}

/** The one change to make on the server. */
export function deviationFix(deviation: PolicyDeviation, policyLists: { origins: string; headers: string; exposeHeaders: string }): { label: string; text: string } {
  const e = deviation.expect;
  const d = deviation.detail;
  const verdict = deviation.verdict;
  const fix = (text: string) => ({ label: 'Fix', text });
  switch (deviation.kind) {
    case 'no-answer':
      return fix('Make the server answer this request (it was refused, reset or timed out): a network failure is not a CORS decision.');
    case 'vary':
      return fix("Add 'Vary: Origin' to every response of this route, so caches keep one origin's answer from another.");
    case 'max-age':
      return fix(`Send 'Access-Control-Max-Age: ${d?.expected}' on preflight answers.`);
    case 'expose-missing':
      return fix(`Add ${listNames(d?.names ?? [])} to Access-Control-Expose-Headers.`);
    case 'expose-extra':
      return fix(`Leave ${listNames(d?.names ?? [])} out of Access-Control-Expose-Headers (the policy exposes ${policyLists.exposeHeaders}).`);
    case 'origin-refused': {
      const allow = allowOriginOf(verdict);
      if (allow === '*') return fix(`The response says 'Access-Control-Allow-Origin: *', which lets any site read it: send the request's Origin back only when the policy allows it (${policyLists.origins}).`);
      return fix(`Stop answering Origin ${e.origin} with 'Access-Control-Allow-Origin: ${allow ?? e.origin}': match the Origin exactly against the policy's origins (${policyLists.origins}).`);
    }
    case 'preflight-origin-refused':
      return fix(`Answer preflights from origins outside the policy without Access-Control-Allow-Origin (the policy allows ${policyLists.origins}).`);
    case 'method-refused':
      return fix(`Leave ${(e as { method: string }).method} out of Access-Control-Allow-Methods on the preflight answer (and do not answer '*').`);
    case 'header-refused':
      return fix(`List only the policy's headers in Access-Control-Allow-Headers (${policyLists.headers}): do not echo Access-Control-Request-Headers or answer '*'.`);
    case 'credentials-refused':
      return fix("Do not send 'Access-Control-Allow-Credentials: true': the policy does not allow credentials.");
    default:
      return fix(fixSentence(verdict) || 'Answer as the policy says.');
  }
}

function allowOriginOf(verdict: Verdict): string | null {
  for (let i = verdict.exchanges.length - 1; i >= 0; i--) {
    const response = verdict.exchanges[i].response;
    if (response && !isHeldResponse(response)) return getHeader(response.headers, 'access-control-allow-origin');
  }
  return null;
}

/** The route's heading: `GET, PUT /items/:id (requested as /items/1) · policy scope /items/*`. */
const METHOD_ORDER = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

export function routeHeading(route: RouteReport): string {
  const rank = (m: string) => (METHOD_ORDER.includes(m) ? METHOD_ORDER.indexOf(m) : METHOD_ORDER.length);
  const sorted = [...route.methods].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
  const methods = sorted.length ? `${sorted.join(', ')} ` : '';
  const as = route.path !== route.template ? ` (requested as ${route.path})` : '';
  const scope = route.scope === '*' ? '' : ` · policy scope ${route.scope}`;
  return `${methods}${route.template}${as}${scope}`;
}

/** One deviation as a block: the claim and what happened, console messages, the exchanges, the fix. */
export function formatDeviation(deviation: PolicyDeviation, route: RouteReport, lists: Parameters<typeof deviationFix>[1]): string {
  const verdict = deviation.verdict;
  const blocked = !verdict.allowed && deviation.kind !== 'no-answer';
  const showConsole = blocked && deviation.expect.kind !== 'origin-refused' && deviation.kind === deviation.expect.kind;
  const consoles = showConsole ? deviation.groups.flatMap((group) => groupConsoles(group)) : [];
  const exchanges = verdict.exchanges.filter((e) => !isHeldResponse(e.response));
  const notes = deviation.held ? [`The ${verdictMethod(verdict)} after the preflight was not sent: it is judged by its preflight.`] : [];
  const fixes = deviation.groups.map((group) => ({ engines: group.map((v) => v.engine), fix: deviationFix({ ...deviation, verdict: group[0] }, lists) }));
  const distinct = fixes.filter((f, i) => fixes.findIndex((g) => g.fix.text === f.fix.text) === i);
  const block = formatBlock({
    title: `✗ ${expectationPhrase(deviation, route)}: ${receivedPhrase(deviation)}`,
    notes,
    consoles: consoles.filter((line, k) => consoles.findIndex((other) => other.label === line.label && other.message === line.message) === k),
    exchanges,
    change: distinct.length === 1 ? distinct[0].fix : undefined,
  });
  if (distinct.length === 1) return block;
  return [block, ...distinct.map((f) => `  ${f.fix.label} (${f.engines.join(', ')}): ${f.fix.text}`)].join('\n');
}

/**
 * The console lines of one group of engines that went wrong the same way: each engine's own words where it has
 * them (else the first engine's borrowed words), one line per set of words.
 */
function groupConsoles(group: readonly Verdict[]): ConsoleLine[] {
  const first = group[0];
  if (!first || first.allowed) return [];
  const lines = group.map((v) => consoleLine(first, v.engine)).filter((line): line is ConsoleLine => line !== null && line.message !== '');
  const own = lines.filter((line) => line.wordsOf === line.engine);
  const shown = own.length > 0 ? own : lines.slice(0, 1);
  return shown.filter((line, k) => shown.findIndex((other) => other.wordsOf === line.wordsOf) === k);
}

function verdictMethod(verdict: Verdict): string {
  return verdict.exchanges.find((e) => e.kind !== 'preflight')?.request.method ?? 'request';
}

/** The policy's lists as messages quote them, for the rules that apply to `path`. */
export function policyLists(policy: DefinedCorsPolicy, path: string): Parameters<typeof deviationFix>[1] {
  const rules = policy.scopeFor(path).rules;
  const names = (list: readonly string[]) => (list.length ? list.join(', ') : 'none');
  return {
    origins: rules.origins.any ? 'any origin' : names(rules.origins.rules.map(describeRule)),
    headers: rules.headers === '*' ? 'any' : names(rules.headers),
    exposeHeaders: names(rules.exposeHeaders),
  };
}

/** Every deviation, grouped by route; empty when there is none. */
export function formatPolicyDeviations(report: PolicyReport, policy: DefinedCorsPolicy): string {
  const parts: string[] = [];
  for (const route of report.routes) {
    if (route.deviations.length === 0) continue;
    const lists = policyLists(policy, route.path);
    const n = route.deviations.length;
    parts.push([`${routeHeading(route)}: ${n} deviation${n === 1 ? '' : 's'}`, ...route.deviations.map((d) => indent(formatDeviation(d, route, lists)))].join('\n'));
  }
  return parts.join('\n\n');
}

/** `2 deviations on 1 of 3 routes` / `no deviation on 3 routes`. */
export function reportSummary(report: PolicyReport): string {
  const deviations = report.routes.reduce((n, r) => n + r.deviations.length, 0);
  const routes = report.routes.length;
  const failing = report.routes.filter((r) => r.deviations.length).length;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  if (deviations === 0) return `no deviation on ${plural(routes, 'route')} (${plural(report.probes, 'probe')})`;
  return `${plural(deviations, 'deviation')} on ${failing} of ${plural(routes, 'route')} (${plural(report.probes, 'probe')})`;
}

function indent(text: string): string {
  return text
    .split('\n')
    .map((l) => (l ? `  ${l}` : l))
    .join('\n');
}
