/**
 * Firefox's console messages for a blocked fetch, word for word as Firefox ESR 153 prints them: the CORS strings
 * of dom/locales/en-US/chrome/security/security.properties under their current (versioned) keys, checked against
 * the consoles of the recorded corpora (test/conformance/recorded/, read through WebDriver BiDi).
 */
import { decodeBytes } from '../emulator/header-encoding.js';
import type { NetworkFailure, ReasonCode } from '../types.js';

const LEAD = 'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at';

/** security.properties, CORS section: key -> text; %1$S is the URL, %2$S the key's parameter. */
export const FIREFOX_STRINGS = {
  CORSDisabled: `${LEAD} %1$S. (Reason: CORS disabled).`,
  CORSDidNotSucceed2: `${LEAD} %1$S. (Reason: CORS request did not succeed). Status code: %2$S.`,
  CORSOriginHeaderNotAdded: `${LEAD} %1$S. (Reason: CORS header ‘Origin’ cannot be added).`,
  CORSExternalRedirectNotAllowed: `${LEAD} %1$S. (Reason: CORS request external redirect not allowed).`,
  CORSRequestNotHttp: `${LEAD} %1$S. (Reason: CORS request not http).`,
  CORSMissingAllowOrigin2: `${LEAD} %1$S. (Reason: CORS header ‘Access-Control-Allow-Origin’ missing). Status code: %2$S.`,
  CORSMultipleAllowOriginNotAllowed: `${LEAD} %1$S. (Reason: Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed).`,
  CORSAllowOriginNotMatchingOrigin: `${LEAD} %1$S. (Reason: CORS header ‘Access-Control-Allow-Origin’ does not match ‘%2$S’).`,
  CORSNotSupportingCredentials: `${LEAD} ‘%1$S’. (Reason: Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’).`,
  CORSMethodNotFound: `${LEAD} %1$S. (Reason: Did not find method in CORS header ‘Access-Control-Allow-Methods’).`,
  CORSMissingAllowCredentials: `${LEAD} %1$S. (Reason: expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’).`,
  CORSPreflightDidNotSucceed3: `${LEAD} %1$S. (Reason: CORS preflight response did not succeed). Status code: %2$S.`,
  CORSInvalidAllowMethod: `${LEAD} %1$S. (Reason: invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Methods’).`,
  CORSInvalidAllowHeader: `${LEAD} %1$S. (Reason: invalid token ‘%2$S’ in CORS header ‘Access-Control-Allow-Headers’).`,
  CORSMissingAllowHeaderFromPreflight2: `${LEAD} %1$S. (Reason: header ‘%2$S’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response).`,
  CORSAllowHeaderFromPreflightDeprecation: 'Cross-Origin Request Warning: The Same Origin Policy will disallow reading the remote resource at %1$S soon. (Reason: When the `Access-Control-Allow-Headers` is `*`, the `Authorization` header is not covered. To include the `Authorization` header, it must be explicitly listed in CORS header `Access-Control-Allow-Headers`).',
} as const;
export type FirefoxKey = keyof typeof FIREFOX_STRINGS;

function format(key: FirefoxKey, url: string, param = ''): string {
  return FIREFOX_STRINGS[key].replace('%1$S', url).replace('%2$S', param);
}

/** caps.properties: a load the page's principal may not make (a `same-origin` request that left the origin). */
const CHECK_SAME_ORIGIN_ERROR = 'Security Error: Content at %1$S may not load data from %2$S.';

/** What Firefox's console needs to know about a blocked fetch. */
export interface FirefoxFacts {
  code: ReasonCode;
  /** The failed parameter: a header value, method, token or header name. */
  hint: string;
  /** URL of the response that failed the check (the preflight's URL for a preflight). */
  url: string;
  /** The page's origin. */
  origin: string;
  /** The status of the response that failed the check. */
  status?: number;
  /** The preflight is what failed. */
  preflight: boolean;
  /** The response that failed a header check is a redirect (it has a `Location`). */
  redirect?: boolean;
  /** The request's redirect mode (default `follow`). */
  redirectMode?: 'follow' | 'manual' | 'error';
  /** The request's mode (default `cors`). */
  mode?: string;
  /** After a redirect: the URL that redirected to `url`. */
  previousUrl?: string;
  /** The names of the header lines that carried `Access-Control-Allow-Origin`, as sent, when several. */
  allowOriginNames?: readonly string[];
  /** What the network did, for a network error: a response head the engine refused (`refused-head`). */
  network?: NetworkFailure;
}

