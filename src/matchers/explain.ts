/**
 * What let a request through: the lines a `.not` failure shows so the reader sees which header to change.
 */
import { getHeader } from '../spec/header-list.js';
import { lastResponse } from '../emulator/exchanges.js';
import type { RequestCredentials_, Verdict } from '../types.js';

type Headers_ = ReadonlyArray<readonly [string, string]>;

/** Why the browser let script read this response. */
export function whyAllowed(verdict: Verdict, credentials: RequestCredentials_ = 'same-origin'): string[] {
  switch (verdict.response?.type) {
    case 'basic':
      return ['Same-origin request: the page and the URL share an origin, so CORS does not apply.'];
    case 'opaque':
      return ["Mode 'no-cors': fetch resolves with an opaque response (status 0, no headers, no body for script)."];
    case 'opaqueredirect':
      return ["Redirect mode 'manual': fetch resolves with an opaque-redirect response."];
    default:
      break;
  }
  const lines: string[] = [];
  const preflight = verdict.exchanges.find((e) => e.kind === 'preflight' && e.response);
  if (preflight?.response) lines.push(`The preflight passed: ${corsHeaderSummary(preflight.response.headers)}.`);
  else lines.push('No preflight was needed: a simple request (GET, HEAD or POST with CORS-safelisted headers only).');
  const last = lastResponse(verdict);
  if (last) lines.push(whyOriginPasses(last.headers, credentials));
  return lines;
}

/** Why a response passes the CORS check: its `Access-Control-Allow-Origin` (and `-Credentials`). */
export function whyOriginPasses(headers: Headers_, credentials: RequestCredentials_): string {
  const allowOrigin = getHeader(headers, 'access-control-allow-origin');
  if (allowOrigin === '*') return "The response's Access-Control-Allow-Origin: * lets any origin read it.";
  const withCredentials = credentials === 'include' ? ' and Access-Control-Allow-Credentials: true admits credentials' : '';
  return `The response's Access-Control-Allow-Origin: ${allowOrigin ?? '(none)'} names this origin${withCredentials}.`;
}

/** `Access-Control-Allow-Origin: x, Access-Control-Allow-Methods: y` for the CORS headers present. */
export function corsHeaderSummary(headers: Headers_): string {
  const names = ['Access-Control-Allow-Origin', 'Access-Control-Allow-Credentials', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Headers'];
  const parts = names.flatMap((name) => {
    const value = getHeader(headers, name);
    return value === null ? [] : [`${name}: ${value}`];
  });
  return parts.length ? parts.join(', ') : 'no Access-Control-Allow-* headers';
}
