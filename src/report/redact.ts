/**
 * Secrets out of reports: the one redaction module, used by `check`, `explain`, `verify` and `audit` (the CLI
 * and the library's `audit()`). A report of what went on the wire would otherwise print the user's credentials
 * back: the `Authorization`, `Proxy-Authorization` and `Cookie` request headers they passed, other headers
 * named like credentials (`X-Api-Key`, `X-Auth-Token`, ...), the `Set-Cookie` values a server answered with,
 * and the `user:password@` of a URL. Every output format (text, JSON, SARIF) takes its data through one
 * `Redactor` before it is written, unless the user asked to see secrets.
 *
 * What stays visible is what a reader needs to debug CORS without the secret: the authentication scheme
 * (`Bearer [redacted]`), cookie names (`session=[redacted]`) and every `Set-Cookie` attribute
 * (`SameSite=None; Secure` decide whether a credentialed request carries the cookie at all).
 */

/** What replaces a secret. */
export const REDACTED = '[redacted]';

/** Header names whose values are secrets, lower-case. */
export const SECRET_HEADER_NAMES: ReadonlySet<string> = new Set(['authorization', 'proxy-authorization', 'cookie', 'set-cookie']);

/** Secrets shorter than this are only redacted where they are known to sit, never searched for in free text. */
const MIN_SEARCHED_SECRET = 4;

/** True for a header whose value is a secret (any case). */
export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER_NAMES.has(name.toLowerCase());
}

/** The value of header `name` with its secret part replaced; other headers' values unchanged. */
export function redactHeaderValue(name: string, value: string): string {
  switch (name.toLowerCase()) {
    case 'authorization':
    case 'proxy-authorization': {
      // `<scheme> <credentials>`: the scheme says which kind of credentials were sent.
      const match = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+)([ \t]+)\S/.exec(value);
      return match ? `${match[1]}${match[2]}${REDACTED}` : REDACTED;
    }
    case 'cookie':
      return value
        .split(';')
        .map((pair) => redactCookiePair(pair))
        .join(';');
    case 'set-cookie': {
      // The first pair is the cookie; the attributes after it are not secret.
      const semicolon = value.indexOf(';');
      return semicolon < 0 ? redactCookiePair(value) : `${redactCookiePair(value.slice(0, semicolon))}${value.slice(semicolon)}`;
    }
    default:
      return value;
  }
}

function redactCookiePair(pair: string): string {
  const equals = pair.indexOf('=');
  if (equals < 0) return pair.trim() === '' ? pair : pair.replace(/\S.*\S|\S/, REDACTED);
  return `${pair.slice(0, equals + 1)}${REDACTED}`;
}

