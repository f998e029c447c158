/**
 * Responses the matchers check synchronously: a fetch `Response`, a supertest / superagent response, a
 * light-my-request response, a Node `IncomingMessage`, a `Headers` object or a plain record of headers.
 * Everything else is a target (an app, a URL, a handler, mocks) and goes to `toTransport`.
 */
import { isHeadersLike, isResponseLike } from '../platform.js';
import type { IncomingMessage } from 'node:http';
import { nodeHttp } from '../node-builtins.js';

/** One received response, reduced to what the CORS check needs. */
export interface ReceivedResponse {
  /** What the value was, for messages: `Response`, `supertest response`, `IncomingMessage`, `headers`. */
  kind: string;
  status?: number;
  statusText?: string;
  /** The request URL when the response knows it. */
  url?: string;
  /** The `Origin` header the request carried, when the response knows its request; null when it had none. */
  requestOrigin?: string | null;
  /** Header lines in order, repeated names kept. */
  headers: Array<[string, string]>;
}

type Obj = Record<string, unknown>;

/** The response in `value`, or null when `value` is not a response (so it is a target). */
export function readResponse(value: unknown): ReceivedResponse | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return null;
  if (isResponseLike(value) && isHeadersLike(value.headers)) {
    return { kind: 'fetch Response', status: value.status, statusText: value.statusText, url: value.url || undefined, headers: fromHeaders(value.headers) };
  }
  if (isHeadersLike(value)) return { kind: 'Headers', headers: fromHeaders(value) };
  if (value instanceof nodeHttp().IncomingMessage) {
    const req = (value as { req?: unknown }).req;
    return {
      kind: 'IncomingMessage',
      status: value.statusCode,
      statusText: value.statusMessage,
      url: clientRequestUrl(req),
      requestOrigin: requestOriginOf(req),
      headers: pairs(value.rawHeaders),
    };
  }
  const o = value as Obj;
  if ('headers' in o && (typeof o.status === 'number' || typeof o.statusCode === 'number')) return fromResponseObject(o);
  if (isHeaderRecord(o)) return { kind: 'headers record', headers: fromRecord(o) };
  return null;
}

/** supertest / superagent (`status`, `headers`, `req`, `request`) and light-my-request (`statusCode`, `headers`, `raw.req`). */
function fromResponseObject(o: Obj): ReceivedResponse {
  const status = typeof o.status === 'number' ? o.status : (o.statusCode as number);
  const raw = o.raw as Obj | undefined;
  const lightMyRequest = typeof o.statusCode === 'number' && typeof o.payload === 'string';
  const incoming = o.res as Obj | undefined;
  const headers = Array.isArray(o.rawHeaders)
    ? pairs(o.rawHeaders as string[])
    : Array.isArray(incoming?.rawHeaders)
      ? pairs(incoming.rawHeaders as string[])
      : o.headers instanceof Headers
      ? fromHeaders(o.headers)
      : fromRecord((o.headers ?? {}) as Obj);
  const res = raw?.res as Obj | undefined;
  const req = raw?.req ?? o.req;
  return {
    kind: lightMyRequest ? 'light-my-request response' : typeof o.status === 'number' && 'req' in o ? 'supertest response' : 'response',
    status,
    statusText: [o.statusMessage, res?.statusMessage, incoming?.statusMessage].find((t): t is string => typeof t === 'string'),
    url: superagentUrl(o) ?? clientRequestUrl(req) ?? incomingUrl(req),
    requestOrigin: requestOriginOf(req),
    headers,
  };
}

/** A plain object whose every value is a header value: a string, a number or a list of strings. */
function isHeaderRecord(o: Obj): boolean {
  const proto = Object.getPrototypeOf(o);
  if (proto !== Object.prototype && proto !== null) return false;
  return Object.values(o).every((v) => v === undefined || typeof v === 'string' || typeof v === 'number' || (Array.isArray(v) && v.every((x) => typeof x === 'string')));
}

function fromHeaders(headers: Headers): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  headers.forEach((value, name) => {
    if (name !== 'set-cookie') out.push([name, value]);
  });
  for (const cookie of headers.getSetCookie()) out.push(['set-cookie', cookie]);
  return out;
}

function fromRecord(record: Obj): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const [name, value] of Object.entries(record)) {
    if (value === undefined) continue;
    if (Array.isArray(value)) for (const v of value) out.push([name, String(v)]);
    else out.push([name, String(value)]);
  }
  return out;
}

function pairs(raw: readonly string[]): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (let i = 0; i + 1 < raw.length; i += 2) out.push([raw[i], raw[i + 1]]);
  return out;
}

/** The `Origin` header of the request behind a response: a Node `ClientRequest`, or light-my-request's `IncomingMessage`. */
function requestOriginOf(req: unknown): string | null | undefined {
  if (req === null || typeof req !== 'object') return undefined;
  const r = req as { getHeader?: (name: string) => unknown; headers?: Obj };
  let value: unknown;
  if (typeof r.getHeader === 'function') value = r.getHeader('origin');
  else if (r.headers && typeof r.headers === 'object') value = r.headers.origin;
  else return undefined;
  if (value === undefined) return null;
  return Array.isArray(value) ? value.join(', ') : String(value);
}

function superagentUrl(o: Obj): string | undefined {
  const request = o.request as Obj | undefined;
  return typeof request?.url === 'string' && /^https?:/.test(request.url) ? request.url : undefined;
}

function clientRequestUrl(req: unknown): string | undefined {
  if (req === null || typeof req !== 'object') return undefined;
  const r = req as { protocol?: unknown; host?: unknown; path?: unknown; getHeader?: unknown };
  if (typeof r.path !== 'string' || typeof r.host !== 'string' || typeof r.getHeader !== 'function') return undefined;
  const protocol = typeof r.protocol === 'string' ? r.protocol : 'http:';
  const host = (r.getHeader as (n: string) => unknown)('host');
  return `${protocol}//${typeof host === 'string' ? host : r.host}${r.path}`;
}

function incomingUrl(req: unknown): string | undefined {
  if (req === null || typeof req !== 'object') return undefined;
  const r = req as { url?: unknown; headers?: Obj };
  if (typeof r.url !== 'string') return undefined;
  const host = r.headers?.host;
  return typeof host === 'string' ? `http://${host}${r.url}` : r.url;
}
