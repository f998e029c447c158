/**
 * Sites: https://html.spec.whatwg.org/multipage/browsers.html#sites — a scheme and a registrable domain (from the
 * Public Suffix List, through tldts), or the host itself for IP addresses and names without one.
 */
import { getDomain } from 'tldts';

/** https://html.spec.whatwg.org/multipage/browsers.html#obtain-a-site (schemeful, as browsers compare them). */
export function siteOf(url: string | URL): string {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  const host = parsed.hostname;
  const domain = host.startsWith('[') ? null : getDomain(host, { allowPrivateDomains: true });
  return `${parsed.protocol}//${domain ?? host}`;
}

/** https://html.spec.whatwg.org/multipage/browsers.html#same-site — two origins (or URLs) of one site. */
export function sameSite(a: string, b: string): boolean {
  if (a === 'null' || b === 'null') return false;
  return siteOf(a) === siteOf(b);
}

/**
 * https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy — `https:`/`wss:`, loopback addresses
 * (127.0.0.0/8, ::1) and `localhost` names are potentially trustworthy.
 */
export function isPotentiallyTrustworthy(url: string | URL): boolean {
  const parsed = typeof url === 'string' ? new URL(url) : url;
  if (parsed.protocol === 'https:' || parsed.protocol === 'wss:') return true;
  const host = parsed.hostname.toLowerCase();
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]' || host === 'localhost' || host.endsWith('.localhost');
}