/** necko.properties: a status line Firefox's HTTP parser refuses, reported for the request itself (recorded: heads). */
const INVALID_STATUS_LINE = 'The status line of the HTTP response is invalid';

/** caps.properties: a load of a local file, or of a blob URL, the principal may not make. */
const CHECK_LOAD_URI_ERROR = 'Security Error: Content at %1$S may not load or link to %2$S.';
/** Schemes whose redirect Firefox refuses without naming the scheme (only the channel's failure is reported). */
const SILENT_SCHEMES = new Set(['data:', 'javascript:', 'ws:', 'wss:']);

/** A redirect to a URL that is not HTTP(S): what Firefox's console says (recorded per scheme and mode). */
function redirectToOtherScheme(facts: FirefoxFacts): string[] {
  const cors = (facts.mode ?? 'cors') === 'cors';
  const scheme = /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(facts.hint)?.[0].toLowerCase() ?? '';
  // In mode cors the redirecting URL is the content that may not load; otherwise the page.
  const content = cors ? facts.url : `${facts.origin}/`;
  const failed = format('CORSDidNotSucceed2', facts.url, '(null)');
  let reason: string | null;
  if (scheme === 'file:') reason = CHECK_LOAD_URI_ERROR.replace('%1$S', content).replace('%2$S', facts.hint);
  else if (scheme === 'blob:') reason = CHECK_SAME_ORIGIN_ERROR.replace('%1$S', content).replace('%2$S', facts.hint);
  else reason = cors && !SILENT_SCHEMES.has(scheme) ? format('CORSRequestNotHttp', facts.hint) : null;
  return [...(reason === null ? [] : [reason]), ...(cors ? [failed] : [])];
}

/** The main reason key per reason code (preflight variants share their key). */
function reasonKey(code: ReasonCode): FirefoxKey | null {
  switch (code) {
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return 'CORSMissingAllowOrigin2';
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return 'CORSAllowOriginNotMatchingOrigin';
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return 'CORSNotSupportingCredentials';
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return 'CORSMissingAllowCredentials';
    case 'PreflightInvalidStatus':
      return 'CORSPreflightDidNotSucceed3';
    case 'PreflightDisallowedRedirect':
      return 'CORSExternalRedirectNotAllowed';
    case 'InvalidAllowMethodsPreflightResponse':
      return 'CORSInvalidAllowMethod';
    case 'InvalidAllowHeadersPreflightResponse':
      return 'CORSInvalidAllowHeader';
    case 'MethodDisallowedByPreflightResponse':
      return 'CORSMethodNotFound';
    case 'HeaderDisallowedByPreflightResponse':
      return 'CORSMissingAllowHeaderFromPreflight2';
    case 'NetworkError':
    case 'Timeout':
    case 'LocalNetworkAccessPermissionDenied':
      return 'CORSDidNotSucceed2';
    default:
      return null;
  }
}

/**
 * Firefox's reason key and its console lines for a blocked fetch. The reason comes first. A failed preflight, and
 * a header check that failed on a redirect the request was following, then also fail the channel, which Firefox
 * reports as `CORSDidNotSucceed2` with no status, once for each. A preflight answered with a redirect that passed
 * the header checks is followed (and refused: `CORSExternalRedirectNotAllowed`) only in redirect mode `follow`;
 * either way its status is reported. A `same-origin` request that left the origin is refused by the page's
 * principal, in its own words.
 */
