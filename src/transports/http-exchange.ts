/**
 * One HTTP/1.1 exchange through Node's own HTTP client: the request goes out with its headers in order (case and
 * repeats kept), the response comes back with `rawHeaders` as received, the body read up to a limit. Used over a
 * real socket (`fromUrl`) and over an in-memory connection to an in-process app (`fromNodeHandler`).
 */
import type * as http from 'node:http';
import { LARGEST_RESPONSE_HEAD_BYTES } from '../engines/index.js';
import { type CorsproofError, LocalResourceError, TransportError } from '../errors.js';
import type { TransportContext, WireRequest, WireResponse } from '../types.js';
import { BodyCollector } from './body.js';
import { abortError, withDeadline } from './deadline.js';
import type { HostPool } from './host-pool.js';
import { handlerError } from './thrown.js';
import { hasHeader, type HeaderPairs, pairsFromRawHeaders } from './raw-headers.js';
import { rememberRawBytes } from '../raw-bytes.js';

export interface HttpExchangeSettings {
  timeoutMs: number;
  maxBodyBytes: number;
  /**
   * Start the request: `headers` are the ones to send, in order, `Host` and `Content-Length` included; `parsing`
   * goes into the request options as it is (how the response is read).
   */
  open(target: URL, method: string, headers: HeaderPairs, parsing: ResponseParsing): http.ClientRequest;
  /** Drop the connection after every exchange and wait for it to close (no pooled sockets left open). */
  closeAfter: boolean;
  /** Explain a failed connection better than the socket error can (e.g. "the app threw"). */
  explain?(socket: unknown): TransportError | undefined;
  /** Limit the connections per host (real sockets): wait for a free one first. */
  pool?: HostPool;
  /**
   * Keep the bytes the connection delivered beside the outcome (src/raw-bytes.ts), for the engines to read as their
   * own network stacks do: only on a connection of this exchange's own (`closeAfter`), which carries nothing else.
   */
  keepRawBytes?: boolean;
}

/** The request options that decide how Node reads a response. */
export interface ResponseParsing {
  insecureHTTPParser: boolean;
  maxHeaderSize: number;
}

/**
 * How the response is read. The parser is Node's in its lenient mode, because browsers read what the strict one
 * refuses: control bytes in header values (recorded: script reads them), header lines ending in a bare LF.
 * Heads are read up to the largest any browser engine accepts; each engine then applies its own limit
 * (`maxResponseHeadBytes`). Node's default, 16 KiB, would turn a 40 KB Content-Security-Policy into an error.
 */
const RESPONSE_PARSING: ResponseParsing = { insecureHTTPParser: true, maxHeaderSize: LARGEST_RESPONSE_HEAD_BYTES };

/**
 * Send `wire` and read its response, within the deadline. Failures are `TransportError`s, or a
 * `LocalResourceError` when this machine could not open the connection (`EMFILE`, `EADDRNOTAVAIL`, ...).
 */
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
  const send = (): Promise<WireResponse> =>
    withDeadline(context, settings.timeoutMs, what, (signal) => exchange(wire, target, signal(), settings), { awaitWorkOnAbort: true });
  const pool = settings.pool;
  if (!pool) return send();
  return queue(pool, target.origin, context, what).then((release) => send().finally(release));
}

/**
 * Wait for a connection slot to `origin`. The wait holds the caller's deadline (the timeout measures the
 * server, not this queue); the caller's signal still ends it.
 */
async function queue(pool: HostPool, origin: string, context: TransportContext | undefined, what: string): Promise<() => void> {
  const signal = context?.signal ?? NEVER;
  const load = pool.load(origin);
  const resume = load.active < pool.perHost && load.waiting === 0 ? undefined : context?.hold?.();
  try {
    return await pool.acquire(origin, signal);
  } catch (reason) {
    throw abortError(reason, what);
  } finally {
    resume?.();
  }
}

const NEVER = new AbortController().signal;

/**
 * A token no header value carries by chance, to stand in for a raw value until the head is written. Not a
 * secret, so no node:crypto (which the first verdict on an in-process target would otherwise load).
 */