/** `scheme://user:password@` anywhere in a text (a URL, a console message, an error). */
// The user-info part stops at the first character that cannot be in it unencoded, so `https://host/a@b` is left alone.
const URL_CREDENTIALS = /\b([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^\s/?#@'"<>`\\]+)@/g;

/** A URL (or any text) with the `user:password@` of every URL in it replaced. */
export function redactUrlCredentials(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(URL_CREDENTIALS, `$1${REDACTED}@`);
}

/**
 * Redacts a report. Knows the secret headers, URL credentials, and the literal secret values it was given
 * (from the request the user made: see `Redactor.forRequest`), which it also removes from free text, for
 * instance a server that echoes a token back in another header or an error message.
 */
export class Redactor {
  private readonly secrets: string[];

  constructor(secrets: Iterable<string> = []) {
    const unique = new Set<string>();
    // A secret inside the placeholder itself (`dact`) would be found again in every redacted spot.
    for (const secret of secrets) if (secret.length >= MIN_SEARCHED_SECRET && !REDACTED.includes(secret)) unique.add(secret);
    // Longest first, so a secret that contains another is replaced whole.
    this.secrets = [...unique].sort((a, b) => b.length - a.length);
  }

  /**
   * A redactor for reports about a request to `url` with `headers`: it knows the URL's user name and password
   * (as written and decoded) and the secret parts of the headers (`headerSecrets`).
   */
  static forRequest(url: string, headers: ReadonlyArray<readonly [string, string]>): Redactor {
    return Redactor.forRequests([url], headers);
  }

  /** The same for requests to several URLs with the same headers (an audit over many endpoints). */
  static forRequests(urls: readonly string[], headers: ReadonlyArray<readonly [string, string]>): Redactor {
    const secrets: string[] = [];
    for (const url of urls) if (URL.canParse(url)) secrets.push(...urlSecrets(new URL(url)));
    for (const [name, value] of headers) secrets.push(...headerSecrets(name, value));
    return new Redactor(secrets);
  }

  /** Free text: URL credentials and every known secret replaced. */
  text(text: string): string {
    let out = redactUrlCredentials(text);
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  /** One header's value: the secret headers by their format, then free-text redaction. */
  header(name: string, value: string): string {
    return this.text(redactHeaderValue(name, value));
  }

  /** A header list, `[name, value]` pairs, order and repeats kept. */
  headers(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]> {
    return pairs.map(([name, value]) => [name, this.header(name, value)]);
  }

  /**
   * A copy of a report (plain objects, arrays, strings) with every secret removed: an array of `[name, value]`
   * string pairs is read as a header list, a string property named like a secret header (`authorization`,
   * `set-cookie`, ...) as that header's value, and every other string as free text. Byte arrays, functions
   * and class instances are kept as they are.
   */
  report<T>(value: T): T {
    return this.walk(value, new Map()) as T;
  }

  private walk(value: unknown, seen: Map<object, unknown>): unknown {
    if (typeof value === 'string') return this.text(value);
    if (value === null || typeof value !== 'object') return value;
    const done = seen.get(value);
    if (done !== undefined) return done;
    if (Array.isArray(value)) {
      if (value.length > 0 && value.every(isHeaderPair)) return this.headers(value as Array<[string, string]>);
      const out: unknown[] = [];
      seen.set(value, out);
      for (const item of value) out.push(this.walk(item, seen));
      return out;
    }
    const proto = Object.getPrototypeOf(value) as unknown;
    if (proto !== Object.prototype && proto !== null) return value;
    const out: Record<string, unknown> = {};
    seen.set(value, out);
    for (const [key, item] of Object.entries(value)) {
      out[key] = typeof item === 'string' && isSecretHeader(key) ? this.header(key, item) : this.walk(item, seen);
    }
    return out;
  }
}

/** A `[name, value]` header pair: two strings, the first an HTTP token. */
function isHeaderPair(value: unknown): value is [string, string] {
  return Array.isArray(value) && value.length === 2 && typeof value[0] === 'string' && typeof value[1] === 'string' && /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(value[0]);
}

/**
 * The parts of a URL's credentials to find again in free text: the password as written and decoded, and a user
 * name only when it stands alone and is long enough to be a token (`https://<token>@host`): a user name such as
 * `user` or `admin` would otherwise blank out every such word. (The URL's own `user:password@` is always
 * redacted, wherever a URL is printed.)
 */
export function urlSecrets(url: URL): string[] {
  const parts = url.password !== '' ? [url.password] : url.username.length >= 8 ? [url.username] : [];
  const out: string[] = [];
  for (const part of parts) {
    out.push(part);
    try {
      out.push(decodeURIComponent(part));
    } catch {
      // A malformed escape: the part as written is enough.
    }
  }
  return out;
}

/**
 * Header names whose whole value is a credential, besides the ones whose format is known (`Authorization`,
 * `Cookie`, ...): `X-Api-Key`, `X-Auth-Token`, `X-Session-Id`, `X-Client-Secret`... CORS's own
 * `Access-Control-*` headers never are.
 */
const CREDENTIAL_NAME = /token|secret|passw|api-?key|session|credential|auth/i;

/**
 * The secrets in a request header the user passed, to find them again anywhere in a report: the secret parts
 * of `Authorization`, `Proxy-Authorization` and `Cookie` (`secretParts`), or the whole value of a header named
 * like a credential. Empty for other headers.
 */
export function headerSecrets(name: string, value: string): string[] {
  const parts = secretParts(name, value);
  if (parts.length > 0) return parts;
  return CREDENTIAL_NAME.test(name) && !/^access-control-/i.test(name) ? [value.trim()] : [];
}

/** The parts of a secret header's value that are secret, to find them again in free text (cookie names are not). */
export function secretParts(name: string, value: string): string[] {
  const lower = name.toLowerCase();
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const space = value.search(/[ \t]/);
    const credentials = space < 0 ? value : value.slice(space).trim();
    return [value, credentials];
  }
  if (lower === 'cookie') {
    return value.split(';').flatMap((pair) => {
      const equals = pair.indexOf('=');
      return equals < 0 ? [pair.trim()] : [pair.slice(equals + 1).trim()];
    });
  }
  return [];
}
