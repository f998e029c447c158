/**
 * Fetch Metadata request headers (https://w3c.github.io/webappsec-fetch-metadata/) and the Referer a page's
 * default referrer policy sends: what every browser adds to a fetch() besides the CORS headers.
 */
import { sameOrigin, originOf } from './origin.js';
import { isPotentiallyTrustworthy } from './site.js';

/**
 * https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-set-site — "same-origin" while every URL in the
 * request's URL list is same origin with the request's origin, "same-site" while every one is same site, else
 * "cross-site" (an opaque origin is cross-site). `sameSite` compares two origins' sites (src/spec/site.ts) by the
 * Public Suffix List.
 */
export function secFetchSite(requestOrigin: string, urlList: readonly string[], sameSite: (a: string, b: string) => boolean): 'same-origin' | 'same-site' | 'cross-site' {
  let value: 'same-origin' | 'same-site' = 'same-origin';
  for (const url of urlList) {
    const origin = originOf(url);
    if (sameOrigin(origin, requestOrigin)) continue;
    if (!sameSite(origin, requestOrigin)) return 'cross-site';
    value = 'same-site';
  }
  return value;
}

/** https://w3c.github.io/webappsec-fetch-metadata/#abstract-opdef-append-the-fetch-metadata-headers-for-a-request — only to potentially trustworthy URLs. */
export function sendsFetchMetadata(url: string): boolean {
  return isPotentiallyTrustworthy(url);
}

/**
 * https://w3c.github.io/webappsec-referrer-policy/#referrer-policy-strict-origin-when-cross-origin, the default:
 * the page's URL to its own origin, its origin to others, nothing from an https: page to an http: URL. The page's
 * URL is taken to be its origin's root (the emulator knows the page by its origin). "Not potentially
 * trustworthy" stands for the downgrade: from a trustworthy page (https:, loopback) to a URL that is not.
 */
export function defaultReferer(pageOrigin: string, url: string): string | null {
  if (pageOrigin === 'null') return null;
  if (isPotentiallyTrustworthy(pageOrigin) && !isPotentiallyTrustworthy(url)) return null;
  return `${pageOrigin}/`;
}
