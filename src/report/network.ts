/**
 * What went wrong on the network, in words: the detail shown for a `NetworkError` or `Timeout` verdict and for
 * an exchange that got no response.
 */
import { getEngine } from '../engines/index.js';
import type { BodyError, NetworkFailure } from '../types.js';

export function networkFailureText(failure: NetworkFailure | undefined): string {
  if (!failure) return 'the transport failed';
  switch (failure.kind) {
    case 'timeout':
      return `no response within ${failure.ms} ms`;
    case 'transport':
      return failure.message;
    case 'target':
      return failure.context;
    case 'invalid-response':
      switch (failure.problem) {
        case 'not-a-response':
          return `the transport returned ${failure.value} instead of a response`;
        case 'status':
          return `invalid HTTP status ${failure.value}`;
        case 'header-list':
          return 'the response header list is missing or holds a malformed entry';
        case 'unreadable':
          return failure.value ?? 'the response could not be read';
      }
      break;
    case 'invalid-location':
      return `invalid Location '${failure.location}'`;
    case 'redirect-scheme':
      return `redirect to a ${safeProtocol(failure.location)} URL`;
    case 'status':
      return `a ${failure.status} (Proxy Authentication Required) answer from a server that is not a proxy, which the browser's network stack refuses as a failed connection; answer 401 to ask for credentials`;
    case 'no-cors-redirect-mode':
      return `redirect mode '${failure.redirect}' is not allowed with mode 'no-cors'`;
    case 'not-sent':
      return failure.message;
    case 'refused-head':
      return refusedHeadText(failure);
  }
}

function refusedHeadText(failure: Extract<NetworkFailure, { kind: 'refused-head' }>): string {
  const engine = getEngine(failure.engine).label;
  switch (failure.problem) {
    case 'too-large':
      return `the response head is ${failure.bytes.toLocaleString('en-US')} bytes; ${engine} reads at most ${failure.limit.toLocaleString('en-US')}, so the request fails`;
    case 'nul-in-header':
      return `the response header ${failure.header} holds a NUL byte, which makes the response a network error`;
    case 'nul-in-status':
      return `the status text holds a NUL byte, which ${engine} treats as a network error`;
    case 'status-line':
      return `${engine} does not read ${JSON.stringify(failure.line)} as an HTTP status line, so the request fails`;
    case 'nul-in-name':
      return `the response header name ${JSON.stringify(failure.header)} holds a NUL byte, which ${engine} treats as a network error`;
    case 'switching-protocols':
      return `the server answered 101 Switching Protocols, which ${engine} treats as a network error for fetch()`;
    case 'framing':
      return `${engine} refuses the response's ${failure.header} ${JSON.stringify(failure.value)}, so the request fails`;
    case 'short-body':
      return `the connection closed before the body reached its Content-Length, and ${engine} fails the request`;
    case 'broken-chunks':
      return `the chunked body broke off or had a chunk size that is not a hex number, and ${engine} fails the request`;
    case 'content-length':
      return `${engine} cannot use the response's Content-Length, so the request fails`;
    case 'content-coding':
      return `the body does not decode by its Content-Encoding, and ${engine} fails the request`;
    case 'no-response':
      return 'the connection closed without a complete response';
  }
}

/** What to change on the server when the engine refused the response head. */
export function refusedHeadFix(failure: Extract<NetworkFailure, { kind: 'refused-head' }>): string {
  const engine = getEngine(failure.engine).label;
  switch (failure.problem) {
    case 'too-large':
      return `The response head is ${failure.bytes.toLocaleString('en-US')} bytes and ${engine} reads at most ${failure.limit.toLocaleString('en-US')}: send fewer or shorter headers (a long Content-Security-Policy, Link or Set-Cookie list is the usual cause).`;
    case 'nul-in-header':
      return `Remove the NUL byte from the ${failure.header} header: browsers fail any response that carries one.`;
    case 'nul-in-status':
      return `Remove the NUL byte from the status text: ${engine} fails the response.`;
    case 'status-line':
      return `Send a status line of the form "HTTP/1.1 200 OK": ${engine} does not read ${JSON.stringify(failure.line)}.`;
    case 'nul-in-name':
      return `Remove the NUL byte from the header name ${JSON.stringify(failure.header)}: ${engine} fails the response.`;
    case 'switching-protocols':
      return `Answer fetch() with a final status, not 101 Switching Protocols: ${engine} fails the request.`;
    case 'framing':
      return `Send one valid ${failure.header === 'Content-Length' ? 'Content-Length (a single number)' : 'Transfer-Encoding: chunked'} instead of ${JSON.stringify(failure.value)}: ${engine} fails the request.`;
    case 'content-coding':
      return `Send the body encoded as its Content-Encoding says, or without that header: ${engine} fails the request.`;
    case 'short-body':
    case 'broken-chunks':
    case 'content-length':
      return `Send the whole body its head announces (Content-Length or chunks) before closing the connection: ${engine} fails the request.`;
    case 'no-response':
      return 'Answer with a complete HTTP response before closing the connection.';
  }
}

/** Whether the failure is the user's own target or set-up throwing, not the network nor CORS. */
export function isTargetFailure(failure: NetworkFailure | undefined): failure is Extract<NetworkFailure, { kind: 'target' }> {
  return failure?.kind === 'target';
}

/**
 * The sentence that says a target's own exception is not CORS: shown by matchers, the CLI and the mocks in place
 * of a browser's console line, which would only say the fetch failed.
 */
export function targetFailureText(failure: Extract<NetworkFailure, { kind: 'target' }>): string {
  return `The target itself threw ${failure.name}: ${failure.message}. This error comes from your app or test set-up, not from CORS; a page would see a network error.`;
}

function safeProtocol(location: string): string {
  try {
    return new URL(location).protocol;
  } catch {
    return 'non-HTTP';
  }
}

/** Why reading an allowed response's body fails in script (`response.bodyError`), in words. */
export function bodyErrorText(error: BodyError): string {
  switch (error) {
    case 'short-body':
      return 'the connection closed before the body reached its Content-Length';
    case 'broken-chunks':
      return 'the chunked body broke off or had a chunk size that is not a hex number';
    case 'content-length':
      return 'the Content-Length is not one the browser can use';
    case 'content-coding':
      return 'the body does not decode by its Content-Encoding';
  }
}
