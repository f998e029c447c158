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

/** Writes held back at most (a verdict's preflight makes a few). */
const PENDING_MAX = 64;

export class PreflightCache implements CacheStore {
  readonly now: () => number;
  readonly maxEntries: number;
  /** Made when first needed: most caches (one per verdict, when none is shared) are written and never read. */
  private map: Map<string, Entry> | undefined;
  /**
   * Writes not yet in `map`, in order (an entry, or a key to delete): they go in when the cache is next read. A
   * verdict's own cache is written by its preflight and then dropped, and hashing the keys is most of a write.
   * Each entry's expiry is taken from the clock when written.
   */
  private pending: Array<{ key: string; entry: Entry | null }> | undefined;

  constructor(options: PreflightCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  /** Every entry, the pending writes applied. */
  private entries(): Map<string, Entry> {
    const map = (this.map ??= new Map());
    const pending = this.pending;
    if (pending !== undefined) {
      this.pending = undefined;
      for (const { key, entry } of pending) this.apply(map, key, entry);
    }
    return map;
  }

  private apply(map: Map<string, Entry>, key: string, entry: Entry | null): void {
    map.delete(key);
    if (entry === null) return;
    map.set(key, entry);
    while (map.size > this.maxEntries) {
      const oldest = map.keys().next();
      // An empty cache is as small as it gets, whatever the bound (options are checked where the cache is made).
      if (oldest.done) break;
      map.delete(oldest.value);
    }
  }

  get size(): number {
    return this.map === undefined && this.pending === undefined ? 0 : this.entries().size;
  }

  clear(): void {
    this.pending = undefined;
    this.map?.clear();
  }

  read<T>(key: string): T | undefined {
    if (this.map === undefined && this.pending === undefined) return undefined;
    const entries = this.entries();
    const entry = entries.get(key);
    if (!entry) return undefined;
    if (entry.expires > this.now()) return entry.value as T;
    entries.delete(key);
    return undefined;
  }

  write(key: string, value: unknown, maxAgeSeconds: number): void {
    const pending = (this.pending ??= []);
    pending.push({ key, entry: maxAgeSeconds > 0 ? { expires: this.now() + maxAgeSeconds * 1000, value } : null });
    // A cache only ever written (never read) still stays within its bound: reading the entries applies the writes.
    if (pending.length >= PENDING_MAX) this.entries();
  }

  remove(key: string, prefix = false): void {
    if (this.map === undefined && this.pending === undefined) return;
    const entries = this.entries();
    if (!prefix) {
      entries.delete(key);
      return;
    }
    for (const k of [...entries.keys()]) if (k.startsWith(key)) entries.delete(k);
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
