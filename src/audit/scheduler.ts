/**
 * Every request an audit sends goes through one scheduler: at most `concurrency` at once, and at least
 * `delayMs` between two starts (a rate limit), across every endpoint of a run.
 */
export interface Scheduler {
  run<T>(task: () => Promise<T>): Promise<T>;
}

export function createScheduler(concurrency: number, delayMs: number): Scheduler {
  let active = 0;
  let nextStart = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    active--;
    waiting.shift()?.();
  };
  const slot = () =>
    new Promise<void>((resolve) => {
      if (active < concurrency) {
        active++;
        resolve();
      } else {
        waiting.push(() => {
          active++;
          resolve();
        });
      }
    });
  const pace = async () => {
    if (delayMs <= 0) return;
    const now = Date.now();
    const start = Math.max(now, nextStart);
    nextStart = start + delayMs;
    if (start > now) await new Promise((resolve) => setTimeout(resolve, start - now));
  };
  return {
    async run(task) {
      await slot();
      try {
        await pace();
        return await task();
      } finally {
        release();
      }
    },
  };
}
