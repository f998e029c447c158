import { CHROMIUM_HTTP1 } from './http1.js';
import { REQUEST_BODY_HEADER_NAMES } from '../spec/request-headers.js';
import { standardRedirectMethod, type EngineProfile } from './profile.js';
import { CHROMIUM_RANGE_MAX, chromiumClientHint, isBoundedSingleRange } from './safelist.js';
import { chromiumHeaderCheckOrder } from './chromium-header-map.js';
import { chromiumPreflightCache } from './preflight-cache.js';
import { chromiumRequestHeaders } from './request-headers.js';

export const chromium: EngineProfile = {
  name: 'chromium',
  label: 'Chromium',
  requestHeaders: chromiumRequestHeaders,
  fetchFailureMessage: 'Failed to fetch',
  consoleWords: 'chromium',
  network: { resendsOn408: true, proxyAuthFromServerFails: true },
  localNetworkAccess: { targetAddressSpace: true },
  // Client hints with the grammar Chromium checks their values against; `Range` positions up to 2^63 - 2.
  safelist(lowerName, value) {
    if (value.length > 128) return false;
    if (lowerName === 'range') return isBoundedSingleRange(value, CHROMIUM_RANGE_MAX);
    return chromiumClientHint(lowerName, value);
  },
  safelistCombinesRepeatedNames: true,
  safelistTotalLimit: 1024,
  preflightHeaderNamesDeduplicated: true,
  // Chromium still forbids script from setting User-Agent (recorded: dropped, never preflighted).
  extraForbiddenRequestHeaders: new Set(['user-agent']),
  preflightCheckOrder: 'redirect-first',
  redirectKeepsPreflight: false,
  preflightIgnoresTaint: false,
  redirectMethod: (status, method) => standardRedirectMethod(status, method),
  redirectDropsHeaders: REQUEST_BODY_HEADER_NAMES,
  redirectDropsAuthorization: true,
  redirectRefusesCredentialsInAnyMode: true,
  wildcardCoversAuthorization: true,
  sameOriginPreflightSkipsCorsCheck: false,
  noCorsCrossOriginRedirectNullsOrigin: true,
  sameOriginRedirectKeepsOrigin: false,
  methodCheckedFirst: false,
  invalidListHint: 'token',
  headerCheckOrder: chromiumHeaderCheckOrder,
  preflightCache: chromiumPreflightCache,
  // Recorded: a head of 262,144 bytes passes, 262,145 fail (net::ERR_RESPONSE_HEADERS_TOO_BIG).
  maxResponseHeadBytes: 256 * 1024,
  http1: CHROMIUM_HTTP1,
  statusTextNulIsNetworkError: true,
  headerValueEncoding: 'latin1',
  // Recorded (urls): `^` and `|` escaped in paths; a Location's bytes 0x80-0xFF as %XX.
  url: { pathEscapes: '^|', locationBytes: 'percent-encode', locationKeepsTab: false },
  connectionsPerHost: 6,
};
