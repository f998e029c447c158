/**
 * A bounded memo: values worked out from a string key, kept until `max` of them are held, then all dropped at
 * once. A test suite meets the same few URLs, origins, header names and values again and again, and a run that
 * meets many never holds more than the bound. A remembered value is shared: read it, never change it.
 */
export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(readonly max: number) {}

  /** The value remembered for `key`, or undefined. */
  get(key: string): V | undefined {
    return this.values.get(key);
  }

  /** Remember `value` for `key` (emptying the memo first when it is full), and return it. */
  set(key: string, value: V): V {
    if (this.values.size >= this.max) this.values.clear();
    this.values.set(key, value);
    return value;
  }

  /**
   * The value for `key`, worked out by `compute` the first time. `compute` depends on the key alone (pass a
   * module-level function: a closure made per call costs what the memo saves); when it throws, nothing is
   * remembered and the error goes to the caller.
   */
  of(key: string, compute: (key: string) => V): V {
    const value = this.values.get(key);
    return value === undefined ? this.set(key, compute(key)) : value;
  }

  /** How many values are held. */
  get size(): number {
    return this.values.size;
  }
}
