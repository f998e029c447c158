/**
 * Reading a light-my-request response (what Fastify's `inject()` returns) into a wire response: the header
 * lines exactly as the app serialized them, the body up to a limit.
 */
import type { Readable } from 'node:stream';
import { TransportError } from '../errors.js';
import type { WireResponse } from '../types.js';
import { readLimited } from './body.js';
import { pairsFromHeaderBlock, pairsFromHeaderRecord } from './raw-headers.js';

/** The parts of a light-my-request response this module reads. */
export interface InjectedResponse {
  statusCode: number;
  statusMessage?: string;
  headers: Record<string, unknown>;
  raw?: { res?: { _header?: unknown } };
  rawPayload?: Uint8Array;
  stream?: () => Readable;
}

export async function fromInjectedResponse(response: InjectedResponse, maxBodyBytes: number): Promise<WireResponse> {
  // `_header` is the head the app wrote (status line and header lines, in order, repeats kept); the `headers`
  // record is the fallback, where a repeated name is an array.
  const block = response.raw?.res?._header;
  const headers = (typeof block === 'string' ? pairsFromHeaderBlock(block) : null) ?? pairsFromHeaderRecord(response.headers);
  const head = { status: response.statusCode, statusText: response.statusMessage ?? '', headers };
  if (typeof response.stream === 'function') {
    let read: Awaited<ReturnType<typeof readLimited>>;
    try {
      read = await readLimited(response.stream(), maxBodyBytes);
    } catch (cause) {
      throw new TransportError('network', `The app stopped its response mid-body (${cause instanceof Error ? cause.message : String(cause)}).`, { cause });
    }
    const { body, truncated } = read;
    return truncated ? { ...head, body, bodyTruncated: true } : { ...head, body };
  }
  const payload = response.rawPayload ?? new Uint8Array(0);
  if (payload.byteLength > maxBodyBytes) return { ...head, body: payload.subarray(0, maxBodyBytes), bodyTruncated: true };
  return { ...head, body: new Uint8Array(payload) };
}
