/**
 * One HTTP/1.1 exchange through Node's own HTTP client: the request goes out with its headers in order (case and
 * repeats kept), the response comes back with `rawHeaders` as received, the body read up to a limit. Used over a
 * real socket (`fromUrl`) and over an in-memory connection to an in-process app (`fromNodeHandler`).
 */
import type * as http from 'node:http';
import { TransportError } from '../errors.js';
import type { TransportContext, WireRequest, WireResponse } from '../types.js';
import { BodyCollector } from './body.js';
import { withDeadline } from './deadline.js';
import { handlerError } from './thrown.js';
import { hasHeader, type HeaderPairs, pairsFromRawHeaders } from './raw-headers.js';

export interface HttpExchangeSettings {
  timeoutMs: number;
  maxBodyBytes: number;
  /** Start the request: `headers` are the ones to send, in order, `Host` and `Content-Length` included. */
  open(target: URL, method: string, headers: HeaderPairs): http.ClientRequest;
  /** Drop the connection after every exchange and wait for it to close (no pooled sockets left open). */
  closeAfter: boolean;
  /** Explain a failed connection better than the socket error can (e.g. "the app threw"). */
  explain?(socket: unknown): TransportError | undefined;
}

/** Send `wire` and read its response, within the deadline. Failures are `TransportError`s. */
export function httpExchange(
  wire: WireRequest,
  context: TransportContext | undefined,
  settings: HttpExchangeSettings,
): Promise<WireResponse> {
  const what = `${wire.method} ${wire.url}`;
  let target: URL;
  try {
    target = new URL(wire.url);
  } catch (cause) {
    return Promise.reject(new TransportError('network', `Cannot send ${what}: not an absolute URL.`, { cause }));
  }
  if (target.protocol !== 'http:' && target.protocol !== 'https:') {
    return Promise.reject(new TransportError('network', `Cannot send ${what}: only http: and https: URLs can be sent.`));
  }
  return withDeadline(context, settings.timeoutMs, what, (signal) => exchange(wire, target, signal(), settings), {
    awaitWorkOnAbort: true,
  });
}

/** The request headers as they go out: the caller's, plus `Host` and `Content-Length` when missing. */
export function outgoingHeaders(wire: WireRequest, target: URL): HeaderPairs {
  const headers: HeaderPairs = [...wire.headers];
  if (!hasHeader(headers, 'host')) headers.unshift(['Host', target.host]);
  const body = wire.body;
  if (body && body.byteLength > 0 && !hasHeader(headers, 'content-length') && !hasHeader(headers, 'transfer-encoding')) {
    headers.push(['Content-Length', String(body.byteLength)]);
  }
  return headers;
}

/** How long a settled exchange waits for its connection's 'close' before delivering regardless. */
const CLOSE_GRACE_MS = 250;

type Outcome = { ok: true; value: WireResponse } | { ok: false; error: TransportError };

function exchange(wire: WireRequest, target: URL, signal: AbortSignal, settings: HttpExchangeSettings): Promise<WireResponse> {
  const what = `${wire.method} ${wire.url}`;
  const body = wire.body && wire.body.byteLength > 0 ? wire.body : null;

  return new Promise<WireResponse>((resolve, reject) => {
    let outcome: Outcome | undefined;
    let closed = false;
    let delivered = false;
    let request: http.ClientRequest | undefined;

    const deliver = (): void => {
      if (!outcome || delivered) return;
      delivered = true;
      if (outcome.ok) resolve(outcome.value);
      else reject(outcome.error);
    };
    const settle = (result: Outcome): void => {
      if (outcome) return;
      outcome = result;
      signal.removeEventListener('abort', onAbort);
      // A failed, aborted or truncated exchange drops its connection, and so does every exchange on a
      // connection of our own; then wait for it to close, so no handle outlives the exchange.
      const drop = settings.closeAfter || !result.ok || result.value.bodyTruncated === true;
      if (drop && !closed) request?.destroy();
      if (closed || !settings.closeAfter || !request) deliver();
      // A request interceptor's stand-in (nock 13) may never emit 'close' after an error: it holds no socket,
      // so after a short grace the outcome is delivered anyway.
      else {
        // A DOM test environment's setTimeout returns a number (nothing to unref).
        const grace = setTimeout(deliver, CLOSE_GRACE_MS) as { unref?: () => void };
        grace.unref?.();
      }
    };
    const failWith = (error: TransportError): void => {
      settle({ ok: false, error: settings.explain?.(request?.socket) ?? error });
    };
    const onAbort = (): void => settle({ ok: false, error: signal.reason as TransportError });

    try {
      request = settings.open(target, wire.method, outgoingHeaders(wire, target));
    } catch (cause) {
      settle({ ok: false, error: new TransportError('network', `Cannot send ${what}: ${describeError(cause)}.`, { cause }) });
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });

    request.on('error', (error) => failWith(classify(error, what, target)));
    let collector: BodyCollector | undefined;
    request.on('close', () => {
      closed = true;
      // Once a response is being read, its own 'end' or 'close' settles the exchange: some interceptors
      // (nock 14) close the request before the response has ended.
      if (!outcome && !collector) failWith(new TransportError('network', `The connection closed before ${what} got a response.`));
      deliver();
    });
    request.on('response', (response) => {
      const reading = new BodyCollector(settings.maxBodyBytes);
      collector = reading;
      const head = {
        status: response.statusCode ?? 0,
        statusText: response.statusMessage ?? '',
        headers: pairsFromRawHeaders(response.rawHeaders),
      };
      const done = (): void => {
        const { body: received, truncated } = reading.result();
        settle({ ok: true, value: truncated ? { ...head, body: received, bodyTruncated: true } : { ...head, body: received } });
      };
      response.on('data', (chunk: Buffer) => {
        if (outcome) return;
        // Past the body limit: keep what was read and drop the connection instead of reading the rest.
        if (!reading.add(chunk)) {
          done();
          response.destroy();
        }
      });
      response.on('end', done);
      response.on('error', (error) => failWith(midResponse(error, what, reading.length)));
      response.on('close', () => {
        if (!response.complete) failWith(midResponse(undefined, what, reading.length));
      });
    });
    request.end(body ?? undefined);
  });
}

