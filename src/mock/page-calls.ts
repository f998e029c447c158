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
  /** When the page made it, among all the page's requests (verdicts are listed in this order). */
  readonly order: number;
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

  /** Run `callback` (which starts the real client's request and settles when it ends) as part of `call`. */
  async run<R>(call: PageCall, callback: () => Promise<R>): Promise<R> {
    this.pending.push(call);
    try {
      return await (this.storage ? this.storage.run(call, callback) : callback());
    } finally {
      const at = this.pending.indexOf(call);
      if (at !== -1) this.pending.splice(at, 1);
    }
  }

  /**
   * The page call `request` belongs to, if a wrapper saw it: the call in the request's async context when it
   * is for this request (a kept-alive socket carries the context of the request that opened it), else the
   * oldest pending call for the same URL and method. A preflight of the environment's own client belongs to
   * the call it precedes. `claim` marks the call as met by its actual request.
   */
  current(request: Request, claim: boolean): PageCall | undefined {
    const url = normalize(request.url);
    const fits = (call: PageCall) => !call.claimed && normalize(call.request.url) === url && (call.request.method === request.method || announces(request, call));
    const stored = this.storage?.getStore();
    const call = stored && fits(stored) ? stored : this.pending.find(fits);
    if (call && claim && !announces(request, call)) call.claimed = true;
    return call;
  }
}

/** Whether `request` is a preflight announcing `call`'s request (sent by the environment's own client). */
function announces(request: Request, call: PageCall): boolean {
  return request.method === 'OPTIONS' && request.headers.get('access-control-request-method') === call.request.method && call.request.method !== 'OPTIONS';
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

/** A request made with Node's http/https module, matched to what MSW intercepts by method and URL. */
export interface NodeCall {
  readonly method: string;
  readonly url: string;
  outcome?: CallOutcome;
  claimed?: boolean;
}

export class NodeCalls {
  private readonly pending: NodeCall[] = [];

  track(call: NodeCall): () => void {
    this.pending.push(call);
    return () => {
      const at = this.pending.indexOf(call);
      if (at !== -1) this.pending.splice(at, 1);
    };
  }

  /** The oldest unclaimed Node request with this method and URL. */
  claim(request: Request): NodeCall | undefined {
    const url = normalize(request.url);
    const call = this.pending.find((c) => !c.claimed && c.method === request.method && normalize(c.url) === url);
    if (call) call.claimed = true;
    return call;
  }
}
