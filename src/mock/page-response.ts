/**
 * The `Response` a page's script receives for an allowed request: exactly what it could read (type, status 0 for
 * opaque responses, url, redirected, only the readable headers), as an instance of the page's own `Response`
 * class, so `instanceof Response` holds in the page's code.
 */
import { serverClasses } from '../platform.js';
import type { FilteredResponse } from '../types.js';

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

type Body = ReadableStream<Uint8Array> | Uint8Array | null;

/** The page's `Response` class, or Node's where the environment has none (Jest's jsdom). */
export function pageResponseClass(): typeof Response {
  const own = (globalThis as { Response?: typeof Response }).Response;
  return typeof own === 'function' ? own : serverClasses().Response;
}

export function toPageResponse(filtered: FilteredResponse, body: Body = filtered.body): Response {
  const status = filtered.status;
  const opaque = filtered.type === 'opaque' || filtered.type === 'opaqueredirect';
  const constructible = status >= 200 && status <= 599;
  const empty = opaque || NULL_BODY.has(status) || body === null || (body instanceof Uint8Array && body.byteLength === 0);
  if (empty && body !== null && !(body instanceof Uint8Array)) void body.cancel().catch(() => undefined);
  const PageResponse = pageResponseClass();
  const response = new PageResponse(empty ? null : (body as BodyInit), {
    status: constructible ? status : 200,
    statusText: opaque ? '' : filtered.statusText,
    headers: opaque ? [] : Object.entries(filtered.headers),
  });
  const define = (name: string, value: unknown) => Object.defineProperty(response, name, { value, enumerable: true, configurable: true });
  define('type', filtered.type);
  define('url', filtered.url);
  define('redirected', filtered.redirected);
  if (!constructible) {
    define('status', status);
    define('ok', false);
  }
  return response;
}

/**
 * Make the environment's own response (which carries exactly the readable headers and the body) into what script
 * sees: `type`, `url`, `redirected`, and status 0 for opaque responses. Adapting it in place keeps its class (the
 * page's), and its body streaming as the client delivers it.
 */
export function adoptResponse(response: Response, filtered: FilteredResponse): Response {
  const define = (name: string, value: unknown) => Object.defineProperty(response, name, { value, enumerable: true, configurable: true });
  define('type', filtered.type);
  define('url', filtered.url);
  define('redirected', filtered.redirected);
  if (filtered.status !== response.status) {
    define('status', filtered.status);
    define('ok', filtered.status >= 200 && filtered.status <= 299);
  }
  if (filtered.type === 'opaque' || filtered.type === 'opaqueredirect') define('statusText', '');
  return response;
}
