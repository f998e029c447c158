/**
 * Reading a response body up to a size limit. Past the limit the source is cancelled, so a huge or endless
 * body is never buffered whole.
 */

export interface LimitedBody {
  body: Uint8Array;
  /** True when the body was longer than the limit and reading stopped there. */
  truncated: boolean;
}

/**
 * Collect at most `maxBytes` from a stream (a Node `Readable` or a web `ReadableStream`). Leaving the loop
 * early cancels (destroys) the source.
 */
export async function readLimited(source: AsyncIterable<Uint8Array | string>, maxBytes: number): Promise<LimitedBody> {
  const collector = new BodyCollector(maxBytes);
  for await (const chunk of source) {
    if (!collector.add(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)) break;
  }
  return collector.result();
}

/** Accumulates chunks until a byte limit; `add` returns false once the limit is reached. */
export class BodyCollector {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;
  private truncated = false;

  constructor(private readonly maxBytes: number) {}

  get length(): number {
    return this.size;
  }

  /** Keep what fits of `chunk`; false when the limit is reached and reading should stop. */
  add(chunk: Uint8Array): boolean {
    const room = this.maxBytes - this.size;
    if (chunk.byteLength > room) {
      if (room > 0) this.chunks.push(chunk.subarray(0, room));
      this.size += Math.max(room, 0);
      this.truncated = true;
      return false;
    }
    this.chunks.push(chunk);
    this.size += chunk.byteLength;
    return true;
  }

  result(): LimitedBody {
    // One chunk (the usual in-process body) is the body as it is: nothing else holds or writes to it. Unless it
    // comes from another realm (Node's, under Jest's jsdom): the emulator takes bytes of its own realm's class.
    const only = this.chunks.length === 1 ? this.chunks[0] : undefined;
    if (only instanceof Uint8Array && only.byteLength === this.size) return { body: only, truncated: this.truncated };
    const body = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      body.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { body, truncated: this.truncated };
  }
}
