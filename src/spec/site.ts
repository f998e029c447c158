/**
 * Sites: https://html.spec.whatwg.org/multipage/browsers.html#sites — a scheme and a registrable domain (from the
 * Public Suffix List), or the host itself for IP addresses and names without one. The list is passed in as a
 * function (src/emulator/public-suffix-list.ts loads it, only when two URLs need it: see `sameSiteByHrefs`).
 */
import { derive, parseUrl, urlFact } from './url.js';

/** A host's registrable domain by the Public Suffix List, or null when it has none. */
export type RegistrableDomain = (host: string) => string | null;

/**
 * Whether the URLs `a` and `b` are same site when that follows from the URLs alone; `undefined` when it takes the
 * Public Suffix List. A site's domain is the host itself or a suffix of it of two labels or more (a public suffix
 * and one label), so two different hosts whose last two labels differ are never same site. What it reads of each
 * URL is remembered with its parse (one page and one API, many requests).
 */
export function sameSiteByHrefs(a: string, b: string): boolean | undefined {
  return sameSiteByFacts(derive(a, SITE_FACTS), derive(b, SITE_FACTS));
}

const SITE_FACTS = urlFact(siteFacts);

interface SiteFacts {
  protocol: string;
  hostname: string;
  ip: boolean;
  /** The host ends with a dot (a fully qualified name: the list's rules do not apply as written). */
  dot: boolean;
  lastTwo: string;
}

function siteFacts(url: Readonly<URL>): SiteFacts {
  const { protocol, hostname } = url;
  return { protocol, hostname, ip: isIpAddress(hostname), dot: hostname.endsWith('.'), lastTwo: lastTwoLabels(hostname) };
}

function sameSiteByFacts(x: SiteFacts, y: SiteFacts): boolean | undefined {
  if (x.protocol !== y.protocol) return false;
  if (x.hostname === y.hostname) return true;
  if (x.ip || y.ip) return false;
  if (x.dot || y.dot) return undefined;
  return x.lastTwo === y.lastTwo ? undefined : false;
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
  return sameSiteByHrefs(a, b) ?? siteOf(parseUrl(a), registrableDomain) === siteOf(parseUrl(b), registrableDomain);
}

/**
 * https://w3c.github.io/webappsec-secure-contexts/#is-origin-trustworthy — `https:`/`wss:`, loopback addresses
 * (127.0.0.0/8, ::1) and `localhost` names are potentially trustworthy.
 */
export function isPotentiallyTrustworthy(url: string | URL): boolean {
  return typeof url === 'string' ? derive(url, TRUSTWORTHY) : trustworthy(url);
}

const TRUSTWORTHY = urlFact(trustworthy);

function trustworthy(parsed: Readonly<URL>): boolean {
  if (parsed.protocol === 'https:' || parsed.protocol === 'wss:') return true;
  const host = parsed.hostname.toLowerCase();
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host) || host === '[::1]' || host === 'localhost' || host.endsWith('.localhost');
}
