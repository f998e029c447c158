/**
 * The gate: the one request handler MSW consults first under `enforceCors`. For each request MSW intercepts it
 * finds what the page sent, runs it through the emulator against the test's own handlers (the preflight the
 * browser would send included, answered by the same handlers), and answers MSW with what the client may see:
 * the readable response, or a network error. Requests it does not judge go back to MSW untouched:
 * same-origin requests, and requests no handler answers (MSW's `onUnhandledRequest` then applies) or a handler
 * passes through.
 */
import { simulate } from '../simulate.js';
import type { EngineProfile } from '../engines/index.js';
import { TransportError } from '../errors.js';
import type { PreflightCache } from '../emulator/preflight-cache.js';
import { makeServerRequest, serverClasses } from '../platform.js';
import { fromPlatformResponse, readHead } from '../transports/wire.js';
import type { CorsRequest, FilteredResponse, Transport, Verdict, WireRequest, WireResponse } from '../types.js';
import { anyHandlerMatches, defineHandler, isPassthroughResponse, runHandlers, type CorsproofHandler, type MswRunArgs, type MswRunResult, type RunnableHandler } from './msw-handler.js';
import type { NodeCalls, PageCall, PageCalls } from './page-calls.js';
import { pageRequestOf, type HeaderList, type PageRequest } from './page-request.js';

export interface GateSettings {
  origin: string;
  engine: EngineProfile;
  cache: PreflightCache;
  timeoutMs: number;
  calls: PageCalls;
  /** Requests made with Node's http module (no page call to say what the page sent). */
  nodeCalls?: NodeCalls;
  /** The test's request handlers, as MSW has them now (the gate left out). */
  handlers(): RunnableHandler[];
  /** A request the gate takes on, made by the page at `order` (none: now): returns its place in the list. */
  begin(order?: number): object;
  /** A verdict, in the place `begin` gave (`null`: nothing judged after all). */
  settle(slot: object, verdict: Verdict | null, call: PageCall | undefined): void;
}

const GATE = Symbol.for('corsproof.gate');

export function isGate(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { [GATE]?: boolean })[GATE] === true;
}

export function createGate(settings: GateSettings): CorsproofHandler {
  const taken = new WeakSet<Request>();
  const gate: CorsproofHandler = defineHandler('corsproof enforceCors', async (args) => {
    const { request } = args;
    // The gate sits first, and `server.use()` puts it first again: a later copy lets a taken request by.
    if (taken.has(request)) return null;
    const call = settings.calls.current(request, true);
    if (call && isClientPreflight(request, call.request)) {
      taken.add(request);
      return answer(gate, args, clientPreflightAnswer(request));
    }
    const page = call?.request ?? pageRequestOf(request);
    if (sameOrigin(page.url, settings.origin)) return null;
    taken.add(request);
    const owner = call ?? settings.nodeCalls?.claim(request);
    const slot = settings.begin(call?.order);
    let outcome: ExchangeOutcome;
    try {
      outcome = await judge(page, args, settings);
    } catch (error) {
      settings.settle(slot, null, call);
      throw error;
    }
    if (outcome.kind !== 'verdict') {
      settings.settle(slot, null, call);
      if (owner) owner.outcome = { kind: 'msw' };
      // No handler: MSW goes on and finds none either (its onUnhandledRequest applies). Passed through: a match
      // without a response, which MSW performs as is.
      return outcome.kind === 'unhandled' ? null : { handler: gate, request, requestId: args.requestId, response: undefined };
    }
    const { verdict } = outcome;
    if (owner) owner.outcome = { kind: 'verdict', verdict };
    settings.settle(slot, verdict, call);
    if (!verdict.allowed || !verdict.response) {
      // The fetch wrapper rejects on its own; the environment's fetch gets a plain answer, so that a DOM library
      // does not report a network error of its own (happy-dom prints one). Every other client needs the error.
      return answer(gate, args, call?.client === 'fetch' ? emptyAnswer() : networkError());
    }
    return answer(outcome.handler ?? gate, args, clientResponse(verdict.response, outcome.body, call?.client === 'fetch' ? null : request.headers.get('origin')));
  });
  Object.defineProperty(gate, GATE, { value: true });
  return gate;
}

