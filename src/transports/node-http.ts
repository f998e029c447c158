/**
 * A Node request listener run in-process, without a port: a plain `(req, res)` listener, an Express or Connect
 * app, a Koa app (or its `app.callback()`), or an `http.Server` (its `'request'` listeners).
 *
 * Each request travels over an in-memory connection (`stream.duplexPair`) between Node's own HTTP client and
 * Node's own HTTP server, so the app sees a genuine `IncomingMessage` / `ServerResponse` and the response is
 * read exactly as a socket would deliver it (repeated headers in order, chunked bodies, HEAD and 204 rules).
 * light-my-request is deliberately not used here: injecting an Express app with it rewires Express's shared
 * request/response prototypes for the whole process, which breaks later supertest calls on any Express app.
 */
import type * as http from 'node:http';
import type { Duplex } from 'node:stream';
import { nodeHttp, nodeStream } from '../node-builtins.js';
import { InvalidArgumentError, TransportError } from '../errors.js';
import type { Transport } from '../types.js';
import { describeError, httpExchange } from './http-exchange.js';
import { describeValue, type InProcessOptions, isCatchAll, resolveBaseUrl, resolveOptions } from './options.js';
import { flattenPairs } from './raw-headers.js';
import { handlerError } from './thrown.js';

/**
 * Node's own HTTP client class, taken from the module that defines it rather than from `node:http`: request
 * interceptors (nock 13 and 14) replace `http.request` and `http.ClientRequest` and would catch (or refuse) a
 * request that never leaves the process. `_http_client` is the module `node:http` re-exports it from.
 */
let clientRequestClass: typeof http.ClientRequest | undefined;
const InProcessClientRequest = (): typeof http.ClientRequest =>
  (clientRequestClass ??= (process.getBuiltinModule?.('_http_client') as { ClientRequest?: typeof http.ClientRequest } | undefined)?.ClientRequest ?? nodeHttp().ClientRequest);

/** A Node request listener: `(req, res) => void`, or an Express/Connect app (which also takes `next`). */
export type NodeRequestListener = (req: http.IncomingMessage, res: http.ServerResponse, ...rest: never[]) => unknown;

/** A Koa application (anything with `callback()` returning a request listener). */
export interface KoaLike {
  callback(): NodeRequestListener;
  use(...args: never[]): unknown;
}

/** What `fromNodeHandler` accepts. */
export type NodeHandlerTarget = NodeRequestListener | KoaLike | http.Server;

const IN_PROCESS_KEYS = ['baseUrl', 'timeoutMs', 'maxBodyBytes'] as const;

/** A transport that runs a Node request listener (or an app or server exposing one) in-process. */
export function fromNodeHandler(target: NodeHandlerTarget, options?: InProcessOptions): Transport {
  const settings = resolveOptions(options, 'fromNodeHandler', IN_PROCESS_KEYS);
  const baseUrl = resolveBaseUrl(options?.baseUrl, 'fromNodeHandler options.baseUrl');
  const { name, connect } = connectorFor(target);
  return {
    name,
    baseUrl,
    send: (wire, context) =>
      httpExchange(wire, context, {
        ...settings,
        closeAfter: true,
        keepRawBytes: true,
        open: (target, method, headers, parsing) =>
          new (InProcessClientRequest())({
            ...parsing,
            method,
            // The raw array form keeps header order, case and repeats exactly as given.
            headers: flattenPairs(headers) as unknown as http.OutgoingHttpHeaders,
            host: target.hostname,
            port: target.port,
            path: `${target.pathname}${target.search}`,
            createConnection: () => connect(target.protocol === 'https:'),
          }),
        explain: (socket) => connect.failureOf(socket),
      }),
  };
}

const connectors = new WeakMap<object, { name: string; connect: Connector }>();

/** One connector per target, reused by every transport made for it (matchers make one per assertion). */
function connectorFor(target: unknown): { name: string; connect: Connector } {
  const cached = typeof target === 'object' || typeof target === 'function' ? connectors.get(target as object) : undefined;
  if (cached) return cached;
  const { listener, name } = listenerOf(target);
  const made = { name, connect: inProcessConnector(listener) };
  connectors.set(target as object, made);
  return made;
}

