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

/** What the engines' refusals look at in a response head: worked out once per response, whatever the engine. */
export interface HeadFacts {
  /** `responseHeadBytes(response)`. */
  bytes: number;
  /** The (lower-cased) name of the first header whose value has a NUL byte; null when none has. */
  nulHeader: string | null;
  /** Whether the status text has a NUL byte. */
  nulStatus: boolean;
}

export function headFacts(response: WireResponse): HeadFacts {
  let nulHeader: string | null = null;
  for (const [name, value] of response.headers) {
    if (value.includes('\u0000')) {
      nulHeader = name.toLowerCase();
      break;
    }
  }
  return { bytes: responseHeadBytes(response), nulHeader, nulStatus: response.statusText.includes('\u0000') };
}

/**
 * Why `engine` treats this response as a network error, or null when it reads it. `facts`: the response's (the
 * engines judging one shared response pass the same).
 */
export function refusedResponse(response: WireResponse, engine: EngineProfile, facts: HeadFacts = headFacts(response)): NetworkFailure | null {
  const limit = engine.maxResponseHeadBytes;
  if (Number.isFinite(limit) && facts.bytes > limit) return { kind: 'refused-head', problem: 'too-large', bytes: facts.bytes, limit, engine: engine.name };
  if (facts.nulHeader !== null) return { kind: 'refused-head', problem: 'nul-in-header', header: facts.nulHeader, engine: engine.name };
  if (engine.statusTextNulIsNetworkError && facts.nulStatus) return { kind: 'refused-head', problem: 'nul-in-status', engine: engine.name };
  return null;
}
