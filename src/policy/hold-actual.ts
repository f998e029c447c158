/**
 * A transport that sends preflights (OPTIONS) and holds every other request back: it is answered here, as if
 * the server allowed it, and never sent. Used to judge a preflight alone, so that checking a policy never
 * performs a PUT or DELETE it did not have to, or one the server should have refused.
 */
import type { Transport, WireResponse } from '../types.js';

export const HELD_STATUS_TEXT = 'not sent (judged by its preflight)';

export function holdActualRequests(transport: Transport): Transport {
  return {
    name: transport.name,
    baseUrl: transport.baseUrl,
    send(wire, context) {
      if (wire.method === 'OPTIONS') return transport.send(wire, context);
      const origin = wire.headers.find(([name]) => name.toLowerCase() === 'origin')?.[1] ?? '*';
      const held: WireResponse = {
        status: 200,
        statusText: HELD_STATUS_TEXT,
        headers: [
          ['access-control-allow-origin', origin],
          ['access-control-allow-credentials', 'true'],
        ],
        body: new Uint8Array(0),
      };
      return Promise.resolve(held);
    },
  };
}

/** Whether an exchange's response was made up by `holdActualRequests`. */
export function isHeldResponse(response: WireResponse | undefined): boolean {
  return response?.statusText === HELD_STATUS_TEXT;
}
