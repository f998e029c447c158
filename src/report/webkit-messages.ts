/**
 * WebKit's console messages for a blocked fetch, word for word as WebKitGTK 2.50 prints them (the strings of
 * Source/WebCore/loader/CrossOriginAccessControl.cpp, CrossOriginPreflightResultCache.cpp and the loaders),
 * checked against the consoles of the recorded corpora (test/conformance/recorded/). Safari shares the code.
 * A blocked fetch prints the reason, then `Fetch API cannot load <the URL whose response failed> due to access
 * control checks.`
 */
import { readAsUtf8 } from '../emulator/header-encoding.js';
import { isBlockedBadPort } from '../spec/bad-port.js';
import type { NetworkFailure, ReasonCode } from '../types.js';

/** What WebKit's console needs to know about a blocked fetch. */
export interface WebKitFacts {
  code: ReasonCode;
  /** The failed parameter: a method, a header name, or a whole `Access-Control-Allow-*` value. */
  hint: string;
  /** The URL whose response failed the check (after redirects: the last one). */
  url: string;
  /** The URL fetch() was called with. */
  initialUrl?: string;
  /** The request's mode (default `cors`). */
  mode?: string;
  /** The serialized request origin (`null` after a redirect-tainting redirect). */
  origin: string;
  /** The status of the response that failed the check. */
  status?: number;
  /** When the failing response is a redirect the engine was about to follow: where it pointed. */
  redirectTo?: string;
  /** The preflight is what failed. */
  preflight?: boolean;
  /** What the network did, for a network error: a response head the engine refused (`refused-head`). */
  network?: NetworkFailure;
}

/**
 * libsoup's error for a response head it refused, which WebKit prints when a preflight fails on it (recorded:
 * heads; the request itself fails silently).
 */
function refusedHeadError(network: NetworkFailure | undefined): string | null {
  if (network?.kind !== 'refused-head') return null;
  switch (network.problem) {
    case 'status-line':
    case 'nul-in-name':
    case 'switching-protocols':
      return 'Could not parse HTTP response';
    case 'framing':
      return 'Unrecognized HTTP response encoding';
    case 'no-response':
    case 'short-body':
    case 'broken-chunks':
    case 'content-length':
      return 'Connection terminated unexpectedly';
    default:
      return null;
  }
}

/** passesAccessControlCheck(): the reason an `Access-Control-Allow-Origin`/`-Credentials` check failed. */
function accessControlReason(code: ReasonCode, facts: WebKitFacts): string | null {
  switch (code) {
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return 'Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true.';
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      // Only a comma makes several origins; a value with a space is just another origin.
      if (facts.hint.includes(',')) return 'Access-Control-Allow-Origin cannot contain more than one origin.';
      return `Origin ${facts.origin} is not allowed by Access-Control-Allow-Origin. Status code: ${facts.status ?? 0}`;
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return `Origin ${facts.origin} is not allowed by Access-Control-Allow-Origin. Status code: ${facts.status ?? 0}`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return 'Credentials flag is true, but Access-Control-Allow-Credentials is not "true".';
    default:
      return null;
  }
}

const NON_CORS_SCHEME = 'not allowed to follow a cross-origin CORS redirection with non CORS scheme';

function withoutCredentials(url: string): string {
  if (!URL.canParse(url)) return url;
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.href;
}

/** A redirect to a URL that is not HTTP(S), in WebKit's words (recorded per scheme and mode). */
function redirectToOtherScheme(facts: WebKitFacts, last: string): string[] {
  const target = URL.canParse(facts.hint) ? new URL(facts.hint) : new URL('about:blank');
  if (target.protocol === 'ftp:') return ['FTP URLs are disabled', last];
  if ((facts.mode ?? 'cors') === 'cors') return [`Cross-origin redirection to ${facts.hint} denied by Cross-Origin Resource Sharing policy: ${NON_CORS_SCHEME}`, last];
  if (target.protocol === 'file:' || target.protocol === 'blob:') return [`Not allowed to load local resource: ${facts.hint}`, last];
  if (target.port !== '' && isBlockedPort(target)) return [`Not allowed to use restricted network port ${target.port}: ${facts.hint}`];
  return ['Redirection to URL with a scheme that is not HTTP(S).', `Fetch API cannot load ${facts.hint} due to access control checks.`];
}

