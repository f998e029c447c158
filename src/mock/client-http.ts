/**
 * Node's `http`/`https` clients under `enforceCors` (axios in a `node` environment, and any library built on
 * `http.request`): their requests reach MSW with nothing to say what a page would have asked for, so the gate
 * judges the request as sent. What this wrapper adds is the failure: a blocked request errors with a network
 * error in the words a page's client would use (`Network Error`, code `ERR_NETWORK`: axios then rejects exactly
 * as in a browser), or under `onBlocked: 'throw'` with the console message.
 */
import type { ClientRequest } from 'node:http';
import { CorsError, blockedMessage } from './blocked.js';
import type { ClientSettings } from './client-fetch.js';
import type { NodeCall, NodeCalls } from './page-calls.js';
import type { Verdict } from '../types.js';

type RequestFn = (...args: unknown[]) => ClientRequest;

export function wrapHttpRequest(inner: RequestFn, settings: ClientSettings, calls: NodeCalls, tracked: WeakSet<object>): RequestFn {
  return function request(this: unknown, ...args: unknown[]): ClientRequest {
    const req = inner.apply(this, args);
    if (!settings.active() || tracked.has(req)) return req;
    tracked.add(req);
    const call: NodeCall = { method: req.method, url: urlOf(req) };
    const untrack = calls.track(call);
    req.once('close', untrack);
    const blocked = (): Error | undefined => {
      const outcome = call.outcome;
      return outcome?.kind === 'verdict' && !outcome.verdict.allowed ? networkError(outcome.verdict, settings.onBlocked === 'throw') : undefined;
    };
    // The failure reaches the client through the request's 'error' event, and through the socket's error on
    // every write the client makes after it: both are replaced, at the source (the socket) and at the request.
    failures.set(req, blocked);
    req.once('socket', patchSocket);
    const emit = req.emit;
    req.emit = function (this: ClientRequest, event: string | symbol, ...rest: unknown[]): boolean {
      const replaced = event === 'error' ? blocked() : undefined;
      if (replaced) rest[0] = replaced;
      return emit.call(this, event, ...rest);
    } as ClientRequest['emit'];
    return req;
  };
}

/** Per request, the error to fail it with when it was blocked (checked when the socket fails). */
const failures = new WeakMap<object, () => Error | undefined>();
const patchedSockets = new WeakSet<object>();

function patchSocket(socket: { destroy(error?: Error): unknown; _httpMessage?: object }): void {
  if (patchedSockets.has(socket)) return;
  patchedSockets.add(socket);
  const destroy = socket.destroy;
  socket.destroy = function (this: typeof socket, error?: Error) {
    const current = socket._httpMessage;
    const replaced = error && current ? failures.get(current)?.() : undefined;
    return destroy.call(this, replaced ?? error);
  };
}

function urlOf(req: ClientRequest): string {
  const host = req.getHeader('host') ?? req.host;
  try {
    return new URL(req.path, `${req.protocol}//${String(host)}`).href;
  } catch {
    return '';
  }
}

function networkError(verdict: Verdict, throwing: boolean): Error {
  const error: Error & { code?: string } = throwing ? new CorsError(verdict) : new Error('Network Error');
  error.code = 'ERR_NETWORK';
  if (!throwing) Object.defineProperty(error, 'verdict', { value: verdict, enumerable: false, configurable: true });
  return error;
}

export { blockedMessage };
