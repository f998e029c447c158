/**
 * Connections per host, limited as a browser limits them: at most `CONNECTIONS_PER_HOST` (6, recorded in
 * Chromium, Firefox and WebKit) exchanges with one scheme, host and port are on the wire at once; the others
 * wait in order for one to finish. So 5,000 concurrent checks of one URL use 6 sockets at a time, not 5,000,
 * and never exhaust this machine's file descriptors or ports.
 *
 * One pool serves the whole process, as a browser profile's socket pool serves all its pages: every transport
 * to a URL shares it, whether a matcher made it for one assertion or the CLI for a run. The wait does not count
 * towards an exchange's timeout (the transport holds the emulator's deadline meanwhile: `TransportContext.hold`),
 * so a queue on this machine is never reported as a slow server. The price: behind a server that never answers,
 * queued requests time out 6 at a time, as they would wait in a browser.
 */
import { CONNECTIONS_PER_HOST } from '../engines/index.js';

interface Waiter {
  grant(): void;
  signal: AbortSignal;
  onAbort(): void;
}

interface Host {
  active: number;
  waiting: Waiter[];
}

export class HostPool {
  private readonly hosts = new Map<string, Host>();

  constructor(readonly perHost: number = CONNECTIONS_PER_HOST) {}

  /** Exchanges on the wire to `key` now, and waiting. */
  load(key: string): { active: number; waiting: number } {
    const host = this.hosts.get(key);
    return { active: host?.active ?? 0, waiting: host?.waiting.length ?? 0 };
  }

  /**
   * Wait for a connection slot to `key` (an origin). Resolves with the function that gives it back (call it
   * once, when the connection is closed); rejects with the signal's reason when it aborts first.
   */
  acquire(key: string, signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    let host = this.hosts.get(key);
    if (!host) {
      host = { active: 0, waiting: [] };
      this.hosts.set(key, host);
    }
    const release = this.releaser(key, host);
    if (host.active < this.perHost) {
      host.active++;
      return Promise.resolve(release);
    }
    const queue = host;
    return new Promise((resolve, reject) => {
      const waiter: Waiter = {
        signal,
        grant: () => {
          signal.removeEventListener('abort', waiter.onAbort);
          resolve(release);
        },
        onAbort: () => {
          const index = queue.waiting.indexOf(waiter);
          if (index >= 0) queue.waiting.splice(index, 1);
          this.forget(key, queue);
          reject(signal.reason);
        },
      };
      signal.addEventListener('abort', waiter.onAbort, { once: true });
      queue.waiting.push(waiter);
    });
  }

  private releaser(key: string, host: Host): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = host.waiting.shift();
      if (next) {
        // The slot passes straight to the next in line.
        next.grant();
        return;
      }
      host.active--;
      this.forget(key, host);
    };
  }

  private forget(key: string, host: Host): void {
    if (host.active === 0 && host.waiting.length === 0 && this.hosts.get(key) === host) this.hosts.delete(key);
  }
}

/** The process-wide pool every URL transport uses. */
export const sharedHostPool = new HostPool();