function isBlockedPort(url: URL): boolean {
  return isBlockedBadPort(`http://${url.hostname}:${url.port}/`);
}

/** The lines WebKit's console prints for a blocked fetch (none when it prints nothing). */
export function webkitConsole(facts: WebKitFacts): string[] {
  const last = `Fetch API cannot load ${facts.url} due to access control checks.`;
  const cors = (facts.mode ?? 'cors') === 'cors';
  const check = accessControlReason(facts.code, facts);
  if (check !== null) {
    return [facts.redirectTo !== undefined ? `Cross-origin redirection to ${facts.redirectTo} denied by Cross-Origin Resource Sharing policy: ${check}` : check, last];
  }
  switch (facts.code) {
    case 'NetworkError': {
      const refused = facts.preflight ? refusedHeadError(facts.network) : null;
      return refused === null ? [] : [refused, last];
    }
    case 'PreflightInvalidStatus':
    case 'PreflightDisallowedRedirect':
      return [`Preflight response is not successful. Status code: ${facts.status ?? 0}`, last];
    case 'InvalidAllowMethodsPreflightResponse':
      return [`Header Access-Control-Allow-Methods has an invalid value: ${readAsUtf8(facts.hint)}`, last];
    case 'InvalidAllowHeadersPreflightResponse':
      return [`Header Access-Control-Allow-Headers has an invalid value: ${readAsUtf8(facts.hint)}`, last];
    case 'MethodDisallowedByPreflightResponse':
      return [`Method ${facts.hint} is not allowed by Access-Control-Allow-Methods.`, last];
    case 'HeaderDisallowedByPreflightResponse':
      return [`Request header field ${facts.hint} is not allowed by Access-Control-Allow-Headers.`, last];
    case 'DisallowedByMode':
      // Refused up front, or by the loader after a redirect.
      if ((facts.initialUrl ?? facts.url) === facts.url) return [`Fetch API cannot load ${facts.url}.`];
      // (The URL without the credentials a redirect's Location may carry.)
      return [
        `Unsafe attempt to load URL ${withoutCredentials(facts.url)} from origin ${facts.origin}. Domains, protocols and ports must match.`,
        `Fetch API cannot load ${withoutCredentials(facts.url)} due to access control checks.`,
      ];
    case 'CorsDisabledScheme':
      return redirectToOtherScheme(facts, last);
    case 'InvalidRedirectLocation':
      return cors ? [`Cross-origin redirection to ${facts.hint} denied by Cross-Origin Resource Sharing policy: ${NON_CORS_SCHEME}`, last] : [];
    case 'RedirectContainsCredentials':
      return [`Cross-origin redirection to ${withoutCredentials(facts.hint)} denied by Cross-Origin Resource Sharing policy: redirection URL ${facts.hint} has credentials`, last];
    case 'TooManyRedirects':
      return ['Load cannot follow more than 20 redirections', last];
    case 'BadPort':
      return [`Not allowed to use restricted network port ${facts.hint}: ${facts.url}`];
    case 'UnexpectedRedirect':
      return [`Not allowed to follow a redirection while loading ${facts.url}`, last];
    case 'NoCorsRedirectModeNotFollow':
      return ['No-Cors mode requires follow redirect mode', 'Not allowed to request resource', last];
    default:
      return [];
  }
}

/** WebKit's console message: its lines, one per line; empty when WebKit prints none. */
export function webkitMessage(facts: WebKitFacts): string {
  return webkitConsole(facts).join('\n');
}
