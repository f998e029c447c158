/**
 * The CORS check: https://fetch.spec.whatwg.org/#concept-cors-check
 * Failures are classified as Chromium classifies them (services/network/public/cpp/cors/cors.cc), so the
 * reason code and its hint are the ones a browser console shows.
 */
import type { EngineName, ReasonCode } from '../types.js';

export interface CorsCheckInput {
  /** The combined `Access-Control-Allow-Origin` value (repeats joined with `, `), or null when absent. */
  allowOrigin: string | null;
  /** The combined `Access-Control-Allow-Credentials` value, or null when absent. */
  allowCredentials: string | null;
  /** The serialized request origin: the page's origin, or `null` when redirect-tainted. */
  origin: string;
  credentials: 'omit' | 'same-origin' | 'include';
  engine?: EngineName;
}

export type CorsCheckResult = { ok: true } | { ok: false; code: ReasonCode; hint: string };

/**
 * 1. Let origin be the result of getting `Access-Control-Allow-Origin` from response's header list.
 * 2. If origin is null, then return failure.
 * 3. If request's credentials mode is not "include" and origin is `*`, then return success.
 * 4. If the result of byte-serializing a request origin with request is not origin, then return failure.
 * 5. If request's credentials mode is not "include", then return success.
 * 6. Let credentials be the result of getting `Access-Control-Allow-Credentials` from response's header list.
 * 7. If credentials is `true`, then return success.
 * 8. Return failure.
 */
export function corsCheck(input: CorsCheckInput): CorsCheckResult {
  const { allowOrigin, origin, credentials } = input;
  const include = credentials === 'include';
  if (allowOrigin === null) return fail('MissingAllowOriginHeader', '');
  if (allowOrigin === '*') {
    if (!include) return { ok: true };
    return fail('WildcardOriginNotAllowed', '');
  }
  if (allowOrigin !== origin) {
    if (/[ ,]/.test(allowOrigin)) return fail('MultipleAllowOriginValues', allowOrigin);
    if (!isParsableOrigin(allowOrigin)) return fail('InvalidAllowOriginValue', allowOrigin);
    return fail('AllowOriginMismatch', allowOrigin);
  }
  if (!include) return { ok: true };
  if (input.allowCredentials === 'true') return { ok: true };
  return fail('InvalidAllowCredentials', input.allowCredentials ?? '');
}

function fail(code: ReasonCode, hint: string): CorsCheckResult {
  return { ok: false, code, hint };
}

/** Chromium reports a value it cannot parse as a URL as invalid, and a parsable one (or `null`) as a mismatch. */
function isParsableOrigin(value: string): boolean {
  if (value === 'null') return true;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

const PREFLIGHT_CODES: Partial<Record<ReasonCode, ReasonCode>> = {
  WildcardOriginNotAllowed: 'PreflightWildcardOriginNotAllowed',
  MissingAllowOriginHeader: 'PreflightMissingAllowOriginHeader',
  MultipleAllowOriginValues: 'PreflightMultipleAllowOriginValues',
  InvalidAllowOriginValue: 'PreflightInvalidAllowOriginValue',
  AllowOriginMismatch: 'PreflightAllowOriginMismatch',
  InvalidAllowCredentials: 'PreflightInvalidAllowCredentials',
};

/** The preflight variant of a CORS-check failure code. */
export function asPreflightCode(code: ReasonCode): ReasonCode {
  return PREFLIGHT_CODES[code] ?? code;
}
