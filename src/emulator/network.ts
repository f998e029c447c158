/**
 * Putting one request on the wire through a transport, with a deadline. A transport that throws, hangs or
 * answers garbage yields a failure record, never an exception out of the emulator. The one exception is a
 * `LocalResourceError`: this machine ran out of file descriptors or ports, the request never reached the
 * server, so there is nothing to judge; it rejects, and `simulate` with it.
 */
import { deadlineExpired, LocalResourceError, TransportError } from '../errors.js';
import { isHttpWhitespace, normalizeHeaderValue } from '../spec/http.js';
import type { EngineProfile } from '../engines/index.js';
import type { EngineName, Exchange, NetworkFailure, Transport, TransportContext, WireRequest, WireResponse } from '../types.js';
import { rawBytesOf } from '../raw-bytes.js';
import { isPlainResponse, readRawResponse } from './raw-response.js';
import { sameBytes } from './body.js';
import { startDeadline, type Deadline } from './deadlines.js';
import { headFacts, refusedResponse, type HeadFacts } from './response-head.js';
import type { ResponseViews } from './filter.js';

/**
 * A request's outcome. `views` and `head`: what script sees of the response (filter.ts) and what the engines' refusals
 * look at in its head (response-head.ts), filled by the first engine judging it: engines sharing one exchange work
 * them out once.
 */
export type SendResult = ({ ok: true; response: WireResponse; views: ResponseViews; head: HeadFacts | undefined } | { ok: false; failure: NetworkFailure }) & {
  /** The bytes the connection delivered, when the transport kept them (src/raw-bytes.ts): each engine reads them. */
  raw?: Uint8Array;
  /** Each engine's reading of `raw` (raw-response.ts), worked out once per engine. */
  readings?: Partial<Record<EngineName, SendResult>>;
  /** Whether `raw` is a plain response every engine reads as the transport did (`isPlainResponse`), worked out once. */
  plain?: boolean;
};

/**
 * How one engine's fetch puts a request on the wire and gets its outcome: `sendWithDeadline` over the transport,
 * or a participant in a shared conversation (shared-exchange.ts), which sends each distinct request once for
 * every engine.
 */
export type Sender = (wire: WireRequest) => Promise<SendResult>;

/** The sender of one engine alone: every request goes to `transport`, with the deadline `timeoutMs`. */
export function senderFor(transport: Transport, timeoutMs: number): Sender {
  return (wire) => sendWithDeadline(transport, wire, timeoutMs);
}

export function sendWithDeadline(transport: Transport, wire: WireRequest, timeoutMs: number): Promise<SendResult> {
  return new Promise<SendResult>((resolve, reject) => new PendingSend(transport, wire, timeoutMs, resolve, reject));
}

/**
 * One exchange in flight, and the transport's context for it. Whichever comes first settles it: the transport's
 * answer, or the deadline (which also aborts the transport's signal, so a transport that honours it releases what
 * it holds). One object rather than a closure per step: an in-process exchange takes microseconds, and this runs
 * for every request of every engine.
 */
class PendingSend implements TransportContext {
  /**
   * Made when the transport first reads `signal`: many transports never do, and an AbortSignal is an event target
   * that costs more to make than a simple in-process exchange. Read after the deadline, it comes already aborted.
   */
  private controller: AbortController | undefined;
  private expired: TransportError | undefined;
  private settled = false;
  /** A transport waiting for a local resource (a free connection to the host) holds the deadline (see hold). */
  private held = false;
  private timer: Deadline;

  constructor(
    transport: Transport,
    wire: WireRequest,
    private readonly timeoutMs: number,
    private readonly resolve: (result: SendResult) => void,
    private readonly reject: (error: unknown) => void,
  ) {
    this.timer = startDeadline(timeoutMs, this.expire);
    let sending: Promise<WireResponse>;
    try {
      sending = Promise.resolve(transport.send(wire, this));
    } catch (error) {
      sending = Promise.reject(error);
    }
    sending.then(this.answered, this.failed);
  }

  get signal(): AbortSignal {
    if (this.controller === undefined) {
      this.controller = new AbortController();
      if (this.expired) this.controller.abort(this.expired);
    }
    return this.controller.signal;
  }

  get deadline(): number | undefined {
    return this.held ? undefined : this.timer.at;
  }

