/**
 * Firefox's reason codes and console messages for CORS failures
 * (dom/locales/en-US/chrome/security/security.properties; reasons documented on MDN as "CORS errors").
 */
import type { ReasonCode } from '../types.js';

const LEAD = 'Cross-Origin Request Blocked: The Same Origin Policy disallows reading the remote resource at';

interface FirefoxReason {
  code: string;
  reason: (hint: string, origin: string) => string;
  status?: boolean;
}

const TABLE: Partial<Record<ReasonCode, FirefoxReason>> = {
  MissingAllowOriginHeader: { code: 'CORSMissingAllowOrigin', reason: () => 'CORS header ‘Access-Control-Allow-Origin’ missing', status: true },
  MultipleAllowOriginValues: { code: 'CORSMultipleAllowOriginNotAllowed', reason: () => 'Multiple CORS header ‘Access-Control-Allow-Origin’ not allowed' },
  InvalidAllowOriginValue: { code: 'CORSAllowOriginNotMatchingOrigin', reason: (_h, o) => `CORS header ‘Access-Control-Allow-Origin’ does not match ‘${o}’` },
  AllowOriginMismatch: { code: 'CORSAllowOriginNotMatchingOrigin', reason: (_h, o) => `CORS header ‘Access-Control-Allow-Origin’ does not match ‘${o}’` },
  WildcardOriginNotAllowed: { code: 'CORSNotSupportingCredentials', reason: () => 'Credential is not supported if the CORS header ‘Access-Control-Allow-Origin’ is ‘*’' },
  InvalidAllowCredentials: { code: 'CORSMissingAllowCredentials', reason: () => 'expected ‘true’ in CORS header ‘Access-Control-Allow-Credentials’' },
  PreflightInvalidStatus: { code: 'CORSPreflightDidNotSucceed', reason: () => 'CORS preflight response did not succeed', status: true },
  PreflightDisallowedRedirect: { code: 'CORSExternalRedirectNotAllowed', reason: () => 'CORS request external redirect not allowed' },
  InvalidAllowMethodsPreflightResponse: { code: 'CORSInvalidAllowMethod', reason: (h) => `invalid token ‘${h}’ in CORS header ‘Access-Control-Allow-Methods’` },
  InvalidAllowHeadersPreflightResponse: { code: 'CORSInvalidAllowHeader', reason: (h) => `invalid token ‘${h}’ in CORS header ‘Access-Control-Allow-Headers’` },
  MethodDisallowedByPreflightResponse: { code: 'CORSMethodNotFound', reason: () => 'Did not find method in CORS header ‘Access-Control-Allow-Methods’' },
  HeaderDisallowedByPreflightResponse: { code: 'CORSMissingAllowHeaderFromPreflight', reason: (h) => `header ‘${h}’ is not allowed according to header ‘Access-Control-Allow-Headers’ from CORS preflight response` },
  RedirectContainsCredentials: { code: 'CORSExternalRedirectNotAllowed', reason: () => 'CORS request external redirect not allowed' },
  NetworkError: { code: 'CORSDidNotSucceed', reason: () => 'CORS request did not succeed', status: true },
  Timeout: { code: 'CORSDidNotSucceed', reason: () => 'CORS request did not succeed', status: true },
};

/** Firefox's reason code and console message, or a plain network-error line when Firefox has no CORS reason. */
export function firefoxReason(code: ReasonCode, hint: string, url: string, origin: string, status?: number): { code: string; message: string } {
  const base = code.startsWith('Preflight') && !(code in TABLE) ? (code.replace(/^Preflight/, '') as ReasonCode) : code;
  const entry = TABLE[base];
  if (!entry) return { code: '', message: `TypeError: NetworkError when attempting to fetch resource.` };
  const statusPart = entry.status ? ` Status code: ${status ?? '(null)'}.` : '';
  return { code: entry.code, message: `${LEAD} ${url}. (Reason: ${entry.reason(hint, origin)}).${statusPart}` };
}
