/**
 * Extracting a body: https://fetch.spec.whatwg.org/#concept-bodyinit-extract
 * Returns the bytes and the Content-Type the standard implies (`text/plain;charset=UTF-8` for a string,
 * `application/x-www-form-urlencoded;charset=UTF-8` for URLSearchParams, a Blob's type, multipart for FormData).
 * The body's kind was checked before (src/arguments/request.ts).
 */
import { encodeUtf8 } from '../platform.js';

export interface ExtractedBody {
  bytes: Uint8Array | null;
  type: string | null;
}

const NO_BODY: ExtractedBody = Object.freeze({ bytes: null, type: null });

/** The extracted body; a promise only for the kinds the platform extracts (URLSearchParams, Blob, FormData, streams). */
export function extractBody(body: unknown): ExtractedBody | Promise<ExtractedBody> {
  if (body === undefined || body === null) return NO_BODY;
  if (typeof body === 'string') return { bytes: encodeUtf8(body), type: 'text/plain;charset=UTF-8' };
  if (body instanceof Uint8Array) return { bytes: body, type: null };
  if (body instanceof ArrayBuffer) return { bytes: new Uint8Array(body), type: null };
  if (ArrayBuffer.isView(body)) return { bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), type: null };
  if (body instanceof URLSearchParams || body instanceof Blob || body instanceof FormData || body instanceof ReadableStream) {
    return extractByPlatform(body);
  }
  return NO_BODY;
}

/** The platform's own extraction gives the exact bytes and type (e.g. the multipart boundary). */
async function extractByPlatform(body: URLSearchParams | Blob | FormData | ReadableStream): Promise<ExtractedBody> {
  const probe = new Request('http://body.invalid/', { method: 'POST', body, duplex: 'half' } as RequestInit);
  const bytes = new Uint8Array(await probe.arrayBuffer());
  return { bytes, type: body instanceof ReadableStream ? null : probe.headers.get('content-type') };
}

/** Whether two bodies hold the same bytes (null: no body). */
export function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.byteLength !== b.byteLength) return false;
  for (let k = 0; k < a.byteLength; k++) if (a[k] !== b[k]) return false;
  return true;
}
