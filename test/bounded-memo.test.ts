/**
 * src/bounded-memo.ts: what every remembered parse in corsproof goes through (URLs, origins, token lists, header
 * names). It hands back what was computed, computes a key once, never holds more than its bound, and remembers
 * nothing for a key whose computation throws.
 */
import { describe, expect, it } from 'vitest';
import { BoundedMemo } from '../src/bounded-memo.js';

describe('BoundedMemo', () => {
  it('computes a key once and hands the same value back', () => {
    let calls = 0;
    const compute = (key: string) => ({ key, n: ++calls });
    const memo = new BoundedMemo<{ key: string; n: number }>(8);
    const first = memo.of('a', compute);
    expect(memo.of('a', compute)).toBe(first);
    expect(memo.of('b', compute)).toEqual({ key: 'b', n: 2 });
    expect(calls).toBe(2);
    expect(memo.get('a')).toBe(first);
    expect(memo.get('c')).toBeUndefined();
  });

  it('never holds more than its bound: full, it empties, then fills again', () => {
    const memo = new BoundedMemo<number>(4);
    for (let k = 0; k < 4; k++) memo.set(`k${k}`, k);
    expect(memo.size).toBe(4);
    expect(memo.set('k4', 4)).toBe(4);
    expect(memo.size).toBe(1);
    expect(memo.get('k0')).toBeUndefined();
    expect(memo.get('k4')).toBe(4);
    for (let k = 0; k < 1000; k++) memo.of(`x${k}`, (key) => key.length);
    expect(memo.size).toBeLessThanOrEqual(4);
  });

  it('remembers nothing when the computation throws, and remembers falsy values', () => {
    let calls = 0;
    const memo = new BoundedMemo<boolean | number>(4);
    const failing = () => {
      calls++;
      throw new TypeError('bad');
    };
    expect(() => memo.of('bad', failing)).toThrow(TypeError);
    expect(() => memo.of('bad', failing)).toThrow(TypeError);
    expect(calls).toBe(2);
    expect(memo.size).toBe(0);
    let computed = 0;
    const no = () => (computed++, false);
    expect(memo.of('f', no)).toBe(false);
    expect(memo.of('f', no)).toBe(false);
    expect(memo.of('z', () => 0)).toBe(0);
    expect(computed).toBe(1);
  });
});
