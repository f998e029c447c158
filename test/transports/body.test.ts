/**
 * Reading a body up to a limit (src/transports/body.ts): what the emulator gets is always bytes of its own
 * realm's Uint8Array, whole or cut at the limit. A body of one chunk is kept as it came; a chunk from another
 * realm (Node's main realm under Jest's jsdom) is copied, or the emulator would not recognize it as bytes.
 */
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { BodyCollector } from '../../src/transports/body.js';

describe('BodyCollector', () => {
  it('keeps a single chunk of this realm as it came', () => {
    const chunk = new Uint8Array([1, 2, 3]);
    const collector = new BodyCollector(10);
    collector.add(chunk);
    expect(collector.result()).toEqual({ body: chunk, truncated: false });
    expect(collector.result().body).toBe(chunk);
  });

  it('copies a chunk from another realm into this realm\'s Uint8Array', () => {
    const foreign = runInNewContext('new Uint8Array([104, 105])') as Uint8Array;
    expect(foreign instanceof Uint8Array).toBe(false);
    const collector = new BodyCollector(10);
    collector.add(foreign);
    const { body } = collector.result();
    expect(body instanceof Uint8Array).toBe(true);
    expect([...body]).toEqual([104, 105]);
  });

  it('joins several chunks and cuts at the limit', () => {
    const collector = new BodyCollector(4);
    expect(collector.add(new Uint8Array([1, 2]))).toBe(true);
    expect(collector.add(new Uint8Array([3, 4, 5]))).toBe(false);
    const { body, truncated } = collector.result();
    expect([...body]).toEqual([1, 2, 3, 4]);
    expect(truncated).toBe(true);
  });
});
