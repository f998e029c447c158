import { WEBKIT_HTTP1 } from './http1.js';
import type { EngineProfile } from './profile.js';
import { isWebKitSimpleRange } from './safelist.js';
import { webkitPreflightCache } from './preflight-cache.js';
import { webkitRequestHeaders } from './request-headers.js';

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

/**
 * The header names WebCore knows (Source/WebCore/platform/network/HTTPHeaderNames.in, as WebKitGTK 2.50 has them:
 * recorded name by name, `Purpose` and `X-DNS-Prefetch-Control` are gone): its HTTPHeaderMap keeps them apart from
 * the others, prints them in this spelling, and iterates them first.
 */
const KNOWN_HEADER_NAMES = new Map(
  [
    'Accept', 'Accept-Charset', 'Accept-Language', 'Accept-Encoding', 'Accept-Ranges', 'Access-Control-Allow-Credentials',
    'Access-Control-Allow-Headers', 'Access-Control-Allow-Methods', 'Access-Control-Allow-Origin', 'Access-Control-Expose-Headers',
    'Access-Control-Max-Age', 'Access-Control-Request-Headers', 'Access-Control-Request-Method', 'Age', 'Authorization',
    'Cache-Control', 'Clear-Site-Data', 'Connection', 'Content-Disposition', 'Content-Encoding', 'Content-Language',
    'Content-Length', 'Content-Location', 'Content-Security-Policy', 'Content-Security-Policy-Report-Only', 'Content-Type',
    'Content-Range', 'Cookie', 'Cookie2', 'Cross-Origin-Embedder-Policy', 'Cross-Origin-Embedder-Policy-Report-Only',
    'Cross-Origin-Opener-Policy', 'Cross-Origin-Opener-Policy-Report-Only', 'Cross-Origin-Resource-Policy', 'Date', 'DNT',
    'Default-Style', 'ETag', 'Expect', 'Expires', 'Host', 'If-Match', 'If-Modified-Since', 'If-None-Match', 'If-Range',
    'If-Unmodified-Since', 'Keep-Alive', 'Last-Event-ID', 'Last-Modified', 'Link', 'Location', 'Origin', 'Ping-From', 'Ping-To',
    'Pragma', 'Proxy-Authorization', 'Range', 'Referer', 'Referrer-Policy', 'Refresh', 'Report-To',
    'Reporting-Endpoints', 'Sec-Fetch-Dest', 'Sec-Fetch-Mode', 'Sec-Fetch-Site', 'Sec-WebSocket-Accept', 'Sec-WebSocket-Extensions',
    'Sec-WebSocket-Key', 'Sec-WebSocket-Protocol', 'Sec-WebSocket-Version', 'Server-Timing', 'Service-Worker',
    'Service-Worker-Allowed', 'Service-Worker-Navigation-Preload', 'Set-Cookie', 'Set-Cookie2', 'SourceMap', 'TE',
    'Timing-Allow-Origin', 'Trailer', 'Transfer-Encoding', 'Upgrade', 'Upgrade-Insecure-Requests', 'User-Agent', 'Vary', 'Via',
    'X-Content-Type-Options', 'X-Frame-Options', 'X-SourceMap', 'X-XSS-Protection', 'X-Temp-Tablet',
    'Icy-MetaInt', 'Icy-Metadata',
  ].map((name) => [name.toLowerCase(), name]),
);

/**
 * WebCore's HTTPHeaderMap order: the names it knows first, then the others, each group in the order the page
 * first set a name; known names in their canonical spelling, others as the page first spelled them (recorded:
 * with `User-Agent` then `Content-Type` both missing from the allowed list WebKit names `User-Agent`, with
 * `x-zeta` then `Authorization`, `Authorization`).
 */
function webkitHeaderMapOrder(headers: ReadonlyArray<readonly [string, string]>): Array<readonly [string, string]> {
  const known: Array<readonly [string, string]> = [];
  const other: Array<readonly [string, string]> = [];
  const seen = new Set<string>();
  for (const [name] of headers) {
    const lower = name.toLowerCase();
    if (seen.has(lower)) continue;
    seen.add(lower);
    const canonical = KNOWN_HEADER_NAMES.get(lower);
    if (canonical) known.push([canonical, lower]);
    else other.push([name, lower]);
  }
  return [...known, ...other];
}

export const webkit: EngineProfile = {
  name: 'webkit',
  label: 'WebKit',
  requestHeaders: webkitRequestHeaders,
  fetchFailureMessage: 'Load failed',
  consoleWords: 'webkit',
  network: { resendsOn408: false, proxyAuthFromServerFails: false },
  // WebKit reads Range its own way (any case, `+`, vertical tab and form feed around numbers, 64-bit unsigned).
  safelist(lowerName, value) {
    if (lowerName === 'range') return value.length <= 128 && isWebKitSimpleRange(value);
    return undefined;
  },
  safelistCombinesRepeatedNames: true,
  safelistTotalLimit: 1024,
  preflightHeaderNamesDeduplicated: true,
  extraForbiddenRequestHeaders: new Set(),
  preflightCheckOrder: 'status-first',
  // Recorded: a DELETE preflighted, then redirected across origins as a GET, is preflighted again.
  redirectKeepsPreflight: true,
  preflightIgnoresTaint: false,
  redirectMethod: soupRedirectMethod,
  redirectDropsHeaders: [],
  redirectDropsFromWire: ['content-type'],
  redirectDropsAuthorization: false,
  redirectRefusesCredentialsInAnyMode: false,
  wildcardCoversAuthorization: true,
  sameOriginPreflightSkipsCorsCheck: false,
  noCorsCrossOriginRedirectNullsOrigin: false,
  sameOriginRedirectKeepsOrigin: true,
  methodCheckedFirst: false,
  invalidListHint: 'value',
  headerCheckOrder: webkitHeaderMapOrder,
  preflightCache: webkitPreflightCache,
  // Recorded (WebKitGTK, libsoup): 65,538 bytes pass, 65,539 fail: 64 KiB before the blank line.
  maxResponseHeadBytes: 64 * 1024 + 2,
  http1: WEBKIT_HTTP1,
  statusTextNulIsNetworkError: true,
  headerValueEncoding: 'utf-8',
  // Recorded (urls): `^` escaped in paths; a Location read as UTF-8 like every header value.
  url: { pathEscapes: '^', locationBytes: 'utf-8', locationKeepsTab: false },
  connectionsPerHost: 6,
};
