/**
 * A fetch handler target: `(request: Request) => Response | Promise<Response>`, or an object with such a
 * `fetch` method (Hono, Next.js route handlers, itty-router, Bun/Deno style servers).
 */
import { TransportError } from '../errors.js';
import type { FetchHandler, Transport } from '../types.js';
import { fromPlatformResponse, toPlatformRequest } from './wire.js';

export function fromFetchHandler(handler: FetchHandler, name = 'fetch-handler'): Transport {
  return {
    name,
    async send(wire, { signal }) {
      let response: Response;
      try {
        response = await handler(toPlatformRequest(wire, signal));
      } catch (cause) {
        if (cause instanceof TransportError) throw cause;
        throw new TransportError('handler', `The fetch handler threw: ${describe(cause)}`, { cause });
      }
      if (!(response instanceof Response)) {
        throw new TransportError(
          'handler',
          `The fetch handler returned ${describe(response)} instead of a Response. Return a Response (or a Promise of one).`,
        );
      }
      return fromPlatformResponse(response);
    },
  };
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value === null) return 'null';
  return typeof value === 'object' ? Object.prototype.toString.call(value) : `${typeof value} ${String(value)}`;
}
