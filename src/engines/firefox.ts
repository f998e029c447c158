import { REQUEST_BODY_HEADER_NAMES } from '../spec/request-headers.js';
import { standardRedirectMethod, type EngineProfile } from './profile.js';

export const firefox: EngineProfile = {
  name: 'firefox',
  label: 'Firefox',
  fetchFailureMessage: 'NetworkError when attempting to fetch resource.',
  consoleWords: 'firefox',
  extraForbiddenRequestHeaders: new Set(),
  preflightStatusFirst: true,
  redirectKeepsPreflight: true,
  preflightIgnoresTaint: true,
  redirectMethod: (status, method) => standardRedirectMethod(status, method),
  redirectDropsHeaders: REQUEST_BODY_HEADER_NAMES,
  redirectDropsAuthorization: true,
  wildcardCoversAuthorization: true,
  sameOriginPreflightSkipsCorsCheck: true,
  noCorsCrossOriginRedirectNullsOrigin: false,
  sameOriginRedirectKeepsOrigin: false,
  maxAgeCapSeconds: 86400,
  defaultMaxAgeSeconds: 5,
  // Recorded: 393,216 bytes pass, 393,217 fail (network.http.max_response_header_size).
  maxResponseHeadBytes: 384 * 1024,
  statusTextNulIsNetworkError: false,
  headerValueEncoding: 'latin1',
  connectionsPerHost: 6,
};
