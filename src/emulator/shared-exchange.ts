/**
 * Every engine from one exchange. The engines run side by side over one conversation with the target: where two
 * engines put the same request on the wire (method, URL, headers with their case and order, body, byte for
 * byte, but for the headers that say which browser sends it: User-Agent, Accept-Language, client hints,
 * Sec-Fetch-*, Referer, Priority, the cache mode's headers) at the same point of the conversation (after the same
 * requests), it is sent once, as the first engine puts it, and its outcome (the response, or the failure: a
 * timeout, a reset, garbage) is judged by each; where they differ (a header only one engine lets through, a
 * redirect one engine preflights again, another `Origin`), they part and each sends its own from then on. Against
 * a deterministic server the verdicts are those of separate runs (unless it answers differently per
 * User-Agent); a live API sees each distinct request once.
 */
import {
  ACCEPT_LANGUAGE, ENGINE_IDENTITY_HEADERS, PRIORITY, REFERER, SEC_CH_UA, SEC_CH_UA_MOBILE, SEC_CH_UA_PLATFORM, SEC_FETCH_DEST, SEC_FETCH_MODE,
  SEC_FETCH_SITE, USER_AGENT,
} from '../engines/request-headers.js';
import type { WireRequest } from '../types.js';
import type { SendResult, Sender } from './network.js';
import { sameBytes } from './body.js';
import { BoundedMemo } from '../bounded-memo.js';

/** A request sent from a point of the conversation: its outcome, and the point it leads to. */
interface Step {
  request: WireRequest;
  outcome: Promise<SendResult>;
  point: Point;
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
 * Whether a header name (in any case) is one of `ENGINE_IDENTITY_HEADERS`, remembered per name as written: the
 * same few names (`Accept`, `Origin`, `User-Agent`, ...) come up for every request of every engine.
 */
const identity = new BoundedMemo<boolean>(512);

function isIdentityHeader(name: string): boolean {
  // The spellings the engines' own lines use (engines/request-headers.ts), and the two every request has, decided
  // without a lookup.
  switch (name) {
    case USER_AGENT:
    case ACCEPT_LANGUAGE:
    case SEC_FETCH_SITE:
    case SEC_FETCH_MODE:
    case SEC_FETCH_DEST:
    case REFERER:
    case SEC_CH_UA:
    case SEC_CH_UA_MOBILE:
    case SEC_CH_UA_PLATFORM:
    case PRIORITY:
      return true;
    case 'Accept':
    case 'Origin':
      return false;
  }
  return identity.of(name, isIdentityName);
}

function isIdentityName(name: string): boolean {
  return ENGINE_IDENTITY_HEADERS.has(name.toLowerCase());
}

/**
 * Whether two requests are the same on the wire but for the headers that say which browser sends them (method,
 * URL, the other headers with their case and order, body bytes), compared in place: this runs for every request
 * of every engine.
 */
export function sameWireRequest(a: WireRequest, b: WireRequest): boolean {
  if (a === b) return true;
  if (a.method !== b.method || a.url !== b.url || !sameBytes(a.body, b.body)) return false;
  const x = a.headers;
  const y = b.headers;
  let i = 0;
  let j = 0;
  for (;;) {
    // The same line in both (an author's header, which the engines share): equal, or left out of both.
    if (i < x.length && j < y.length && x[i] === y[j]) {
      i++;
      j++;
      continue;
    }
    while (i < x.length && isIdentityHeader(x[i][0])) i++;
    while (j < y.length && isIdentityHeader(y[j][0])) j++;
    if (i === x.length || j === y.length) return i === x.length && j === y.length;
    if (x[i][0] !== y[j][0] || x[i][1] !== y[j][1]) return false;
    i++;
    j++;
  }
}


/**
 * One conversation with the target, shared by several engines: `participant()` gives each engine a sender of its
 * own, whose requests go out once for every engine at the same point of the conversation.
 */
export class SharedConversation {
  private readonly start = new Point();

  /** `send`: how a request reaches the target, with its deadline (the one timeout every engine shares). */
  constructor(private readonly send: Sender) {}

  /**
   * A sender for one engine. A request shared with other engines has one deadline and one outcome: a server that
   * hangs costs one timeout, and the transport's abort signal fires when the engines give up (together).
   */
  participant(): Sender {
    let at = this.start;
    return (request) => {
      let step = at.find(request);
      if (!step) {
        const outcome = this.send(request);
        // Each engine handles the outcome itself; the shared promise must not count as unhandled meanwhile.
        outcome.catch(() => undefined);
        step = { request, outcome, point: new Point() };
        at.next.push(step);
      }
      at = step.point;
      return step.outcome;
    };
  }
}
