/**
 * URLs as an engine's parser makes them, where it departs from the URL Standard (`EngineProfile.url`): a few more
 * characters percent-encoded in paths, and its own reading of a `Location` value's bytes. Everything else is the
 * standard's parse (`new URL`).
 */
import type { EngineProfile } from '../engines/index.js';
import { getHeader } from '../spec/header-list.js';
import { isRedirectStatus } from '../spec/http.js';
import type { WireResponse } from '../types.js';
import { resolveHref } from '../spec/url.js';
import { escapeHighBytes, readAsUtf8 } from './header-encoding.js';

/** A serialized URL with the engine's extra path escapes applied (the URL itself when none applies). */
export function enginePathHref(href: string, engine: EngineProfile): string {
  const escapes = engine.url.pathEscapes;
  if (escapes === '' || !hasAny(href, escapes)) return href;
  const url = new URL(href);
  escapePath(url, escapes);
  return url.href;
}

function escapePath(url: URL, escapes: string): void {
  const path = url.pathname;
  if (!hasAny(path, escapes)) return;
  let out = '';
  for (const char of path) out += escapes.includes(char) ? `%${char.charCodeAt(0).toString(16).toUpperCase()}` : char;
  url.pathname = out;
}

function hasAny(text: string, chars: string): boolean {
  for (let i = 0; i < chars.length; i++) if (text.includes(chars[i])) return true;
  return false;
}

const percentEncoded = (byte: number): string => `%${byte.toString(16).toUpperCase()}`;

/** A `Location` value (a byte string) as the engine hands it to its URL parser. */
export function locationInput(value: string, engine: EngineProfile): string {
  let input = value;
  if (engine.url.locationKeepsTab && input.includes('\t')) input = input.replaceAll('\t', '%09');
  switch (engine.url.locationBytes) {
    case 'isomorphic':
      return input;
    case 'utf-8':
      return readAsUtf8(input);
    case 'percent-encode':
      return escapeHighBytes(input, percentEncoded);
  }
}

/**
 * Where a redirect response at `base` points for this engine (for the words of a failure on it, whatever the
 * redirect mode), or undefined: not a redirect status, no `Location`, or one that does not parse.
 */
export function redirectTarget(response: WireResponse, base: string, engine: EngineProfile): string | undefined {
  if (!isRedirectStatus(response.status)) return undefined;
  const location = getHeader(response.headers, 'location');
  return location === null ? undefined : redirectTargetOf(location, base, engine);
}

/** Where a redirect's `Location` points for this engine, or undefined when it does not parse. */
export function redirectTargetOf(location: string, base: string, engine: EngineProfile): string | undefined {
  let href: string;
  try {
    href = resolveHref(locationInput(location, engine), base);
  } catch {
    return undefined;
  }
  return enginePathHref(href, engine);
}

/**
 * https://fetch.spec.whatwg.org/#concept-response-location-url for this engine, serialized: `redirectTargetOf`,
 * with the fragment of the URL it answered (`base`) when the value has none. Undefined when it does not parse.
 */
export function redirectHref(location: string, base: string, engine: EngineProfile): string | undefined {
  const href = redirectTargetOf(location, base, engine);
  return href === undefined ? undefined : withFragmentOf(href, base);
}

/**
 * `href` with `base`'s fragment when `href`'s is empty and `base`'s is not (as setting `url.hash` does). Both
 * are serialized URLs, in which the first `#` starts the fragment (elsewhere it is percent-encoded).
 */
function withFragmentOf(href: string, base: string): string {
  const at = href.indexOf('#');
  if (at >= 0 && at < href.length - 1) return href;
  const baseAt = base.indexOf('#');
  if (baseAt < 0 || baseAt === base.length - 1) return href;
  return `${at < 0 ? href : href.slice(0, at)}${base.slice(baseAt)}`;
}
