/**
 * `await expect(target).toAllowHeaders(['authorization', 'x-csrf-token'], { origin, method?, url? })`: script
 * on `origin` can send each request header: a request carrying it (preflight included) succeeds in every engine.
 * Give names (sent with a value that is not CORS-safelisted, so the preflight is exercised) or a
 * `{ name: value }` record. `.not` means each header is blocked in every engine.
 */
import { isHeadersLike } from '../platform.js';
import { InvalidArgumentError } from '../errors.js';
import { listNames } from '../report/format.js';
import { isHeaderName } from '../spec/http.js';
import { isCorsSafelistedRequestHeader, isForbiddenRequestHeader } from '../spec/request-headers.js';
import type { CorsRequest, Verdict } from '../types.js';
import { resultOf, type MatcherContextLike, type MatcherResult } from './message.js';
import { describe, readRequestArgument, requireOrigin } from './options.js';
import { runProbes } from './run-target.js';
import { requireTarget } from './target-only.js';
import { describeRequest, enginesPhrase, verdictCell } from './verdict-cell.js';

const MATCHER = 'toAllowHeaders';

/**
 * The value sent with a bare header name: one the Fetch Standard never CORS-safelists for that name, so the
 * header needs the server's permission (https://fetch.spec.whatwg.org/#cors-safelisted-request-header: `{` is a
 * CORS-unsafe request-header byte, and not a language-tag character; `application/json` is not a safelisted
 * MIME type). None fits the grammar of a client hint Chromium safelists (`DPR: 2`), so every engine asks.
 */
function placeholderValue(lowerName: string): string {
  if (lowerName === 'content-type') return 'application/json';
  return isCorsSafelistedRequestHeader(lowerName, 'corsproof') ? '{corsproof}' : 'corsproof';
}

export async function toAllowHeaders(this: MatcherContextLike, received: unknown, headers: unknown, request: unknown): Promise<MatcherResult> {
  requireTarget(received, MATCHER);
  const list = readHeaders(headers);
  const input = readRequestArgument(request, MATCHER);
  const origin = requireOrigin(input, MATCHER);
  const base = headerPairs(input.request.headers);
  const probes = list.map(([name, value]) => ({ label: name, request: { ...input.request, origin, headers: [...base, [name, value]] as Array<[string, string]> } }));
  const results = await runProbes(received, input, probes, MATCHER);
  const cells = results.map((r) => verdictCell(r, (v) => ({ holds: v.allowed, change: v.allowed ? () => toBlock(r.label ?? '', v) : undefined })));
  const names = list.map(([n]) => n);
  const expected = (): string => `${enginesPhrase(input.engines)} to ${this.isNot ? 'block' : 'allow'} request header${names.length > 1 ? 's' : ''} ${listNames(names)} on ${describeRequest(results[0])}`;
  return resultOf(this, { matcher: MATCHER, received: 'target', expectedArg: 'headers', secondArgument: 'request', expected }, cells);
}

function readHeaders(value: unknown): Array<[string, string]> {
  let entries: Array<[unknown, unknown]>;
  if (typeof value === 'string') entries = [[value, undefined]];
  else if (Array.isArray(value)) entries = value.map((n) => [n, undefined]);
  else if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) entries = Object.entries(value);
  else entries = [];
  if (entries.length === 0) {
    throw new InvalidArgumentError(`${MATCHER} headers`, `expected a header name, an array of names or a { name: value } record, got ${describe(value)}`, "Pass e.g. ['authorization', 'x-csrf-token'] or { 'content-type': 'application/json' }.");
  }
  const out: Array<[string, string]> = [];
  for (const [name, given] of entries) {
    if (typeof name !== 'string' || !isHeaderName(name)) {
      throw new InvalidArgumentError(`${MATCHER} headers`, `${describe(name)} is not a header name`, 'Header names are HTTP tokens, e.g. x-csrf-token.');
    }
    if (given !== undefined && typeof given !== 'string') {
      throw new InvalidArgumentError(`${MATCHER} headers`, `the value of ${name} is ${describe(given)}`, 'Give header values as strings.');
    }
    const lower = name.toLowerCase();
    const headerValue = given ?? placeholderValue(lower);
    if (isForbiddenRequestHeader(lower, headerValue)) {
      throw new InvalidArgumentError(`${MATCHER} headers`, `${name} is a forbidden request header: browsers never let script set it, so no server can allow it`, 'Test headers script can set, e.g. authorization or x-csrf-token.');
    }
    if (!out.some(([n]) => n.toLowerCase() === lower)) out.push([lower, headerValue]);
  }
  return out;
}

/** The request's own headers as pairs, whatever form they were given in. */
function headerPairs(headers: CorsRequest['headers']): Array<[string, string]> {
  if (headers === undefined || headers === null) return [];
  if (isHeadersLike(headers)) {
    const pairs: Array<[string, string]> = [];
    headers.forEach((value, name) => pairs.push([name, value]));
    return pairs;
  }
  if (Symbol.iterator in Object(headers)) return [...(headers as Iterable<readonly [string, string]>)].map(([n, v]) => [n, v]);
  return Object.entries(headers as Record<string, string>);
}

function toBlock(name: string, verdict: Verdict): { label: string; text: string } {
  const preflight = verdict.exchanges.find((e) => e.kind === 'preflight');
  const asked = preflight?.request.headers.find(([n]) => n.toLowerCase() === 'access-control-request-headers')?.[1] ?? '';
  if (!asked.split(',').some((n) => n.trim() === name)) {
    return { label: 'To block it', text: `${name} with this value is a CORS-safelisted request header, sent without a preflight: the server cannot refuse it by CORS.` };
  }
  return { label: 'To block it', text: `Leave ${name} out of Access-Control-Allow-Headers on the preflight response (and do not answer '*' or echo Access-Control-Request-Headers).` };
}
