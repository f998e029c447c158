/**
 * A Fastify instance, run in-process: after `ready()`, each request goes over an in-memory connection to the
 * request listener Fastify put on `instance.server` (the same path as `fromNodeHandler`), so plugins, hooks and
 * `@fastify/cors` behave exactly as in production and the response is read as a socket would deliver it.
 *
 * Not through `inject()`: it loads light-my-request, whose dependencies are ESM-only, which Jest's CommonJS
 * runtime cannot load. `inject()` is only the fallback for an instance whose server has no HTTP/1 request
 * listener (e.g. `http2: true`).
 */
import { InvalidArgumentError } from '../errors.js';
import type { Transport, TransportContext, WireRequest, WireResponse } from '../types.js';
import { withDeadline } from './deadline.js';
import { outgoingHeaders } from './http-exchange.js';
import { fromInjectedResponse, type InjectedResponse } from './injected.js';
import { fromNodeHandler, isServerLike } from './node-http.js';
import { describeValue, type InProcessOptions, isCatchAll, resolveBaseUrl, resolveOptions } from './options.js';
import { recordFromPairs } from './raw-headers.js';
import { handlerError } from './thrown.js';

/** The parts of a Fastify instance used here (structural, so Fastify stays an optional dependency). */
export interface FastifyLike {
  inject(options: Record<string, unknown>): PromiseLike<unknown>;
  ready(): PromiseLike<unknown>;
  readonly server: unknown;
}

export function isFastifyLike(value: unknown): value is FastifyLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    !isCatchAll(value) &&
    typeof (value as FastifyLike).inject === 'function' &&
    typeof (value as FastifyLike).ready === 'function' &&
    typeof (value as { register?: unknown }).register === 'function' &&
    'server' in value
  );
}

/** A transport that answers through the instance's own request listener (or `inject()`, see above). */
export function fromFastify(instance: FastifyLike, options?: InProcessOptions): Transport {
  if (!isFastifyLike(instance)) {
    throw new InvalidArgumentError(
      'target',
      `fromFastify expected a Fastify instance, received ${describeValue(instance)}`,
      'Pass the instance returned by fastify(), e.g. fromFastify(app).',
    );
  }
  const settings = resolveOptions(options, 'fromFastify', ['baseUrl', 'timeoutMs', 'maxBodyBytes']);
  const baseUrl = resolveBaseUrl(options?.baseUrl, 'fromFastify options.baseUrl');
  let ready: Promise<void> | undefined;
  const start = (): Promise<void> =>
    (ready ??= Promise.resolve(instance.ready()).then(
      () => undefined,
      (cause: unknown) => {
        ready = undefined;
        throw handlerError('The Fastify instance failed to start', cause);
      },
    ));
  let listening: boolean | undefined;
  return {
    name: 'fastify',
    baseUrl,
    send: async (wire, context) => {
      const started = Date.now();
      await withDeadline(context, settings.timeoutMs, `${wire.method} ${wire.url} (waiting for the Fastify instance to be ready)`, start);
      // The rest of the deadline goes to the exchange itself.
      const timeoutMs = Math.max(1, settings.timeoutMs - (Date.now() - started));
      listening ??= hasRequestListener(instance.server);
      if (!listening) return viaInject(instance, wire, context, { ...settings, timeoutMs });
      return fromNodeHandler(instance.server as never, { baseUrl, timeoutMs, maxBodyBytes: settings.maxBodyBytes }).send(wire, context);
    },
  };
}

function hasRequestListener(server: unknown): boolean {
  return isServerLike(server) && (server as { listenerCount(event: string): number }).listenerCount('request') > 0;
}

/** The fallback: `instance.inject()`, its response read with the same limits. */
function viaInject(
  instance: FastifyLike,
  wire: WireRequest,
  context: TransportContext,
  settings: { timeoutMs: number; maxBodyBytes: number },
): Promise<WireResponse> {
  return withDeadline(context, settings.timeoutMs, `${wire.method} ${wire.url}`, async (lazySignal) => {
    const signal = lazySignal();
    const target = new URL(wire.url);
    let response: InjectedResponse;
    try {
      response = (await instance.inject({
        method: wire.method,
        url: `${target.pathname}${target.search}`,
        headers: recordFromPairs(outgoingHeaders(wire, target)),
        payload: wire.body && wire.body.byteLength > 0 ? Buffer.from(wire.body) : undefined,
        payloadAsStream: true,
      })) as InjectedResponse;
    } catch (cause) {
      throw handlerError(`Fastify could not answer ${wire.method} ${wire.url}`, cause);
    }
    if (signal.aborted) {
      response.stream?.().destroy();
      throw signal.reason;
    }
    const stream = response.stream?.();
    const onAbort = (): void => {
      stream?.destroy();
    };
    signal.addEventListener('abort', onAbort, { once: true });
    try {
      return await fromInjectedResponse(stream ? { ...response, stream: () => stream } : response, settings.maxBodyBytes);
    } finally {
      signal.removeEventListener('abort', onAbort);
    }
  });
}
