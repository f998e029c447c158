/**
 * The claim behind `toAllowOrigin` and `toAllowCredentials`: script on `origin` can read the response (with
 * credentials, for the latter). On a target the request is simulated in each engine; on a received response
 * the browser's CORS check runs on that response.
 */
import { InvalidArgumentError } from '../errors.js';
import { getHeader } from '../spec/header-list.js';
import { lastResponse } from '../emulator/exchanges.js';
import type { RequestCredentials_, Verdict } from '../types.js';
import type { Cell } from './cell.js';
import { checkResponse } from './check-response.js';
import { whyOriginPasses } from './explain.js';
import { resultOf, type MatcherContextLike, type MatcherResult } from './message.js';
import { originArgument, readRequestArgument, type MatcherInput } from './options.js';
import { readResponse, type ReceivedResponse } from './response-like.js';
import { runProbes } from './run-target.js';
import { describeRequest, enginesPhrase, verdictCell, type CellJudgement } from './verdict-cell.js';

type Matcher = 'toAllowOrigin' | 'toAllowCredentials';

export function originClaim(ctx: MatcherContextLike, matcher: Matcher, received: unknown, origin: unknown, request: unknown): MatcherResult | Promise<MatcherResult> {
  const response = readResponse(received);
  const secondArgument = request === undefined ? undefined : 'request';
  if (response === null) {
    // On a target everything, argument errors included, comes through the promise.
    return (async () => {
      const input = readRequestArgument(request, matcher);
      return onTarget(ctx, matcher, received, input, originArgument(origin, input, matcher), credentialsFor(matcher, input), secondArgument);
    })();
  }
  const input = readRequestArgument(request, matcher, true);
  const page = originArgument(origin, input, matcher);
  const credentials = credentialsFor(matcher, input);
  const cells = input.engines.map((engine) => responseCell(response, page, credentials, engine, matcher));
  const what = `${credentials === 'include' ? 'a credentialed request' : 'a request'} from ${page} read this response`;
  return finish(ctx, matcher, 'response', secondArgument, `${enginesPhrase(input.engines)} to ${ctx.isNot ? 'not ' : ''}let ${what}`, cells);
}

async function onTarget(ctx: MatcherContextLike, matcher: Matcher, target: unknown, input: MatcherInput, origin: string, credentials: RequestCredentials_, secondArgument?: string): Promise<MatcherResult> {
  const results = await runProbes(target, input, [{ request: { ...input.request, origin, credentials } }], matcher);
  const cells = results.map((r) => verdictCell(r, (v) => judge(matcher, v, origin)));
  const expected = (): string => `${enginesPhrase(input.engines)} to ${ctx.isNot ? 'block' : 'allow'} ${describeRequest(results[0])}`;
  return finish(ctx, matcher, 'target', secondArgument, expected, cells);
}

function finish(ctx: MatcherContextLike, matcher: Matcher, received: 'target' | 'response', secondArgument: string | undefined, expected: string | (() => string), cells: Cell[]): MatcherResult {
  return resultOf(ctx, { matcher, received, expectedArg: 'origin', secondArgument, expected }, cells);
}

function credentialsFor(matcher: Matcher, input: MatcherInput): RequestCredentials_ {
  const given = input.request.credentials;
  if (matcher === 'toAllowOrigin') return given ?? 'same-origin';
  if (given !== undefined && given !== 'include') {
    throw new InvalidArgumentError(
      'toAllowCredentials request.credentials',
      `it is '${given}', but toAllowCredentials always sends credentials`,
      "Drop the credentials option, or use toAllowOrigin for a request without credentials.",
    );
  }
  return 'include';
}

function responseCell(response: ReceivedResponse, origin: string, credentials: RequestCredentials_, engine: Cell['engine'], matcher: Matcher): Cell {
  const check = checkResponse(response, origin, credentials, engine);
  const notes = requestOriginNotes(response, origin);
  if (!check.ok) return { engine, holds: false, status: `blocked (${check.reason.code})`, notes, reason: check.reason, response };
  return {
    engine,
    holds: true,
    status: 'allowed',
    notes: [...notes, whyOriginPasses(response.headers, credentials)],
    response,
    change: toBlockHeaders(matcher, response.headers, origin),
  };
}

/** A supertest request without `Origin` is the usual reason a CORS middleware sent nothing: say so. */
function requestOriginNotes(response: ReceivedResponse, origin: string): string[] {
  if (response.requestOrigin === null) {
    return [`The request carried no Origin header, and many CORS middlewares answer without CORS headers then: send it, e.g. .set('Origin', '${origin}').`];
  }
  if (response.requestOrigin !== undefined && response.requestOrigin !== origin) {
    return [`The request was sent with Origin: ${response.requestOrigin}, but the check is for ${origin}.`];
  }
  return [];
}

/**
 * Script can read the response: the fetch resolved with a `cors` or `basic` response. An `opaque` (mode
 * `no-cors`) or `opaqueredirect` (redirect `manual`) response resolves the fetch too, but script sees status 0,
 * no headers and no body, whatever the server sent.
 */
function judge(matcher: Matcher, verdict: Verdict, origin: string): CellJudgement {
  const type = verdict.response?.type;
  if (verdict.allowed && (type === 'opaque' || type === 'opaqueredirect')) {
    const why = type === 'opaque'
      ? "With mode 'no-cors' the fetch resolves with an opaque response: status 0, no headers, no body, whatever the server sends. Use mode 'cors' to test the server's CORS headers."
      : "With redirect 'manual' a redirect resolves as an opaqueredirect response: status 0, no headers, no body. Use redirect 'follow' to test the final response.";
    return { holds: false, status: `allowed, ${type} response: script cannot read it`, notes: [why], because: false };
  }
  return { holds: verdict.allowed, change: verdict.allowed ? () => toBlock(matcher, verdict, origin) : undefined };
}

/** What to change so an allowed request from `origin` is blocked. */
export function toBlock(matcher: Matcher, verdict: Verdict, origin: string): Cell['change'] {
  if (verdict.response?.type === 'basic') return { label: 'To block it', text: 'Nothing on the server can: the URL is same-origin with the page. Test with another origin.' };
  const last = lastResponse(verdict);
  return last ? toBlockHeaders(matcher, last.headers, origin) : undefined;
}

function toBlockHeaders(matcher: Matcher, headers: ReadonlyArray<readonly [string, string]>, origin: string): Cell['change'] {
  const allowOrigin = getHeader(headers, 'access-control-allow-origin');
  if (matcher === 'toAllowCredentials') {
    return { label: 'To block it', text: `Stop sending 'Access-Control-Allow-Credentials: true' with 'Access-Control-Allow-Origin: ${allowOrigin}' to ${origin}: echo only origins on an exact allow-list.` };
  }
  if (allowOrigin === '*') return { label: 'To block it', text: "Replace 'Access-Control-Allow-Origin: *' with an exact allow-list of origins, echoed one at a time." };
  return { label: 'To block it', text: `Stop sending 'Access-Control-Allow-Origin: ${allowOrigin}' to ${origin}: compare the Origin header with an exact allow-list before echoing it.` };
}
