/**
 * Options shared by every transport, and their validation. Bad values get an `InvalidArgumentError` naming the
 * option and the fix, never a silent default.
 */
import { InvalidArgumentError } from '../errors.js';

/** The base URL in-process targets answer on when none is given. */
export const DEFAULT_BASE_URL = 'https://api.example';
/** Milliseconds one exchange may take, matching `simulate`'s default. */
export const DEFAULT_TIMEOUT_MS = 10_000;
/**
 * The longest delay a Node timer holds: 2^31-1 ms (about 24.8 days). Node runs a longer one after 1 ms, so a
 * larger `timeoutMs` would time every exchange out at once; it is refused instead.
 */
export const MAX_TIMEOUT_MS = 2 ** 31 - 1;
/** Bytes of response body read before the transport stops reading (1 MiB). */
export const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

export interface TransportOptions {
  /**
   * Milliseconds one exchange may take before the transport gives up with a `timeout` `TransportError`.
   * Default 10 000. The context's `AbortSignal` (from `simulate`'s `timeoutMs`) also applies: the sooner wins.
   */
  timeoutMs?: number;
  /** Bytes of response body to read; the rest is dropped and `bodyTruncated` is set. Default 1 MiB. */
  maxBodyBytes?: number;
}

export interface InProcessOptions extends TransportOptions {
  /** The URL the in-process app is reachable at; relative request URLs resolve against it. Default `https://api.example`. */
  baseUrl?: string | URL;
}

export interface ResolvedOptions {
  timeoutMs: number;
  maxBodyBytes: number;
}

/**
 * Validate the common options and fill in defaults. `where` names the function for error messages; `known` lists
 * every option that function accepts (an unknown key is an error, so a typo never passes silently).
 */
export function resolveOptions(
  options: TransportOptions | undefined,
  where: string,
  known: readonly string[] = ['timeoutMs', 'maxBodyBytes'],
): ResolvedOptions {
  if (options === undefined || options === null) {
    return { timeoutMs: DEFAULT_TIMEOUT_MS, maxBodyBytes: DEFAULT_MAX_BODY_BYTES };
  }
  if (typeof options !== 'object') {
    throw new InvalidArgumentError(
      `${where} options`,
      `expected an object, received ${typeof options}`,
      'Pass an options object such as { timeoutMs: 5000 }, or nothing.',
    );
  }
  for (const key of Object.keys(options)) {
    if (!known.includes(key)) {
      throw new InvalidArgumentError(
        `${where} options.${key}`,
        'unknown option',
        `${where} accepts ${known.map((k) => `\`${k}\``).join(', ')}.`,
      );
    }
  }
  return {
    timeoutMs: positive(options.timeoutMs, `${where} options.timeoutMs`, DEFAULT_TIMEOUT_MS, false, MAX_TIMEOUT_MS),
    maxBodyBytes: positive(options.maxBodyBytes, `${where} options.maxBodyBytes`, DEFAULT_MAX_BODY_BYTES, true),
  };
}

function positive(value: unknown, name: string, fallback: number, integer: boolean, max = Number.MAX_SAFE_INTEGER): number {
  if (value === undefined) return fallback;
  const ok = typeof value === 'number' && value > 0 && (integer ? Number.isSafeInteger(value) : Number.isFinite(value));
  if (!ok) {
    throw new InvalidArgumentError(
      name,
      `expected a positive ${integer ? 'integer' : 'number'}, received ${describeValue(value)}`,
      `Pass a number greater than 0, or leave it out for the default (${fallback}).`,
    );
  }
  if ((value as number) > max) {
    throw new InvalidArgumentError(
      name,
      `${String(value)} ms is longer than a timer can hold (${max} ms, about 24 days)`,
      `Pass a shorter timeout, e.g. 30000, or leave it out for the default (${fallback}).`,
    );
  }
  return value as number;
}

/** Validate a base URL: absolute, `http:` or `https:`. Returns a string as given, a `URL` as its `href`. */
export function resolveBaseUrl(value: string | URL | undefined, name: string, fallback = DEFAULT_BASE_URL): string {
  if (value === undefined) return fallback;
  const url = parseHttpUrl(value, name, 'Pass an absolute URL such as "https://api.example" or "http://127.0.0.1:3000".');
  return typeof value === 'string' ? value : url.href;
}

/**
 * True for a catch-all object, where every property is a function (itty-router's routers are Proxies that
 * answer any property with a route registrar). Duck-typing such an object by its methods proves nothing.
 */
export function isCatchAll(value: object): boolean {
  return typeof (value as Record<string, unknown>)['corsproof: no such property'] === 'function';
}

/** Parse an absolute `http:`/`https:` URL or throw an `InvalidArgumentError` naming `name`. */
export function parseHttpUrl(value: unknown, name: string, fix: string): URL {
  let url: URL;
  if (value instanceof URL) {
    url = value;
  } else if (typeof value === 'string') {
    if (!URL.canParse(value)) {
      throw new InvalidArgumentError(name, `"${value}" is not an absolute URL (it needs a scheme and a host)`, fix);
    }
    url = new URL(value);
  } else {
    throw new InvalidArgumentError(name, `expected a URL string, received ${describeValue(value)}`, fix);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new InvalidArgumentError(name, `"${url.href}" uses ${url.protocol}, not http: or https:`, fix);
  }
  // fetch() refuses a URL with credentials, and every request URL resolved against this one would carry them.
  if (url.username !== '' || url.password !== '') {
    throw new InvalidArgumentError(
      name,
      `"${url.href}" has a user name or password, and fetch() refuses such URLs before sending anything`,
      'Drop user:password@ from the URL; send credentials as a request header (Authorization: Basic ... or Bearer ...).',
    );
  }
  return url;
}

/** A short description of any value for error messages: `number 42`, `null`, `an object with keys [a, b]`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `the string ${JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value)}`;
  if (typeof value === 'function') {
    const name = value.name ? ` ${value.name}` : '';
    return `a function${name} taking ${value.length} argument${value.length === 1 ? '' : 's'}`;
  }
  if (Array.isArray(value)) return `an array of ${value.length} item${value.length === 1 ? '' : 's'}`;
  if (typeof value === 'object') {
    const ctor = (value as object).constructor?.name;
    const keys = Object.keys(value as object).slice(0, 6);
    const kind = ctor && ctor !== 'Object' ? `a ${ctor} instance` : 'an object';
    return keys.length > 0 ? `${kind} with keys [${keys.join(', ')}]` : kind;
  }
  return `${typeof value} ${String(value)}`;
}
