/**
 * https://url.spec.whatwg.org/#concept-url-parser for absolute URL strings, remembered: one fetch reads the same
 * few URLs many times (origins, ports, sites, address spaces), and a test suite sends to the same few URLs
 * thousands of times; parsing dominates both. At most 1,024 results are kept (emptied when full). The URL handed
 * out is shared: read it, never change it.
 */
import { BoundedMemo } from '../bounded-memo.js';

/** Something worked out from a URL alone, remembered with it: see `urlFact` and `derive`. */
export interface UrlFact<T> {
  readonly slot: number;
  readonly compute: (url: Readonly<URL>) => T;
}

let slots = 0;

/** Declare a fact (once, at module level): `compute` must depend on the URL alone. */
export function urlFact<T>(compute: (url: Readonly<URL>) => T): UrlFact<T> {
  return { slot: slots++, compute };
}

/** A parsed URL and the facts worked out from it so far, by slot. */
interface Entry {
  readonly url: URL;
  derived: unknown[] | undefined;
}

const parsed = new BoundedMemo<Entry>(1024);

function entryOf(href: string): Entry {
  return parsed.of(href, newEntry);
}

function newEntry(href: string): Entry {
  return { url: new URL(href), derived: undefined };
}

/** The parsed URL of an absolute URL string; throws a TypeError, as `new URL()` does, when it is none. */
export function parseUrl(href: string): Readonly<URL> {
  return entryOf(href).url;
}

/** Resolved URLs by base and input: `<base's length>:<base><input>`, which no two pairs share. */
const resolved = new BoundedMemo<string>(4096);

/**
 * `new URL(input, base).href`, remembered (at most 4,096: request URLs against the page, and redirects' `Location`
 * values against the URL they answered); throws a TypeError as `new URL()` does.
 */
export function resolveHref(input: string, base: string | undefined): string {
  if (base === undefined) return parseUrl(input).href;
  const key = `${base.length}:${base}${input}`;
  return resolved.get(key) ?? resolved.set(key, new URL(input, base).href);
}

const UNKNOWN = Symbol('unknown');

/** `fact.compute(parseUrl(href))`, remembered with the parsed URL: its origin, whether it is trustworthy, its port's status. */
export function derive<T>(href: string, fact: UrlFact<T>): T {
  const entry = entryOf(href);
  const derived = (entry.derived ??= new Array(slots).fill(UNKNOWN));
  let value = derived[fact.slot];
  if (value === UNKNOWN || fact.slot >= derived.length) {
    value = fact.compute(entry.url);
    derived[fact.slot] = value;
  }
  return value as T;
}
