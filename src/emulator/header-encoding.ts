/**
 * Header values between script and the wire, for an engine whose bytes are not the standard's one byte per
 * character (`EngineProfile.headerValueEncoding`: WebKit writes and reads them as UTF-8). Values in ASCII are
 * the same either way and are returned as they are.
 */
import type { EngineProfile } from '../engines/index.js';

const NON_ASCII = /[\u0080-\uffff]/;
const utf8 = new TextEncoder();
const lenient = new TextDecoder('utf-8');

/** The header list as it goes on the wire: values as byte strings (one character per byte). */
export function wireHeaderValues(headers: Array<[string, string]>, engine: EngineProfile): Array<[string, string]> {
  if (engine.headerValueEncoding === 'latin1' || !headers.some(([, value]) => NON_ASCII.test(value))) return headers;
  return headers.map(([name, value]) => [name, NON_ASCII.test(value) ? String.fromCharCode(...utf8.encode(value)) : value]);
}

/** Response header values as script reads them (one character per byte), from the byte strings that came off the wire. */
export function scriptHeaderValues(headers: Record<string, string>, engine: EngineProfile): Record<string, string> {
  if (engine.headerValueEncoding === 'latin1') return headers;
  let out: Record<string, string> | undefined;
  for (const [name, value] of Object.entries(headers)) {
    if (!NON_ASCII.test(value)) continue;
    out ??= { ...headers };
    // Recorded: the bytes are decoded as UTF-8 (an invalid sequence becomes U+FFFD) and script reads the UTF-8
    // bytes of the result, one character per byte: valid UTF-8 reads as it came, each invalid byte as EF BF BD.
    out[name] = String.fromCharCode(...utf8.encode(lenient.decode(Uint8Array.from(value, (char) => char.charCodeAt(0) & 0xff))));
  }
  return out ?? headers;
}