let placeholderCount = 0;
function rawPlaceholder(): string {
  placeholderCount = (placeholderCount + 1) % Number.MAX_SAFE_INTEGER;
  return `corsproof-raw-${placeholderCount.toString(36)}-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`;
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

type Outcome = { ok: true; value: WireResponse } | { ok: false; error: CorsproofError };

/** Node's client refuses these bytes in a header value (ERR_INVALID_CHAR). Browsers send all but NUL, CR and LF. */
const NODE_REFUSES = /[^\t\x20-\x7e\x80-\xff]/;
const NEVER_SENT = /[\0\r\n]/;

/**
 * Header values with control bytes Node's client refuses but browsers send as they are (recorded: every byte
 * except NUL, CR and LF reaches the server unchanged). Such values go to Node as placeholders, which
 * `writeRawValues` then replaces in the serialized head, so the bytes go out exactly as given. NUL, CR and LF
 * are never written (they would split the head): Node refuses them, and the exchange fails before sending.
 */
function placeholders(pairs: HeaderPairs): { headers: HeaderPairs; raw: Array<[string, string]> } {
  const raw: Array<[string, string]> = [];
  const headers = pairs.map(([name, value]): [string, string] => {
    if (!NODE_REFUSES.test(value) || NEVER_SENT.test(value)) return [name, value];
    const placeholder = rawPlaceholder();
    raw.push([placeholder, value]);
    return [name, placeholder];
  });
  return { headers, raw };
}

/**
 * Put the raw values in place of their placeholders in the head Node serializes (`_header`, made now if the
 * request has not made it yet). False if this request object does not work that way (an interceptor's).
 */
function writeRawValues(request: http.ClientRequest, raw: Array<[string, string]>): boolean {
  const holder = request as unknown as { _header?: unknown; _implicitHeader?: () => void };
  if (typeof holder._header !== 'string' && typeof holder._implicitHeader === 'function') holder._implicitHeader();
  if (typeof holder._header !== 'string') return false;
  let head: string = holder._header;
  for (const [placeholder, value] of raw) {
    if (!head.includes(placeholder)) return false;
    head = head.replace(placeholder, () => value);
  }
  holder._header = head;
  return true;
}

/** The URL without `user:password@`: Node would turn them into an `Authorization` header the wire record lacks. */
function withoutCredentials(target: URL): URL {
  if (target.username === '' && target.password === '') return target;
  const bare = new URL(target.href);
  bare.username = '';
  bare.password = '';
  return bare;
}

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
    // The bytes the connection delivered, kept for an exchange that ended with the connection (not one given up on:
    // a server that hangs mid-response is a timeout for every engine).
    const wireBytes = settings.keepRawBytes ? new RawBytes(settings.maxBodyBytes) : undefined;
    const settle = (result: Outcome, ended = true): void => {
      if (outcome) return;
      outcome = result;
      const bytes = ended && !(result.ok && result.value.bodyTruncated) ? wireBytes?.bytes() : undefined;
      if (bytes !== undefined) rememberRawBytes(result.ok ? result.value : result.error, bytes);
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
    const failWith = (error: CorsproofError): void => {
      settle({ ok: false, error: settings.explain?.(request?.socket) ?? error });
    };
    const onAbort = (): void => settle({ ok: false, error: signal.reason as TransportError }, false);

    try {
      const { headers, raw } = placeholders(outgoingHeaders(wire, target));
      request = settings.open(withoutCredentials(target), wire.method, headers, RESPONSE_PARSING);
      if (raw.length > 0 && !writeRawValues(request, raw)) {
        request.destroy();
        throw new Error('this HTTP client does not let header values with control bytes through');
      }
    } catch (cause) {
      const local = localError(cause, what, target);
      settle({ ok: false, error: local ?? new TransportError('network', `Cannot send ${what}: ${describeError(cause)}.`, { cause }) });
      return;
    }
    signal.addEventListener('abort', onAbort, { once: true });

    // Before Node's parser, which may end the exchange on the very chunk it reads.
    // (A request interceptor's stand-in socket may not be a stream: then nothing is kept.)
    if (wireBytes) request.on('socket', (socket) => (socket as Partial<typeof socket>).prependListener?.('data', (chunk: Buffer) => wireBytes.add(chunk)));
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

/** The bytes a connection delivered, up to a bound past which none are kept (the transport cut the body anyway). */
class RawBytes {
  private readonly collector: BodyCollector;
  /** Past the bound, or a chunk that is not bytes (a stand-in socket's): nothing is kept, the transport's reading stands. */
  private dropped = false;

  constructor(maxBodyBytes: number) {
    this.collector = new BodyCollector(maxBodyBytes + LARGEST_RESPONSE_HEAD_BYTES + 64 * 1024);
  }

  add(chunk: Buffer): void {
    if (!this.dropped) this.dropped = !ArrayBuffer.isView(chunk) || !this.collector.add(chunk);
  }

  /** Everything delivered, or none when nothing came or more than the bound did. */
  bytes(): Uint8Array | undefined {
    if (this.dropped || this.collector.length === 0) return undefined;
    return this.collector.result().body;
  }
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

/** What this machine ran out of, by system error code. */
const LOCAL_RESOURCES: Readonly<Record<string, string>> = {
  EMFILE: 'this process has as many files and sockets open as it may',
  ENFILE: 'the system has as many files and sockets open as it may',
  EADDRNOTAVAIL: 'no local address or port is free for a new connection',
  EADDRINUSE: 'the local address and port are already in use',
  ENOBUFS: 'the system is out of network buffers',
  ENOMEM: 'the system is out of memory',
};

/** A `LocalResourceError` when `error` is this machine running out of something, else null. */
export function localError(error: unknown, what: string, target: URL): LocalResourceError | null {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (typeof code !== 'string' || !Object.hasOwn(LOCAL_RESOURCES, code)) return null;
  return new LocalResourceError(
    code,
    `Could not send ${what}: ${LOCAL_RESOURCES[code]} (${code}). The request never reached ${target.host}: this is a limit of this machine, not an answer from the server. Make fewer requests at once${code === 'EMFILE' || code === 'ENFILE' ? ', or raise the limit on open files (ulimit -n)' : ''}.`,
    { cause: error },
  );
}

/**
 * Turn a socket, parser, TLS or nock error into a `TransportError` saying what happened and what to check, or a
 * `LocalResourceError` when this machine ran out of something.
 */
export function classify(error: Error, what: string, target: URL): TransportError | LocalResourceError {
  if (error instanceof TransportError) return error;
  const local = localError(error, what, target);
  if (local) return local;
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
