import { REQUEST_BODY_HEADER_NAMES } from '../spec/request-headers.js';
import { standardRedirectMethod, type EngineProfile } from './profile.js';
import { specCacheModel } from '../spec/preflight-cache.js';
import { specRequestHeaders } from './request-headers.js';

/** The Fetch Standard to the letter, no engine quirks. */
export const spec: EngineProfile = {
  name: 'spec',
  label: 'Fetch Standard',
  requestHeaders: specRequestHeaders,
  fetchFailureMessage: 'Failed to fetch',
  consoleWords: 'chromium',
  network: { resendsOn408: false, proxyAuthFromServerFails: false },
  safelistCombinesRepeatedNames: false,
  safelistTotalLimit: 1024,
  preflightHeaderNamesDeduplicated: true,
  extraForbiddenRequestHeaders: new Set(),
  preflightCheckOrder: 'status-first',
  redirectKeepsPreflight: false,
  preflightIgnoresTaint: false,
  redirectMethod: (status, method) => standardRedirectMethod(status, method),
  redirectDropsHeaders: REQUEST_BODY_HEADER_NAMES,
  redirectDropsAuthorization: true,
  redirectRefusesCredentialsInAnyMode: false,
  wildcardCoversAuthorization: false,
  sameOriginPreflightSkipsCorsCheck: false,
  noCorsCrossOriginRedirectNullsOrigin: false,
  sameOriginRedirectKeepsOrigin: false,
  methodCheckedFirst: false,
  invalidListHint: 'token',
  preflightCache: specCacheModel,
  // The standard sets no limit on a response head, nor on connections.
  maxResponseHeadBytes: Number.POSITIVE_INFINITY,
  statusTextNulIsNetworkError: false,
  headerValueEncoding: 'latin1',
  url: { pathEscapes: '', locationBytes: 'isomorphic', locationKeepsTab: false },
  connectionsPerHost: Number.POSITIVE_INFINITY,
};
