/**
 * Conversions between the emulator's wire records and the platform's `Request` / `Response`.
 */
import { TransportError } from '../errors.js';
import type { WireRequest, WireResponse } from '../types.js';
import { BodyCollector } from './body.js';
import { makeServerRequest } from '../platform.js';

const EMPTY = new Uint8Array(0);

/**
 * Build the server-side `Request` of a wire request, header order, case, repeats and forbidden names kept (see
 * platform.ts: never the page's class as is). Its `signal` is the exchange's own: it aborts when the emulator
 * gives up (timeout or the caller's signal), as a server sees a client go away. The URL loses any
 * `user:password@`: a request target never carries them (the server sees none), and `new Request()` refuses such
 * a URL, while the Fetch Standard follows a redirect to one for no-cors and same-origin requests.
 */
export function toPlatformRequest(wire: WireRequest, signal?: AbortSignal | (() => AbortSignal)): Request {
  return makeServerRequest(withoutCredentials(wire.url), { method: wire.method, headers: wire.headers, body: wire.body, redirect: 'manual', signal });
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
 * The status line and headers of a platform `Response` (any realm or library). `set-cookie` lines are kept one by
 * one where `Headers` can tell them apart; other repeated names arrive combined (`Headers` joins them with `, `).
 * A network error (`Response.error()`) is a `network` `TransportError`.
 */
export function readHead(response: Response): Omit<WireResponse, 'body'> {
  if (response.type === 'error') {
    throw new TransportError('network', 'The handler answered with a network error (Response.error()).');
  }
  const headers: Array<[string, string]> = [];
  // `getSetCookie` keeps each Set-Cookie line apart; a Headers class without it (older DOM libraries) combines
  // them. Asked only when there is one (most responses have none).
  let cookies: string[] | null | undefined;
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') {
      cookies ??= typeof response.headers.getSetCookie === 'function' ? response.headers.getSetCookie() : null;
      if (cookies) return;
    }
    headers.push([name, value]);
  });
  for (const cookie of cookies ?? []) headers.push(['set-cookie', cookie]);
  return { status: response.status, statusText: response.statusText, headers };
}

/**
 * Read a platform `Response` into a wire response. `set-cookie` lines are kept one by one; other repeated
 * names arrive combined (`Headers` joins them with `, `). The body is read up to `maxBodyBytes`, then the
 * stream is cancelled and `bodyTruncated` set.
 */
export async function fromPlatformResponse(response: Response, maxBodyBytes = Number.POSITIVE_INFINITY): Promise<WireResponse> {
  const head = readHead(response);
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
