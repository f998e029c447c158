/**
 * Secrets out of every output: the values of the Cookie, Authorization and other credential headers the user
 * passes, cookies a server sets, and credentials in URLs are replaced with `[redacted]` (names, schemes and
 * cookie attributes are kept, so the evidence still says what was sent). Any other place a secret value turns
 * up (an error message, an echoed header) is caught by `text()`.
 */
export const REDACTED = '[redacted]';

/** Header names whose values are credentials. */
const SECRET_HEADER = /^(cookie|set-cookie|authorization|proxy-authorization)$|token|secret|passw|api-?key|session|auth|credential/i;

export interface Redactor {
  /** Replace every known secret value in a string. */
  text(value: string): string;
  /** One header: credential values redacted by their structure, then `text()`. */
  header(name: string, value: string): string;
  headers(pairs: ReadonlyArray<readonly [string, string]>): Array<[string, string]>;
  /** A URL without its username and password. */
  url(value: string): string;
}

export function isSecretHeader(name: string): boolean {
  return SECRET_HEADER.test(name) && !/^(access-control-|www-authenticate$)/i.test(name);
}

function cookiePairs(value: string): Array<[string, string]> {
  return value.split(';').map((part) => {
    const eq = part.indexOf('=');
    return eq < 0 ? [part.trim(), ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
  });
}

function structural(name: string, value: string): string {
  const lower = name.toLowerCase();
  if (lower === 'cookie') return cookiePairs(value).map(([n, v]) => (v === '' ? n : `${n}=${REDACTED}`)).join('; ');
  if (lower === 'set-cookie') {
    const [first, ...attributes] = value.split(';');
    const eq = first.indexOf('=');
    return [eq < 0 ? REDACTED : `${first.slice(0, eq).trim()}=${REDACTED}`, ...attributes.map((a) => a.trim())].join('; ');
  }
  if (lower === 'authorization' || lower === 'proxy-authorization') {
    const space = value.indexOf(' ');
    return space > 0 ? `${value.slice(0, space)} ${REDACTED}` : REDACTED;
  }
  return REDACTED;
}

/** A redactor for the secrets in `headers` (what the user passes) and the credentials of `urls`. */
export function createRedactor(input: { headers?: ReadonlyArray<readonly [string, string]>; urls?: readonly string[] } = {}): Redactor {
  const secrets = new Set<string>();
  const remember = (value: string) => {
    const v = value.trim();
    if (v.length >= 3) secrets.add(v);
  };
  for (const [name, value] of input.headers ?? []) {
    if (!isSecretHeader(name)) continue;
    remember(value);
    const lower = name.toLowerCase();
    if (lower === 'cookie') for (const [, v] of cookiePairs(value)) remember(v);
    if (lower === 'authorization' || lower === 'proxy-authorization') {
      const credentials = value.slice(value.indexOf(' ') + 1);
      remember(credentials);
      if (/^basic /i.test(value)) {
        const decoded = Buffer.from(credentials, 'base64').toString('utf8');
        remember(decoded);
        remember(decoded.slice(decoded.indexOf(':') + 1));
      }
    }
  }
  for (const raw of input.urls ?? []) {
    try {
      const url = new URL(raw);
      for (const part of [url.password, url.username]) {
        if (part) {
          remember(part);
          remember(decodeURIComponent(part));
        }
      }
    } catch {
      /* not a URL: nothing to learn from it */
    }
  }
  const ordered = [...secrets].sort((a, b) => b.length - a.length);
  const text = (value: string) => {
    let out = value;
    for (const secret of ordered) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/)[^/@\s'"]*:[^/@\s'"]*@/gi, `$1${REDACTED}@`);
  };
  const header = (name: string, value: string) => (isSecretHeader(name) ? structural(name, value) : text(value));
  return {
    text,
    header,
    headers: (pairs) => pairs.map(([n, v]) => [n, header(n, v)]),
    url(value) {
      try {
        const url = new URL(value);
        if (url.username || url.password) {
          url.username = '';
          url.password = '';
          return text(url.href.replace('://', `://${REDACTED}@`));
        }
      } catch {
        /* fall through */
      }
      return text(value);
    },
  };
}
