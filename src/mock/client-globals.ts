/**
 * Putting the page's client wrappers on `globalThis.fetch` and `globalThis.XMLHttpRequest`, outermost: MSW patches
 * the same globals when it starts listening, so the wrappers go on again after `listen()`, come off after
 * `close()`, and `dispose()` puts back the very property each one replaced.
 */
import type { ClientSettings } from './client-fetch.js';
import { wrapFetch } from './client-fetch.js';
import { wrapXhr } from './client-xhr.js';

type Key = 'fetch' | 'XMLHttpRequest';

interface Layer {
  key: Key;
  wrapper: unknown;
  /** The property as it was before this layer (an accessor stays an accessor). */
  previous: PropertyDescriptor;
}

const WRAPPED = Symbol.for('corsproof.clientWrapper');

export class ClientGlobals {
  private readonly layers: Layer[] = [];

  constructor(private readonly settings: ClientSettings) {}

  /** Wrap each global that is not one of these wrappers already. */
  install(): void {
    const scope = globalThis as Record<Key, unknown>;
    for (const key of ['fetch', 'XMLHttpRequest'] as const) {
      const current = scope[key];
      if (typeof current !== 'function' || this.layers.some((layer) => layer.wrapper === current)) continue;
      const previous = ownDescriptor(key);
      if (!previous) continue;
      const wrapper =
        key === 'fetch'
          ? wrapFetch(current as Parameters<typeof wrapFetch>[0], this.settings)
          : wrapXhr(current as Parameters<typeof wrapXhr>[0], this.settings);
      Object.defineProperty(wrapper, WRAPPED, { value: true });
      Object.defineProperty(globalThis, key, { value: wrapper, writable: true, configurable: true, enumerable: previous.enumerable ?? true });
      this.layers.push({ key, wrapper, previous });
    }
  }

  /** Take off every wrapper of this instance that is outermost now, down to what was there before. */
  uninstall(): void {
    const scope = globalThis as Record<Key, unknown>;
    for (let i = this.layers.length - 1; i >= 0; i--) {
      const layer = this.layers[i];
      if (scope[layer.key] === layer.wrapper) {
        Object.defineProperty(globalThis, layer.key, layer.previous);
        this.layers.splice(i, 1);
      }
    }
  }
}

/** The descriptor of `globalThis[key]`, own or inherited (a window's prototype chain), as a restorable own one. */
function ownDescriptor(key: Key): PropertyDescriptor | undefined {
  let owner: object | null = globalThis;
  while (owner) {
    const descriptor = Object.getOwnPropertyDescriptor(owner, key);
    if (descriptor) {
      if (owner === globalThis) return descriptor;
      // Inherited (a browser window's fetch lives on Window.prototype): shadowing it, then deleting the own
      // property restores it; an own data property equal to the inherited value does the same job.
      return { value: (globalThis as Record<Key, unknown>)[key], writable: true, configurable: true, enumerable: descriptor.enumerable };
    }
    owner = Object.getPrototypeOf(owner);
  }
  return undefined;
}

export function isClientWrapper(value: unknown): boolean {
  return typeof value === 'function' && (value as { [WRAPPED]?: boolean })[WRAPPED] === true;
}