/** The request listener inside a target, and a name for it. Throws `InvalidArgumentError` for anything else. */
export function listenerOf(target: unknown): { listener: NodeRequestListener; name: string } {
  if (target instanceof nodeHttp().Server || isServerLike(target)) {
    const server = target as http.Server;
    if (server.listenerCount('request') === 0) {
      throw new InvalidArgumentError(
        'target',
        'the server has no request listener',
        'Create it with http.createServer(app) (or add one with server.on("request", app)) before testing it.',
      );
    }
    // Dispatch to every current 'request' listener, as Node does.
    return { listener: (req, res) => server.emit('request', req, res), name: 'http.Server' };
  }
  if (isKoaLike(target)) {
    // Composed on use, and again whenever middleware was added since, so `app.use()` after toTransport applies.
    let composed: NodeRequestListener | undefined;
    let composedCount = -1;
    const middleware = (target as unknown as { middleware: unknown[] }).middleware;
    return {
      listener: (req, res) => {
        if (!composed || composedCount !== middleware.length) {
          composed = target.callback();
          composedCount = middleware.length;
        }
        return composed(req, res);
      },
      name: 'koa',
    };
  }
  if (typeof target === 'function') {
    const fn = target as NodeRequestListener & Record<string, unknown>;
    const name =
      typeof fn.handle === 'function' && typeof fn.set === 'function'
        ? 'express'
        : typeof fn.handle === 'function' && typeof fn.use === 'function'
          ? 'connect'
          : 'node-listener';
    return { listener: fn, name };
  }
  throw new InvalidArgumentError(
    'target',
    `fromNodeHandler expected a request listener, an Express/Connect/Koa app or an http.Server, received ${describeValue(target)}`,
    'Pass the app itself (e.g. fromNodeHandler(app)), or use toTransport(target) to detect the kind.',
  );
}

export function isKoaLike(value: unknown): value is KoaLike {
  return (
    typeof value === 'object' &&
    value !== null &&
    !isCatchAll(value) &&
    typeof (value as KoaLike).callback === 'function' &&
    typeof (value as KoaLike).use === 'function' &&
    Array.isArray((value as { middleware?: unknown }).middleware)
  );
}

/** An `http.Server` (or a look-alike from another copy of node:http): its `request` listeners answer. */
export function isServerLike(value: unknown): boolean {
  return (
    typeof value === 'object' &&
    value !== null &&
    !isCatchAll(value) &&
    typeof (value as http.Server).listen === 'function' &&
    typeof (value as http.Server).listenerCount === 'function' &&
    typeof (value as http.Server).emit === 'function' &&
    'maxHeadersCount' in value
  );
}

interface Connector {
  (secure: boolean): Duplex;
  /** The error the app threw on this connection, as a `handler` `TransportError`. */
  failureOf(clientSide: unknown): TransportError | undefined;
}

/**
 * A connection factory: each call links a fresh in-memory connection to a private, never-listening
 * `http.Server` that runs `listener`. A listener that throws (or rejects) fails that exchange with a
 * `handler` `TransportError` instead of crashing the process.
 */
function inProcessConnector(listener: NodeRequestListener): Connector {
  const failures = new WeakMap<object, unknown>();
  const clients = new WeakMap<object, Duplex>();
  const fail = (serverSide: object, error: unknown): void => {
    const client = clients.get(serverSide);
    if (client) failures.set(client, error);
    (serverSide as Duplex).destroy();
  };
  const server = new (nodeHttp().Server)((req, res) => {
    try {
      const result = listener(req, res);
      if (isPromiseLike(result)) result.then(undefined, (error: unknown) => fail(req.socket, error));
    } catch (error) {
      fail(req.socket, error);
    }
  });
  const connect = ((secure: boolean) => {
    const [client, serverSide] = nodeStream().duplexPair();
    // What apps read off a socket: the peer address, and whether the connection is TLS (req.protocol, req.secure).
    Object.assign(serverSide, { remoteAddress: '127.0.0.1', remotePort: 0, remoteFamily: 'IPv4', encrypted: secure || undefined });
    clients.set(serverSide, client);
    client.once('close', () => serverSide.destroy());
    serverSide.once('close', () => client.destroy());
    server.emit('connection', serverSide);
    return client;
  }) as Connector;
  connect.failureOf = (clientSide) => {
    if (typeof clientSide !== 'object' || clientSide === null || !failures.has(clientSide)) return undefined;
    return handlerError('The app threw while answering', failures.get(clientSide));
  };
  return connect;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<unknown>).then === 'function';
}
