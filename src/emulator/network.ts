/**
 * Putting one request on the wire through a transport, with a deadline. A transport that throws, hangs or
 * answers garbage yields a failure record, never an exception out of the emulator.
 */
import { TransportError } from '../errors.js';
import { isHttpWhitespace, normalizeHeaderValue } from '../spec/http.js';
import type { Transport, WireRequest, WireResponse } from '../types.js';

export type SendResult = { ok: true; response: WireResponse } | { ok: false; kind: 'timeout' | 'network'; message: string };

export async function sendWithDeadline(transport: Transport, wire: WireRequest, timeoutMs: number): Promise<SendResult> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new TransportError('timeout', `no response within ${timeoutMs} ms`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    const response = await Promise.race([transport.send(wire, { signal: controller.signal }), deadline]);
    const problem = validateResponse(response);
    if (problem) return { ok: false, kind: 'network', message: problem };
    return { ok: true, response: normalizeResponse(response) };
  } catch (error) {
    const kind = error instanceof TransportError && error.kind === 'timeout' ? 'timeout' : 'network';
    return { ok: false, kind, message: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

function validateResponse(response: unknown): string | null {
  if (response === null || typeof response !== 'object') return `the transport returned ${String(response)} instead of a response`;
  const r = response as Partial<WireResponse>;
  if (!Number.isInteger(r.status) || (r.status as number) < 100 || (r.status as number) > 999) return `invalid HTTP status ${String(r.status)}`;
  if (!Array.isArray(r.headers)) return 'the response has no header list';
  for (const entry of r.headers) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return 'the response header list holds a malformed entry';
  }
  return null;
}

/** What an HTTP parser does to field values: strip leading and trailing whitespace. */
function normalizeResponse(response: WireResponse): WireResponse {
  let dirty = false;
  for (const [, v] of response.headers) {
    if (v.length && (isHttpWhitespace(v.charCodeAt(0)) || isHttpWhitespace(v.charCodeAt(v.length - 1)))) {
      dirty = true;
      break;
    }
  }
  const body = response.body instanceof Uint8Array ? response.body : new Uint8Array(0);
  if (!dirty && body === response.body && typeof response.statusText === 'string') return response;
  return {
    ...response,
    statusText: typeof response.statusText === 'string' ? response.statusText : '',
    headers: dirty ? response.headers.map(([n, v]) => [n, normalizeHeaderValue(v)]) : response.headers,
    body,
  };
}
