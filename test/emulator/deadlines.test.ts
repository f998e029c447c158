/**
 * Deadline queues: one timer per timeout for the oldest exchange still running, and none once every exchange has
 * ended, so nothing keeps the process alive after the last exchange (a CLI run exits when it is done).
 */
import { describe, expect, it } from 'vitest';
import { startDeadline } from '../../src/emulator/deadlines.js';
import { simulate } from '../../src/simulate.js';

const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout').length;

describe('deadline queues', () => {
  it('hold a timer while an exchange runs, and none once all have ended', () => {
    const before = timers();
    const a = startDeadline(987_654, () => undefined);
    const b = startDeadline(987_654, () => undefined);
    expect(timers()).toBe(before + 1);
    a.cancel();
    expect(timers()).toBe(before + 1);
    b.cancel();
    expect(timers()).toBe(before);
  });

  it('still expire the exchanges that run past their time, in order', async () => {
    const fired: string[] = [];
    startDeadline(30, () => fired.push('first'));
    const cancelled = startDeadline(30, () => fired.push('cancelled'));
    startDeadline(30, () => fired.push('third'));
    cancelled.cancel();
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(fired).toEqual(['first', 'third']);
  });

  it('leave no timer behind after simulate()', async () => {
    const before = timers();
    const verdict = await simulate({ url: 'https://api.example/x', origin: 'https://app.example' }, { transport: () => new Response('ok', { headers: { 'access-control-allow-origin': '*' } }), timeoutMs: 876_543 });
    expect(verdict.allowed).toBe(true);
    expect(timers()).toBe(before);
  });
});