export function firefoxConsole(facts: FirefoxFacts): { code: string; lines: string[] } {
  if (facts.code === 'DisallowedByMode') {
    return { code: 'CheckSameOriginError', lines: [CHECK_SAME_ORIGIN_ERROR.replace('%1$S', `${facts.origin}/`).replace('%2$S', facts.url)] };
  }
  if (facts.code === 'CorsDisabledScheme') return { code: 'CORSRequestNotHttp', lines: redirectToOtherScheme(facts) };
  // A redirect to a blocked port fails the redirecting channel (in mode cors, reported); a blocked port up front is
  // refused silently.
  if (facts.code === 'BadPort') {
    const reported = (facts.mode ?? 'cors') === 'cors' && facts.previousUrl !== undefined;
    return reported ? { code: 'CORSDidNotSucceed2', lines: [format('CORSDidNotSucceed2', facts.previousUrl!, '(null)')] } : { code: '', lines: [] };
  }
  // Refused redirects (a Location that does not parse, credentials in it, too many): in mode cors the channel's
  // failure alone.
  if (facts.code === 'InvalidRedirectLocation' || facts.code === 'RedirectContainsCredentials' || facts.code === 'TooManyRedirects') {
    return (facts.mode ?? 'cors') === 'cors' ? { code: 'CORSDidNotSucceed2', lines: [format('CORSDidNotSucceed2', facts.url, '(null)')] } : { code: '', lines: [] };
  }
  // nsCORSListenerProxy::CheckRequestApproved first counts the header lines of a response named exactly
  // `Access-Control-Allow-Origin` (recorded: wpt-cors w434-w439; lower-case names are not counted, seed11
  // t110253); a preflight's are read as one value (seed11 t110009).
  const repeated = (facts.allowOriginNames ?? []).filter((name) => name === 'Access-Control-Allow-Origin').length > 1;
  const key = repeated && !facts.preflight ? 'CORSMultipleAllowOriginNotAllowed' : reasonKey(facts.code);
  if (key === null) return { code: '', lines: [] };
  const follow = (facts.redirectMode ?? 'follow') === 'follow';
  const status = facts.status === undefined ? '(null)' : String(facts.status);
  const failed = format('CORSDidNotSucceed2', facts.url, '(null)');
  switch (key) {
    case 'CORSDidNotSucceed2': {
      // A refused local-network request fails the preflight's channel too; outside mode cors it is silent.
      if (facts.code === 'LocalNetworkAccessPermissionDenied') {
        if ((facts.mode ?? 'cors') !== 'cors') return { code: '', lines: [] };
        return { code: key, lines: facts.preflight ? [failed, failed] : [failed] };
      }
      // A response head the network stack refused fails the preflight's channel and then the request's (recorded:
      // heads); a status line it refused for the request itself is reported first.
      const refused = facts.network?.kind === 'refused-head' ? facts.network.problem : undefined;
      if (refused !== undefined && facts.preflight) return { code: key, lines: [failed, failed] };
      if (refused === 'status-line') return { code: key, lines: [INVALID_STATUS_LINE, failed] };
      return { code: key, lines: [failed] };
    }
    case 'CORSExternalRedirectNotAllowed':
      if (facts.code === 'PreflightDisallowedRedirect') {
        const preflightFailed = format('CORSPreflightDidNotSucceed3', facts.url, status);
        return follow
          ? { code: key, lines: [format(key, facts.url), preflightFailed, failed] }
          : { code: 'CORSPreflightDidNotSucceed3', lines: [preflightFailed, failed] };
      }
      break;
  }
  // A header value is quoted as its bytes read as UTF-8 (recorded: a byte 0x80-0xFF on its own prints as U+FFFD).
  const lines = [key === 'CORSMissingAllowOrigin2' || key === 'CORSPreflightDidNotSucceed3' ? format(key, facts.url, status) : format(key, facts.url, decodeBytes(facts.hint))];
  if (facts.preflight) lines.push(failed);
  if (facts.redirect && follow) lines.push(failed);
  return { code: key, lines };
}

export interface FirefoxReasonOptions {
  network?: NetworkFailure;
  preflight?: boolean;
  redirect?: boolean;
  redirectMode?: 'follow' | 'manual' | 'error';
  mode?: string;
  previousUrl?: string;
  allowOriginNames?: readonly string[];
}

/** Firefox's reason key and console message (its lines, one per line) for a blocked fetch. */
export function firefoxReason(code: ReasonCode, hint: string, url: string, origin: string, status?: number, options: FirefoxReasonOptions = {}): { code: string; message: string } {
  const { code: key, lines } = firefoxConsole({
    code, hint, url, origin, status, preflight: options.preflight ?? code.startsWith('Preflight'), redirect: options.redirect, redirectMode: options.redirectMode, mode: options.mode,
    previousUrl: options.previousUrl, allowOriginNames: options.allowOriginNames, network: options.network,
  });
  return { code: key, message: lines.join('\n') };
}
