import { FIREFOX_HTTP1 } from './http1.js';
import { REQUEST_BODY_HEADER_NAMES } from '../spec/request-headers.js';
import { standardRedirectMethod, type EngineProfile } from './profile.js';
import { hasFirefoxUnsafeByte, isBoundedSingleRange, isFirefoxSafelistedContentType, UINT64_MAX } from './safelist.js';
import { firefoxPreflightCache } from './preflight-cache.js';
import { firefoxRequestHeaders } from './request-headers.js';

export const firefox: EngineProfile = {
  name: 'firefox',
  label: 'Firefox',
  requestHeaders: firefoxRequestHeaders,
  fetchFailureMessage: 'NetworkError when attempting to fetch resource.',
  consoleWords: 'firefox',
  network: { resendsOn408: false, proxyAuthFromServerFails: false },
  localNetworkAccess: { targetAddressSpace: false },
  // Non-ASCII bytes are unsafe; Content-Type goes through Gecko's own parser; Range positions are 64-bit unsigned.
  safelist(lowerName, value) {
    if (value.length > 128) return false;
    switch (lowerName) {
      case 'accept':
        return !hasFirefoxUnsafeByte(value);
      case 'content-type':
        return isFirefoxSafelistedContentType(value);
      case 'range':
        return isBoundedSingleRange(value, UINT64_MAX);
      default:
        return undefined;
    }
  },
  safelistCombinesRepeatedNames: false,
  safelistTotalLimit: null,
  preflightHeaderNamesDeduplicated: false,
  extraForbiddenRequestHeaders: new Set(),
  preflightCheckOrder: 'cors-first',
  redirectKeepsPreflight: true,
  preflightIgnoresTaint: true,
  redirectMethod: (status, method) => standardRedirectMethod(status, method),
  redirectDropsHeaders: REQUEST_BODY_HEADER_NAMES,
  redirectDropsAuthorization: true,
  redirectRefusesCredentialsInAnyMode: false,
  wildcardCoversAuthorization: true,
  sameOriginPreflightSkipsCorsCheck: true,
  noCorsCrossOriginRedirectNullsOrigin: false,
  sameOriginRedirectKeepsOrigin: false,
  methodCheckedFirst: true,
  invalidListHint: 'token',
  preflightCache: firefoxPreflightCache,
  // Recorded: 393,216 bytes pass, 393,217 fail (network.http.max_response_header_size).
  maxResponseHeadBytes: 384 * 1024,
  http1: FIREFOX_HTTP1,
  statusTextNulIsNetworkError: false,
  headerValueEncoding: 'latin1',
  // Recorded (urls): `^` escaped in paths; a Location's bytes 0x80-0xFF as %XX, and a tab in it as %09.
  url: { pathEscapes: '^', locationBytes: 'percent-encode', locationKeepsTab: true },
  connectionsPerHost: 6,
};
