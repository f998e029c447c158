/**
 * `await expect(target).toMatchCorsPolicy(policy, options?)`: every route of the target answers CORS as a
 * correct server with `policy` would, in every engine: allowed origins, methods, headers and credentials pass;
 * origins outside the policy (look-alikes included), other methods and headers are refused; `Vary: Origin`,
 * the declared max-age and exposed headers hold; error responses carry the same headers. The failure message
 * lists every deviation at once, grouped by route, each with its exchange and its fix.
 *
 * `.not` is refused: "does not match the policy" is not a property a test should assert.
 */
import { InvalidArgumentError } from '../errors.js';
import { checkCorsPolicy, readCheckOptions, type PolicyReport } from '../policy/check.js';
import { buildPolicy, isCorsPolicy, type DefinedCorsPolicy } from '../policy/define.js';
import { listNames } from '../report/format.js';
import { formatPolicyDeviations, reportSummary } from '../report/policy.js';
import type { MatcherContextLike, MatcherResult } from './message.js';
import { requireTarget } from './target-only.js';

const MATCHER = 'toMatchCorsPolicy';

export async function toMatchCorsPolicy(this: MatcherContextLike, received: unknown, policy: unknown, options?: unknown): Promise<MatcherResult> {
  requireTarget(received, MATCHER);
  if (this.isNot) {
    throw new InvalidArgumentError(
      `expect(target).not.${MATCHER}`,
      '.not is not supported: a server can miss a policy in countless ways, and passing on any of them proves nothing',
      `Assert what must be refused in the policy itself, or use .not.toAllowOrigin / toBeBlockedByCors for one request.`,
    );
  }
  const defined = readPolicy(policy);
  const report = await checkCorsPolicy(received, defined, readCheckOptions(options, `${MATCHER} options`), `${MATCHER} options`);
  const pass = !report.unreachable && report.routes.length > 0 && report.routes.every((r) => r.deviations.length === 0);
  return { pass, message: () => message(this, report, defined, options !== undefined) };
}

function readPolicy(value: unknown): DefinedCorsPolicy {
  if (isCorsPolicy(value)) return value;
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return buildPolicy(value, `${MATCHER} policy`);
  throw new InvalidArgumentError(`${MATCHER} policy`, 'expected a policy', "Pass defineCorsPolicy({ origins: [...], ... }) or the result of loadCorsPolicy('cors.policy.json').");
}

function message(ctx: MatcherContextLike, report: PolicyReport, policy: DefinedCorsPolicy, withOptions: boolean): string {
  const hint = ctx.utils?.matcherHint
    ? ctx.utils.matcherHint(MATCHER, 'target', 'policy', { promise: ctx.promise ?? '', secondArgument: withOptions ? 'options' : undefined })
    : `expect(target).${MATCHER}(policy${withOptions ? ', options' : ''})`;
  const expectedColor = ctx.utils?.EXPECTED_COLOR ?? ((t: string) => t);
  const receivedColor = ctx.utils?.RECEIVED_COLOR ?? ((t: string) => t);
  const engines = report.engines.length === 1 ? report.engines[0] : `every engine (${listNames(report.engines)})`;
  const lines = [hint, '', `Expected: ${expectedColor(`every route (${report.from}) to answer as the policy says, in ${engines}`)}`];
  if (report.unreachable) {
    lines.push(`Received: ${receivedColor('no answer: the server could not be reached, so nothing was checked')}`, '', formatPolicyDeviations(report, policy));
    return lines.join('\n');
  }
  if (report.routes.length === 0) {
    lines.push(`Received: ${receivedColor(`no route to probe (${report.from})`)}`, '', "Pass the routes to probe: { routes: ['/items', '/items/:id'] } or { openapi: 'openapi.yaml' }.");
    return lines.join('\n');
  }
  lines.push(`Received: ${receivedColor(reportSummary(report))}`);
  for (const skipped of report.skipped) lines.push(`Not probed: ${skipped.path}: ${skipped.why}.`);
  const details = formatPolicyDeviations(report, policy);
  if (details) lines.push('', details);
  return lines.join('\n');
}
