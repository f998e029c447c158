/**
 * Mocks that answer as a correct server with a policy made by `defineCorsPolicy` would: preflights answered
 * from the policy (status 204, never reaching the handlers), every other response given the policy's CORS
 * headers (existing `Access-Control-*` headers replaced, `Vary` merged). The route scope is chosen by the
 * request's path, exactly as `toMatchCorsPolicy` expects of the real backend.
 */
import { answerFor, applyAnswer } from '../policy/answer.js';
import type { DefinedCorsPolicy } from '../policy/define.js';
import { serverClasses } from '../platform.js';

/** The preflight answer for `request`, or `null` when it is not a preflight. */
export function policyPreflight(policy: DefinedCorsPolicy, request: Request): Response | null {
  const answer = answerFor(policy, request);
  if (!answer.preflight) return null;
  // The server side of the exchange: never the page's classes (see platform.ts).
  const { Headers, Response } = serverClasses();
  return new Response(null, { status: answer.status, headers: applyAnswer(new Headers(), answer) });
}

/** `response` with the policy's CORS headers for `request`. */
export function withPolicyHeaders(policy: DefinedCorsPolicy, request: Request, response: Response): Response {
  const { Headers, Response } = serverClasses();
  const headers = applyAnswer(new Headers(response.headers), answerFor(policy, request));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}

/** A fetch handler that applies `policy` around `handler`. */
export function policyHandler(policy: DefinedCorsPolicy, handler: (request: Request) => Response | Promise<Response>): (request: Request) => Promise<Response> {
  return async (request) => policyPreflight(policy, request) ?? withPolicyHeaders(policy, request, await handler(request));
}
