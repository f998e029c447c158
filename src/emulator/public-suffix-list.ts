/**
 * The Public Suffix List (through tldts), for the sites that Sec-Fetch-Site compares. It is large, so it loads
 * only when two URLs cannot be told apart without it (two hosts under one two-label name, as app.example.com and
 * api.example.com, or alice.github.io and bob.github.io), once per process.
 */
import { sameSite, sameSiteByHrefs, type RegistrableDomain } from '../spec/site.js';

let registrableDomain: RegistrableDomain | undefined;
let loading: Promise<void> | undefined;

/** Load the list if comparing the sites of `a` and `b` takes it: a promise to await, or null (not needed, or loaded). */
export function loadPublicSuffixListFor(a: string, b: string): Promise<void> | null {
  if (registrableDomain !== undefined || a === 'null' || b === 'null') return null;
  if (sameSiteByHrefs(a, b) !== undefined) return null;
  loading ??= import('tldts').then(({ getDomain }) => {
    registrableDomain = (host) => getDomain(host, { allowPrivateDomains: true });
  });
  return loading;
}

/**
 * https://html.spec.whatwg.org/multipage/browsers.html#same-site by the list, once `loadPublicSuffixListFor(a, b)`
 * has been awaited (until then only the list's default rule, which is all the URLs needed).
 */
export function sameSiteByList(a: string, b: string): boolean {
  return sameSite(a, b, registrableDomain);
}
