/**
 * Deadlines for exchanges without a timer each. An in-process exchange takes microseconds, and a timer set and
 * cleared per exchange costs about as much as the emulation around it; most exchanges end long before their
 * deadline. Exchanges with the same timeout expire in the order they start, so each timeout keeps a queue and
 * one timer, set for the oldest exchange still running; an exchange that ends is only marked done.
 */

export interface Deadline {
  /** When it expires, in `performance.now()` milliseconds. */
  readonly at: number;
  /** Mark the exchange as ended: its deadline no longer fires. */
  cancel(): void;
}

/** One exchange's place in its queue. A class, not a literal with a closure: one is made per exchange. */
class Entry implements Deadline {
  done = false;

  constructor(
    private readonly queue: Queue,
    readonly at: number,
    readonly expire: () => void,
  ) {}

  cancel(): void {
    if (this.done) return;
    this.done = true;
    this.queue.ended();
  }
}

class Queue {
  private entries: Entry[] = [];
  private head = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** Entries neither done nor expired: when none is left, the timer stops holding the process open (see idle). */
  private live = 0;

  constructor(private readonly timeoutMs: number) {}

  add(expire: () => void): Deadline {
    const entry = new Entry(this, performance.now() + this.timeoutMs, expire);
    if (this.live++ === 0 && this.timer !== undefined) this.timer.ref?.();
    this.entries.push(entry);
    if (this.timer === undefined) this.arm();
    return entry;
  }

  /** An entry was cancelled before it expired. */
  ended(): void {
    if (--this.live === 0) this.idle();
  }

  /**
   * No exchange is running. A timer that can stop holding the process open (Node's) stays set but unreferenced:
   * setting and clearing one per exchange costs more than a simple in-process exchange, and one-at-a-time callers
   * (a test awaiting each check) would do exactly that. When it fires it finds nothing to expire. A timer that
   * cannot (a DOM environment's number) is cleared.
   */
  private idle(): void {
    this.entries = [];
    this.head = 0;
    if (this.timer === undefined) return;
    if (typeof this.timer.unref === 'function') this.timer.unref();
    else {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  /** Set the timer for the oldest entry still running; none when every entry is done. */
  private arm(): void {
    while (this.head < this.entries.length && this.entries[this.head].done) this.head++;
    if (this.head > 1024 && this.head * 2 > this.entries.length) {
      this.entries = this.entries.slice(this.head);
      this.head = 0;
    }
    if (this.head === this.entries.length) {
      this.entries = [];
      this.head = 0;
      this.timer = undefined;
      return;
    }
    const wait = Math.max(0, this.entries[this.head].at - performance.now());
    this.timer = setTimeout(() => this.fire(), Math.ceil(wait));
  }

  private fire(): void {
    const now = performance.now();
    while (this.head < this.entries.length) {
      const entry = this.entries[this.head];
      if (!entry.done && entry.at > now) break;
      this.head++;
      if (!entry.done) {
        entry.done = true;
        this.live--;
        entry.expire();
      }
    }
    this.arm();
  }
}

const queues = new Map<number, Queue>();

/** Call `expire` once `timeoutMs` have passed, unless the returned deadline is cancelled first. */
export function startDeadline(timeoutMs: number, expire: () => void): Deadline {
  let queue = queues.get(timeoutMs);
  if (!queue) {
    // Timeouts are few (a default, and what tests set); bound the map anyway.
    if (queues.size > 64) queues.clear();
    queues.set(timeoutMs, (queue = new Queue(timeoutMs)));
  }
  return queue.add(expire);
}
