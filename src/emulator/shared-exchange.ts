/**
 * Every engine from one exchange. The engines run side by side over one conversation with the target: where two
 * engines put the same request on the wire (method, URL, headers with their case and order, body, byte for
 * byte, but for the headers that say which browser sends it: User-Agent, Accept-Language, client hints,
 * Sec-Fetch-*, Referer, Priority, the cache mode's headers) at the same point of the conversation (after the same
 * requests), it is sent once, as the first engine puts it, and its response is judged by each; where they differ
 * (a header only one engine lets through, a redirect one engine preflights again, another `Origin`), they part
 * and each sends its own from then on. Against a deterministic server the verdicts are those of separate runs
 * (unless it answers differently per User-Agent); a live API sees each distinct request once.
 */
import { ENGINE_IDENTITY_HEADERS } from '../engines/request-headers.js';
import { namesMatch } from '../spec/header-list.js';
import type { Transport, TransportContext, WireRequest, WireResponse } from '../types.js';
import { decodeWindows1252 } from '../platform.js';

/** A request sent from a point of the conversation: its response, and the point it leads to. */
interface Step {
  request: WireRequest;
  response: Promise<WireResponse>;
  point: Point;
  exchange: SharedSend;
}

/** A point of the conversation: the requests sent so far lead here; each next request leads to its own point. */
class Point {
  /** Few: one per distinct request the engines sent from here (at most one per engine). */
  readonly next: Step[] = [];

  find(request: WireRequest): Step | undefined {
    for (const step of this.next) if (sameWireRequest(step.request, request)) return step;
    return undefined;
  }
}

/**
 * One request on the wire, shared by the engines that sent it. Its signal aborts once every engine waiting for
 * it has given up (each engine's own deadline aborts that engine's signal). Like the emulator's own, the signal
 * is made only when the transport reads it.
 */
class SharedSend implements TransportContext {
  private controller: AbortController | undefined;
  private readonly waiting: TransportContext[] = [];
  private gaveUp = 0;

  /**
   * `deadline`: the first engine's (the others started later, so theirs are no earlier). The context the
   * transport sees is this object itself: an object literal with a getter made per request instead had V8
   * promote megabytes per young-generation collection and tripled the time spent collecting (node --trace-gc).
   */
  constructor(readonly deadline: number | undefined) {}

  get signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      for (const context of this.waiting) this.follow(context);
    }
    return this.controller.signal;
  }

  join(context: TransportContext): void {
    this.waiting.push(context);
    if (this.controller) this.follow(context);
  }

  private follow(context: TransportContext): void {
    const signal = context.signal;
    const onAbort = (): void => {
      if (++this.gaveUp === this.waiting.length) this.controller!.abort(signal.reason);
    };
    if (signal.aborted) onAbort();
    else signal.addEventListener('abort', onAbort, { once: true });
  }
}

/** The identity of a request on the wire: everything a server can see of it but which browser sends it. */
export function wireKey(request: WireRequest): string {
  let key = `${request.method} ${request.url}`;
  for (const [name, value] of request.headers) {
    if (!isIdentityHeader(name)) key += `\n${name}: ${value}`;
  }
  if (request.body !== null) {
    // windows-1252 gives every byte a code point of its own, so equal keys mean equal bytes.
    key += `\n\n${decodeWindows1252(request.body)}`;
  }
  return key;
}

/** The identity names by length: a name of another length is none of them, whatever its case. */
const IDENTITY_BY_LENGTH = new Map<number, string[]>();
for (const name of ENGINE_IDENTITY_HEADERS) IDENTITY_BY_LENGTH.set(name.length, [...(IDENTITY_BY_LENGTH.get(name.length) ?? []), name]);

/** The names as the engines write them (`User-Agent`, `sec-ch-ua`) and lower-cased: the usual cases, found at once. */
const IDENTITY_AS_WRITTEN = new Set([...ENGINE_IDENTITY_HEADERS].flatMap((name) => [name, name.replace(/(^|-)([a-z])/g, (_, dash: string, c: string) => dash + c.toUpperCase())]));

function isIdentityHeader(name: string): boolean {
  if (IDENTITY_AS_WRITTEN.has(name)) return true;
  // Another case of one of the names (`User-Agent`), compared in place: no lower-cased copy per header.
  const candidates = IDENTITY_BY_LENGTH.get(name.length);
  if (candidates === undefined) return false;
  for (let k = 0; k < candidates.length; k++) if (namesMatch(name, candidates[k])) return true;
  return false;
}

/**
 * Whether two requests are the same on the wire but for the headers that say which browser sends them: what
 * `wireKey` tells apart, compared in place (no key is built: this runs for every request of every engine).
 */
export function sameWireRequest(a: WireRequest, b: WireRequest): boolean {
  if (a === b) return true;
  if (a.method !== b.method || a.url !== b.url || !sameBytes(a.body, b.body)) return false;
  const x = a.headers;
  const y = b.headers;
  let i = 0;
  let j = 0;
  for (;;) {
    while (i < x.length && isIdentityHeader(x[i][0])) i++;
    while (j < y.length && isIdentityHeader(y[j][0])) j++;
    if (i === x.length || j === y.length) return i === x.length && j === y.length;
    if (x[i][0] !== y[j][0] || x[i][1] !== y[j][1]) return false;
    i++;
    j++;
  }
}

function sameBytes(a: Uint8Array | null, b: Uint8Array | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || a.byteLength !== b.byteLength) return false;
  for (let k = 0; k < a.byteLength; k++) if (a[k] !== b[k]) return false;
  return true;
}

/**
 * One conversation with `transport`, shared by several engines: `participant()` gives each engine a transport
 * of its own, whose requests go out once for every engine at the same point of the conversation.
 */
export class SharedConversation {
  private readonly start = new Point();

  constructor(private readonly transport: Transport) {}

  participant(): Transport {
    const { transport } = this;
    let at = this.start;
    return {
      name: transport.name,
      ...(transport.baseUrl !== undefined ? { baseUrl: transport.baseUrl } : {}),
      send: (request: WireRequest, context: TransportContext): Promise<WireResponse> => {
        let step = at.find(request);
        if (!step) {
          const exchange = new SharedSend(context.deadline);
          let response: Promise<WireResponse>;
          try {
            response = Promise.resolve(transport.send(request, exchange));
          } catch (error) {
            response = Promise.reject(error);
          }
          // Each engine handles the outcome itself; the shared promise must not count as unhandled meanwhile.
          response.catch(() => undefined);
          step = { request, response, point: new Point(), exchange };
          at.next.push(step);
        }
        step.exchange.join(context);
        at = step.point;
        return step.response;
      },
    };
  }
}
