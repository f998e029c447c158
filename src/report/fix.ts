/**
 * One line saying what to change on the server, per reason.
 */
import type { ReasonCode } from '../types.js';

export function fixHint(code: ReasonCode, hint: string, origin: string, credentialed = false): string {
  const o = origin || 'the page origin';
  switch (code) {
    case 'MissingAllowOriginHeader':
      return `Send 'Access-Control-Allow-Origin: ${o}' (or '*' for public, uncredentialed data) on this response, error responses included.`;
    case 'PreflightMissingAllowOriginHeader':
      return `Answer the OPTIONS preflight with 'Access-Control-Allow-Origin: ${o}' (with credentials: the exact origin, never '*').`;
    case 'WildcardOriginNotAllowed':
    case 'PreflightWildcardOriginNotAllowed':
      return `With credentials, echo the exact origin: 'Access-Control-Allow-Origin: ${o}' plus 'Access-Control-Allow-Credentials: true' and 'Vary: Origin', not '*'.`;
    case 'MultipleAllowOriginValues':
    case 'PreflightMultipleAllowOriginValues':
      return `Send exactly one origin in one 'Access-Control-Allow-Origin' header ('${o}'); pick it from your allow-list per request instead of listing them all (often two layers, e.g. proxy and app, both add it).`;
    case 'InvalidAllowOriginValue':
    case 'PreflightInvalidAllowOriginValue':
      return `'Access-Control-Allow-Origin' must be '*', 'null' or one serialized origin such as '${o}'; '${hint}' is none of these.`;
    case 'AllowOriginMismatch':
    case 'PreflightAllowOriginMismatch':
      return hint === 'null' || o === 'null'
        ? `The request's origin is '${o}'; send 'Access-Control-Allow-Origin: ${o}' exactly (a redirect across origins makes the origin 'null').`
        : `Send 'Access-Control-Allow-Origin: ${o}' exactly (scheme, host and port, no path or trailing slash, same case); it now says '${hint}'.`;
    case 'InvalidAllowCredentials':
    case 'PreflightInvalidAllowCredentials':
      return `Send 'Access-Control-Allow-Credentials: true' (exactly 'true', lower-case, once) on the ${code.startsWith('Preflight') ? 'preflight' : ''}${code.startsWith('Preflight') ? ' ' : ''}response, or have the client drop credentials: 'include'.`;
    case 'PreflightInvalidStatus':
      return `Answer the OPTIONS preflight with a 2xx status (204 is usual) before any auth or routing that returns ${hint || 'an error'}.`;
    case 'PreflightDisallowedRedirect':
      return 'Answer the OPTIONS preflight directly with 2xx; browsers never follow redirects for a preflight (serve the final URL, or redirect only non-preflighted requests).';
    case 'InvalidAllowMethodsPreflightResponse':
      return `Make 'Access-Control-Allow-Methods' a comma-separated list of method tokens, e.g. 'GET, POST, PUT' (invalid item: '${hint}').`;
    case 'InvalidAllowHeadersPreflightResponse':
      return `Make 'Access-Control-Allow-Headers' a comma-separated list of header names, e.g. 'content-type, x-csrf-token' (invalid item: '${hint}').`;
    case 'MethodDisallowedByPreflightResponse':
      return `Add ${hint} to 'Access-Control-Allow-Methods' on the preflight response (methods match case-sensitively${credentialed ? "; with credentials '*' is not a wildcard" : ''}).`;
    case 'HeaderDisallowedByPreflightResponse':
      return hint === 'authorization'
        ? `List 'authorization' explicitly in 'Access-Control-Allow-Headers'; ${credentialed ? "with credentials '*' covers nothing, and " : ''}the Fetch Standard never lets '*' cover Authorization.`
        : `Add '${hint}' to 'Access-Control-Allow-Headers' on the preflight response${credentialed ? " ('*' is not a wildcard with credentials)" : ''}.`;
    case 'RedirectContainsCredentials':
      return `Redirect to a URL without user:password (it was '${hint}').`;
    case 'UnexpectedRedirect':
      return "The request was made with redirect: 'error' and the server answered with a redirect: serve the resource at the requested URL, or let the client follow redirects.";
    case 'TooManyRedirects':
      return 'The server redirects in a loop (or more than 20 times): fix the redirect chain so it ends in a response.';
    case 'ForbiddenMethod':
      return `Browsers never send ${hint}; use another method.`;
    case 'CredentialsInUrl':
      return "fetch() refuses a URL with a user name or password before sending anything: drop 'user:password@' from the URL and send the credentials in a header instead (Authorization: Basic ... or Bearer ...).";
    case 'MethodNotAllowedInNoCors':
      return `A 'no-cors' request can only use GET, HEAD or POST; use mode 'cors' and allow ${hint} on the server.`;
    case 'CorsDisabledScheme':
      return `The server redirects to '${hint}', which is not an http: or https: URL: browsers follow no such redirect; redirect to an HTTP(S) URL.`;
    case 'InvalidRedirectLocation':
      return `The 'Location' header '${hint}' is not a URL: send an absolute or relative URL that parses.`;
    case 'BadPort':
      return `Browsers never connect to port ${hint} (a blocked port, https://fetch.spec.whatwg.org/#port-blocking): serve the API on another port.`;
    case 'LocalNetworkAccessPermissionDenied':
      return `The page is in a less private address space than the ${hint} one it fetches from: the user must grant the '${hint === 'loopback' ? 'loopback-network' : 'local-network'}' permission (Local Network Access), or serve the API from the page's own address space.`;
    case 'InvalidPrivateNetworkAccess': {
      const [target, resource] = hint.split(' ');
      return `fetch() said targetAddressSpace '${target}' but the server is in the ${resource} address space: pass targetAddressSpace: '${resource}' (or none).`;
    }
    case 'NoCorsRedirectModeNotFollow':
      return `A 'no-cors' request must follow redirects: drop redirect: '${hint || 'manual'}', or use mode 'cors' with CORS headers on the server.`;
    case 'DisallowedByMode':
      return "The request uses mode 'same-origin' but goes to another origin: use mode 'cors' (and CORS headers on the server) or call a same-origin URL.";
    case 'Timeout':
      return 'The server did not answer in time: check that it is up and that OPTIONS requests are not left hanging.';
    case 'NetworkError':
      return `The server could not be reached or answered something that is not HTTP (${hint || 'connection failed'}).`;
  }
}
