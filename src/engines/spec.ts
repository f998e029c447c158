import { REQUEST_BODY_HEADER_NAMES } from '../spec/request-headers.js';
import { standardRedirectMethod, type EngineProfile } from './profile.js';

/** The Fetch Standard to the letter, no engine quirks. */
export const spec: EngineProfile = {
  name: 'spec',
  label: 'Fetch Standard',
  fetchFailureMessage: 'Failed to fetch',
  consoleWords: 'chromium',
  extraForbiddenRequestHeaders: new Set(),
  preflightStatusFirst: true,
  redirectKeepsPreflight: false,
  preflightIgnoresTaint: false,
  redirectMethod: (status, method) => standardRedirectMethod(status, method),
  redirectDropsHeaders: REQUEST_BODY_HEADER_NAMES,
  redirectDropsAuthorization: true,
  wildcardCoversAuthorization: false,
  sameOriginPreflightSkipsCorsCheck: false,
  noCorsCrossOriginRedirectNullsOrigin: false,
  sameOriginRedirectKeepsOrigin: false,
  maxAgeCapSeconds: Number.POSITIVE_INFINITY,
  defaultMaxAgeSeconds: 5,
  // The standard sets no limit on a response head, nor on connections.
  maxResponseHeadBytes: Number.POSITIVE_INFINITY,
  statusTextNulIsNetworkError: false,
  headerValueEncoding: 'latin1',
  connectionsPerHost: Number.POSITIVE_INFINITY,
};