  /** The deadline stops while the transport waits for a local resource; the returned call starts it again, in full. */
  hold(): () => void {
    if (!this.settled && !this.held) {
      this.held = true;
      this.timer.cancel();
    }
    return () => this.resume();
  }

  private resume(): void {
    if (!this.held) return;
    this.held = false;
    if (!this.settled) this.timer = startDeadline(this.timeoutMs, this.expire);
  }

  private readonly expire = (): void => {
    if (this.settled) return;
    this.settled = true;
    this.expired = deadlineExpired(this.timeoutMs);
    this.controller?.abort(this.expired);
    this.resolve({ ok: false, failure: { kind: 'timeout', ms: this.timeoutMs } });
  };

  private finish(result: SendResult): void {
    if (this.settled) return;
    this.settled = true;
    this.timer.cancel();
    this.resolve(result);
  }

  private readonly answered = (response: WireResponse): void => {
    let result: SendResult;
    try {
      const problem = validateResponse(response);
      result = problem ? { ok: false, failure: problem } : { ok: true, response: normalizeResponse(response), views: [], head: undefined };
      const raw = rawBytesOf(response);
      if (raw !== undefined) result.raw = raw;
    } catch (error) {
      // A response object whose fields throw when read (a getter, a revoked proxy) is garbage on the wire.
      result = { ok: false, failure: { kind: 'invalid-response', problem: 'unreadable', value: error instanceof Error ? error.message : String(error) } };
    }
    this.finish(result);
  };

  private readonly failed = (error: unknown): void => {
    if (error instanceof LocalResourceError && !this.settled) {
      this.settled = true;
      this.timer.cancel();
      this.reject(error);
      return;
    }
    const result: SendResult = { ok: false, failure: failureOf(error, this.timeoutMs) };
    const raw = rawBytesOf(error);
    if (raw !== undefined) result.raw = raw;
    this.finish(result);
  };
}

/**
 * Put one request on the wire as the engine's network stack does (`EngineProfile.network`), recording each
 * exchange in `exchanges`: a 408 is resent once where the engine does so, a 407 from a server (no proxy here)
 * fails where the engine refuses it, and a response head the engine does not read (too large, NUL bytes: see
 * response-head.ts) is a network error before any check. Returns the last exchange and its result.
 */
export function sendAsEngine(
  engine: EngineProfile,
  send: Sender,
  wire: WireRequest,
  exchanges: Exchange[],
  kind: Exchange['kind'],
  attempt = 0,
): Promise<{ exchange: Exchange; sent: SendResult }> {
  const exchange: Exchange = { kind, request: wire };
  exchanges.push(exchange);
  // (A `then`, not an async function: one promise less per request on the wire.)
  return send(wire).then((outcome) => {
    let sent = outcome.raw !== undefined && engine.http1 !== undefined ? readingOf(engine, outcome, wire.method) : outcome;
    // A preflight whose body the engine reads first (WebKit) fails when that body does.
    if (kind === 'preflight' && sent.ok && sent.response.bodyError !== undefined && engine.http1?.preflightReadsBody) {
      sent = { ok: false, failure: { kind: 'refused-head', problem: sent.response.bodyError, engine: engine.name } };
    }
    if (!sent.ok) {
      exchange.error = sent.failure;
      return { exchange, sent };
    }
    exchange.response = sent.response;
    const status = sent.response.status;
    if (status === 408 && engine.network.resendsOn408 && attempt === 0) return sendAsEngine(engine, send, wire, exchanges, kind, 1);
    if (status === 407 && engine.network.proxyAuthFromServerFails) {
      const failure: NetworkFailure = { kind: 'status', status };
      return { exchange, sent: { ok: false, failure } };
    }
    const refused = refusedResponse(sent.response, engine, (sent.head ??= headFacts(sent.response)));
    if (refused !== null) return { exchange, sent: { ok: false, failure: refused } };
    return { exchange, sent };
  });
}

/**
 * The outcome as `engine` reads the bytes the connection delivered (raw-response.ts): the transport's own outcome
 * when the engine reads the same response, so engines that agree still share what script sees of it.
 */
