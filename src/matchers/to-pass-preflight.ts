/**
 * `await expect(target).toPassPreflight({ origin, method?, headers?, credentials? })`: the browser sends an
 * `OPTIONS` preflight for this request and the preflight passes, in every engine.
 *
 * A request that needs no preflight (a simple request, a same-origin one, one blocked before anything is sent)
 * is no evidence either way: both the assertion and its `.not` fail, saying no preflight was sent, so a test
 * that meant to exercise the preflight never passes without one.
 */
import { getHeader } from '../spec/header-list.js';
import { isCorsSafelistedMethod } from '../spec/methods.js';
import type { Verdict } from '../types.js';
import { resultOf, type MatcherContextLike, type MatcherResult } from './message.js';
import { readRequestArgument, requireOrigin } from './options.js';
import { runProbes } from './run-target.js';
import { requireTarget } from './target-only.js';
import { describeRequest, enginesPhrase, verdictCell, type CellJudgement } from './verdict-cell.js';

const MATCHER = 'toPassPreflight';

export async function toPassPreflight(this: MatcherContextLike, received: unknown, request: unknown): Promise<MatcherResult> {
  requireTarget(received, MATCHER);
  const input = readRequestArgument(request, MATCHER);
  const origin = requireOrigin(input, MATCHER);
  const results = await runProbes(received, input, [{ request: { ...input.request, origin } }], MATCHER);
  const cells = results.map((r) => verdictCell(r, judge));
  const expected = (): string => `${enginesPhrase(input.engines)} to send a preflight for ${describeRequest(results[0])} and ${this.isNot ? 'reject' : 'pass'} it`;
  return resultOf(this, { matcher: MATCHER, received: 'target', expectedArg: 'request', expected }, cells);
}

function judge(verdict: Verdict): CellJudgement {
  const preflight = verdict.exchanges.find((e) => e.kind === 'preflight');
  if (!preflight) return { holds: null, status: 'no preflight sent', notes: [whyNoPreflight(verdict)], because: false };
  if (!verdict.allowed && verdict.reason?.preflight) return { holds: false, status: `preflight blocked (${verdict.reason.code})` };
  const after = verdict.allowed ? '' : `, then blocked (${verdict.reason?.code})`;
  return {
    holds: true,
    status: `preflight passed${after}`,
    notes: verdict.allowed ? [] : ['The preflight passed; the request after it failed (see below). toAllowOrigin with the same request checks both.'],
    change: preflight.response ? () => ({ label: 'To block it', text: toBlock(preflight.request.headers, preflight.response!.headers) }) : undefined,
  };
}

function whyNoPreflight(verdict: Verdict): string {
  if (verdict.exchanges.length === 0) return `No preflight was sent: the browser blocked the request before sending anything (${verdict.reason?.code}).`;
  if (verdict.response?.type === 'basic') return 'No preflight was sent: the request is same-origin, so CORS does not apply.';
  if (verdict.response?.type === 'opaque') return "No preflight was sent: 'no-cors' requests are never preflighted.";
  return "No preflight was sent: a GET, HEAD or POST with CORS-safelisted headers only is a simple request. Give it what needs one, e.g. { method: 'PUT' } or { headers: { 'content-type': 'application/json' } }.";
}

function toBlock(sent: ReadonlyArray<readonly [string, string]>, received: ReadonlyArray<readonly [string, string]>): string {
  const method = getHeader(sent, 'access-control-request-method');
  const headers = getHeader(sent, 'access-control-request-headers');
  const parts: string[] = [];
  if (method && !isCorsSafelistedMethod(method)) parts.push(`leave ${method} out of Access-Control-Allow-Methods`);
  if (headers) parts.push(`leave ${headers} out of Access-Control-Allow-Headers`);
  const origin = getHeader(received, 'access-control-allow-origin');
  parts.push(origin === '*' ? "answer with an allow-list instead of 'Access-Control-Allow-Origin: *'" : `stop answering the preflight with 'Access-Control-Allow-Origin: ${origin}'`);
  return `On the OPTIONS response, ${parts.join(', or ')}.`;
}
