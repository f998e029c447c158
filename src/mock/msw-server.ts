/**
 * Keeping the gate first in an MSW server's (or worker's) handlers, through MSW's public API only, and giving
 * everything back on dispose. MSW prepends what `server.use()` adds and drops it on `server.resetHandlers()`, so
 * both put the gate first again; `server.listHandlers()` leaves it out; `listen()`/`start()` and
 * `close()`/`stop()` put the client wrappers on and take them off around MSW's own patches.
 */
import { InvalidArgumentError } from '../errors.js';
import type { RunnableHandler } from './msw-handler.js';
import { isRequestHandler } from './msw-handler.js';

/** What `setupServer()` (msw/node) and `setupWorker()` (msw/browser) return, as far as corsproof uses it. */
export interface MswSetupApi {
  use(...handlers: unknown[]): void;
  resetHandlers(...handlers: unknown[]): void;
  listHandlers(): ReadonlyArray<unknown>;
  listen?(...args: unknown[]): unknown;
  close?(...args: unknown[]): unknown;
  start?(...args: unknown[]): unknown;
  stop?(...args: unknown[]): unknown;
  readonly readyState?: number;
}

export function assertSetupApi(value: unknown): asserts value is MswSetupApi {
  const api = value as Partial<MswSetupApi> | null;
  const ok =
    typeof api === 'object' &&
    api !== null &&
    typeof api.use === 'function' &&
    typeof api.resetHandlers === 'function' &&
    typeof api.listHandlers === 'function' &&
    (typeof api.listen === 'function' || typeof api.start === 'function');
  if (!ok) {
    const received = api === null ? 'null' : Array.isArray(api) ? 'an array' : typeof api;
    throw new InvalidArgumentError(
      'server',
      `expected what setupServer() (msw/node) or setupWorker() (msw/browser) returns, received ${received}`,
      'Pass the server itself: const server = setupServer(...handlers); enforceCors(server). For handlers alone, use createCorsFetch.',
    );
  }
}

type Method = 'use' | 'resetHandlers' | 'listHandlers' | 'listen' | 'close' | 'start' | 'stop';

export interface TakeoverHooks {
  isGate(handler: unknown): boolean;
  /** After MSW starts intercepting (`listen()`, `start()` resolved). */
  started(): void;
  /** After MSW stops intercepting (`close()`, `stop()`). */
  stopped(): void;
}

export class MswTakeover {
  private readonly saved = new Map<Method, PropertyDescriptor | undefined>();
  private readonly original: Partial<Record<Method, (...args: unknown[]) => unknown>> = {};

  constructor(
    private readonly server: MswSetupApi,
    private readonly gate: unknown,
    private readonly hooks: TakeoverHooks,
  ) {
    for (const name of ['use', 'resetHandlers', 'listHandlers', 'listen', 'close', 'start', 'stop'] as const) {
      const fn = server[name];
      if (typeof fn !== 'function') continue;
      this.saved.set(name, Object.getOwnPropertyDescriptor(server, name));
      this.original[name] = fn.bind(server) as (...args: unknown[]) => unknown;
    }
    const call = (name: Method, args: unknown[]) => this.original[name]!(...args);
    this.replace('use', (...handlers) => {
      call('use', handlers);
      call('use', [gate]);
    });
    this.replace('resetHandlers', (...handlers) => {
      call('resetHandlers', handlers);
      call('use', [gate]);
    });
    this.replace('listHandlers', () => (call('listHandlers', []) as unknown[]).filter((h) => !hooks.isGate(h)));
    this.replace('listen', (...args) => {
      const result = call('listen', args);
      hooks.started();
      return result;
    });
    this.replace('start', (...args) => {
      const result = call('start', args);
      if (result && typeof (result as Promise<unknown>).then === 'function') {
        return (result as Promise<unknown>).then((value) => {
          hooks.started();
          return value;
        });
      }
      hooks.started();
      return result;
    });
    for (const name of ['close', 'stop'] as const) {
      this.replace(name, (...args) => {
        const result = call(name, args);
        hooks.stopped();
        return result;
      });
    }
    call('use', [gate]);
  }

  /** The test's request handlers as MSW has them now (in this async context), the gate left out. */
  handlers(): RunnableHandler[] {
    return (this.original.listHandlers!() as unknown[]).filter((h): h is RunnableHandler => isRequestHandler(h) && !this.hooks.isGate(h));
  }

  /** Whether MSW intercepts now: `true`, `false`, or `undefined` when it cannot be told. */
  listening(): boolean | undefined {
    if (typeof this.server.start === 'function' && typeof this.server.listen !== 'function') return true;
    if (typeof this.server.readyState === 'number') return this.server.readyState !== 0;
    // msw 2 in Node: its interceptors register themselves on globalThis while applied.
    return (globalThis as Record<symbol, unknown>)[Symbol.for('fetch-interceptor')] !== undefined;
  }

  /** Put back the server's own methods and take the gate out of its handlers. */
  restore(): void {
    const current = this.original.listHandlers!() as unknown[];
    for (const [name, descriptor] of this.saved) {
      if (descriptor) Object.defineProperty(this.server, name, descriptor);
      else delete (this.server as unknown as Record<string, unknown>)[name];
    }
    if (current.some((h) => this.hooks.isGate(h))) removeFromRuntime(this.server, this.original, current, this.hooks.isGate);
  }

  private replace(name: Method, fn: (...args: unknown[]) => unknown): void {
    if (!this.original[name]) return;
    Object.defineProperty(this.server, name, { value: fn, writable: true, configurable: true, enumerable: true });
  }
}

/**
 * MSW has no "remove one handler": reset to the initial handlers and put back the runtime ones, gate left out.
 * The runtime ones are those before the first initial one in `listHandlers()` order (MSW lists runtime first).
 */
function removeFromRuntime(
  server: MswSetupApi,
  original: Partial<Record<Method, (...args: unknown[]) => unknown>>,
  current: unknown[],
  isGate: (handler: unknown) => boolean,
): void {
  original.resetHandlers!();
  const initial = new Set(original.listHandlers!() as unknown[]);
  const runtime = current.filter((h) => !initial.has(h) && !isGate(h));
  if (runtime.length) original.use!(...runtime);
}
