/**
 * The CORS-preflight cache: https://fetch.spec.whatwg.org/#concept-cache
 * Entries are keyed by network partition key (here: the page origin), byte-serialized origin, URL and
 * credentials; each holds a method or a header name and an expiry. Engines cap max-age differently.
 */
import { brand } from '../identity.js';

export interface CacheKeyParts {
  /** Serialized request origin (`null` when redirect-tainted). */
  origin: string;
  url: string;
  credentials: boolean;
}

interface Entry {
  expires: number;
}

export interface PreflightCacheOptions {
  /** Milliseconds since an epoch; default `Date.now`. */
  now?: () => number;
  /** At most this many entries; the oldest go first. Default 10 000. */
  maxEntries?: number;
}

/**
 * A bounded, clock-injectable CORS-preflight cache. `engine` decides the max-age cap when it is used by
 * `simulate` (Chromium 2 h, Firefox 24 h, WebKit 10 min; the standard sets no cap).
 */
export class PreflightCache {
  readonly now: () => number;
  readonly maxEntries: number;
  private readonly entries = new Map<string, Entry>();

  constructor(options: PreflightCacheOptions = {}) {
    this.now = options.now ?? Date.now;
    this.maxEntries = options.maxEntries ?? 10_000;
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  private key(parts: CacheKeyParts, kind: 'm' | 'h', item: string): string {
    return `${parts.origin}\u0000${parts.url}\u0000${parts.credentials ? 1 : 0}\u0000${kind}\u0000${item}`;
  }

  /**
   * https://fetch.spec.whatwg.org/#concept-cache-match-method — there is a method cache entry match for method
   * using request when there is a cache entry in cache for which there is a cache entry match for request and
   * its method is method or `*`. `*` entries are only created for uncredentialed requests.
   */
  matchMethod(parts: CacheKeyParts, method: string): boolean {
    return this.alive(this.key(parts, 'm', method)) || (!parts.credentials && this.alive(this.key(parts, 'm', '*')));
  }

  /**
   * https://fetch.spec.whatwg.org/#concept-cache-match-header — header names compare byte-case-insensitively;
   * a `*` entry matches any name but `Authorization` (a CORS non-wildcard request-header name), unless the
   * engine lets `*` cover it (`wildcardCoversAuthorization`).
   */
  matchHeader(parts: CacheKeyParts, name: string, wildcardCoversAuthorization = false): boolean {
    const lower = name.toLowerCase();
    if (this.alive(this.key(parts, 'h', lower))) return true;
    return !parts.credentials && (wildcardCoversAuthorization || lower !== 'authorization') && this.alive(this.key(parts, 'h', '*'));
  }

  /**
   * https://fetch.spec.whatwg.org/#concept-cache-create-entry — create (or update: #concept-cache-match-method
   * "set its max-age") an entry that expires maxAgeSeconds from now.
   */
  add(parts: CacheKeyParts, kind: 'method' | 'header', item: string, maxAgeSeconds: number): void {
    if (maxAgeSeconds <= 0) return;
    const key = this.key(parts, kind === 'method' ? 'm' : 'h', kind === 'header' ? item.toLowerCase() : item);
    this.entries.delete(key);
    this.entries.set(key, { expires: this.now() + maxAgeSeconds * 1000 });
    while (this.entries.size > this.maxEntries) {
      const oldest = this.entries.keys().next();
      // An empty cache is as small as it gets, whatever the bound (options are checked where the cache is made).
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }

  /** https://fetch.spec.whatwg.org/#concept-cache-clear — on a failed preflight, remove entries for the request. */
  clearFor(parts: CacheKeyParts): void {
    const prefix = `${parts.origin}\u0000${parts.url}\u0000${parts.credentials ? 1 : 0}\u0000`;
    for (const key of [...this.entries.keys()]) if (key.startsWith(prefix)) this.entries.delete(key);
  }

  private alive(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    if (entry.expires > this.now()) return true;
    this.entries.delete(key);
    return false;
  }
}

brand(PreflightCache, 'PreflightCache');
