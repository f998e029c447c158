/**
 * MSW request handlers (`http.get(...)`, `graphql.query(...)` arrays, or a `setupServer()` instance) run
 * in-process with msw's own `getResponse`, no server and no interception.
 *
 * In a browser, a response synthesized by MSW's service worker skips the CORS check, so a page under MSW never
 * sees a CORS failure. corsproof instead treats the handlers as the real server: their responses are checked
 * as the browser would check the server's, and a request no handler answers (typically the preflight
 * `OPTIONS`) gets what a server without that route sends: by default a bare `404 Not Found` with no headers.
 */
import { InvalidArgumentError, TransportError } from '../errors.js';
import type { Transport } from '../types.js';
import { withDeadline } from './deadline.js';
import { describeValue, type InProcessOptions, isCatchAll, resolveBaseUrl, resolveOptions } from './options.js';
import { handlerError } from './thrown.js';
import { fromPlatformResponse, toPlatformRequest } from './wire.js';

/** An MSW handler, structurally (so msw stays an optional dependency). */
export interface MswHandlerLike {
  run(...args: never[]): unknown;
  readonly kind?: string;
}

/** An MSW `setupServer()` / `setupWorker()` instance: its current handlers are used on every request. */
export interface MswServerLike {
  listHandlers(): ReadonlyArray<MswHandlerLike | object>;
}

export interface MswOptions extends InProcessOptions {
  /**
   * What a request that no handler answers gets (also a handler that calls `passthrough()`):
   * `'not-found'` (default) a `404 Not Found` with no headers and an empty body, as from a server without that
   * route; `'error'` a `network` `TransportError`, for suites where every request must be mocked.
   */
  onUnhandledRequest?: 'not-found' | 'error';
}

export function isMswHandler(value: unknown): value is MswHandlerLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as MswHandlerLike).run === 'function' &&
    (typeof (value as MswHandlerLike).kind === 'string' || typeof (value as { info?: unknown }).info === 'object')
  );
}

export function isMswServerLike(value: unknown): value is MswServerLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    !isCatchAll(value) &&
    typeof (value as MswServerLike).listHandlers === 'function' &&
    typeof (value as { resetHandlers?: unknown }).resetHandlers === 'function'
  );
}

type GetResponse = (handlers: unknown[], request: Request, context?: { baseUrl?: string; quiet?: boolean }) => Promise<Response | undefined>;

let loading: Promise<GetResponse> | undefined;

function loadGetResponse(): Promise<GetResponse> {
  loading ??= import('msw').then(
    (msw) => msw.getResponse as unknown as GetResponse,
    (cause: unknown) => {
      loading = undefined;
      throw handlerError('Cannot load msw to run the MSW handlers', cause, 'Install msw (npm i -D msw) where the tests run.');
    },
  );
  return loading;
}

/** A transport that answers with MSW request handlers. */
export function fromMswHandlers(handlers: readonly MswHandlerLike[] | MswServerLike, options?: MswOptions): Transport {
  const settings = resolveOptions(options, 'fromMswHandlers', ['baseUrl', 'timeoutMs', 'maxBodyBytes', 'onUnhandledRequest']);
  const baseUrl = resolveBaseUrl(options?.baseUrl, 'fromMswHandlers options.baseUrl');
  const unhandled = options?.onUnhandledRequest ?? 'not-found';
  if (unhandled !== 'not-found' && unhandled !== 'error') {
    throw new InvalidArgumentError(
      'fromMswHandlers options.onUnhandledRequest',
      `expected "not-found" or "error", received ${describeValue(unhandled)}`,
      'Use "not-found" (a bare 404, the default) or "error" (fail the exchange).',
    );
  }
  const current = handlerSource(handlers);
  return {
    name: 'msw',
    baseUrl,
    send: (wire, context) =>
      withDeadline(context, settings.timeoutMs, `${wire.method} ${wire.url}`, async (signal) => {
        const getResponse = await loadGetResponse();
        let response: Response | undefined;
        try {
          response = await getResponse(current(), toPlatformRequest(wire, signal), { baseUrl, quiet: true });
        } catch (cause) {
          if (cause instanceof TransportError) throw cause;
          throw handlerError(`An MSW handler threw for ${wire.method} ${wire.url}`, cause);
        }
        if (response === undefined || isPassthrough(response)) {
          if (unhandled === 'error') {
            throw new TransportError(
              'network',
              `No MSW handler answered ${wire.method} ${wire.url}. Add one (for a preflight: http.options(...)), or use onUnhandledRequest: "not-found".`,
            );
          }
          return { status: 404, statusText: 'Not Found', headers: [], body: new Uint8Array(0) };
        }
        return fromPlatformResponse(response, settings.maxBodyBytes);
      }),
  };
}

function handlerSource(handlers: unknown): () => unknown[] {
  if (isMswServerLike(handlers)) return () => requestHandlers(handlers.listHandlers());
  if (Array.isArray(handlers) && handlers.length > 0 && handlers.every(isMswHandler)) {
    const list = requestHandlers(handlers);
    return () => list;
  }
  throw new InvalidArgumentError(
    'target',
    `fromMswHandlers expected a non-empty array of MSW handlers or a setupServer() instance, received ${describeValue(handlers)}`,
    'Pass the handlers you give setupServer, e.g. fromMswHandlers([http.get("/users", resolver)]).',
  );
}

/** WebSocket handlers never answer HTTP requests; leave them out. */
function requestHandlers(list: ReadonlyArray<unknown>): unknown[] {
  return list.filter((handler) => (handler as MswHandlerLike).kind !== 'websocket');
}

function isPassthrough(response: Response): boolean {
  return response.status === 302 && response.headers.get('x-msw-intention') === 'passthrough';
}
