/**
 * Build the `BlockReason` of a verdict: the stable code, Chromium's console message, Firefox's reason, the fix.
 */
import type { BlockReason, EngineName, ReasonCode } from '../types.js';
import { chromiumMessage } from './chromium-messages.js';
import { firefoxReason } from './firefox-messages.js';
import { fixHint } from './fix.js';
import { webkitMessage } from './webkit-messages.js';

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
  /** The serialized request origin the check used (`null` after a redirect-tainting redirect); default `origin`. */
  requestOrigin?: string;
  /** When the failing response is a redirect (with a `Location`): its target. */
  redirectTo?: string;
  /** The request's redirect mode (default `follow`). */
  redirectMode?: 'follow' | 'manual' | 'error';
  /** The request's mode (default `cors`). */
  mode?: 'cors' | 'no-cors' | 'same-origin';
  /** After a redirect: the URL that redirected to `url`. */
  previousUrl?: string;
}

export function makeReason(input: ReasonInput): BlockReason {
  const hint = input.hint ?? '';
  return {
    code: input.code,
    preflight: input.preflight,
    url: input.url,
    chromium: chromiumMessage(input.code, hint, input.url, input.initialUrl ?? input.url, input.origin, input.mode),
    firefox: firefoxReason(input.code, hint, input.url, input.origin, input.status, {
      preflight: input.preflight, redirect: input.redirectTo !== undefined, redirectMode: input.redirectMode, mode: input.mode, previousUrl: input.previousUrl,
    }),
    webkit: webkitMessage({
      code: input.code, hint, url: input.url, origin: input.requestOrigin ?? input.origin,
      status: input.status, redirectTo: input.redirectTo, mode: input.mode, initialUrl: input.initialUrl ?? input.url,
    }),
    fix: fixHint(input.code, input.code === 'NetworkError' || input.code === 'Timeout' ? input.detail ?? hint : hint, input.origin, input.credentialed ?? false),
  };
}
