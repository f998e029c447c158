/**
 * Chromium's console message for a blocked fetch, word for word as Chromium 156 prints it
 * (third_party/blink/renderer/platform/loader/cors/cors_error_string.cc, checked against recorded consoles).
 */
import { escapeHighBytes } from '../emulator/header-encoding.js';
import type { ReasonCode } from '../types.js';

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";
/** SchemeRegistry::ListOfCorsEnabledURLSchemes() in Chromium 156 (recorded). */
const CORS_ENABLED_SCHEMES = ['chrome', 'chrome-experimental-site-token-provider', 'chrome-extension', 'chrome-untrusted', 'data', 'http', 'https', 'isolated-app'];
/** Schemes Chromium refuses a redirect to before its CORS checks, without a console message (recorded). */
const SILENT_SCHEMES = new Set(['about:', 'blob:', 'data:', 'file:', 'filesystem:']);
const VALID_VALUE = ' Have the server send the header with a valid value.';

/** The part after "has been blocked by CORS policy: ", or null when Chromium prints no CORS message. */
export function chromiumDetail(code: ReasonCode, hint: string): string | null {
  switch (code) {
    case 'DisallowedByMode':
      return 'Cross origin requests are not allowed by request mode.';
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return prefix(code) + "The value of the 'Access-Control-Allow-Origin' header in the response must not be the wildcard '*' when the request's credentials mode is 'include'.";
    case 'MissingAllowOriginHeader':
    case 'PreflightMissingAllowOriginHeader':
      return prefix(code) + "No 'Access-Control-Allow-Origin' header is present on the requested resource.";
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return prefix(code) + `The 'Access-Control-Allow-Origin' header contains multiple values '${escapedValue(hint)}', but only one is allowed.${VALID_VALUE}`;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return prefix(code) + `The 'Access-Control-Allow-Origin' header contains the invalid value '${escapedValue(hint)}'.${VALID_VALUE}`;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return prefix(code) + `The 'Access-Control-Allow-Origin' header has a value '${escapedValue(hint)}' that is not equal to the supplied origin.${VALID_VALUE}`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return prefix(code) + `The value of the 'Access-Control-Allow-Credentials' header in the response is '${escapedValue(hint)}' which must be 'true' when the request's credentials mode is 'include'.`;
    case 'PreflightInvalidStatus':
      return PREFLIGHT_PREFIX + 'It does not have HTTP ok status.';
    case 'PreflightDisallowedRedirect':
      return PREFLIGHT_PREFIX + 'Redirect is not allowed for a preflight request.';
    case 'InvalidAllowMethodsPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Methods response header field in preflight response.';
    case 'InvalidAllowHeadersPreflightResponse':
      return 'Cannot parse Access-Control-Allow-Headers response header field in preflight response.';
    case 'MethodDisallowedByPreflightResponse':
      return `Method ${hint} is not allowed by Access-Control-Allow-Methods in preflight response.`;
    case 'HeaderDisallowedByPreflightResponse':
      return `Request header field ${hint} is not allowed by Access-Control-Allow-Headers in preflight response.`;
    case 'RedirectContainsCredentials':
      // Chromium leaves the failed parameter empty here (recorded: "Redirect location ''").
      return "Redirect location '' contains a username and password, which is disallowed for cross-origin requests.";
    case 'CorsDisabledScheme':
      return `Cross origin requests are only supported for protocol schemes: ${CORS_ENABLED_SCHEMES.join(', ')}.`;
    case 'LocalNetworkAccessPermissionDenied':
      return `Permission was denied for this request to access the \`${hint}\` address space.`;
    case 'InvalidPrivateNetworkAccess': {
      const [target, resource] = hint.split(' ');
      return `Request had a target IP address space of \`${target}\` yet the resource is in address space \`${resource}\`.`;
    }
    default:
      return null;
  }
}

/**
 * A response header's value as Chromium quotes it: each byte 0x80-0xFF (a character U+0080-U+00FF of the byte
 * string) as `\uXXXX`, upper-case hex; ASCII as it is (recorded, byte by byte: `response-values`; DevTools shows the
 * same text). A character above U+00FF is no byte off the wire and is left as it is.
 */
function escapedValue(value: string): string {
  return escapeHighBytes(value, unicodeEscaped);
}

const unicodeEscaped = (byte: number): string => `\\u00${byte.toString(16).toUpperCase()}`;

function prefix(code: ReasonCode): string {
  return code.startsWith('Preflight') ? PREFLIGHT_PREFIX : '';
}
// (The Local Network Access codes are not preflight errors in Chromium's sense: no preflight prefix, even when
// the preflight is the request that met them.)

/**
 * How Chromium's line starts: "Access to <kind> at". `kind` names what made the request: `fetch` for fetch(),
 * `XMLHttpRequest`, `script`, `image`, `font`, ... (the initiator of the load). The emulator models fetch().
 */
export function chromiumLead(kind = 'fetch'): string {
  return `Access to ${kind} at`;
}

/**
 * The whole console line: "Access to fetch at '<last url>' [(redirected from '<first url>') ]from origin
 * '<origin>' has been blocked by CORS policy: <detail>". Empty when Chromium prints no CORS message (e.g. a
 * network error, too many redirects, a redirect with mode "error").
 */
export function chromiumMessage(code: ReasonCode, hint: string, url: string, initialUrl: string, origin: string, mode = 'cors'): string {
  // Failures Blink's fetch reports itself, before or outside the CORS checks (recorded).
  if (code === 'NoCorsRedirectModeNotFollow') return `Fetch API cannot load ${initialUrl}. Request mode is "no-cors" but the redirect mode is not "follow".`;
  if (code === 'DisallowedByMode') {
    // A `same-origin` request redirected to another origin: the frame's security check, page URL included (the
    // emulator knows the page's origin only: its URL is taken to be the origin's root).
    if (initialUrl !== url) return `Unsafe attempt to load URL ${url} from frame with URL ${origin}/. Domains, protocols and ports must match.\n`;
    return `Fetch API cannot load ${url}. Request mode is "same-origin" but the URL's origin is not same as the request origin ${origin}.`;
  }
  // Outside mode `cors` these refusals are silent; a redirect to a local scheme is refused before CORS.
  if ((code === 'CorsDisabledScheme' || code === 'RedirectContainsCredentials') && mode !== 'cors') return '';
  // Credentials in a redirect that stays in the page's origin are refused too, but not by CORS: silently.
  if (code === 'RedirectContainsCredentials' && sameOriginUrls(url, origin) && sameOriginUrls(hint, origin)) return '';
  if (code === 'CorsDisabledScheme') {
    if (SILENT_SCHEMES.has(schemeOf(hint))) return '';
    // The message names the redirect's target as the URL fetched.
    return `Access to fetch at '${hint}' (redirected from '${initialUrl}') from origin '${origin}' has been blocked by CORS policy: ${chromiumDetail(code, hint)}`;
  }
  const detail = chromiumDetail(code, hint);
  if (detail === null) return '';
  const redirected = initialUrl !== url ? `(redirected from '${initialUrl}') ` : '';
  return `${chromiumLead()} '${url}' ${redirected}from origin '${origin}' has been blocked by CORS policy: ${detail}`;
}

/** Whether a URL is of the origin `origin` (a serialized origin, or `null`). */
function sameOriginUrls(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

/** The scheme of a URL (`data:`), or an empty string when it names none. */
function schemeOf(url: string): string {
  return /^[a-zA-Z][a-zA-Z0-9+.-]*:/.exec(url)?.[0].toLowerCase() ?? '';
}
