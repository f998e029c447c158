/**
 * Filtered responses: https://fetch.spec.whatwg.org/#concept-filtered-response — what script sees.
 */
import { decodeUtf8 } from '../platform.js';
import type { EngineProfile } from '../engines/index.js';
import { corsExposedHeaderNames, filterBasicHeaders, filterCorsHeaders } from '../spec/response-headers.js';
import type { FilteredResponse, WireResponse } from '../types.js';
import { scriptHeaderValues } from './header-encoding.js';
import { tokenList } from './token-lists.js';

export type Tainting = 'basic' | 'cors' | 'opaque';

const EMPTY = new Uint8Array(0);

export function filterResponse(
  response: WireResponse,
  type: Tainting | 'opaqueredirect',
  urlList: readonly string[],
  credentials: 'omit' | 'same-origin' | 'include',
  engine: EngineProfile,
  /** Other engines judge this very response: what script sees of it, worked out once for all (see `sharedVisibleHeaders`). */
  views?: ResponseViews,
): FilteredResponse {
  const url = urlList[urlList.length - 1];
  const redirected = urlList.length > 1;
  switch (type) {
    case 'basic':
    case 'cors': {
      const filtered = make(response.status, response.statusText, type, url, redirected, views ? sharedVisibleHeaders(response, views, type, credentials, engine) : visibleHeaders(response.headers, type, credentials, engine), response.body);
      if (response.bodyError !== undefined) filtered.bodyError = response.bodyError;
      return filtered;
    }
    case 'opaque':
      // "An opaque filtered response is a filtered response whose type is "opaque", URL list is the empty
      // list, status is 0, status message is the empty byte sequence, header list is empty, and body is null."
      return make(0, '', 'opaque', '', false, {}, EMPTY);
    case 'opaqueredirect':
      // "status is 0, status message is the empty byte sequence, header list is empty, and body is null."
      return make(0, '', 'opaqueredirect', url, redirected, {}, EMPTY);
  }
}

/** The header record script reads from a response of this type. */
function visibleHeaders(list: WireResponse['headers'], type: 'basic' | 'cors', credentials: 'omit' | 'same-origin' | 'include', engine: EngineProfile): Record<string, string> {
  return scriptHeaderValues(filteredHeaders(list, type, credentials), engine);
}

function filteredHeaders(list: WireResponse['headers'], type: 'basic' | 'cors', credentials: 'omit' | 'same-origin' | 'include'): Record<string, string> {
  return type === 'basic' ? filterBasicHeaders(list) : filterCorsHeaders(list, corsExposedHeaderNames(list, credentials, false, tokenList(list, 'access-control-expose-headers')));
}

/** The header records of one response, one slot per view (type and credentials mode: see `sharedVisibleHeaders`). */
export type ResponseViews = Array<Record<string, string> | undefined>;

const CREDENTIALS = { omit: 0, 'same-origin': 1, include: 2 } as const;

/**
 * `visibleHeaders`, worked out once per response and view: the engines judging one shared exchange read the same
 * response, and filtering it (lower-casing names, parsing the exposed list, combining repeats) costs more than
 * the rest of an allowed verdict. The views travel with the response's outcome (network.ts), not in a map keyed
 * by it: a weak map entry per response costs more than the filtering it saves. Each verdict gets its own record.
 */
function sharedVisibleHeaders(response: WireResponse, views: ResponseViews, type: 'basic' | 'cors', credentials: 'omit' | 'same-origin' | 'include', engine: EngineProfile): Record<string, string> {
  // One view per response type and credentials mode; each engine then reads its values in its own encoding.
  const view = (type === 'cors' ? 1 : 0) + 2 * CREDENTIALS[credentials];
  const filtered = views[view] ?? (views[view] = filteredHeaders(response.headers, type, credentials));
  const visible = scriptHeaderValues(filtered, engine);
  return visible === filtered ? { ...filtered } : visible;
}

function make(status: number, statusText: string, type: FilteredResponse['type'], url: string, redirected: boolean, headers: Record<string, string>, body: Uint8Array): FilteredResponse {
  return { status, statusText, type, url, redirected, headers, body, text: () => decodeUtf8(body) };
}
