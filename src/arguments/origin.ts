/**
 * The page origin a user passes (to `simulate`, the matchers, the mocks, the CLI), checked and serialized.
 */
import { InvalidArgumentError } from '../errors.js';
import { BoundedMemo } from '../bounded-memo.js';
import type { SerializedOrigin } from '../spec/origin.js';

/** A test passes the same few page origins thousands of times: valid ones are remembered (at most 256). */
const valid = new BoundedMemo<SerializedOrigin>(256);

/**
 * Validate what a user passes as the page's origin. Accepts `scheme://host[:port]` (a trailing `/` is
 * tolerated) and the opaque origin `null`. Anything with a path, query, fragment or credentials is rejected with
 * a typed error saying what to pass instead. Only valid origins are remembered, so invalid input throws every time.
 */
export function parseOrigin(input: unknown, argument = 'origin'): SerializedOrigin {
  if (typeof input !== 'string' || input === '') {
    throw new InvalidArgumentError(argument, `expected an origin string such as 'https://app.example', got ${typeof input === 'string' ? 'an empty string' : typeof input}`, "Pass the page's origin: scheme, host and optional port.");
  }
  if (input === 'null') return 'null';
  return valid.get(input) ?? valid.set(input, parseNewOrigin(input, argument));
}

function parseNewOrigin(input: string, argument: string): SerializedOrigin {
  let url: URL;
  try {
    url = new URL(input);
  } catch {
    throw new InvalidArgumentError(argument, `'${input}' is not a URL origin (no scheme?)`, "Pass scheme, host and optional port, e.g. 'https://app.example'.");
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(argument, `'${input}' has scheme '${url.protocol.slice(0, -1)}'`, "A page origin for CORS is http: or https:, e.g. 'https://app.example'.");
  }
  if (url.username || url.password || (url.pathname !== '/' && url.pathname !== '') || url.search || url.hash || /\/[^/]*\/./.test(input.replace(/^[a-z]+:\/\//i, ''))) {
    throw new InvalidArgumentError(argument, `'${input}' is a URL with a path, query, fragment or credentials, not an origin`, `Pass only scheme, host and port: '${url.origin}'.`);
  }
  return url.origin;
}
