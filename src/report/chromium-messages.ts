/**
 * Chromium's console message for a blocked fetch, word for word as Chromium 156 prints it
 * (third_party/blink/renderer/platform/loader/cors/cors_error_string.cc, checked against recorded consoles).
 */
import type { ReasonCode } from '../types.js';

const PREFLIGHT_PREFIX = "Response to preflight request doesn't pass access control check: ";
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
      return prefix(code) + `The 'Access-Control-Allow-Origin' header contains multiple values '${hint}', but only one is allowed.${VALID_VALUE}`;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return prefix(code) + `The 'Access-Control-Allow-Origin' header contains the invalid value '${hint}'.${VALID_VALUE}`;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return prefix(code) + `The 'Access-Control-Allow-Origin' header has a value '${hint}' that is not equal to the supplied origin.${VALID_VALUE}`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return prefix(code) + `The value of the 'Access-Control-Allow-Credentials' header in the response is '${hint}' which must be 'true' when the request's credentials mode is 'include'.`;
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
      return `Redirect location '${hint}' contains a username and password, which is disallowed for cross-origin requests.`;
    default:
      return null;
  }
}

function prefix(code: ReasonCode): string {
  return code.startsWith('Preflight') ? PREFLIGHT_PREFIX : '';
}

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
export function chromiumMessage(code: ReasonCode, hint: string, url: string, initialUrl: string, origin: string): string {
  const detail = chromiumDetail(code, hint);
  if (detail === null) return '';
  const redirected = initialUrl !== url ? `(redirected from '${initialUrl}') ` : '';
  return `${chromiumLead()} '${url}' ${redirected}from origin '${origin}' has been blocked by CORS policy: ${detail}`;
}
