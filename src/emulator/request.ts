/**
 * Turning a checked request into the request the fetch algorithm runs on, the way `new Request()` and `fetch()`
 * do: https://fetch.spec.whatwg.org/#dom-request (steps on method, mode, headers guard, body). What a browser
 * rejects with a TypeError at `fetch()` becomes a blocked verdict.
 */
import type { CheckedRequest, RequestSettings } from '../arguments/request.js';
import type { EngineProfile } from '../engines/index.js';
import { isCorsSafelistedMethod, isForbiddenMethod, normalizeMethod } from '../spec/methods.js';
import { isForbiddenRequestHeader, isNoCorsSafelistedRequestHeader } from '../spec/request-headers.js';
import type { ReasonCode } from '../types.js';
import type { ExtractedBody } from './body.js';
import { enginePathHref } from './url-quirks.js';

export interface PreparedRequest extends RequestSettings {
  url: string;
  origin: string;
  method: string;
  /** Author headers after the guard ("request" or "request-no-cors") filtered them. */
  headers: Array<[string, string]>;
  body: Uint8Array | null;
}

export type Prepared = { ok: true; request: PreparedRequest } | { ok: false; code: ReasonCode; failedParameter: string; url: string; origin: string };

/** `extracted`: the body already extracted (a stream can be read once; several engines share one extraction). */
export function prepareRequest(input: CheckedRequest, engine: EngineProfile, extracted: ExtractedBody): Prepared {
  const { origin, mode } = input;
  // The URL as the engine's parser serializes it (a few more path characters escaped: url-quirks.ts).
  const url = enginePathHref(input.url, engine);
  // new Request() step 5.3: "If parsedURL includes credentials, then throw a TypeError." (Recorded: all three
  // engines throw before anything is sent, for a user name alone too.)
  if (url.includes('@') && hasCredentials(url)) return { ok: false, code: 'CredentialsInUrl', failedParameter: '', url, origin };
  // new Request() step 25: "If init["method"] exists ... If method is a forbidden method, then throw a TypeError."
  if (isForbiddenMethod(input.method)) return { ok: false, code: 'ForbiddenMethod', failedParameter: input.method.toUpperCase(), url, origin };
  const method = normalizeMethod(input.method);
  // Step 30: "If this's request's mode is "no-cors", then: If this's request's method is not a CORS-safelisted
  // method, then throw a TypeError."
  if (mode === 'no-cors' && !isCorsSafelistedMethod(method)) return { ok: false, code: 'MethodNotAllowedInNoCors', failedParameter: method, url, origin };

  // Headers guard: "request" drops forbidden request-headers; "request-no-cors" keeps only no-CORS-safelisted ones.
  const headers: Array<[string, string]> = [];
  // The checked request's own entries are kept, not copied: the engines then share them, and the shared exchange
  // (shared-exchange.ts) tells their requests' common lines apart by identity first.
  for (const entry of input.headers) {
    const [name, value] = entry;
    const lower = name.toLowerCase();
    if (isForbiddenRequestHeader(lower, value) || engine.extraForbiddenRequestHeaders.has(lower)) continue;
    if (mode === 'no-cors') {
      // https://fetch.spec.whatwg.org/#concept-headers-append: guard "request-no-cors": if name is not a
      // no-CORS-safelisted request-header (checked on the combined value), return.
      const existing = headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
      const combined = existing.length ? `${existing.join(', ')}, ${value}` : value;
      if (!isNoCorsSafelistedRequestHeader(lower, combined)) continue;
    }
    headers.push(entry);
  }

  const { bytes, type } = extracted;
  // fetch() / new Request() step 36.4: "If type is non-null and this's headers's header list does not contain
  // `Content-Type`, then append (`Content-Type`, type) to this's headers."
  if (type !== null && !headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['Content-Type', type]);

  const { credentials, redirect, cache, addressSpace, targetAddressSpace, localNetworkPermissions, addressSpaces } = input;
  return {
    ok: true,
    request: { url, origin, method, headers, body: bytes, mode, credentials, redirect, cache, addressSpace, targetAddressSpace, localNetworkPermissions, addressSpaces },
  };
}

function hasCredentials(href: string): boolean {
  const url = new URL(href);
  return url.username !== '' || url.password !== '';
}
