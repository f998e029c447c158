/**
 * Putting one request on the wire through a transport, with a deadline. A transport that throws, hangs or
 * answers garbage yields a failure record, never an exception out of the emulator. The one exception is a
 * `LocalResourceError`: this machine ran out of file descriptors or ports, the request never reached the
 * server, so there is nothing to judge; it rejects, and `simulate` with it.
 */
import { LocalResourceError, TransportError } from '../errors.js';
import { isHttpWhitespace, normalizeHeaderValue } from '../spec/http.js';
import type { Transport, TransportContext, WireRequest, WireResponse } from '../types.js';

export type SendResult = { ok: true; response: WireResponse } | { ok: false; kind: 'timeout' | 'network'; message: string };

export function sendWithDeadline(transport: Transport, wire: WireRequest, timeoutMs: number): Promise<SendResult> {
  return new Promise<SendResult>((resolve, reject) => {
    // The signal is made when the transport first reads it: many transports never do, and an AbortSignal is
    // an event target that costs more to make than a simple in-process exchange. Read after the deadline, it
    // comes already aborted.
    let controller: AbortController | undefined;
    let expired: TransportError | undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let settled = false;
    // Whichever comes first settles the exchange: the transport's answer, or the deadline (which also aborts
    // the transport's signal, so a transport that honours it releases what it holds).
    const expire = (): void => {
      settled = true;
      const message = `no response within ${timeoutMs} ms`;
      expired = new TransportError('timeout', message);
      controller?.abort(expired);
      resolve({ ok: false, kind: 'timeout', message });
    };
    const context: TransportContext = {
      get signal(): AbortSignal {
        if (controller === undefined) {
          controller = new AbortController();
          if (expired) controller.abort(expired);
        }
        return controller.signal;
      },
      hold() {
        if (settled || timer === undefined) return resume;
        clearTimeout(timer);
        timer = undefined;
        return resume;
      },
    };
    const resume = (): void => {
      if (!settled && timer === undefined) timer = setTimeout(expire, timeoutMs);
    };
    timer = setTimeout(expire, timeoutMs);
    let sending: Promise<WireResponse>;
    try {
      sending = Promise.resolve(transport.send(wire, context));
    } catch (error) {
      sending = Promise.reject(error);
    }
    const failed = (error: unknown): void => {
      settled = true;
      clearTimeout(timer);
      if (error instanceof LocalResourceError) {
        reject(error);
        return;
      }
      const kind = error instanceof TransportError && error.kind === 'timeout' ? 'timeout' : 'network';
      resolve({ ok: false, kind, message: error instanceof Error ? error.message : String(error) });
    };
    sending.then((response) => {
      settled = true;
      clearTimeout(timer);
      try {
        const problem = validateResponse(response);
        resolve(problem ? { ok: false, kind: 'network', message: problem } : { ok: true, response: normalizeResponse(response) });
      } catch (error) {
        // A response object whose fields throw when read (a getter, a revoked proxy) is garbage on the wire.
        failed(error);
      }
    }, failed);
  });
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