function readingOf(engine: EngineProfile, outcome: SendResult, method: string): SendResult {
  // (Most responses are plain: every engine reads them as the transport did, with nothing to re-read.)
  if (outcome.ok && (outcome.plain ??= isPlainResponse(outcome.raw!))) return outcome;
  const readings = (outcome.readings ??= {});
  let reading = readings[engine.name];
  if (reading === undefined) {
    let read: ReturnType<typeof readRawResponse>;
    try {
      read = readRawResponse(outcome.raw!, method, engine.http1!);
    } catch {
      // (The readers are fuzzed never to throw: test/robustness/raw-heads.test.ts.) Should one still, the transport's
      // outcome stands rather than the check failing.
      return (readings[engine.name] = outcome);
    }
    if (!read.ok) reading = { ok: false, failure: { kind: 'refused-head', ...read.problem, engine: engine.name } as NetworkFailure };
    else if (outcome.ok && sameResponse(outcome.response, read.response)) reading = outcome;
    else reading = { ok: true, response: read.response, views: [], head: undefined };
    readings[engine.name] = reading;
  }
  return reading;
}

function sameResponse(a: WireResponse, b: WireResponse): boolean {
  if (a.status !== b.status || a.statusText !== b.statusText || a.bodyError !== b.bodyError || a.headers.length !== b.headers.length) return false;
  for (let k = 0; k < a.headers.length; k++) if (a.headers[k][0] !== b.headers[k][0] || a.headers[k][1] !== b.headers[k][1]) return false;
  return sameBytes(a.body, b.body);
}

/**
 * What a transport's failure was: the target's own exception (a `TransportError` of kind `handler` carries it
 * as its cause), a timeout, or a failure of the transport itself.
 */
function failureOf(error: unknown, timeoutMs: number): NetworkFailure {
  if (error instanceof TransportError) {
    if (error.kind === 'timeout') return { kind: 'timeout', ms: timeoutMs };
    if (error.kind === 'handler') return targetFailure(error.cause ?? error, error.message);
    if (error.kind === 'not-sent') return { kind: 'not-sent', message: error.message };
    return { kind: 'transport', error: error.kind, message: error.message };
  }
  // A transport that throws anything else (a user's own Transport, a bug in one) failed as a transport.
  return { kind: 'transport', error: 'network', message: error instanceof Error ? error.message : String(error) };
}

function targetFailure(cause: unknown, context: string): NetworkFailure {
  // Duck-typed: an error from another realm (a DOM test environment, a VM context) is no `instanceof Error` here.
  if (cause !== null && typeof cause === 'object' && typeof (cause as Error).message === 'string') {
    const { name, message, stack } = cause as Error;
    return { kind: 'target', name: typeof name === 'string' ? name : 'Error', message, ...(typeof stack === 'string' ? { stack } : {}), context };
  }
  return { kind: 'target', name: typeof cause, message: String(cause), context };
}

function validateResponse(response: unknown): NetworkFailure | null {
  if (response === null || typeof response !== 'object') return { kind: 'invalid-response', problem: 'not-a-response', value: String(response) };
  const r = response as Partial<WireResponse>;
  if (!Number.isInteger(r.status) || (r.status as number) < 100 || (r.status as number) > 999) return { kind: 'invalid-response', problem: 'status', value: String(r.status) };
  if (!Array.isArray(r.headers)) return { kind: 'invalid-response', problem: 'header-list' };
  for (const entry of r.headers) {
    if (!Array.isArray(entry) || typeof entry[0] !== 'string' || typeof entry[1] !== 'string') return { kind: 'invalid-response', problem: 'header-list' };
  }
  return null;
}

/** What an HTTP parser does to field values: strip leading and trailing whitespace. */
function normalizeResponse(response: WireResponse): WireResponse {
  let dirty = false;
  for (const [, v] of response.headers) {
    if (v.length && (isHttpWhitespace(v.charCodeAt(0)) || isHttpWhitespace(v.charCodeAt(v.length - 1)))) {
      dirty = true;
      break;
    }
  }
  const body = response.body instanceof Uint8Array ? response.body : new Uint8Array(0);
  if (!dirty && body === response.body && typeof response.statusText === 'string') return response;
  return {
    ...response,
    statusText: typeof response.statusText === 'string' ? response.statusText : '',
    headers: dirty ? response.headers.map(([n, v]) => [n, normalizeHeaderValue(v)]) : response.headers,
    body,
  };
}
