/**
 * A live server over real sockets, with `node:http` / `node:https`. Chosen over global `fetch` so the raw
 * response is kept as it came (repeated headers in order, no redirect following, no decompression). Since
 * nock intercepts `node:http`, this is also the nock adapter (`fromNock`).
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { InvalidArgumentError } from '../errors.js';
import type { Transport } from '../types.js';
import { httpExchange } from './http-exchange.js';
import { parseHttpUrl, resolveOptions, type TransportOptions } from './options.js';

export interface UrlOptions extends TransportOptions {
  /**
   * The `http.Agent` / `https.Agent` to send with (e.g. `new https.Agent({ ca })` for a self-signed server).
   * Default: a fresh connection per request, closed after the response, so nothing is left open.
   */
  agent?: http.Agent | false;
}

const URL_FIX = 'Pass an absolute URL such as "http://127.0.0.1:3000" or "https://api.example".';

/** A transport that sends each request over a real connection to the URL it names; `base` is the base URL. */
export function fromUrl(base: string | URL, options?: UrlOptions): Transport {
  const url = parseHttpUrl(base, 'target URL', URL_FIX);
  const settings = resolveOptions(options, 'fromUrl', ['timeoutMs', 'maxBodyBytes', 'agent']);
  const agent = options?.agent ?? false;
  if (agent !== false && !(agent instanceof http.Agent)) {
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
        open: (target, requestOptions) =>
          (target.protocol === 'https:' ? https : http).request(target, { ...requestOptions, agent }),
      }),
  };
}

/**
 * The nock adapter. nock intercepts `node:http`, so requests reach the active nock scopes; this is `fromUrl`
 * named for nock. A request no scope matches fails with a `network` `TransportError` carrying nock's message.
 */
export function fromNock(baseUrl: string | URL, options?: UrlOptions): Transport {
  const transport = fromUrl(baseUrl, options);
  return { ...transport, name: `nock ${new URL(transport.baseUrl as string).origin}` };
}
