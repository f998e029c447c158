/**
 * Build the `BlockReason` of a verdict: the stable code, Chromium's console message, Firefox's reason, the fix.
 */
import type { BlockReason, EngineName, ReasonCode } from '../types.js';
import { chromiumMessage } from './chromium-messages.js';
import { firefoxReason } from './firefox-messages.js';
import { fixHint } from './fix.js';

export interface ReasonInput {
  code: ReasonCode;
  preflight: boolean;
  /** URL of the response that failed (the last URL of a redirect chain). */
  url: string;
  /** URL the request started at; defaults to `url`. */
  initialUrl?: string;
  /** The page's origin (as the console prints it). */
  origin: string;
  /** The failed parameter: header value, method or header name. */
  hint?: string;
  status?: number;
  engine: EngineName;
  /** For network failures: what the transport said. */
  detail?: string;
  /** Whether the request's credentials mode is `include` (it decides what `*` covers, so what the fix says). */
  credentialed?: boolean;
}

export function makeReason(input: ReasonInput): BlockReason {
  const hint = input.hint ?? '';
  return {
    code: input.code,
    preflight: input.preflight,
    url: input.url,
    chromium: chromiumMessage(input.code, hint, input.url, input.initialUrl ?? input.url, input.origin),
    firefox: firefoxReason(input.code, hint, input.url, input.origin, input.status),
    fix: fixHint(input.code, input.code === 'NetworkError' || input.code === 'Timeout' ? input.detail ?? hint : hint, input.origin, input.credentialed ?? false),
  };
}
