/**
 * Every engine from one exchange. The engines run side by side over one conversation with the target: where two
 * engines put the same request on the wire (method, URL, headers with their case and order, body, byte for
 * byte) at the same point of the conversation (after the same requests), it is sent once and its response is
 * judged by each; where they differ (a header only one engine lets through, a redirect one engine preflights
 * again, another `Origin`), they part and each sends its own from then on. Against a deterministic server the
 * verdicts are those of separate runs; a live API sees each distinct request once.
 */
import type { Transport, TransportContext, WireRequest, WireResponse } from '../types.js';
import { decodeWindows1252 } from '../platform.js';

/** A point of the conversation: the requests sent so far lead here; each next request leads to its own point. */
class Point {
  readonly next = new Map<string, { response: Promise<WireResponse>; point: Point; exchange: SharedSend }>();
}

/**
 * One request on the wire, shared by the engines that sent it. Its signal aborts once every engine waiting for
 * it has given up (each engine's own deadline aborts that engine's signal). Like the emulator's own, the signal
 * is made only when the transport reads it.
 */
class SharedSend {
  readonly context: TransportContext;
  private controller: AbortController | undefined;
  private readonly waiting: TransportContext[] = [];
  private gaveUp = 0;

  /** `deadline`: the first engine's (the others started later, so theirs are no earlier). */
  constructor(deadline: number | undefined) {
    const send = this;
    this.context = {
      get signal(): AbortSignal {
        return send.signal();
      },
      ...(deadline !== undefined ? { deadline } : {}),
    };
  }

  join(context: TransportContext): void {
    this.waiting.push(context);
    if (this.controller) this.follow(context);
  }

  private signal(): AbortSignal {
    if (!this.controller) {
      this.controller = new AbortController();
      for (const context of this.waiting) this.follow(context);
    }
    return this.controller.signal;
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


/** The identity of a request on the wire: everything a server can see of it. */
export function wireKey(request: WireRequest): string {
  let key = `${request.method} ${request.url}`;
  for (const [name, value] of request.headers) key += `\n${name}: ${value}`;
  if (request.body !== null) {
    // windows-1252 gives every byte a code point of its own, so equal keys mean equal bytes.
    key += `\n\n${decodeWindows1252(request.body)}`;
  }
  return key;
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
        const key = wireKey(request);
        let step = at.next.get(key);
        if (!step) {
          const exchange = new SharedSend(context.deadline);
          let response: Promise<WireResponse>;
          try {
            response = Promise.resolve(transport.send(request, exchange.context));
          } catch (error) {
            response = Promise.reject(error);
          }
          // Each engine handles the outcome itself; the shared promise must not count as unhandled meanwhile.
          response.catch(() => undefined);
          step = { response, point: new Point(), exchange };
          at.next.set(key, step);
        }
        step.exchange.join(context);
        at = step.point;
        return step.response;
      },
    };
  }
}
