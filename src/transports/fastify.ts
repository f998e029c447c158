/**
 * A Fastify instance, run in-process through its own `inject()` (after `ready()`), so plugins, hooks and
 * `@fastify/cors` behave exactly as in production.
 */
import { InvalidArgumentError, TransportError } from '../errors.js';
import type { Transport } from '../types.js';
import { withDeadline } from './deadline.js';
import { describeError, outgoingHeaders } from './http-exchange.js';
import { fromInjectedResponse, type InjectedResponse } from './injected.js';
import { describeValue, type InProcessOptions, isCatchAll, resolveBaseUrl, resolveOptions } from './options.js';
import { recordFromPairs } from './raw-headers.js';

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

/** A transport that answers through `instance.inject()`. */
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
  let ready: Promise<unknown> | undefined;
  return {
    name: 'fastify',
    baseUrl,
    send: (wire, context) =>
      withDeadline(context, settings.timeoutMs, `${wire.method} ${wire.url}`, async (signal) => {
        ready ??= Promise.resolve(instance.ready());
        try {
          await ready;
        } catch (cause) {
          ready = undefined;
          throw new TransportError('handler', `The Fastify instance failed to start: ${describeError(cause)}`, { cause });
        }
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
          throw new TransportError('handler', `Fastify could not answer ${wire.method} ${wire.url}: ${describeError(cause)}`, { cause });
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
      }),
  };
}
