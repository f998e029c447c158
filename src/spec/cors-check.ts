/**
 * The CORS check: https://fetch.spec.whatwg.org/#concept-cors-check
 * It says which step failed and the value it failed on; naming the failure is the emulator's job.
 */

export interface CorsCheckInput {
  /** The combined `Access-Control-Allow-Origin` value (repeats joined with `, `), or null when absent. */
  allowOrigin: string | null;
  /** The combined `Access-Control-Allow-Credentials` value, or null when absent. */
  allowCredentials: string | null;
  /** The serialized request origin: the page's origin, or `null` when redirect-tainted. */
  origin: string;
  credentials: 'omit' | 'same-origin' | 'include';
}

/** The step that returned failure: 2 (no origin), 3-4 (`*` with credentials, or not the origin), 7-8 (credentials). */
export type CorsCheckFailure = 'missing-allow-origin' | 'wildcard-with-credentials' | 'origin-mismatch' | 'credentials-not-true';

export type CorsCheckResult = { ok: true } | { ok: false; failure: CorsCheckFailure; value: string | null };

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
  if (allowOrigin === null) return { ok: false, failure: 'missing-allow-origin', value: null };
  if (allowOrigin === '*') {
    if (!include) return OK;
    return { ok: false, failure: 'wildcard-with-credentials', value: allowOrigin };
  }
  if (allowOrigin !== origin) return { ok: false, failure: 'origin-mismatch', value: allowOrigin };
  if (!include) return OK;
  if (input.allowCredentials === 'true') return OK;
  return { ok: false, failure: 'credentials-not-true', value: input.allowCredentials };
}

const OK: CorsCheckResult = { ok: true };
