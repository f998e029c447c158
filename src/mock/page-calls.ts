/**
 * Which page call an intercepted request belongs to. A client wrapper (fetch, XMLHttpRequest) runs the real client
 * inside the call; the gate, deep inside MSW, asks for the current call.
 *
 * In Node (every Vitest and Jest environment) the call travels with the request through an `AsyncLocalStorage`,
 * as MSW's own interceptors follow a request from the client to the socket. In a browser (`setupWorker`) the
 * request comes back from the service worker with no context: calls are matched by method and URL, oldest first.
 */
import type { Verdict } from '../types.js';
import type { PageRequest } from './page-request.js';

/** What the gate made of a page call. */
export type CallOutcome =
  /** Judged: the verdict, and whether it was blocked. */
  | { kind: 'verdict'; verdict: Verdict }
  /** No handler answered it, or one passed it through: MSW's own behaviour applies, nothing judged. */
  | { kind: 'msw' };

export interface PageCall {
  readonly client: 'fetch' | 'xhr';
  readonly request: PageRequest;
  outcome?: CallOutcome;
  /** Set when the browser queue matched it to a request (each call matches one). */
  claimed?: boolean;
}

interface Storage<T> {
  run<R>(store: T, callback: () => R): R;
  getStore(): T | undefined;
}

export class PageCalls {
  private readonly storage: Storage<PageCall> | undefined;
  private readonly pending: PageCall[] = [];

  constructor() {
    const hooks = nodeAsyncHooks();
    this.storage = hooks ? new hooks.AsyncLocalStorage<PageCall>() : undefined;
  }

  /** Run `callback` (which starts the real client's request) as part of `call`. */
  async run<R>(call: PageCall, callback: () => Promise<R>): Promise<R> {
    if (this.storage) return this.storage.run(call, callback);
    this.pending.push(call);
    try {
      return await callback();
    } finally {
      const at = this.pending.indexOf(call);
      if (at !== -1) this.pending.splice(at, 1);
    }
  }

  /** The page call `request` belongs to, if a wrapper saw it. */
  current(request: Request): PageCall | undefined {
    if (this.storage) return this.storage.getStore();
    const url = normalize(request.url);
    const call = this.pending.find((c) => !c.claimed && c.request.method === request.method && normalize(c.request.url) === url);
    if (call) call.claimed = true;
    return call;
  }
}

function normalize(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

type AsyncHooks = { AsyncLocalStorage: new <T>() => Storage<T> };

function nodeAsyncHooks(): AsyncHooks | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return proc?.getBuiltinModule?.('node:async_hooks') as AsyncHooks | undefined;
  } catch {
    return undefined;
  }
}
