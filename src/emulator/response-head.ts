/**
 * What an engine refuses in a response head before any CORS check: a head larger than it reads (Chromium
 * 256 KiB, Firefox 384 KiB, WebKit 64 KiB) and NUL bytes (in a header value everywhere, in the status text in
 * Chromium and WebKit). Such a response is a network error, as in the browser: `fetch()` rejects and the
 * console shows no CORS message. Other control bytes are kept and readable, as recorded in all three engines.
 */
import type { EngineProfile } from '../engines/index.js';
import type { NetworkFailure, WireResponse } from '../types.js';

/**
 * The size of the head a server writes for `response` in the usual form: `HTTP/1.1 <status> <text>` CRLF, each
 * header as `Name: value` CRLF, then CRLF. (A server that writes other whitespace differs by a few bytes.)
 */
export function responseHeadBytes(response: WireResponse): number {
  // `HTTP/1.1 200 ` and CRLF around the status text, then `: ` and CRLF around each header, then the last CRLF.
  let bytes = 13 + response.statusText.length + 2 + 2;
  for (const [name, value] of response.headers) bytes += name.length + 2 + value.length + 2;
  return bytes;
}

/** Why `engine` treats this response as a network error, or null when it reads it. */
export function refusedResponse(response: WireResponse, engine: EngineProfile): NetworkFailure | null {
  const limit = engine.maxResponseHeadBytes;
  if (Number.isFinite(limit)) {
    const bytes = responseHeadBytes(response);
    if (bytes > limit) return { kind: 'refused-head', problem: 'too-large', bytes, limit, engine: engine.name };
  }
  for (const [name, value] of response.headers) {
    if (value.includes('\u0000')) return { kind: 'refused-head', problem: 'nul-in-header', header: name.toLowerCase(), engine: engine.name };
  }
  if (engine.statusTextNulIsNetworkError && response.statusText.includes('\u0000')) {
    return { kind: 'refused-head', problem: 'nul-in-status', engine: engine.name };
  }
  return null;
}
