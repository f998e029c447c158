/**
 * Exchange deadlines share one timer per timeout: expired exchanges fire in order, ended ones never fire, and no
 * timer outlives the last running exchange (a command exits as soon as its work is done).
 */
import { describe, expect, it } from 'vitest';
import { startDeadline } from '../../src/emulator/deadlines.js';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('deadlines', () => {
  it('fires the ones still running, in order, and not the ones that ended', async () => {
    const fired: number[] = [];
    const a = startDeadline(30, () => fired.push(1));
    startDeadline(30, () => fired.push(2));
    const c = startDeadline(30, () => fired.push(3));
    a.cancel();
    c.cancel();
    await wait(80);
    expect(fired).toEqual([2]);
  });

  it('leaves no timer holding the process open once every exchange ended', async () => {
    const before = process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length;
    const d = startDeadline(10_000, () => {
      throw new Error('must not fire');
    });
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before + 1);
    d.cancel();
    expect(process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length).toBe(before);
  });

  it('keeps timeouts apart: a short one fires while a long one keeps running', async () => {
    const fired: string[] = [];
    const long = startDeadline(5_000, () => fired.push('long'));
    startDeadline(20, () => fired.push('short'));
    await wait(60);
    expect(fired).toEqual(['short']);
    long.cancel();
  });
});
