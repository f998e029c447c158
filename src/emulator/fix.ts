/**
 * The fix of a blocked request, as data: the changes to the server's answers that make the whole request pass
 * in this engine, not only the check that failed first. For a failed preflight that is the preflight answer a
 * correct server gives (ok status, `Access-Control-Allow-Origin`, `-Credentials`, `-Methods`, `-Headers`) and
 * the CORS headers the response to the request itself then needs; for a failed response, its CORS headers.
 * A value already right is left alone; a response not seen yet (the actual request after a failed preflight)
 * gets every header it needs, since the emulator never sends a request to find out.
 */
import { getHeader } from '../spec/header-list.js';
import { parsedTokenList } from './token-lists.js';
import { isOkStatus, isRedirectStatus } from '../spec/http.js';
import type { BlockReason, FixChange, NetworkFailure, ReasonCode, WireResponse } from '../types.js';

export interface FixInput {
  code: ReasonCode;
  preflight: boolean;
  /** The URL whose answer failed. */
  url: string;
  /** What failed, for network errors. */
  network?: NetworkFailure;
  /** The answer that failed (the preflight's for a preflight failure), when there was one. */
  response?: WireResponse;
  method: string;
  /** The CORS-unsafe request-header names the preflight asked for. */
  unsafeNames: readonly string[];
  /** Whether the preflight answer must list the method (not CORS-safelisted, or the use-CORS-preflight flag is set). */
  methodNeedsListing: boolean;
  /** The origin the preflight carried, and the one the request itself carries (they differ after some redirects). */
  preflightOrigin: string;
  requestOrigin: string;
  credentialed: boolean;
  /** Whether the response is CORS-checked (mode `cors`, cross-origin). */
  corsChecked: boolean;
  /** The redirect location that carried credentials (RedirectContainsCredentials). */
  location?: string;
  /** The failed response is a redirect the request would follow. */
  redirects?: boolean;
  /** The request's redirect mode. */
  redirectMode?: 'follow' | 'manual' | 'error';
  /** The request may need a preflight at a later URL (it needed one, or its engine preflights every hop once one was needed). */
  preflightable?: boolean;
}

export type PlannedFix = Pick<BlockReason, 'fix' | 'unfixable'>;

export function planFix(input: FixInput): PlannedFix {
  switch (input.code) {
    case 'ForbiddenMethod':
    case 'CredentialsInUrl':
    case 'MethodNotAllowedInNoCors':
    case 'DisallowedByMode':
    case 'NoCorsRedirectModeNotFollow':
    case 'BadPort':
    case 'LocalNetworkAccessPermissionDenied':
    case 'InvalidPrivateNetworkAccess':
      // The browser refuses the request itself (or the user's permission decides); no answer from the server
      // changes that.
      return { fix: null, unfixable: 'request' };
    case 'NetworkError':
    case 'Timeout':
    case 'CorsDisabledScheme':
    case 'InvalidRedirectLocation':
      return networkFix(input);
    case 'UnexpectedRedirect':
    case 'TooManyRedirects':
      return { fix: [{ kind: 'drop-redirect', on: 'response', url: input.url }, ...responseHeaders(input, undefined)] };
    case 'RedirectContainsCredentials':
      // The redirect is then followed: the URLs after it answer too.
      return { fix: [{ kind: 'header', on: 'response', url: input.url, header: 'Location', value: withoutCredentials(input.location ?? '') }, ...laterHops(input)] };
    default:
      if (input.preflight) {
        // The response is not seen yet: with redirect mode 'error' it must not redirect; otherwise later URLs answer too.
        const onward = input.redirectMode === 'error' ? [{ kind: 'drop-redirect', on: 'response', url: input.url } as const] : laterHops(input);
        return { fix: [...preflightAnswer(input), ...responseHeaders(input, undefined), ...onward] };
      }
      // A redirect that failed its CORS check fails next on redirect mode 'error': it must answer directly.
      if (input.redirectMode === 'error' && input.response && isRedirectStatus(input.response.status)) {
        return { fix: [...responseHeaders(input, input.response), { kind: 'drop-redirect', on: 'response', url: input.url }] };
      }
      return { fix: [...responseHeaders(input, input.response), ...(input.redirects ? laterHops(input) : [])] };
  }
}

/**
 * Where the request may go on (its response is not seen yet, or is a redirect it follows), every later URL must
 * answer CORS too: echo the Origin it carries there, allow credentials, and pass the preflight a redirect may
 * bring, since engines preflight a redirected request again when it still needs one.
 */
