/**
 * `corsproof verify <base-url> --policy cors.policy.json [--openapi FILE]`: hold a live server to a policy,
 * route by route (the OpenAPI document's paths, else the base URL and the policy's route keys). Only GET,
 * HEAD and preflights are sent unless --send-unsafe is given.
 */
import { checkCorsPolicy, type PolicyReport } from '../policy/check.js';
import type { DefinedCorsPolicy } from '../policy/define.js';
import { expectationPhrase, formatPolicyDeviations, receivedPhrase, deviationFix, policyLists, reportSummary, routeHeading } from '../report/policy.js';
import { EXIT } from './exit.js';
import { exchangeToJson, type ExchangeJson, type Style } from './render.js';
import type { VerifyOptions } from './policy-args.js';

export async function runVerify(options: VerifyOptions, policy: DefinedCorsPolicy): Promise<PolicyReport> {
  return checkCorsPolicy(options.url, policy, {
    ...(options.openapi ? { openapi: options.openapi } : {}),
    ...(options.routes.length ? { routes: options.routes } : {}),
    params: options.params,
    engines: options.engines,
    timeoutMs: options.timeoutMs,
    actualRequests: options.sendUnsafe ? 'all' : 'safe',
  }, 'verify');
}

export function verifyExitCode(report: PolicyReport): number {
  if (report.unreachable) return EXIT.unreachable;
  return report.routes.some((r) => r.deviations.length) ? EXIT.findings : EXIT.ok;
}

export function renderVerify(report: PolicyReport, policy: DefinedCorsPolicy, style: Style): string {
  const out: string[] = [`${style.bold('verify')} ${report.baseUrl}  ${style.dim(`(routes: ${report.from}; engines: ${report.engines.join(', ')})`)}`, ''];
  if (report.unreachable) {
    out.push(style.red('The server could not be reached: a network failure, not a CORS decision (exit code 3).'));
    return `${out.join('\n')}\n`;
  }
  for (const route of report.routes) {
    const mark = route.deviations.length ? style.red('✗') : style.green('✓');
    const shared = route.lookAlikesOn ? `; look-alike origins as on ${route.lookAlikesOn}` : '';
    out.push(`${mark} ${routeHeading(route)}  ${style.dim(`${route.probes} probes${shared}`)}`);
  }
  for (const skipped of report.skipped) out.push(style.yellow(`- not probed: ${skipped.path}: ${skipped.why}`));
  const details = formatPolicyDeviations(report, policy);
  if (details) out.push('', details);
  const ok = report.routes.every((r) => r.deviations.length === 0);
  out.push('', `${style.bold('result')}    ${ok ? style.green(reportSummary(report)) : style.red(reportSummary(report))}`);
  return `${out.join('\n')}\n`;
}

export interface VerifyJson {
  command: 'verify';
  baseUrl: string;
  routesFrom: string;
  engines: string[];
  probes: number;
  ok: boolean;
  unreachable: boolean;
  routes: Array<{
    route: string;
    path: string;
    methods: string[];
    scope: string;
    probes: number;
    /** The route whose look-alike origin probes stand for this one's. */
    lookAlikesOn: string | null;
    deviations: Array<{ kind: string; expected: string; received: string; engines: string[]; fix: string; reason: string | null; exchanges: ExchangeJson[] }>;
  }>;
  skipped: Array<{ path: string; why: string }>;
}

export function verifyToJson(report: PolicyReport, policy: DefinedCorsPolicy): VerifyJson {
  return {
    command: 'verify',
    baseUrl: report.baseUrl,
    routesFrom: report.from,
    engines: report.engines,
    probes: report.probes,
    ok: !report.unreachable && report.routes.every((r) => r.deviations.length === 0),
    unreachable: report.unreachable,
    routes: report.routes.map((route) => ({
      route: route.template,
      path: route.path,
      methods: route.methods,
      scope: route.scope,
      probes: route.probes,
      lookAlikesOn: route.lookAlikesOn ?? null,
      deviations: route.deviations.map((d) => ({
        kind: d.kind,
        expected: expectationPhrase(d, route),
        received: receivedPhrase(d),
        engines: d.engines,
        fix: deviationFix(d, policyLists(policy, route.path)).text,
        reason: d.verdict.reason?.code ?? null,
        exchanges: d.verdict.exchanges.map(exchangeToJson),
      })),
    })),
    skipped: report.skipped,
  };
}
