/**
 * `expect(target).toExposeHeaders(['x-total-count'], { origin })`: after the request is allowed, script can
 * read each response header (`response.headers.get(name)` is not null): the header is sent and is a
 * CORS-safelisted response header, listed in `Access-Control-Expose-Headers`, or covered by its `*` on a request
 * without credentials; `Set-Cookie` never is. On a received response it checks that response synchronously
 * (the origin defaults to the `Origin` header its request carried).
 */
import { InvalidArgumentError } from '../errors.js';
import { listNames } from '../report/format.js';
import { isHeaderName } from '../spec/http.js';
import { isForbiddenResponseHeaderName } from '../spec/response-headers.js';
import type { EngineName, RequestCredentials_, Verdict } from '../types.js';
import { lastResponse } from '../emulator/exchanges.js';
import type { Cell } from './cell.js';
import { checkResponse, describeReadability, headerReadability, type Readability } from './check-response.js';
import { resultOf, type MatcherContextLike, type MatcherResult } from './message.js';
import { describe, readRequestArgument, requireOrigin, type MatcherInput } from './options.js';
import { readResponse, type ReceivedResponse } from './response-like.js';
import { runProbes } from './run-target.js';
import { describeRequest, enginesPhrase, verdictCell, type CellJudgement } from './verdict-cell.js';

const MATCHER = 'toExposeHeaders';

export function toExposeHeaders(this: MatcherContextLike, received: unknown, names: unknown, request?: unknown): MatcherResult | Promise<MatcherResult> {
  const response = readResponse(received);
  const message = { matcher: MATCHER, expectedArg: 'names', secondArgument: request === undefined ? undefined : 'request' };
  if (response === null) {
    // On a target everything, argument errors included, comes through the promise.
    return (async () => onTarget(this, received, readNames(names), readRequestArgument(request, MATCHER), message))();
  }
  const list = readNames(names);
  const input = readRequestArgument(request, MATCHER, true);
  const origin = requireOrigin(input, MATCHER, response.requestOrigin);
  const credentials = input.request.credentials ?? 'same-origin';
  const cells = input.engines.flatMap((engine) => responseCells(response, list, origin, credentials, engine));
  const expected = `${enginesPhrase(input.engines)} to ${this.isNot ? 'hide' : 'expose'} ${listNames(list)} to script on ${origin}${credentials === 'include' ? ' (with credentials)' : ''}`;
  return resultOf(this, { ...message, received: 'response', expected }, cells);
}

async function onTarget(ctx: MatcherContextLike, target: unknown, list: string[], input: MatcherInput, message: { matcher: string; expectedArg: string; secondArgument?: string }): Promise<MatcherResult> {
  const origin = requireOrigin(input, MATCHER);
  const results = await runProbes(target, input, [{ request: { ...input.request, origin } }], MATCHER);
  const credentials = (input.request.credentials ?? 'same-origin') as RequestCredentials_;
  const cells = results.flatMap((r) => list.map((name) => verdictCell({ ...r, label: name }, (v) => judge(v, name, credentials))));
  const expected = (): string => `${enginesPhrase(input.engines)} to ${ctx.isNot ? 'hide' : 'expose'} ${listNames(list)} on ${describeRequest(results[0])}`;
  return resultOf(ctx, { ...message, received: 'target', expected }, cells);
}

function judge(verdict: Verdict, name: string, credentials: RequestCredentials_): CellJudgement {
  if (!verdict.allowed || !verdict.response) return { holds: false };
  const { type, headers } = verdict.response;
  const readable = Object.hasOwn(headers, name);
  const status = readable ? 'readable' : 'not readable';
  if (type === 'opaque' || type === 'opaqueredirect') {
    const text = "Make the request with mode 'cors' and redirect 'follow' (the defaults): script reads no headers from an opaque response.";
    return { holds: false, status, notes: ['The response is opaque: script reads no headers at all.'], change: { label: 'Fix', text }, because: false };
  }
  // Why it is (not) readable is for the message only: worked out when a message asks.
  const readability = (): Readability =>
    type === 'cors' ? headerReadability(lastResponse(verdict)?.headers ?? [], name, credentials) : sameOriginReadability(name, readable);
  return { holds: readable, status, notes: () => [describeReadability(name, readability())], change: () => change(name, readable, readability()), because: false };
}

/** A same-origin response hides nothing but `Set-Cookie`. */
function sameOriginReadability(name: string, readable: boolean): Readability {
  if (readable) return { readable: true, why: 'same-origin' };
  return isForbiddenResponseHeaderName(name) ? { readable: false, why: 'forbidden' } : { readable: false, why: 'absent' };
}

function responseCells(response: ReceivedResponse, names: string[], origin: string, credentials: RequestCredentials_, engine: EngineName): Cell[] {
  const check = checkResponse(response, origin, credentials, engine);
  return names.map((name) => {
    if (!check.ok) return { label: name, engine, holds: false, status: `blocked (${check.reason.code})`, reason: check.reason, response };
    const why = headerReadability(response.headers, name, credentials);
    return {
      label: name,
      engine,
      holds: why.readable,
      status: why.readable ? 'readable' : 'not readable',
      notes: [describeReadability(name, why)],
      response,
      change: change(name, why.readable, why),
    };
  });
}

function change(name: string, readable: boolean, why: Readability): Cell['change'] {
  if (readable) {
    if (why.why === 'same-origin') return { label: 'To hide it', text: 'Nothing on the server can: the URL is same-origin with the page. Test with another origin.' };
    if (why.why === 'safelisted') return { label: 'To hide it', text: `Nothing can hide ${name} from script but not sending it.` };
    if (why.why === 'wildcard') return { label: 'To hide it', text: `Replace 'Access-Control-Expose-Headers: *' with the names script may read, without ${name}.` };
    return { label: 'To hide it', text: `Leave ${name} out of Access-Control-Expose-Headers.` };
  }
  switch (why.why) {
    case 'absent':
      return { label: 'Fix', text: `Send ${name} on this response, and list it in Access-Control-Expose-Headers.` };
    case 'forbidden':
      return { label: 'Fix', text: `None: browsers never expose ${name}; send the data in another header or the body.` };
    case 'wildcard-with-credentials':
      return { label: 'Fix', text: `List ${name} by name in Access-Control-Expose-Headers: '*' does not cover requests with credentials.` };
    default:
      return { label: 'Fix', text: `Add 'Access-Control-Expose-Headers: ${name}' to the response (comma-separate several names).` };
  }
}

function readNames(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
  if (list === null || list.length === 0) {
    throw new InvalidArgumentError(`${MATCHER} names`, `expected a header name or a non-empty array of names, got ${describe(value)}`, "Pass e.g. ['x-total-count', 'etag'].");
  }
  const out: string[] = [];
  for (const name of list) {
    if (typeof name !== 'string' || !isHeaderName(name)) {
      throw new InvalidArgumentError(`${MATCHER} names`, `${describe(name)} is not a header name`, 'Header names are HTTP tokens, e.g. x-total-count.');
    }
    const lower = name.toLowerCase();
    if (!out.includes(lower)) out.push(lower);
  }
  return out;
}
