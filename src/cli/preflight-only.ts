/**
 * A transport for auditing: preflights (OPTIONS) go to the real server; any other request is answered
 * here with a permissive stub and never sent, so `corsproof audit` can let the emulator judge a preflight for
 * PUT/DELETE without ever performing the PUT/DELETE on a live endpoint.
 */
import { TransportError } from '../errors.js';
import type { Transport, WireResponse } from '../types.js';

export function preflightOnly(transport: Transport, origin: string): Transport {
  return {
    name: `${transport.name} (preflights only)`,
    baseUrl: transport.baseUrl,
    send(wire, context) {
      if (wire.method === 'OPTIONS') return transport.send(wire, context);
      const stub: WireResponse = {
        status: 200,
        statusText: 'OK (not sent: corsproof audit checks the preflight only)',
        headers: [
          ['access-control-allow-origin', origin],
          ['access-control-allow-credentials', 'true'],
        ],
        body: new Uint8Array(0),
      };
      return Promise.resolve(stub);
    },
  };
}

/**
 * `corsproof check --preflight-only`: preflights go to the server; any other request is not sent, and the
 * verdict says so (a `not-sent` network failure). Only used for methods that are not safe.
 */
export function preflightsOnly(transport: Transport, method: string): Transport {
  return {
    name: transport.name,
    baseUrl: transport.baseUrl,
    send(wire, context) {
      if (wire.method === 'OPTIONS' && wire.headers.some(([n]) => n.toLowerCase() === 'access-control-request-method')) return transport.send(wire, context);
      return Promise.reject(new TransportError('not-sent', `${method} ${wire.url} was not sent (--preflight-only)`));
    },
  };
}
