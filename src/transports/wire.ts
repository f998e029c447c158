/**
 * Conversions between the emulator's wire records and the platform's `Request` / `Response`.
 */
import type { WireRequest, WireResponse } from '../types.js';

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

/** Read a platform `Response` into a wire response. `set-cookie` lines are kept one by one. */
export async function fromPlatformResponse(response: Response): Promise<WireResponse> {
  const headers: Array<[string, string]> = [];
  response.headers.forEach((value, name) => {
    if (name === 'set-cookie') return;
    headers.push([name, value]);
  });
  for (const cookie of response.headers.getSetCookie()) headers.push(['set-cookie', cookie]);
  const body = response.body ? new Uint8Array(await response.arrayBuffer()) : EMPTY;
  return { status: response.status, statusText: response.statusText, headers, body };
}
