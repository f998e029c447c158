import type { EngineProfile } from './profile.js';

/**
 * WebKitGTK follows redirects in its libsoup network backend: a 303, or a 301/302 of a POST, becomes a GET
 * (HEAD and GET are never changed), and so does a DELETE redirected to another origin, whatever the status
 * (recorded: DELETE + 307/308 to another host is preflighted as GET). The CORS checks of the next hop still see
 * the script's original header list (recorded: `Content-Language`, `Content-Type` and `Authorization` all survive
 * a method-changing, cross-origin redirect and are preflighted again).
 */
function soupRedirectMethod(status: number, method: string, crossOrigin: boolean): string | null {
  if (method === 'GET' || method === 'HEAD') return null;
  if (status === 303) return 'GET';
  if ((status === 301 || status === 302) && method === 'POST') return 'GET';
  if (crossOrigin && method === 'DELETE') return 'GET';
  return null;
}

export const webkit: EngineProfile = {
  name: 'webkit',
  label: 'WebKit',
  fetchFailureMessage: 'Load failed',
  consoleWords: 'chromium',
  extraForbiddenRequestHeaders: new Set(),
  preflightStatusFirst: true,
  // Recorded: a DELETE preflighted, then redirected across origins as a GET, is preflighted again.
  redirectKeepsPreflight: true,
  preflightIgnoresTaint: false,
  redirectMethod: soupRedirectMethod,
  redirectDropsHeaders: [],
  redirectDropsAuthorization: false,
  wildcardCoversAuthorization: true,
  sameOriginPreflightSkipsCorsCheck: false,
  noCorsCrossOriginRedirectNullsOrigin: false,
  sameOriginRedirectKeepsOrigin: true,
  maxAgeCapSeconds: 600,
  defaultMaxAgeSeconds: 5,
  // Recorded (WebKitGTK, libsoup): 65,538 bytes pass, 65,539 fail: 64 KiB before the blank line.
  maxResponseHeadBytes: 64 * 1024 + 2,
  statusTextNulIsNetworkError: true,
  headerValueEncoding: 'utf-8',
  connectionsPerHost: 6,
};