function midResponse(error: Error | undefined, what: string, received: number): TransportError {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code?.startsWith('HPE_')) {
    return new TransportError(
      'protocol',
      `The response to ${what} broke HTTP framing after ${received} body bytes (${describeError(error)}).`,
      { cause: error },
    );
  }
  return new TransportError(
    'network',
    `The connection closed mid-response: ${what} got its status and headers but only ${received} body bytes before the server hung up${error ? ` (${describeError(error)})` : ''}.`,
    { cause: error },
  );
}

/** Turn a socket, parser, TLS or nock error into a `TransportError` saying what happened and what to check. */
export function classify(error: Error, what: string, target: URL): TransportError {
  if (error instanceof TransportError) return error;
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const where = target.host;
  const options = { cause: error };
  if (code === 'ECONNREFUSED') {
    return new TransportError(
      'network',
      `Connection refused by ${where} for ${what}: nothing is listening there. Is the server running on that port?`,
      options,
    );
  }
  if (code === 'ECONNRESET') {
    return new TransportError(
      'network',
      error.message === 'socket hang up'
        ? `The server at ${where} closed the connection without answering ${what} (socket hang up).`
        : `The connection to ${where} was reset (ECONNRESET) before ${what} got a response.`,
      options,
    );
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return new TransportError('network', `Cannot resolve the host ${target.hostname} for ${what} (${code}).`, options);
  }
  if (code.startsWith('HPE_')) {
    return new TransportError(
      'protocol',
      `The server at ${where} did not answer ${what} with valid HTTP (${describeError(error)}). Is an HTTP server listening on that port${target.protocol === 'http:' ? ', or does it expect https:' : ''}?`,
      options,
    );
  }
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || /wrong version number|packet length too long/i.test(error.message)) {
    return new TransportError(
      'protocol',
      `TLS with ${where} failed for ${what} (${describeError(error)}): the server probably speaks plain http:, not https:.`,
      options,
    );
  }
  if (/CERT|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_TLS/.test(code)) {
    return new TransportError(
      'network',
      `The TLS certificate of ${where} was rejected for ${what} (${describeError(error)}). To trust it, pass fromUrl(url, { agent: new https.Agent({ ca }) }).`,
      options,
    );
  }
  if (code === 'ERR_NOCK_NO_MATCH' || error.name === 'NetConnectNotAllowedError') {
    return new TransportError(
      'network',
      `nock did not answer ${what}: ${error.message}. Add an interceptor for it, or allow the connection.`,
      options,
    );
  }
  if (typeof (error as NodeJS.ErrnoException).code !== 'string') {
    // Sockets, TLS and the HTTP parser always give a code. An error without one was raised inside this process
    // by what intercepts the request: a nock reply function that threw, or nock's replyWithError().
    return handlerError(`${what} was failed inside this process by a request interceptor (nock?), not by the network`, error);
  }
  return new TransportError('network', `${what} failed: ${describeError(error)}.`, options);
}

export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const code = (error as NodeJS.ErrnoException).code;
  return code && !error.message.includes(code) ? `${code}: ${error.message}` : error.message;
}
