import { REQUEST_BODY_HEADER_NAMES } from '../spec/request-headers.js';
import { standardRedirectMethod, type EngineProfile } from './profile.js';

/** Client hints Chromium still treats as CORS-safelisted request-headers (recorded: no preflight for them). */
const CLIENT_HINTS = new Set(['device-memory', 'dpr', 'width', 'viewport-width', 'rtt', 'downlink', 'ect', 'save-data']);

export const chromium: EngineProfile = {
  name: 'chromium',
  label: 'Chromium',
  fetchFailureMessage: 'Failed to fetch',
  consoleWords: 'chromium',
  safelist(lowerName, value) {
    if (CLIENT_HINTS.has(lowerName)) return value.length <= 128;
    return undefined;
  },
  // Chromium still forbids script from setting User-Agent (recorded: dropped, never preflighted).
  extraForbiddenRequestHeaders: new Set(['user-agent']),
  preflightStatusFirst: false,
  redirectKeepsPreflight: false,
  preflightIgnoresTaint: false,
  redirectMethod: (status, method) => standardRedirectMethod(status, method),
  redirectDropsHeaders: REQUEST_BODY_HEADER_NAMES,
  redirectDropsAuthorization: true,
  wildcardCoversAuthorization: true,
  sameOriginPreflightSkipsCorsCheck: false,
  noCorsCrossOriginRedirectNullsOrigin: true,
  sameOriginRedirectKeepsOrigin: false,
  maxAgeCapSeconds: 7200,
  defaultMaxAgeSeconds: 5,
  // Recorded: a head of 262,144 bytes passes, 262,145 fail (net::ERR_RESPONSE_HEADERS_TOO_BIG).
  maxResponseHeadBytes: 256 * 1024,
  statusTextNulIsNetworkError: true,
  headerValueEncoding: 'latin1',
  connectionsPerHost: 6,
};
