/**
 * `await expect(target).toAllowMethods(['PUT', 'DELETE'], { origin, url? })`: script on `origin` can use each
 * method: the request (preflight included) succeeds in every engine. `.not` means each method is blocked in
 * every engine.
 */
import { InvalidArgumentError } from '../errors.js';
import { listNames } from '../report/format.js';
import { isMethod } from '../spec/http.js';
import { isCorsSafelistedMethod, normalizeMethod } from '../spec/methods.js';
import type { Verdict } from '../types.js';
import { resultOf, type MatcherContextLike, type MatcherResult } from './message.js';
import { describe, readRequestArgument, requireOrigin } from './options.js';
import { runProbes } from './run-target.js';
import { requireTarget } from './target-only.js';
import { describeRequest, enginesPhrase, verdictCell } from './verdict-cell.js';

const MATCHER = 'toAllowMethods';

export async function toAllowMethods(this: MatcherContextLike, received: unknown, methods: unknown, request: unknown): Promise<MatcherResult> {
  requireTarget(received, MATCHER);
  const list = readMethods(methods);
  const input = readRequestArgument(request, MATCHER);
  if (input.request.method !== undefined) {
    throw new InvalidArgumentError(`${MATCHER} request.method`, 'the methods to test are the first argument', `Drop method from the request: ${MATCHER}(['${input.request.method}'], { ... }).`);
  }
  const origin = requireOrigin(input, MATCHER);
  const results = await runProbes(received, input, list.map((method) => ({ label: method, request: { ...input.request, origin, method } })), MATCHER);
  const cells = results.map((r) => verdictCell(r, (v) => ({ holds: v.allowed, change: v.allowed ? () => toBlock(r.label ?? '', v) : undefined })));
  const expected = (): string => `${enginesPhrase(input.engines)} to ${this.isNot ? 'block' : 'allow'} ${listNames(list)} on ${describeRequest(results[0], { method: false })}`;
  return resultOf(this, { matcher: MATCHER, received: 'target', expectedArg: 'methods', secondArgument: 'request', expected }, cells);
}

function readMethods(value: unknown): string[] {
  const list = typeof value === 'string' ? [value] : Array.isArray(value) ? value : null;
  if (list === null || list.length === 0) {
    throw new InvalidArgumentError(`${MATCHER} methods`, `expected a method or a non-empty array of methods, got ${describe(value)}`, "Pass e.g. ['PUT', 'DELETE'].");
  }
  const out: string[] = [];
  for (const m of list) {
    if (typeof m !== 'string' || !isMethod(m)) {
      throw new InvalidArgumentError(`${MATCHER} methods`, `${describe(m)} is not an HTTP method`, "Pass method names such as 'PATCH'.");
    }
    const normalized = normalizeMethod(m);
    if (!out.includes(normalized)) out.push(normalized);
  }
  return out;
}

function toBlock(method: string, verdict: Verdict): { label: string; text: string } {
  const preflighted = verdict.exchanges.some((e) => e.kind === 'preflight');
  if (!preflighted && isCorsSafelistedMethod(method)) {
    return { label: 'To block it', text: `${method} is a CORS-safelisted method, sent without a preflight: only the response's Access-Control-Allow-Origin can keep script from reading it.` };
  }
  return { label: 'To block it', text: `Leave ${method} out of Access-Control-Allow-Methods on the preflight response (and do not answer '*').` };
}
