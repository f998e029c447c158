/**
 * What the browser checked when it blocked a request, per reason code, in the Fetch Standard's terms: the words
 * `explain()` gives beside a console message, so a reader learns which step failed and on which response.
 */
import type { ReasonCode } from '../types.js';

const ON_PREFLIGHT = 'on the response to the OPTIONS preflight';
const ON_RESPONSE = 'on the response to the request itself';

const CHECKED: Record<ReasonCode, string> = {
  MissingAllowOriginHeader: `The CORS check ${ON_RESPONSE}: it needs an Access-Control-Allow-Origin header naming the page's origin (or '*'), and there was none.`,
  PreflightMissingAllowOriginHeader: `The CORS check ${ON_PREFLIGHT}: it needs an Access-Control-Allow-Origin header naming the page's origin, and there was none (often: OPTIONS is not routed to the CORS middleware, or an auth layer answers it first).`,
  MultipleAllowOriginValues: `The CORS check ${ON_RESPONSE}: Access-Control-Allow-Origin must hold exactly one value, and it held several (a list, or the header sent twice).`,
  PreflightMultipleAllowOriginValues: `The CORS check ${ON_PREFLIGHT}: Access-Control-Allow-Origin must hold exactly one value, and it held several (a list, or the header sent twice).`,
  InvalidAllowOriginValue: `The CORS check ${ON_RESPONSE}: Access-Control-Allow-Origin must be '*', 'null' or one serialized origin, and it was something else.`,
  PreflightInvalidAllowOriginValue: `The CORS check ${ON_PREFLIGHT}: Access-Control-Allow-Origin must be '*', 'null' or one serialized origin, and it was something else.`,
  AllowOriginMismatch: `The CORS check ${ON_RESPONSE}: Access-Control-Allow-Origin must equal the page's origin byte for byte (scheme, host, port), and it named another origin.`,
  PreflightAllowOriginMismatch: `The CORS check ${ON_PREFLIGHT}: Access-Control-Allow-Origin must equal the page's origin byte for byte (scheme, host, port), and it named another origin.`,
  WildcardOriginNotAllowed: `The CORS check ${ON_RESPONSE}, for a request with credentials (credentials: 'include', withCredentials): '*' in Access-Control-Allow-Origin does not count, the exact origin is needed.`,
  PreflightWildcardOriginNotAllowed: `The CORS check ${ON_PREFLIGHT}, for a request with credentials: '*' in Access-Control-Allow-Origin does not count, the exact origin is needed.`,
  InvalidAllowCredentials: `The CORS check ${ON_RESPONSE}, for a request with credentials: Access-Control-Allow-Credentials must be exactly 'true', and it was missing or another value.`,
  PreflightInvalidAllowCredentials: `The CORS check ${ON_PREFLIGHT}, for a request with credentials: Access-Control-Allow-Credentials must be exactly 'true', and it was missing or another value.`,
  PreflightInvalidStatus: 'The status of the preflight: the OPTIONS request the browser sent before the request itself must get a 2xx answer, and it got another status.',
  PreflightDisallowedRedirect: 'The status of the preflight: a preflight must be answered directly, and it was answered with a redirect, which browsers never follow for a preflight.',
  InvalidAllowMethodsPreflightResponse: 'The Access-Control-Allow-Methods header of the preflight response: it must be a comma-separated list of method names, and it could not be parsed.',
  InvalidAllowHeadersPreflightResponse: 'The Access-Control-Allow-Headers header of the preflight response: it must be a comma-separated list of header names, and it could not be parsed.',
  MethodDisallowedByPreflightResponse: "The preflight response's Access-Control-Allow-Methods: the request's method must be listed (methods other than GET, HEAD and POST always need it), and it was not.",
  HeaderDisallowedByPreflightResponse: "The preflight response's Access-Control-Allow-Headers: every request header the page set that is not CORS-safelisted must be listed, and one was not.",
  RedirectContainsCredentials: 'The redirect: a cross-origin request may not be redirected to a URL with a user name or password in it.',
  DisallowedByMode: "The request's mode: mode 'same-origin' forbids any cross-origin request, before anything is sent.",
  UnexpectedRedirect: "The request's redirect mode: with redirect: 'error', any redirect fails the request.",
  TooManyRedirects: 'The redirect count: a fetch follows at most 20 redirects.',
  ForbiddenMethod: 'The method: CONNECT, TRACE and TRACK are forbidden methods; fetch() refuses them before anything is sent.',
  CredentialsInUrl: "The request's URL: fetch() refuses a URL with a user name or password in it, before anything is sent.",
  MethodNotAllowedInNoCors: "The method in mode 'no-cors': only GET, HEAD and POST are allowed there, checked before anything is sent.",
  NoCorsRedirectModeNotFollow: "The request's redirect mode in mode 'no-cors': such a request must follow redirects (redirect: 'follow'), checked before anything is sent.",
  CorsDisabledScheme: 'The redirect: a fetch follows redirects to http: and https: URLs only, and the Location named another scheme.',
  InvalidRedirectLocation: 'The redirect: its Location header must be a URL (absolute, or relative to the URL that redirected), and it did not parse.',
  BadPort: 'The port: browsers never connect to a few ports used by other protocols (25, 6000, ...: the Fetch Standard\'s bad ports), before anything is sent.',
  LocalNetworkAccessPermissionDenied: "Local Network Access: a page may reach a more private address space (a local network, this machine) only with the user's permission, and it was not granted.",
  InvalidPrivateNetworkAccess: "Local Network Access: fetch()'s targetAddressSpace must name the address space the server is in, and it named another.",
  NetworkError: 'Nothing about CORS: no usable HTTP response came back (connection refused or reset, DNS, TLS, an answer that is not HTTP, or a response head the browser does not read).',
  Timeout: 'Nothing about CORS: the server did not answer in time.',
};

/** One sentence: which check of the browser failed for this reason code. */
export function checkedSentence(code: ReasonCode): string {
  return CHECKED[code];
}

/** How to name the failed value in a fix when the message does not say it (e.g. Firefox names no method). */
export function unnamedHint(code: ReasonCode): string {
  switch (code) {
    case 'MethodDisallowedByPreflightResponse':
      return "the request's method";
    case 'HeaderDisallowedByPreflightResponse':
      return 'the header named in the message';
    case 'PreflightInvalidStatus':
      return 'an error status';
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return 'the value it sends now';
    case 'InvalidAllowMethodsPreflightResponse':
    case 'InvalidAllowHeadersPreflightResponse':
      return 'the item named in the message';
    default:
      return '';
  }
}
