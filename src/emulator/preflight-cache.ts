/**
 * The CORS-preflight cache a page keeps: a bounded, clock-injectable store of entries, shared across `simulate()`
 * calls. What an entry holds and when it answers is the engine's (`EngineProfile.preflightCache`, over the
 * standard's algorithms in src/spec/preflight-cache.ts); keys carry the model that wrote them, so one cache can
 * serve several engines without mixing.
 */
import { brand } from '../identity.js';
import { addEntry, clearEntries, matchHeader, matchMethod, type CacheKeyParts, type CacheStore } from '../spec/preflight-cache.js';

export type { CacheKeyParts } from '../spec/preflight-cache.js';

interface Entry {
  expires: number;
  value: unknown;
}

export interface PreflightCacheOptions {
  /** Milliseconds since an epoch; default `Date.now`. */
  now?: () => number;
  /** At most this many entries; the oldest go first. Default 10 000. */
  maxEntries?: number;
}

export class PreflightCache implements CacheStore {
  readonly now: () => number;
  readonly maxEntries: number;
  /** Made with the first entry: most caches (one per verdict, when none is shared) never hold one. */
  private map: Map<string, Entry> | undefined;

  constructor(options: PreflightCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  private get entries(): Map<string, Entry> {
    return (this.map ??= new Map());
  }

  get size(): number {
    return this.map?.size ?? 0;
  }

  clear(): void {
    this.map?.clear();
  }

  read<T>(key: string): T | undefined {
    const entry = this.map?.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.value as T;
    this.entries.delete(key);
    return undefined;
  }

  write(key: string, value: unknown, maxAgeSeconds: number): void {
    this.entries.delete(key);
    if (!(maxAgeSeconds > 0)) return;
    this.entries.set(key, { expires: this.now() + maxAgeSeconds * 1000, value });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      // An empty cache is as small as it gets, whatever the bound (options are checked where the cache is made).
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  remove(key: string, prefix = false): void {
    if (!prefix) {
      this.entries.delete(key);
      return;
    }
    for (const k of [...this.entries.keys()]) if (k.startsWith(key)) this.entries.delete(k);
  }

  // The standard's entries, one per method or header name, for callers that fill or query a cache directly.

  /** https://fetch.spec.whatwg.org/#concept-cache-match-method */
  matchMethod(parts: CacheKeyParts, method: string): boolean {
    return matchMethod(this, parts, method);
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-match-header (`*` covers Authorization only if asked). */
  matchHeader(parts: CacheKeyParts, name: string, wildcardCoversAuthorization = false): boolean {
    return matchHeader(this, parts, name, wildcardCoversAuthorization);
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-create-entry */
  add(parts: CacheKeyParts, kind: 'method' | 'header', item: string, maxAgeSeconds: number): void {
    addEntry(this, parts, kind, item, maxAgeSeconds);
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-clear */
  clearFor(parts: CacheKeyParts): void {
    clearEntries(this, parts);
  }
}

brand(PreflightCache, 'PreflightCache');
