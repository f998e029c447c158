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
    case 'TooManyRedirects': {
      const fix: FixChange[] = [{ kind: 'drop-redirect', on: 'response', url: input.url }];
      responseHeaders(fix, input, undefined);
      return { fix };
    }
    case 'RedirectContainsCredentials': {
      // The redirect is then followed: the URLs after it answer too.
      const fix: FixChange[] = [{ kind: 'header', on: 'response', url: input.url, header: 'Location', value: withoutCredentials(input.location ?? '') }];
      laterHops(fix, input);
      return { fix };
    }
    default: {
      // (Each part appends its changes to one list: this runs for every blocked verdict.)
      const fix: FixChange[] = [];
      if (input.preflight) {
        // The response is not seen yet: with redirect mode 'error' it must not redirect; otherwise later URLs answer too.
        preflightAnswer(fix, input);
        responseHeaders(fix, input, undefined);
        if (input.redirectMode === 'error') fix.push({ kind: 'drop-redirect', on: 'response', url: input.url });
        else laterHops(fix, input);
        return { fix };
      }
      // A redirect that failed its CORS check fails next on redirect mode 'error': it must answer directly.
      if (input.redirectMode === 'error' && input.response && isRedirectStatus(input.response.status)) {
        responseHeaders(fix, input, input.response);
        fix.push({ kind: 'drop-redirect', on: 'response', url: input.url });
        return { fix };
      }
      responseHeaders(fix, input, input.response);
      if (input.redirects) laterHops(fix, input);
      return { fix };
    }
  }
}

/**
 * Where the request may go on (its response is not seen yet, or is a redirect it follows), every later URL must
 * answer CORS too: echo the Origin it carries there, allow credentials, and pass the preflight a redirect may
 * bring, since engines preflight a redirected request again when it still needs one.
 */
function laterHops(changes: FixChange[], input: FixInput): void {
  if (!input.corsChecked) return;
  const after = input.url;
  changes.push({ kind: 'later-header', on: 'response', after, header: 'Access-Control-Allow-Origin', value: null });
  if (input.credentialed) changes.push({ kind: 'later-header', on: 'response', after, header: 'Access-Control-Allow-Credentials', value: 'true' });
  if (input.preflightable) {
    changes.push({ kind: 'later-status', on: 'preflight', after, status: 204 });
    changes.push({ kind: 'later-header', on: 'preflight', after, header: 'Access-Control-Allow-Origin', value: null });
    if (input.credentialed) changes.push({ kind: 'later-header', on: 'preflight', after, header: 'Access-Control-Allow-Credentials', value: 'true' });
    if (input.methodNeedsListing) changes.push({ kind: 'later-header', on: 'preflight', after, header: 'Access-Control-Allow-Methods', value: input.method });
    if (input.unsafeNames.length > 0) changes.push({ kind: 'later-header', on: 'preflight', after, header: 'Access-Control-Allow-Headers', value: input.unsafeNames.join(', ') });
  }
}

function networkFix(input: FixInput): PlannedFix {
  const kind = input.network?.kind;
  if (kind === 'invalid-location' || kind === 'redirect-scheme') {
    const fix: FixChange[] = [{ kind: 'drop-redirect', on: 'response', url: input.url }];
    responseHeaders(fix, input, undefined);
    return { fix };
  }
  if (kind === 'no-cors-redirect-mode') return { fix: null, unfixable: 'request' };
  if (kind === 'not-sent') return { fix: null, unfixable: 'not-sent' };
  return { fix: null, unfixable: 'no-answer' };
}

/** The preflight answer that passes: ok status, and each CORS header with a value that covers this request. */
function preflightAnswer(changes: FixChange[], input: FixInput): void {
  const { url } = input;
  const headers = input.response?.headers ?? [];
  const status = input.response?.status;
  if (status !== undefined && !isOkStatus(status)) changes.push({ kind: 'status', on: 'preflight', url, status: 204 });
  setPreflight(changes, headers, url, 'Access-Control-Allow-Origin', input.preflightOrigin);
  if (input.credentialed) setPreflight(changes, headers, url, 'Access-Control-Allow-Credentials', 'true');
  const methods = covering(getHeader(headers, 'access-control-allow-methods'), input.methodNeedsListing ? [input.method] : [], false);
  if (methods !== null) setPreflight(changes, headers, url, 'Access-Control-Allow-Methods', methods);
  const names = covering(getHeader(headers, 'access-control-allow-headers'), input.unsafeNames, true);
  if (names !== null) setPreflight(changes, headers, url, 'Access-Control-Allow-Headers', names);
}

/** A preflight header change, unless the answer already has exactly that value. */
function setPreflight(changes: FixChange[], headers: WireResponse['headers'], url: string, header: string, value: string): void {
  if (getHeader(headers, header) !== value) changes.push({ kind: 'header', on: 'preflight', url, header, value });
}

/**
 * A list value that holds every needed item: the current valid items plus the missing ones (a `*` is kept but
 * never relied on: it covers nothing with credentials, nor `Authorization`). Null when the current value already
 * parses and lists every item, or when nothing is needed and the header is absent or valid.
 */
function covering(current: string | null, needed: readonly string[], ignoreCase: boolean): string | null {
  const parsed = current === null ? null : parsedTokenList(current);
  const values = parsed?.ok ? parsed.values : [];
  let missing: string[] | undefined;
  for (const item of needed) {
    let listed = false;
    for (const have of values) {
      if ((ignoreCase ? have.toLowerCase() : have) === item) {
        listed = true;
        break;
      }
    }
    if (!listed) (missing ??= []).push(item);
  }
  if ((parsed === null || parsed.ok) && missing === undefined) return null;
  const list = missing === undefined ? values : [...values, ...missing];
  return list.length > 0 ? list.join(', ') : needed.join(', ');
}

/** The CORS headers the response at `url` needs; when `seen`, only those it lacks. */
function responseHeaders(changes: FixChange[], input: FixInput, seen: WireResponse | undefined): void {
  if (!input.corsChecked) return;
  setResponse(changes, seen, input.url, 'Access-Control-Allow-Origin', input.requestOrigin);
  if (input.credentialed) setResponse(changes, seen, input.url, 'Access-Control-Allow-Credentials', 'true');
}

function setResponse(changes: FixChange[], seen: WireResponse | undefined, url: string, header: string, value: string): void {
  if (seen === undefined || getHeader(seen.headers, header) !== value) changes.push({ kind: 'header', on: 'response', url, header, value });
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