function answer(handler: unknown, args: MswRunArgs, response: Response): MswRunResult {
  return { handler, request: args.request, requestId: args.requestId, response };
}

function sameOrigin(url: string, origin: string): boolean {
  try {
    return new URL(url).origin === origin;
  } catch {
    return true;
  }
}

/**
 * A preflight the test environment's own client sends (jsdom's XMLHttpRequest does): an `OPTIONS` announcing the
 * page call's method, which no page's script can send itself.
 */
function isClientPreflight(request: Request, page: PageRequest): boolean {
  return request.method === 'OPTIONS' && page.method !== 'OPTIONS' && request.headers.get('access-control-request-method') === page.method;
}

/** Let the environment's own CORS machinery through: the verdict is corsproof's alone. */
function clientPreflightAnswer(request: Request): Response {
  const { Response } = serverClasses();
  const headers: HeaderList = [
    ['access-control-allow-origin', request.headers.get('origin') ?? '*'],
    ['access-control-allow-methods', request.headers.get('access-control-request-method') ?? '*'],
    ['access-control-max-age', '0'],
  ];
  if (request.headers.has('origin')) headers.push(['access-control-allow-credentials', 'true']);
  const asked = request.headers.get('access-control-request-headers');
  if (asked) headers.push(['access-control-allow-headers', asked]);
  return new Response(null, { status: 204, headers });
}

/** A network error, as MSW and its interceptors give one to every client (`Response.error()` of their realm). */
function networkError(): Response {
  const PageResponse = (globalThis as { Response?: typeof Response }).Response ?? serverClasses().Response;
  return PageResponse.error();
}

function emptyAnswer(): Response {
  return new (serverClasses().Response)(null, { status: 204 });
}

const NULL_BODY = new Set([101, 103, 204, 205, 304]);

/**
 * What MSW hands the environment's client for an allowed request: the readable headers only and the body. Where
 * the client runs CORS checks of its own (it sent `Origin`: jsdom's XMLHttpRequest), they are told to pass and to
 * expose exactly the readable headers; the XMLHttpRequest wrapper shows script nothing else. The fetch wrapper
 * hands script this very response, so it gets nothing more.
 */
function clientResponse(filtered: FilteredResponse, body: ReadableStream<Uint8Array> | null, clientOrigin: string | null): Response {
  const { Response } = serverClasses();
  const opaque = filtered.type === 'opaque' || filtered.type === 'opaqueredirect';
  const headers: HeaderList = opaque ? [] : Object.entries(filtered.headers);
  if (clientOrigin !== null && !opaque) {
    const origin = clientOrigin;
    headers.push(['access-control-allow-origin', origin], ['access-control-allow-credentials', 'true']);
    const names = Object.keys(filtered.headers);
    if (names.length) headers.push(['access-control-expose-headers', names.join(', ')]);
  }
  const status = opaque || filtered.status < 200 || filtered.status > 599 ? 200 : filtered.status;
  const empty = opaque || NULL_BODY.has(status);
  if (empty && body) void body.cancel().catch(() => undefined);
  return new Response(empty ? null : (body ?? (filtered.body as Uint8Array<ArrayBuffer>)), { status, statusText: opaque ? '' : filtered.statusText, headers });
}

type ExchangeOutcome =
  | { kind: 'verdict'; verdict: Verdict; body: ReadableStream<Uint8Array> | null; handler?: unknown }
  | { kind: 'unhandled' }
  | { kind: 'passthrough' };

/** Run the page's request through the emulator, its exchanges answered by the test's handlers. */
async function judge(page: PageRequest, args: MswRunArgs, settings: GateSettings): Promise<ExchangeOutcome> {
  const { request } = args;
  let body: Uint8Array<ArrayBuffer> | undefined;
  const headers: HeaderList = [...page.headers];
  if (page.hasBody) {
    body = new Uint8Array(await request.clone().arrayBuffer());
    // The implied Content-Type (a string's text/plain, a FormData's multipart boundary) is the client's doing.
    const type = request.headers.get('content-type');
    if (type !== null && !headers.some(([n]) => n.toLowerCase() === 'content-type')) headers.push(['Content-Type', type]);
  }
  const exchange = new HandlerExchange(settings.handlers(), args, page);
  const corsRequest: CorsRequest = {
    url: page.url,
    origin: settings.origin,
    method: page.method,
    headers,
    mode: page.mode,
    credentials: page.credentials,
    redirect: page.redirect,
    ...(body && body.byteLength > 0 && page.method !== 'GET' && page.method !== 'HEAD' ? { body } : {}),
  };
  const verdict = await simulate(corsRequest, { transport: exchange, engine: settings.engine.name, preflightCache: settings.cache, timeoutMs: settings.timeoutMs });
  if (exchange.thrown !== undefined) throw exchange.thrown.error;
  if (exchange.unanswered) return { kind: exchange.unanswered };
  return { kind: 'verdict', verdict, body: verdict.allowed ? exchange.lastBody : null, handler: exchange.lastHandler };
}

