/**
 * Targets: everything a user can test, and `toTransport`, which turns any of them into a `Transport`.
 */
import type * as http from 'node:http';
import { InvalidArgumentError } from '../errors.js';
import type { FetchHandler, Transport } from '../types.js';
import { fromFastify, isFastifyLike, type FastifyLike } from './fastify.js';
import { type FetchHandlerObject, fromFetchHandler, isFetchHandlerObject } from './fetch-handler.js';
import { fromMswHandlers, isMswServerLike, type MswHandlerLike, type MswOptions, type MswServerLike } from './msw.js';
import { fromNodeHandler, isKoaLike, isServerLike, type KoaLike, type NodeRequestListener } from './node-http.js';
import { describeValue, isCatchAll, resolveBaseUrl, resolveOptions } from './options.js';
import { fromUrl, type UrlOptions } from './url.js';

export { fromFastify, type FastifyLike } from './fastify.js';
export { fromFetchHandler, type FetchHandlerObject, type FetchHandlerOptions } from './fetch-handler.js';
export { fromMswHandlers, type MswHandlerLike, type MswOptions, type MswServerLike } from './msw.js';
export { fromNodeHandler, type KoaLike, type NodeHandlerTarget, type NodeRequestListener } from './node-http.js';
export {
  DEFAULT_BASE_URL,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_TIMEOUT_MS,
  type InProcessOptions,
  type TransportOptions,
} from './options.js';
export { fromNock, fromUrl, type NockOptions, type UrlOptions } from './url.js';

/**
 * Anything corsproof can send requests to:
 * - a URL (`string` or `URL`): a live server, over real sockets (also what nock intercepts);
 * - a `Transport`;
 * - a fetch handler `(request) => Response`, or an object with `fetch` (Hono, itty-router, Bun/Deno style);
 * - a Node request listener `(req, res)`, an Express or Connect app, a Koa app, an `http.Server`;
 * - a Fastify instance;
 * - an array of MSW request handlers, or an MSW `setupServer()` instance.
 */
export type Target =
  | string
  | URL
  | Transport
  | FetchHandler
  | FetchHandlerObject
  | NodeRequestListener
  | KoaLike
  | http.Server
  | FastifyLike
  | readonly MswHandlerLike[]
  | MswServerLike;

export interface ToTransportOptions extends Omit<UrlOptions, 'agent'>, Pick<MswOptions, 'onUnhandledRequest'> {
  /** The URL an in-process target answers on. Default `https://api.example`. Not for URL targets. */
  baseUrl?: string | URL;
  /** For URL targets: the `http.Agent` / `https.Agent` to connect with. */
  agent?: UrlOptions['agent'];
}

const ACCEPTED =
  'Pass a URL ("http://127.0.0.1:3000"), an Express/Connect/Koa/Fastify/Hono app, an http.Server, a (req, res) listener, ' +
  'a fetch handler (request) => Response, an array of MSW handlers, or a Transport';

const ALL_KEYS = ['baseUrl', 'timeoutMs', 'maxBodyBytes', 'agent', 'onUnhandledRequest'] as const;

/**
 * Turn a target into a `Transport`, detecting its kind. In-process targets answer on `options.baseUrl`
 * (default `https://api.example`); URL targets use their own URL as base. Throws `InvalidArgumentError`
 * naming what was received when the target is none of the accepted kinds.
 */
export function toTransport(target: Target, options: ToTransportOptions = {}): Transport {
  resolveOptions(options, 'toTransport', ALL_KEYS);
  const { baseUrl, timeoutMs, maxBodyBytes, agent, onUnhandledRequest } = options ?? {};

  if (target === null || target === undefined) {
    throw new InvalidArgumentError('target', `received ${describeValue(target)}`, `${ACCEPTED}.`);
  }
  if (typeof target === 'string' || target instanceof URL) {
    notFor('baseUrl', baseUrl, 'a URL target (it is its own base)', 'Leave baseUrl out, or put the base in the URL itself.');
    notFor('onUnhandledRequest', onUnhandledRequest, 'a URL target', 'Use it with MSW handlers only.');
    return fromUrl(target, strip({ timeoutMs, maxBodyBytes, agent }));
  }

  if (isTransport(target)) {
    for (const key of ALL_KEYS) {
      if (key !== 'baseUrl') {
        notFor(key, options[key], 'a Transport', 'Configure the Transport itself; toTransport only sets its baseUrl.');
      }
    }
    if (baseUrl === undefined) return target;
    const base = resolveBaseUrl(baseUrl, 'toTransport options.baseUrl');
    return { name: target.name, baseUrl: base, send: (wire, context) => target.send(wire, context) };
  }
  const inProcess = strip({ baseUrl, timeoutMs, maxBodyBytes });
  if (Array.isArray(target) || isMswServerLike(target)) {
    notUrl(agent, 'MSW handlers');
    return fromMswHandlers(target as readonly MswHandlerLike[], strip({ ...inProcess, onUnhandledRequest }));
  }
  notMsw(onUnhandledRequest, 'this target');
  notUrl(agent, 'an in-process target');
  if (isFastifyLike(target)) return fromFastify(target, inProcess);
  if (isKoaLike(target) || isServerLike(target)) return fromNodeHandler(target as KoaLike, inProcess);
  if (typeof target === 'function') {
    const fn = target as ((...args: unknown[]) => unknown) & { handle?: unknown };
    // Express and Connect apps are functions (req, res, next) with a `handle` method; Node listeners take two
    // or more arguments; fetch handlers take one. A function declaring none (rest or default parameters) is
    // taken as a fetch handler: wrap a Node listener written that way in fromNodeHandler.
    if (typeof fn.handle === 'function' || fn.length >= 2) return fromNodeHandler(fn as NodeRequestListener, inProcess);
    return fromFetchHandler(fn as FetchHandler, inProcess);
  }
  if (isFetchHandlerObject(target)) return fromFetchHandler(target, inProcess);
  throw new InvalidArgumentError('target', `received ${describeValue(target)}, which is not a target corsproof knows`, `${ACCEPTED}.`);
}

/** An option given for a target it does not apply to. */
function notFor(key: keyof ToTransportOptions, value: unknown, kind: string, fix: string): void {
  if (value !== undefined) {
    throw new InvalidArgumentError(`toTransport options.${key}`, `it does not apply to ${kind}`, fix);
  }
}

function notUrl(agent: unknown, kind: string): void {
  notFor('agent', agent, kind, 'An agent is only used for URL targets; leave it out.');
}

function notMsw(onUnhandledRequest: unknown, kind: string): void {
  notFor('onUnhandledRequest', onUnhandledRequest, kind, 'Use it with MSW handlers only.');
}

function isTransport(value: unknown): value is Transport {
  return (
    typeof value === 'object' &&
    value !== null &&
    !isCatchAll(value) &&
    typeof (value as Transport).send === 'function' &&
    typeof (value as Transport).name === 'string'
  );
}

/** Drop undefined keys, so option validation downstream sees only what the caller set. */
function strip<T extends object>(options: T): T {
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(options)) {
    const value = (options as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = value;
  }
  return out as T;
}
