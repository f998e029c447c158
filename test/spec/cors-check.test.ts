// Written from https://fetch.spec.whatwg.org/#concept-cors-check, classified as Chromium's console does.
import { describe, expect, it } from 'vitest';
import { asPreflightCode, classifyCorsCheck } from '../../src/emulator/classify.js';
import { corsCheck } from '../../src/spec/cors-check.js';

const origin = 'https://app.example';
/** The check's result, with a failure named as the emulator names it. */
const check = (allowOrigin: string | null, credentials: 'omit' | 'same-origin' | 'include' = 'same-origin', allowCredentials: string | null = null) => {
  const result = corsCheck({ allowOrigin, allowCredentials, origin, credentials });
  if (result.ok) return result;
  const { code, failedParameter } = classifyCorsCheck(result, false);
  return { ok: false, step: result.failure, code, hint: failedParameter ?? '' };
};

describe('CORS check', () => {
  it('fails without Access-Control-Allow-Origin (step 2)', () => {
    expect(check(null)).toEqual({ ok: false, step: 'missing-allow-origin', code: 'MissingAllowOriginHeader', hint: '' });
  });
  it('passes * when credentials mode is not include (step 3) and rejects it otherwise', () => {
    expect(check('*')).toEqual({ ok: true });
    expect(check('*', 'include', 'true')).toEqual({ ok: false, step: 'wildcard-with-credentials', code: 'WildcardOriginNotAllowed', hint: '*' });
  });
  it('requires the serialized origin byte for byte (step 4)', () => {
    expect(check(origin)).toEqual({ ok: true });
    expect(check(`${origin}/`)).toEqual({ ok: false, step: 'origin-mismatch', code: 'AllowOriginMismatch', hint: `${origin}/` });
    expect(check('HTTPS://APP.EXAMPLE')).toEqual({ ok: false, step: 'origin-mismatch', code: 'AllowOriginMismatch', hint: 'HTTPS://APP.EXAMPLE' });
    expect(check('null')).toEqual({ ok: false, step: 'origin-mismatch', code: 'AllowOriginMismatch', hint: 'null' });
    expect(check(`${origin}, ${origin}`)).toEqual({ ok: false, step: 'origin-mismatch', code: 'MultipleAllowOriginValues', hint: `${origin}, ${origin}` });
    expect(check(`${origin} *`)).toMatchObject({ code: 'MultipleAllowOriginValues' });
    expect(check('')).toEqual({ ok: false, step: 'origin-mismatch', code: 'InvalidAllowOriginValue', hint: '' });
  });
  it('matches a null origin with a null value', () => {
    expect(corsCheck({ allowOrigin: 'null', allowCredentials: null, origin: 'null', credentials: 'omit' })).toEqual({ ok: true });
  });
  it('requires Access-Control-Allow-Credentials: true exactly when credentials mode is include (steps 5-8)', () => {
    expect(check(origin, 'include', 'true')).toEqual({ ok: true });
    expect(check(origin, 'include', null)).toEqual({ ok: false, step: 'credentials-not-true', code: 'InvalidAllowCredentials', hint: '' });
    expect(check(origin, 'include', 'True')).toEqual({ ok: false, step: 'credentials-not-true', code: 'InvalidAllowCredentials', hint: 'True' });
    expect(check(origin, 'include', 'true, true')).toMatchObject({ ok: false });
    expect(check(origin, 'omit', 'false')).toEqual({ ok: true });
  });
  it('maps codes to their preflight variants', () => {
    expect(asPreflightCode('MissingAllowOriginHeader')).toBe('PreflightMissingAllowOriginHeader');
    expect(asPreflightCode('MethodDisallowedByPreflightResponse')).toBe('MethodDisallowedByPreflightResponse');
  });
});
