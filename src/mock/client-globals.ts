/**
 * Putting the page's client wrappers in place, outermost: `globalThis.fetch`, `globalThis.XMLHttpRequest`, and in
 * Node `http.request`/`http.get` (and https's). MSW patches the same objects when it starts listening, so the
 * wrappers go on again after `listen()`, come off after `close()`, and `dispose()` puts back the very property
 * each one replaced.
 */
import type { ClientSettings } from './client-fetch.js';
import { wrapFetch } from './client-fetch.js';
import { wrapHttpRequest } from './client-http.js';
import { wrapXhr } from './client-xhr.js';
import { NodeCalls } from './page-calls.js';

interface Slot {
  owner: object;
  key: string;
  wrap(current: unknown): unknown;
}

interface Layer {
  slot: Slot;
  wrapper: unknown;
  /** The property as it was before this layer (an accessor stays an accessor). */
  previous: PropertyDescriptor;
  /** Whether `previous` was the owner's own property (else it was inherited, and deleting ours restores it). */
  own: boolean;
}

export class ClientGlobals {
  private readonly layers: Layer[] = [];
  private readonly slots: Slot[];
  readonly nodeCalls = new NodeCalls();

  constructor(settings: ClientSettings) {
    const tracked = new WeakSet<object>();
    this.slots = [
      { owner: globalThis, key: 'fetch', wrap: (current) => wrapFetch(current as Parameters<typeof wrapFetch>[0], settings) },
      { owner: globalThis, key: 'XMLHttpRequest', wrap: (current) => wrapXhr(current as Parameters<typeof wrapXhr>[0], settings) },
    ];
    for (const id of ['node:http', 'node:https']) {
      const module = nodeBuiltin(id);
      if (!module) continue;
      for (const key of ['request', 'get']) {
        this.slots.push({ owner: module, key, wrap: (current) => wrapHttpRequest(current as Parameters<typeof wrapHttpRequest>[0], settings, this.nodeCalls, tracked) });
      }
    }
  }

  /** Wrap each slot whose current value is not one of these wrappers already. */
  install(): void {
    for (const slot of this.slots) {
      const current = (slot.owner as Record<string, unknown>)[slot.key];
      if (typeof current !== 'function' || this.layers.some((layer) => layer.wrapper === current)) continue;
      const found = descriptorOf(slot.owner, slot.key);
      if (!found) continue;
      const wrapper = slot.wrap(current);
      Object.defineProperty(slot.owner, slot.key, { value: wrapper, writable: true, configurable: true, enumerable: found.descriptor.enumerable ?? true });
      this.layers.push({ slot, wrapper, previous: found.descriptor, own: found.own });
    }
    syncBuiltinExports();
  }

  /** Take off every wrapper that is outermost now, down to what was there before it. */
  uninstall(): void {
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const { slot, wrapper, previous, own } = this.layers[i];
      if ((slot.owner as Record<string, unknown>)[slot.key] !== wrapper) continue;
      if (own) Object.defineProperty(slot.owner, slot.key, previous);
      else delete (slot.owner as Record<string, unknown>)[slot.key];
      this.layers.splice(i, 1);
    }
    syncBuiltinExports();
  }
}

/** `import { request } from 'node:http'` reads the module's named exports, which follow its properties only when told. */
function syncBuiltinExports(): void {
  try {
    (nodeBuiltin('node:module') as { syncBuiltinESMExports?: () => void } | undefined)?.syncBuiltinESMExports?.();
  } catch {
    // Not Node, or no such API: nothing to sync.
  }
}

/** The property's descriptor, own or inherited (a browser window's `fetch` lives on its prototype). */
function descriptorOf(owner: object, key: string): { descriptor: PropertyDescriptor; own: boolean } | undefined {
  let at: object | null = owner;
  while (at) {
    const descriptor = Object.getOwnPropertyDescriptor(at, key);
    if (descriptor) return { descriptor, own: at === owner };
    at = Object.getPrototypeOf(at);
  }
  return undefined;
}

function nodeBuiltin(id: string): object | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  try {
    return proc?.getBuiltinModule?.(id) as object | undefined;
  } catch {
    return undefined;
  }
}
