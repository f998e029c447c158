/**
 * `await expect(target).toBeBlockedByCors({ origin, ... })` or `.toBeBlockedByCors('AllowOriginMismatch',
 * { origin })`: `fetch()` rejects in every engine (for that reason, when one is given). `.not` without a code
 * means allowed in every engine; with a code, blocked for that reason in no engine.
 *
 * A server that does not answer is not "blocked by CORS": unless the code asked for is `NetworkError` or
 * `Timeout`, such a result fails the assertion and its `.not` alike.
 */
import { InvalidArgumentError } from '../errors.js';
import type { ReasonCode, Verdict } from '../types.js';
import { resultOf, type MatcherContextLike, type MatcherResult } from './message.js';
import { describe, readRequestArgument, requireOrigin } from './options.js';
import { toBlock } from './origin-claim.js';
import { isReasonCode, REASON_CODES } from './reason-codes.js';
import { runProbes } from './run-target.js';
import { requireTarget } from './target-only.js';
import { describeRequest, enginesPhrase, verdictCell, type CellJudgement } from './verdict-cell.js';

const MATCHER = 'toBeBlockedByCors';

export async function toBeBlockedByCors(this: MatcherContextLike, received: unknown, codeOrRequest?: unknown, request?: unknown): Promise<MatcherResult> {
  requireTarget(received, MATCHER);
  const { code, requestArg } = readArguments(codeOrRequest, request);
  const input = readRequestArgument(requestArg, MATCHER);
  const origin = requireOrigin(input, MATCHER);
  const results = await runProbes(received, input, [{ request: { ...input.request, origin } }], MATCHER);
  const noAnswerIsEvidence = code === 'NetworkError' || code === 'Timeout';
  const cells = results.map((r) => verdictCell(r, (v) => judge(v, code, origin), { noAnswerIsEvidence }));
  const isNot = this.isNot;
  const expected = (): string => `${enginesPhrase(input.engines)} to ${isNot ? (code ? 'not block' : 'allow') : 'block'} ${describeRequest(results[0])}${code ? ` for ${code}` : ''}`;
  return resultOf(this, { matcher: MATCHER, received: 'target', expectedArg: code ? 'code' : 'request', secondArgument: code ? 'request' : undefined, expected }, cells);
}

function judge(verdict: Verdict, code: ReasonCode | undefined, origin: string): CellJudgement {
  if (verdict.allowed) return { holds: false, change: () => toBlock('toAllowOrigin', verdict, origin) };
  const actual = verdict.reason?.code;
  if (code === undefined || actual === code) return { holds: true };
  return { holds: false, notes: [`Blocked, but for ${actual}, not ${code}.`], change: null };
}

function readArguments(first: unknown, second: unknown): { code?: ReasonCode; requestArg: unknown } {
  if (typeof first === 'string') {
    if (!isReasonCode(first)) {
      const close = REASON_CODES.find((c) => c.toLowerCase() === first.toLowerCase());
      throw new InvalidArgumentError(
        `${MATCHER} code`,
        `'${first}' is not a reason code`,
        close ? `Did you mean '${close}'?` : `Use one of: ${REASON_CODES.join(', ')}.`,
      );
    }
    return { code: first, requestArg: second };
  }
  if (first === undefined) return { requestArg: second };
  if (second !== undefined) {
    throw new InvalidArgumentError(`${MATCHER} code`, `expected a reason code string, got ${describe(first)}`, `Call ${MATCHER}(request) or ${MATCHER}('AllowOriginMismatch', request).`);
  }
  return { requestArg: first };
}
