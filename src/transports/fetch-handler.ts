/**
 * A fetch handler target: `(request: Request) => Response | Promise<Response>`, or an object with such a
 * `fetch` method (Hono, Next.js route handlers, itty-router, Bun/Deno style servers).
 */
import { InvalidArgumentError, TransportError } from '../errors.js';
import type { FetchHandler, Transport } from '../types.js';
import { withDeadline } from './deadline.js';
import { describeValue, type InProcessOptions, resolveBaseUrl, resolveOptions } from './options.js';
import { handlerError } from './thrown.js';
import { isResponseLike } from '../platform.js';
import { fromPlatformResponse, toPlatformRequest } from './wire.js';

/** An object whose `fetch(request)` answers requests: a Hono app, an itty-router router, a Bun/Deno server module. */
export interface FetchHandlerObject {
  fetch(request: Request, ...rest: never[]): Response | Promise<Response>;
}

export interface FetchHandlerOptions extends InProcessOptions {
  /** The transport's name in messages. Default `fetch-handler`. */
  name?: string;
}

export function isFetchHandlerObject(value: unknown): value is FetchHandlerObject {
  return typeof value === 'object' && value !== null && typeof (value as FetchHandlerObject).fetch === 'function';
}

/**
 * A transport that calls a fetch handler in-process. The second argument may be the transport's name
 * (kept for compatibility) or options.
 */
export function fromFetchHandler(
  handler: FetchHandler | FetchHandlerObject,
  options: string | FetchHandlerOptions = {},
): Transport {
  const opts: FetchHandlerOptions = typeof options === 'string' ? { name: options } : options;
  const settings = resolveOptions(opts, 'fromFetchHandler', ['baseUrl', 'timeoutMs', 'maxBodyBytes', 'name']);
  const baseUrl = resolveBaseUrl(opts?.baseUrl, 'fromFetchHandler options.baseUrl');
  let call: FetchHandler;
  if (typeof handler === 'function') call = handler;
  else if (isFetchHandlerObject(handler)) call = (request) => handler.fetch(request);
  else {
    throw new InvalidArgumentError(
      'target',
      `fromFetchHandler expected a function (request) => Response or an object with a fetch method, received ${describeValue(handler)}`,
      'Pass the handler itself, e.g. fromFetchHandler(app.fetch) or fromFetchHandler(app).',
    );
  }
  const name = opts?.name ?? (typeof handler === 'function' ? 'fetch-handler' : objectName(handler));
  return {
    name,
    baseUrl,
    send: (wire, context) =>
      withDeadline(context, settings.timeoutMs, `${wire.method} ${wire.url}`, async (signal) => {
        let response: unknown;
        try {
          response = await call(toPlatformRequest(wire, signal));
        } catch (cause) {
          if (cause instanceof TransportError) throw cause;
          throw handlerError('The fetch handler threw', cause, cause instanceof TypeError ? arityHint(handler).trim() : '');
        }
        if (!isResponseLike(response)) {
          throw new TransportError(
            'handler',
            `The fetch handler returned ${describe(response)} instead of a Response. Return a Response (or a Promise of one).${response === undefined ? arityHint(handler) : ''}`,
          );
        }
        return fromPlatformResponse(response, settings.maxBodyBytes);
      }),
  };
}

function objectName(handler: FetchHandlerObject): string {
  const ctor = (handler as object).constructor?.name;
  return ctor === 'Hono' ? 'hono' : ctor && ctor !== 'Object' ? ctor : 'fetch-handler';
}

/** When a function declaring no parameters fails as a fetch handler, it may be a Node listener in disguise. */
function arityHint(handler: unknown): string {
  return typeof handler === 'function' && handler.length === 0
    ? ' If this is a Node (req, res) listener, wrap it with fromNodeHandler(listener).'
    : '';
}

function describe(value: unknown): string {
  if (value instanceof Error) return `${value.name}: ${value.message}`;
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  return typeof value === 'object' ? Object.prototype.toString.call(value) : `${typeof value} ${String(value)}`;
}
