/**
 * A HAR file (HTTP Archive 1.2, as browsers' developer tools and Playwright export it) as a Transport: each
 * request is answered with the response recorded for the same method and URL. Nothing goes on the network.
 */
import { InvalidArgumentError, TransportError } from '../errors.js';
import type { Transport, WireRequest, WireResponse } from '../types.js';

export interface HarHeader {
  name: string;
  value: string;
}

export interface HarEntry {
  startedDateTime?: string;
  pageref?: string;
  request: {
    method: string;
    url: string;
    headers: HarHeader[];
    postData?: { mimeType?: string; text?: string };
  };
  response: {
    status: number;
    statusText?: string;
    headers: HarHeader[];
    content?: { text?: string; encoding?: string; mimeType?: string };
    redirectURL?: string;
    /** Chromium's developer tools: the network error, e.g. `net::ERR_FAILED`. */
    _error?: string | null;
  };
  /** Chromium's developer tools: `fetch`, `xhr`, `preflight`, `document`, `script`, ... */
  _resourceType?: string;
  /** Playwright's recorder: the network error. */
  _failureText?: string;
  [key: string]: unknown;
}

export interface Har {
  log: {
    version?: string;
    creator?: { name?: string; version?: string };
    browser?: { name?: string; version?: string };
    pages?: Array<{ id?: string; title?: string; startedDateTime?: string }>;
    entries: HarEntry[];
  };
}

export interface HarOptions {
  /** Prefer the entries recorded nearest this time (ISO date, e.g. the `startedDateTime` of the request replayed). */
  near?: string;
  /** Entries to answer with first when they match (e.g. the entry being replayed, for its own URL). */
  prefer?: readonly HarEntry[];
  /** Called when a request finds no recorded response (the replay is then incomplete). */
  onMissing?: (request: WireRequest, why: string) => void;
}

/** Parse and check a HAR (an object or its JSON text). Throws `InvalidArgumentError` saying what is wrong. */
export function parseHar(input: unknown): Har {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input);
    } catch (error) {
      throw new InvalidArgumentError('HAR', `it is not JSON (${(error as Error).message})`, 'Export the file from the browser\'s developer tools (Network panel, "Save all as HAR") and pass it unchanged.');
    }
  }
  const log = (value as Har | null)?.log;
  if (!log || typeof log !== 'object' || !Array.isArray(log.entries)) {
    throw new InvalidArgumentError('HAR', 'it has no log.entries list', 'Pass a HAR file: JSON with { "log": { "entries": [...] } }, as the Network panel exports it.');
  }
  log.entries.forEach((entry, i) => {
    const request = entry?.request;
    if (!request || typeof request.method !== 'string' || typeof request.url !== 'string' || !Array.isArray(request.headers) || !entry.response || !Array.isArray(entry.response.headers)) {
      throw new InvalidArgumentError('HAR', `log.entries[${i}] has no request method, URL and headers, or no response headers`, 'Pass the HAR as exported, without editing its entries.');
    }
  });
  return value as Har;
}

/** Whether the entry carries a response from the server (not a request that failed before one came). */
export function hasResponse(entry: HarEntry): boolean {
  return entry.response.status > 0;
}

export function headerValue(headers: readonly HarHeader[], name: string): string | undefined {
  const lower = name.toLowerCase();
  const found = headers.filter((h) => h.name.toLowerCase() === lower);
  return found.length ? found.map((h) => h.value).join(', ') : undefined;
}

export function isPreflightEntry(entry: HarEntry): boolean {
  return entry._resourceType === 'preflight' || (entry.request.method === 'OPTIONS' && headerValue(entry.request.headers, 'access-control-request-method') !== undefined);
}

/** A Transport answering each request from the HAR's recorded responses. */
export function fromHar(input: Har | string, options: HarOptions = {}): Transport {
  const har = parseHar(input);
  const near = options.near ? Date.parse(options.near) : NaN;
  const byKey = new Map<string, HarEntry[]>();
  for (const entry of har.log.entries) {
    const key = keyOf(entry.request.method, entry.request.url);
    if (key === null) continue;
    const list = byKey.get(key) ?? [];
    list.push(entry);
    byKey.set(key, list);
  }
  return {
    name: 'har',
    send: async (wire) => {
      const key = keyOf(wire.method, wire.url);
      let candidates = (key && byKey.get(key)) || [];
      const preflight = wire.method === 'OPTIONS' && wire.headers.some(([n]) => n.toLowerCase() === 'access-control-request-method');
      if (preflight) {
        candidates = candidates.filter(isPreflightEntry);
        const method = wireHeader(wire, 'access-control-request-method');
        const sameMethod = candidates.filter((e) => headerValue(e.request.headers, 'access-control-request-method') === method);
        if (sameMethod.length) candidates = sameMethod;
        const asked = wireHeader(wire, 'access-control-request-headers') ?? '';
        const sameHeaders = candidates.filter((e) => (headerValue(e.request.headers, 'access-control-request-headers') ?? '') === asked);
        if (sameHeaders.length) candidates = sameHeaders;
      } else {
        candidates = candidates.filter((e) => !isPreflightEntry(e));
      }
      const entry = options.prefer?.find((e) => candidates.includes(e)) ?? nearest(candidates, near);
      if (!entry || !hasResponse(entry)) {
        const why = entry
          ? `the HAR has ${wire.method} ${wire.url} with no response (${entry.response._error || entry._failureText || `status ${entry.response.status}`})`
          : `the HAR has no ${preflight ? 'preflight (OPTIONS) ' : ''}entry for ${wire.method} ${wire.url}`;
        options.onMissing?.(wire, why);
        throw new TransportError('network', why);
      }
      return toWireResponse(entry);
    },
  };
}

function wireHeader(wire: WireRequest, name: string): string | undefined {
  return wire.headers.find(([n]) => n.toLowerCase() === name)?.[1];
}

function keyOf(method: string, url: string): string | null {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return `${method.toUpperCase()} ${parsed.href}`;
  } catch {
    return null;
  }
}

function nearest(entries: readonly HarEntry[], near: number): HarEntry | undefined {
  if (entries.length <= 1 || Number.isNaN(near)) return entries.find(hasResponse) ?? entries[0];
  const distance = (e: HarEntry) => {
    const at = e.startedDateTime ? Date.parse(e.startedDateTime) : NaN;
    return Number.isNaN(at) ? Number.MAX_SAFE_INTEGER : Math.abs(at - near);
  };
  return [...entries].sort((a, b) => distance(a) - distance(b))[0];
}

function toWireResponse(entry: HarEntry): WireResponse {
  const content = entry.response.content;
  const text = content?.text ?? '';
  const body = content?.encoding === 'base64' ? new Uint8Array(Buffer.from(text, 'base64')) : new TextEncoder().encode(text);
  return {
    status: entry.response.status,
    statusText: entry.response.statusText ?? '',
    // HTTP/2 pseudo-headers (":status") are not headers a CORS check reads.
    headers: entry.response.headers.filter((h) => !h.name.startsWith(':')).map((h) => [h.name, h.value] as [string, string]),
    body,
  };
}