/**
 * The emulator's transport for one page request: every exchange (preflight, actual request, redirect hop) is
 * answered by the test's handlers, run as MSW runs them, with a server-side request carrying exactly the wire's
 * headers. The actual response's body is kept as a stream and handed on, never read here.
 */
class HandlerExchange implements Transport {
  readonly name = 'msw';
  /** Set when the page's request is MSW's to handle: no handler matched it, or one passed it through. */
  unanswered: 'unhandled' | 'passthrough' | undefined;
  /** A handler threw: MSW reports it as it would without corsproof. */
  thrown: { error: unknown } | undefined;
  lastBody: ReadableStream<Uint8Array> | null = null;
  lastHandler: unknown;
  private sentActual = false;
  private ids = 0;

  constructor(
    private readonly handlers: RunnableHandler[],
    private readonly args: MswRunArgs,
    private readonly page: PageRequest,
  ) {}

  async send(wire: WireRequest, context: { signal: AbortSignal }): Promise<WireResponse> {
    const preflight = wire.method === 'OPTIONS' && wire.headers.some(([n]) => n.toLowerCase() === 'access-control-request-method');
    const actual = !preflight && !this.sentActual;
    if (!preflight) this.sentActual = true;
    const request = makeServerRequest(wire.url, { method: wire.method, headers: wire.headers, body: wire.body, redirect: 'manual', signal: context.signal });
    const requestId = actual ? this.args.requestId : `${this.args.requestId}-${preflight ? 'preflight' : 'redirect'}-${++this.ids}`;
    let result: MswRunResult | null;
    try {
      result = await runHandlers(this.handlers, { request, requestId, resolutionContext: this.args.resolutionContext });
    } catch (error) {
      this.thrown = { error };
      throw new TransportError('handler', `An MSW handler threw for ${wire.method} ${wire.url}: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`, { cause: error });
    }
    const response = result?.response;
    if (!response || isPassthroughResponse(response)) return this.unanswered_(wire, preflight, actual, result !== null);
    if (preflight) return fromPlatformResponse(response);
    this.lastHandler = result?.handler;
    return this.keepBody(response);
  }

  private async unanswered_(wire: WireRequest, preflight: boolean, actual: boolean, matched: boolean): Promise<WireResponse> {
    if (preflight) {
      // A server with a route for the request but none for OPTIONS answers the preflight 404. With no route at
      // all, the request is MSW's unhandled request.
      const { url, method } = this.page;
      const request = makeServerRequest(url, { method, headers: this.page.headers, body: null });
      if (!(await anyHandlerMatches(this.handlers, request, this.args.resolutionContext))) return this.leave('unhandled', wire);
      return { status: 404, statusText: 'Not Found', headers: [], body: new Uint8Array(0) };
    }
    if (actual) return this.leave(matched ? 'passthrough' : 'unhandled', wire);
    throw new TransportError('network', `No MSW handler answered ${wire.method} ${wire.url} (a redirect target): add one for it.`);
  }

  private leave(kind: 'unhandled' | 'passthrough', wire: WireRequest): never {
    this.unanswered = kind;
    throw new TransportError('network', `${wire.method} ${wire.url} is MSW's to handle (${kind}).`);
  }

  /** The response's head for the emulator; its body stream kept for the client, unread. */
  private keepBody(response: Response): WireResponse {
    const head = readHead(response);
    if (this.lastBody) void this.lastBody.cancel().catch(() => undefined);
    this.lastBody = response.body;
    return { ...head, body: new Uint8Array(0) };
  }
}
