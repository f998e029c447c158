/**
 * The browser's checks on one received response, without sending anything: the CORS check
 * (https://fetch.spec.whatwg.org/#concept-cors-check) and which headers script can then read
 * (https://fetch.spec.whatwg.org/#concept-filtered-response-cors).
 */
import { classifyCorsCheck } from '../emulator/classify.js';
import { planFix } from '../emulator/fix.js';
import { corsCheck } from '../spec/cors-check.js';
import { getHeader } from '../spec/header-list.js';
import { corsExposedHeaderNames, isCorsSafelistedResponseHeaderName, isForbiddenResponseHeaderName } from '../spec/response-headers.js';
import type { BlockReason, EngineName, RequestCredentials_ } from '../types.js';
import type { ReceivedResponse } from './response-like.js';

/** The URL messages name when the response does not know its request's URL. */
const UNKNOWN_URL = '(the response)';

export type ResponseCheck = { ok: true } | { ok: false; reason: BlockReason };

export function checkResponse(response: ReceivedResponse, origin: string, credentials: RequestCredentials_, _engine: EngineName): ResponseCheck {
  const check = corsCheck({
    allowOrigin: getHeader(response.headers, 'access-control-allow-origin'),
    allowCredentials: getHeader(response.headers, 'access-control-allow-credentials'),
    origin,
    credentials,
  });
  if (check.ok) return check;
  const { code, failedParameter } = classifyCorsCheck(check, false);
  const url = response.url ?? UNKNOWN_URL;
  const credentialed = credentials === 'include';
  const reason: BlockReason = {
    code,
    preflight: false,
    url,
    initialUrl: url,
    origin,
    requestOrigin: origin,
    ...(failedParameter !== undefined ? { failedParameter } : {}),
    status: response.status,
    credentialed,
    ...planFix({
      code, preflight: false, url, response: { status: response.status ?? 200, statusText: '', headers: response.headers.map(([n, v]) => [n, v]), body: new Uint8Array(0) },
      method: 'GET', unsafeNames: [], methodNeedsListing: false, preflightOrigin: origin, requestOrigin: origin, credentialed, corsChecked: true,
    }),
  };
  return { ok: false, reason };
}

export type Readability =
  | { readable: true; why: 'safelisted' | 'exposed' | 'wildcard' | 'same-origin' }
  | { readable: false; why: 'absent' | 'forbidden' | 'not-exposed' | 'wildcard-with-credentials' };

/** Whether script can read response header `name` of a response that passed the CORS check. */
export function headerReadability(headers: ReadonlyArray<readonly [string, string]>, name: string, credentials: RequestCredentials_): Readability {
  const lower = name.toLowerCase();
  if (isForbiddenResponseHeaderName(lower)) return { readable: false, why: 'forbidden' };
  if (getHeader(headers, lower) === null) return { readable: false, why: 'absent' };
  const exposed = corsExposedHeaderNames(headers, credentials);
  if (isCorsSafelistedResponseHeaderName(lower, new Set())) return { readable: true, why: 'safelisted' };
  if (exposed === 'all') return { readable: true, why: 'wildcard' };
  if (exposed.has(lower)) return { readable: true, why: 'exposed' };
  if (credentials === 'include' && exposed.has('*')) return { readable: false, why: 'wildcard-with-credentials' };
  return { readable: false, why: 'not-exposed' };
}

/** Why a header is (not) readable, in one sentence for a message. */
export function describeReadability(name: string, r: Readability): string {
  switch (r.why) {
    case 'safelisted':
      return `${name} is a CORS-safelisted response header: script can always read it.`;
    case 'same-origin':
      return 'The response is same-origin: script reads every header but Set-Cookie.';
    case 'exposed':
      return `${name} is listed in Access-Control-Expose-Headers.`;
    case 'wildcard':
      return `Access-Control-Expose-Headers: * exposes every header to a request without credentials.`;
    case 'absent':
      return `The response has no ${name} header.`;
    case 'forbidden':
      return `${name} is a forbidden response header: browsers never let script read it.`;
    case 'not-exposed':
      return `${name} is sent but not listed in Access-Control-Expose-Headers.`;
    case 'wildcard-with-credentials':
      return `Access-Control-Expose-Headers: * does not apply to a request with credentials.`;
  }
}