function laterHops(input: FixInput): FixChange[] {
  if (!input.corsChecked) return [];
  const after = input.url;
  const changes: FixChange[] = [{ kind: 'later-header', on: 'response', after, header: 'Access-Control-Allow-Origin', value: null }];
  if (input.credentialed) changes.push({ kind: 'later-header', on: 'response', after, header: 'Access-Control-Allow-Credentials', value: 'true' });
  if (input.preflightable) {
    changes.push({ kind: 'later-status', on: 'preflight', after, status: 204 });
    changes.push({ kind: 'later-header', on: 'preflight', after, header: 'Access-Control-Allow-Origin', value: null });
    if (input.credentialed) changes.push({ kind: 'later-header', on: 'preflight', after, header: 'Access-Control-Allow-Credentials', value: 'true' });
    if (input.methodNeedsListing) changes.push({ kind: 'later-header', on: 'preflight', after, header: 'Access-Control-Allow-Methods', value: input.method });
    if (input.unsafeNames.length > 0) changes.push({ kind: 'later-header', on: 'preflight', after, header: 'Access-Control-Allow-Headers', value: input.unsafeNames.join(', ') });
  }
  return changes;
}

function networkFix(input: FixInput): PlannedFix {
  const kind = input.network?.kind;
  if (kind === 'invalid-location' || kind === 'redirect-scheme') {
    return { fix: [{ kind: 'drop-redirect', on: 'response', url: input.url }, ...responseHeaders(input, undefined)] };
  }
  if (kind === 'no-cors-redirect-mode') return { fix: null, unfixable: 'request' };
  if (kind === 'not-sent') return { fix: null, unfixable: 'not-sent' };
  return { fix: null, unfixable: 'no-answer' };
}

/** The preflight answer that passes: ok status, and each CORS header with a value that covers this request. */
function preflightAnswer(input: FixInput): FixChange[] {
  const { url } = input;
  const headers = input.response?.headers ?? [];
  const changes: FixChange[] = [];
  const status = input.response?.status;
  if (status !== undefined && !isOkStatus(status)) changes.push({ kind: 'status', on: 'preflight', url, status: 204 });
  const set = (header: string, value: string): void => {
    if (getHeader(headers, header) !== value) changes.push({ kind: 'header', on: 'preflight', url, header, value });
  };
  set('Access-Control-Allow-Origin', input.preflightOrigin);
  if (input.credentialed) set('Access-Control-Allow-Credentials', 'true');
  const needed = input.methodNeedsListing ? [input.method] : [];
  const methods = covering(getHeader(headers, 'access-control-allow-methods'), needed, (have, item) => have === item);
  if (methods !== null) set('Access-Control-Allow-Methods', methods);
  const names = covering(getHeader(headers, 'access-control-allow-headers'), input.unsafeNames, (have, item) => have.toLowerCase() === item);
  if (names !== null) set('Access-Control-Allow-Headers', names);
  return changes;
}

/**
 * A list value that holds every needed item: the current valid items plus the missing ones (a `*` is kept but
 * never relied on: it covers nothing with credentials, nor `Authorization`). Null when the current value already
 * parses and lists every item, or when nothing is needed and the header is absent or valid.
 */
function covering(current: string | null, needed: readonly string[], same: (have: string, item: string) => boolean): string | null {
  const parsed = current === null ? { ok: true as const, values: [] as string[] } : parsedTokenList(current);
  const values = parsed.ok ? parsed.values : [];
  const missing = needed.filter((item) => !values.some((have) => same(have, item)));
  if (parsed.ok && missing.length === 0) return null;
  const list = [...values, ...missing];
  return list.length > 0 ? list.join(', ') : needed.join(', ');
}

/** The CORS headers the response at `url` needs; when `seen`, only those it lacks. */
function responseHeaders(input: FixInput, seen: WireResponse | undefined): FixChange[] {
  if (!input.corsChecked) return [];
  const changes: FixChange[] = [];
  const set = (header: string, value: string): void => {
    if (seen === undefined || getHeader(seen.headers, header) !== value) changes.push({ kind: 'header', on: 'response', url: input.url, header, value });
  };
  set('Access-Control-Allow-Origin', input.requestOrigin);
  if (input.credentialed) set('Access-Control-Allow-Credentials', 'true');
  return changes;
}

/** The location without its user and password. */
function withoutCredentials(location: string): string {
  try {
    const url = new URL(location);
    url.username = '';
    url.password = '';
    return url.href;
  } catch {
    return location;
  }
}
