/**
 * Sites: https://html.spec.whatwg.org/multipage/browsers.html#sites — a scheme and a registrable domain (from the
 * Public Suffix List), or the host itself for IP addresses and names without one. The list is passed in as a
 * function (src/emulator/public-suffix-list.ts loads it, only when two URLs need it: see `sameSiteByUrls`).
 */
import { parseUrl } from './url.js';

/** A host's registrable domain by the Public Suffix List, or null when it has none. */
export type RegistrableDomain = (host: string) => string | null;

/**
 * Whether `a` and `b` are same site when that follows from the URLs alone; `undefined` when it takes the Public
 * Suffix List. A site's domain is the host itself or a suffix of it of two labels or more (a public suffix and one
 * label), so two different hosts whose last two labels differ are never same site.
 */
export function sameSiteByUrls(a: URL, b: URL): boolean | undefined {
  if (a.protocol !== b.protocol) return false;
  const x = a.hostname;
  const y = b.hostname;
  if (x === y) return true;
  if (isIpAddress(x) || isIpAddress(y)) return false;
  if (x.endsWith('.') || y.endsWith('.')) return undefined;
  return lastTwoLabels(x) === lastTwoLabels(y) ? undefined : false;
}

function isIpAddress(host: string): boolean {
  return host.startsWith('[') || /^\d{1,3}\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

function lastTwoLabels(host: string): string {
  const last = host.lastIndexOf('.');
  return last === -1 ? host : host.slice(host.lastIndexOf('.', last - 1) + 1);
}

/** The Public Suffix List's default rule alone (`*`: every top-level domain a public suffix). */
export const defaultRuleDomain: RegistrableDomain = (host) => (host.includes('.') ? lastTwoLabels(host) : null);

/** https://html.spec.whatwg.org/multipage/browsers.html#obtain-a-site (schemeful, as browsers compare them). */
function siteOf(url: URL, registrableDomain: RegistrableDomain): string {
  const host = url.hostname;
  const domain = isIpAddress(host) ? null : registrableDomain(host);
  return `${url.protocol}//${domain ?? host}`;
}

/**
 * https://html.spec.whatwg.org/multipage/browsers.html#same-site — two origins (or URLs) of one site, by the
 * Public Suffix List given (only its default rule when none is).
 */
export function sameSite(a: string, b: string, registrableDomain: RegistrableDomain = defaultRuleDomain): boolean {
  if (a === 'null' || b === 'null') return false;
  const x = parseUrl(a);
  const y = parseUrl(b);
  return sameSiteByUrls(x, y) ?? siteOf(x, registrableDomain) === siteOf(y, registrableDomain);
}

/**
 * https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy — `https:`/`wss:`, loopback addresses
 * (127.0.0.0/8, ::1) and `localhost` names are potentially trustworthy.
 */
export function isPotentiallyTrustworthy(url: string | URL): boolean {
  const parsed = typeof url === 'string' ? parseUrl(url) : url;
  if (parsed.protocol === 'https:' || parsed.protocol === 'wss:') return true;
  const host = parsed.hostname.toLowerCase();
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]' || host === 'localhost' || host.endsWith('.localhost');
}
