/**
 * Conversions between the emulator's wire records and the platform's `Request` / `Response`.
 */
import { TransportError } from '../errors.js';
import { Request, Response } from '../fetch-api.js';
import type { WireRequest, WireResponse } from '../types.js';
import { BodyCollector } from './body.js';

const EMPTY = new Uint8Array(0);

/**
 * A `Request` whose `signal` is the exchange's own: it aborts when the emulator gives up (timeout or the
 * caller's signal), as a server sees a client go away. Passing the signal to `new Request()` instead would make
 * undici follow it with a listener, a weak reference and a finalizer per request, which costs more than most
 * handlers do (bench: about 10 µs a request); handing out the signal itself costs nothing and aborts the same
 * way. A clone keeps it.
 */
class InProcessRequest extends Request {
  readonly #signal: AbortSignal;
  constructor(input: string | Request, init: RequestInit, signal: AbortSignal) {
    super(input, init);
    this.#signal = signal;
  }
  override get signal(): AbortSignal {
    return this.#signal;
  }
  override clone(): Request {
    return new InProcessRequest(super.clone(), {}, this.#signal);
  }
}

/**
 * Build a platform `Request` from a wire request, header order and repeats kept. The URL loses any
 * `user:password@`: a request target never carries them (the server sees none), and `new Request()` refuses such
 * a URL, while the Fetch Standard follows a redirect to one for no-cors and same-origin requests.
 */
export function toPlatformRequest(wire: WireRequest, signal?: AbortSignal): Request {
  const hasBody = wire.body !== null && wire.method !== 'GET' && wire.method !== 'HEAD';
  const init: RequestInit = {
    method: wire.method,
    headers: wire.headers,
    body: hasBody ? (wire.body as Uint8Array<ArrayBuffer>) : null,
    redirect: 'manual',
  };
  const url = withoutCredentials(wire.url);
  return signal ? new InProcessRequest(url, init, signal) : new Request(url, init);
}

function withoutCredentials(href: string): string {
  if (!href.includes('@')) return href;
  const url = new URL(href);
  if (url.username === '' && url.password === '') return href;
  url.username = '';
  url.password = '';
  return url.href;
}

/**
 * Read a platform `Response` into a wire response. `set-cookie` lines are kept one by one; other repeated
 * names arrive combined (`Headers` joins them with `, `). The body is read up to `maxBodyBytes`, then the
 * stream is cancelled and `bodyTruncated` set.
 */
export async function fromPlatformResponse(response: Response, maxBodyBytes = Number.POSITIVE_INFINITY): Promise<WireResponse> {
  if (response.type === 'error') {
    throw new TransportError('network', 'The handler answered with a network error (Response.error()).');
  }
  const headers: Array<[string, string]> = [];
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return;
    headers.push([name, value]);
  });
  for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
  const head = { status: response.status, statusText: response.statusText, headers };
  if (!response.body) return { ...head, body: EMPTY };
  const collector = new BodyCollector(maxBodyBytes);
  const reader = response.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!collector.add(value)) {
        await reader.cancel().catch(() => undefined);
        break;
      }
    }
  } catch (cause) {
    throw new TransportError(
      'network',
      `The response body failed after ${collector.length} bytes: ${cause instanceof Error ? cause.message : String(cause)}.`,
      { cause },
    );
  }
  // The reader is not released: nothing reads this stream again, and releasing a lock rejects the reader's
  // `closed` promise, which costs a rejection-tracking round trip per response.
  const { body, truncated } = collector.result();
  return truncated ? { ...head, body, bodyTruncated: true } : { ...head, body };
}
