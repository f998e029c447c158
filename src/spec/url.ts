/**
 * https://url.spec.whatwg.org/#concept-url-parser for absolute URL strings, remembered: one fetch reads the same
 * few URLs many times (origins, ports, sites, address spaces), and a test suite sends to the same few URLs
 * thousands of times; parsing dominates both. At most 256 results are kept (emptied when full). The URL handed
 * out is shared: read it, never change it.
 */
const MAX = 256;
const parsed = new Map<string, URL>();

/** The parsed URL of an absolute URL string; throws a TypeError, as `new URL()` does, when it is none. */
export function parseUrl(href: string): Readonly<URL> {
  let url = parsed.get(href);
  if (url === undefined) {
    url = new URL(href);
    if (parsed.size >= MAX) parsed.clear();
    parsed.set(href, url);
  }
  return url;
}
