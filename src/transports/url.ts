/**
 * A live server over real sockets, with `node:http` / `node:https`. Chosen over global `fetch` so the raw
 * response is kept as it came (repeated headers in order, no redirect following, no decompression). Since
 * nock intercepts `node:http`, this is also the nock adapter (`fromNock`).
 */
import { decodeUtf8 } from '../platform.js';
// The modules' objects, not their namespaces: request interceptors (nock) replace `request` on them, and a call
// through the object sees the replacement whether this file runs as ESM or CommonJS.
import type http from 'node:http';
import { nodeHttp, nodeHttps } from '../node-builtins.js';
import { InvalidArgumentError, TransportError } from '../errors.js';
import type { Transport, WireResponse } from '../types.js';
import { sharedHostPool } from './host-pool.js';
import { httpExchange } from './http-exchange.js';
import { parseHttpUrl, resolveOptions, type TransportOptions } from './options.js';
import { combinedRecordFromPairs } from './raw-headers.js';

export interface UrlOptions extends TransportOptions {
  /**
   * The `http.Agent` / `https.Agent` to send with (e.g. `new https.Agent({ ca })` for a self-signed server).
   * Default: a fresh connection per request, closed after the response, so nothing is left open. Either way at
   * most 6 requests to one host are on the wire at once, as in a browser; the others wait their turn.
   */
  agent?: http.Agent | false;
}

const URL_FIX = 'Pass an absolute URL such as "http://127.0.0.1:3000" or "https://api.example".';

/** A transport that sends each request over a real connection to the URL it names; `base` is the base URL. */
export function fromUrl(base: string | URL, options?: UrlOptions): Transport {
  const url = parseHttpUrl(base, 'target URL', URL_FIX);
  const settings = resolveOptions(options, 'fromUrl', ['timeoutMs', 'maxBodyBytes', 'agent']);
  const agent = options?.agent ?? false;
  if (agent !== false && !(agent instanceof nodeHttp().Agent)) {
    throw new InvalidArgumentError(
      'fromUrl options.agent',
      'expected an http.Agent or https.Agent',
      'Pass `new https.Agent({ ca })` (or `new http.Agent()`), or leave it out for one connection per request.',
    );
  }
  return {
    name: `url ${url.origin}`,
    baseUrl: url.href,
    send: (wire, context) =>
      httpExchange(wire, context, {
        ...settings,
        closeAfter: agent === false,
        keepRawBytes: agent === false,
        pool: sharedHostPool,
        open: (target, method, headers, parsing) =>
          (target.protocol === 'https:' ? nodeHttps() : nodeHttp()).request(target, { method, headers: combinedRecordFromPairs(headers), agent, ...parsing }),
      }),
  };
}

export interface NockOptions extends UrlOptions {
  /**
   * What a request no nock interceptor matches gets. nock 15 answers it with a `501` and a JSON body
   * (`ERR_NOCK_NO_MATCH`). `'not-found'` (default) passes that answer on, as from a server without that route
   * (a preflight nobody mocked then fails the way it would against such a server); `'error'` turns it into a
   * `network` `TransportError` carrying nock's message.
   */
  onUnhandledRequest?: 'not-found' | 'error';
}

/**
 * The nock adapter: `fromUrl` named for nock. nock intercepts `node:http`, so requests reach the active nock
 * scopes (a plain URL target does too). With nock's net connect disabled, an unmatched request fails with a
 * `network` `TransportError` carrying nock's message.
 */
export function fromNock(baseUrl: string | URL, options: NockOptions = {}): Transport {
  const { onUnhandledRequest = 'not-found', ...urlOptions } = options ?? {};
  if (onUnhandledRequest !== 'not-found' && onUnhandledRequest !== 'error') {
    throw new InvalidArgumentError(
      'fromNock options.onUnhandledRequest',
      `expected "not-found" or "error", received ${JSON.stringify(onUnhandledRequest)}`,
      'Use "not-found" (pass nock\'s 501 on, the default) or "error" (fail the exchange).',
    );
  }
  const transport = fromUrl(baseUrl, urlOptions);
  return {
    name: `nock ${new URL(transport.baseUrl as string).origin}`,
    baseUrl: transport.baseUrl,
    send: async (wire, context) => {
      const response = await transport.send(wire, context);
      const unmatched = onUnhandledRequest === 'error' ? nockNoMatch(response) : null;
      if (unmatched !== null) {
        throw new TransportError('network', `nock did not answer ${wire.method} ${wire.url}: ${unmatched}. Add an interceptor for it.`);
      }
      return response;
    },
  };
}

/** nock's message when `response` is its answer to an unmatched request, else null. */
function nockNoMatch(response: WireResponse): string | null {
  if (response.status !== 501) return null;
  try {
    const parsed = JSON.parse(decodeUtf8(response.body)) as { code?: unknown; message?: unknown };
    return parsed.code === 'ERR_NOCK_NO_MATCH' ? String(parsed.message) : null;
  } catch {
    return null;
  }
}
