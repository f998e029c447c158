/**
 * Conversions between the emulator's wire records and the platform's `Request` / `Response`.
 */
import { TransportError } from '../errors.js';
import type { WireRequest, WireResponse } from '../types.js';
import { BodyCollector } from './body.js';

const EMPTY = new Uint8Array(0);

/** Build a platform `Request` from a wire request, header order and repeats kept. */
export function toPlatformRequest(wire: WireRequest, signal?: AbortSignal): Request {
  const headers = new Headers();
  for (const [name, value] of wire.headers) headers.append(name, value);
  const hasBody = wire.body !== null && wire.method !== 'GET' && wire.method !== 'HEAD';
  return new Request(wire.url, {
    method: wire.method,
    headers,
    body: hasBody ? (wire.body as Uint8Array<ArrayBuffer>) : null,
    signal,
    redirect: 'manual',
  });
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
  } finally {
    reader.releaseLock();
  }
  const { body, truncated } = collector.result();
  return truncated ? { ...head, body, bodyTruncated: true } : { ...head, body };
}
