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
 * arguments than one call takes. (The codecs come from src/platform.ts when first used: some DOM environments
 * have no TextEncoder global at load.)
 */
function byteString(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
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
 * A header value (a byte string) as an engine that reads values as UTF-8 holds it (recorded, WebKitGTK): the bytes
 * are decoded as UTF-8 (an invalid sequence becomes U+FFFD) and the engine keeps the UTF-8 bytes of the result, one
 * character per byte: valid UTF-8 reads as it came, each invalid byte as EF BF BD. Script reads these, and WebKit's
 * console quotes them.
 */
export function readAsUtf8(value: string): string {
  return isNonAscii(value) && isByteString(value) ? byteString(encodeUtf8(decodeBytes(value))) : value;
}

/**
 * A header value (a byte string) decoded as UTF-8, an invalid sequence as U+FFFD: Firefox's console quotes these.
 * A value with a character above U+00FF holds no bytes off the wire (a scripted transport's) and stays as it is.
 */
export function decodeBytes(value: string): string {
  return isNonAscii(value) && isByteString(value) ? decodeUtf8(Uint8Array.from(value, (char) => char.charCodeAt(0))) : value;
}

function isByteString(value: string): boolean {
  for (let i = 0; i < value.length; i++) if (value.charCodeAt(i) > 0xff) return false;
  return true;
}
