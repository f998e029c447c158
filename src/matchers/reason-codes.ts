/**
 * Every `ReasonCode`, at run time, to check the code given to `toBeBlockedByCors`. The `satisfies` clause makes
 * the compiler fail when a code is added to the type and not here.
 */
import type { ReasonCode } from '../types.js';

const CODES = {
  DisallowedByMode: true,
  WildcardOriginNotAllowed: true,
  MissingAllowOriginHeader: true,
  MultipleAllowOriginValues: true,
  InvalidAllowOriginValue: true,
  AllowOriginMismatch: true,
  InvalidAllowCredentials: true,
  PreflightInvalidStatus: true,
  PreflightDisallowedRedirect: true,
  PreflightWildcardOriginNotAllowed: true,
  PreflightMissingAllowOriginHeader: true,
  PreflightMultipleAllowOriginValues: true,
  PreflightInvalidAllowOriginValue: true,
  PreflightAllowOriginMismatch: true,
  PreflightInvalidAllowCredentials: true,
  InvalidAllowMethodsPreflightResponse: true,
  InvalidAllowHeadersPreflightResponse: true,
  MethodDisallowedByPreflightResponse: true,
  HeaderDisallowedByPreflightResponse: true,
  RedirectContainsCredentials: true,
  UnexpectedRedirect: true,
  TooManyRedirects: true,
  ForbiddenMethod: true,
  CredentialsInUrl: true,
  MethodNotAllowedInNoCors: true,
  NoCorsRedirectModeNotFollow: true,
  CorsDisabledScheme: true,
  InvalidRedirectLocation: true,
  BadPort: true,
  LocalNetworkAccessPermissionDenied: true,
  InvalidPrivateNetworkAccess: true,
  NetworkError: true,
  Timeout: true,
} as const satisfies Record<ReasonCode, true>;

export const REASON_CODES: readonly ReasonCode[] = Object.keys(CODES) as ReasonCode[];

export function isReasonCode(value: unknown): value is ReasonCode {
  return typeof value === 'string' && Object.hasOwn(CODES, value);
}
