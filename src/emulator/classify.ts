/**
 * Naming a failed CORS check the way Chromium's `CheckAccess` does (services/network/public/cpp/cors/cors.cc):
 * an `Access-Control-Allow-Origin` that is not the origin is reported as several values when it holds a space or
 * a comma, as invalid when it does not parse as a URL, and as a mismatch otherwise. The reason codes follow
 * these names for every engine; each engine's words for them are in src/report.
 */
import type { CorsCheckResult } from '../spec/cors-check.js';
import type { ReasonCode } from '../types.js';
import { BoundedMemo } from '../bounded-memo.js';

export interface Classified {
  code: ReasonCode;
  failedParameter?: string;
}

type Failed = Extract<CorsCheckResult, { ok: false }>;

export function classifyCorsCheck(result: Failed, preflight: boolean): Classified {
  const value = result.value ?? '';
  let code: ReasonCode;
  switch (result.failure) {
    case 'missing-allow-origin':
      code = 'MissingAllowOriginHeader';
      break;
    case 'wildcard-with-credentials':
      code = 'WildcardOriginNotAllowed';
      break;
    case 'credentials-not-true':
      code = 'InvalidAllowCredentials';
      break;
    case 'origin-mismatch':
      code = /[ ,]/.test(value) ? 'MultipleAllowOriginValues' : isParsableOrigin(value) ? 'AllowOriginMismatch' : 'InvalidAllowOriginValue';
      break;
  }
  return { code: preflight ? asPreflightCode(code) : code, failedParameter: result.value ?? undefined };
}

/**
 * Chromium reports a value it cannot parse as a URL as invalid, and a parsable one (or `null`) as a mismatch.
 * Remembered per value (at most 256): a server answers every request with the same few, and a parse that fails
 * throws, which costs more than the rest of a blocked verdict.
 */
const parsable = new BoundedMemo<boolean>(256);

function isParsableOrigin(value: string): boolean {
  return value === 'null' || parsable.of(value, URL.canParse);
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
