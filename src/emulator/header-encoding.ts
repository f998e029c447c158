/**
 * Header values between script and the wire, for an engine whose bytes are not the standard's one byte per
 * character (`EngineProfile.headerValueEncoding`: WebKit writes and reads them as UTF-8). Values in ASCII are
 * the same either way and are returned as they are.
 */
import type { EngineProfile } from '../engines/index.js';
import { decodeUtf8, encodeUtf8 } from '../platform.js';

/** Whether a string has a character above U+007F (a loop: this runs on every header value of every request). */
function isNonAscii(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0x7f) return true;
  return false;
}

function anyNonAscii(headers: ReadonlyArray<readonly [string, string]>): boolean {
  for (let i = 0; i < headers.length; i++) if (isNonAscii(headers[i][1])) return true;
  return false;
}

/**
 * Bytes as a byte string, one character per byte. In slices: a head's value can be hundreds of kilobytes, more
 * arguments than one call takes; each slice through `apply`, which is several times faster than a spread on the
 * short lines of a response head (raw-response.ts reads every line with it). (The codecs come from src/platform.ts
 * when first used: some DOM environments have no TextEncoder global at load.)
 */
export function byteString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 4096) out += String.fromCharCode.apply(null, bytes.subarray(i, i + 4096) as unknown as number[]);
  return out;
}

/** The header list as it goes on the wire: values as byte strings (one character per byte). */
export function wireHeaderValues(headers: ReadonlyArray<[string, string]>, engine: EngineProfile): ReadonlyArray<[string, string]> {
  if (engine.headerValueEncoding === 'latin1' || !anyNonAscii(headers)) return headers;
  return headers.map(([name, value]) => [name, isNonAscii(value) ? byteString(encodeUtf8(value)) : value]);
}

/** Response header values as script reads them (one character per byte), from the byte strings that came off the wire. */
export function scriptHeaderValues(headers: Record<string, string>, engine: EngineProfile): Record<string, string> {
  if (engine.headerValueEncoding === 'latin1') return headers;
  let out: Record<string, string> | undefined;
  for (const name in headers) {
    const value = headers[name];
    if (!isNonAscii(value)) continue;
    out ??= { ...headers };
    out[name] = readAsUtf8(value);
  }
  return out ?? headers;
}

/**
 * A header value (a byte string) as an engine that reads values as UTF-8 holds it (recorded, WebKitGTK): its valid
 * UTF-8 sequences as they came, and each byte that starts none as the three bytes of U+FFFD (EF BF BD), one
 * character per byte. Byte by byte, as GLib makes a string valid: a cut sequence (E2 82) is two replacements, where
 * the Encoding Standard's decoder makes one (recorded: `urls`). Script reads these, and WebKit's console quotes them.
 */
export function readAsUtf8(value: string): string {
  if (!isNonAscii(value) || !isByteString(value)) return value;
  let out = '';
  let i = 0;
  while (i < value.length) {
    const length = utf8SequenceLength(value, i);
    if (length === 0) {
      out += '\u00ef\u00bf\u00bd';
      i++;
    } else {
      out += value.slice(i, i + length);
      i += length;
    }
  }
  return out;
}

/** The length of the valid UTF-8 sequence that starts at `i` of a byte string (RFC 3629), or 0 when none does. */
function utf8SequenceLength(bytes: string, i: number): number {
  const b0 = bytes.charCodeAt(i);
  if (b0 < 0x80) return 1;
  const at = (k: number): number => (i + k < bytes.length ? bytes.charCodeAt(i + k) : -1);
  const tail = (b: number): boolean => b >= 0x80 && b <= 0xbf;
  if (b0 >= 0xc2 && b0 <= 0xdf) return tail(at(1)) ? 2 : 0;
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const b1 = at(1);
    const lower = b0 === 0xe0 ? 0xa0 : 0x80;
    const upper = b0 === 0xed ? 0x9f : 0xbf;
    return b1 >= lower && b1 <= upper && tail(at(2)) ? 3 : 0;
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const b1 = at(1);
    const lower = b0 === 0xf0 ? 0x90 : 0x80;
    const upper = b0 === 0xf4 ? 0x8f : 0xbf;
    return b1 >= lower && b1 <= upper && tail(at(2)) && tail(at(3)) ? 4 : 0;
  }
  return 0;
}

/**
 * A header value (a byte string) decoded as UTF-8, an invalid sequence as U+FFFD: Firefox's console quotes these.
 * A value with a character above U+00FF holds no bytes off the wire (a scripted transport's) and stays as it is.
 */
export function decodeBytes(value: string): string {
  return isNonAscii(value) && isByteString(value) ? decodeUtf8(Uint8Array.from(value, (char) => char.charCodeAt(0))) : value;
}

/** A byte string with each byte 0x80-0xFF (a character U+0080-U+00FF) replaced by `escape(byte)`; others as they are. */
export function escapeHighBytes(value: string, escape: (byte: number) => string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x80 || c > 0xff) continue;
    out += value.slice(from, i) + escape(c);
    from = i + 1;
  }
  return from === 0 ? value : out + value.slice(from);
}

function isByteString(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return false;
  return true;
}
