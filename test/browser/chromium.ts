/**
 * A real Chromium for the tests that need a browser: Debian's `chromium` package, installed here when missing
 * (as root, with apt-get), driven over the DevTools protocol with Node's own WebSocket. When it can be neither
 * found nor installed, `findChromium()` says why, and the tests skip with that message.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];

export type ChromiumLookup = { path: string } | { missing: string };

let lookup: ChromiumLookup | undefined;

/** Debian's Chromium, installing the `chromium` package first when it is missing and this process may. */
export function findChromium(): ChromiumLookup {
  if (lookup) return lookup;
  const found = () => CANDIDATES.find((candidate) => existsSync(candidate));
  if (found()) return (lookup = { path: found()! });
  if (process.platform !== 'linux' || !existsSync('/usr/bin/apt-get')) {
    return (lookup = { missing: 'Chromium is not installed, and this is not a Debian-like system with apt-get: install Chromium to run the browser tests.' });
  }
  if (process.getuid?.() !== 0) {
    return (lookup = { missing: 'Chromium is not installed, and installing it needs root: run `sudo apt-get install -y chromium` to run the browser tests.' });
  }
  try {
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update'], { stdio: 'ignore', env, timeout: 600_000 });
    execFileSync('apt-get', ['install', '-y', '--no-install-recommends', 'chromium'], { stdio: 'ignore', env, timeout: 900_000 });
  } catch (error) {
    return (lookup = { missing: `Chromium is not installed, and \`apt-get install chromium\` failed (${(error as Error).message.split('\n')[0]}).` });
  }
  return (lookup = found() ? { path: found()! } : { missing: '`apt-get install chromium` ran, and no chromium binary appeared.' });
}

interface Pending {
  resolve(value: unknown): void;
  reject(error: Error): void;
}

/** A headless Chromium and one DevTools connection to it. */
export class Browser {
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();
  /** What the pages printed and threw (for failure messages). */
  readonly console: string[] = [];

  private constructor(
    private readonly child: ChildProcess,
    private readonly socket: WebSocket,
    private readonly profile: string,
  ) {
    socket.addEventListener('message', (event) => {
      const message = JSON.parse(String(event.data)) as { id?: number; method?: string; params?: Record<string, any>; result?: unknown; error?: { message: string } };
      if (message.method === 'Runtime.consoleAPICalled') {
        this.console.push(`${message.params?.type}: ${(message.params?.args ?? []).map((a: { value?: unknown; description?: string }) => a.value ?? a.description).join(' ')}`);
      } else if (message.method === 'Runtime.exceptionThrown') {
        const details = message.params?.exceptionDetails;
        this.console.push(`exception: ${details?.exception?.description ?? details?.text}`);
      }
      if (message.id === undefined) return;
      const waiting = this.pending.get(message.id);
      this.pending.delete(message.id);
      if (message.error) waiting?.reject(new Error(message.error.message));
      else waiting?.resolve(message.result);
    });
  }

  static async launch(executable: string): Promise<Browser> {
    const profile = mkdtempSync(path.join(os.tmpdir(), 'corsproof-chromium-'));
    // The flags this machine class needs (no sandbox as root, no background traffic to a closed network).
    const child = spawn(
      executable,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--disable-dev-shm-usage',
        `--user-data-dir=${profile}`,
        '--remote-debugging-port=0',
        'about:blank',
      ],
      { stdio: 'ignore' },
    );
    const portFile = path.join(profile, 'DevToolsActivePort');
    const deadline = Date.now() + 30_000;
    while (!existsSync(portFile) || readFileSync(portFile, 'utf8').split('\n').length < 2) {
      if (Date.now() > deadline || child.exitCode !== null) {
        child.kill();
        throw new Error(`Chromium did not open its DevTools port within 30 s (exit code ${child.exitCode}).`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const [port, endpoint] = readFileSync(portFile, 'utf8').split('\n');
    const socket = new WebSocket(`ws://127.0.0.1:${port}${endpoint}`);
    await new Promise((resolve, reject) => {
      socket.addEventListener('open', resolve, { once: true });
      socket.addEventListener('error', () => reject(new Error('Could not connect to Chromium’s DevTools socket.')), { once: true });
    });
    return new Browser(child, socket, profile);
  }

  send<T>(method: string, params: Record<string, unknown> = {}, sessionId?: string): Promise<T> {
    const id = ++this.nextId;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.socket.send(JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) }));
    });
  }

  /** Open `url` in a new tab and wait until it has loaded; evaluate in it with `evaluate`. */
  async open(url: string): Promise<string> {
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    await this.send('Runtime.enable', {}, sessionId);
    // Evaluating while the tab still shows about:blank would run in a context its navigation destroys.
    const deadline = Date.now() + 30_000;
    for (;;) {
      const { result } = await this.send<{ result: { value?: string } }>('Runtime.evaluate', { expression: 'document.readyState === "complete" ? location.href : ""', returnByValue: true }, sessionId);
      if (result.value === url) return sessionId;
      if (Date.now() > deadline) throw new Error(`The tab did not load ${url} within 30 s.`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** The value of `expression` in the tab (awaited when a promise, carried as JSON), within `timeoutMs`. */
  async evaluate<T>(sessionId: string, expression: string, timeoutMs = 30_000): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const evaluation = this.send<{ result: { value: string }; exceptionDetails?: { text: string; exception?: { description?: string } } }>(
      'Runtime.evaluate',
      { expression: `Promise.resolve(${expression}).then((value) => JSON.stringify(value ?? null))`, awaitPromise: true, returnByValue: true },
      sessionId,
    );
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`The page did not settle \`${expression}\` within ${timeoutMs} ms. It printed:\n${this.console.join('\n')}`)), timeoutMs);
    });
    try {
      const result = await Promise.race([evaluation, expired]);
      if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
      return JSON.parse(result.result.value) as T;
    } finally {
      clearTimeout(timer);
    }
  }

  async close(): Promise<void> {
    const exited = new Promise<void>((resolve) => {
      if (this.child.exitCode !== null || this.child.signalCode !== null) resolve();
      else this.child.once('exit', () => resolve());
    });
    try {
      await Promise.race([this.send('Browser.close'), new Promise((resolve) => setTimeout(resolve, 2000))]);
    } catch {
      // Already gone.
    }
    this.socket.close();
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
    if (this.child.exitCode === null && this.child.signalCode === null) {
      this.child.kill('SIGKILL');
      await exited;
    }
    // Chromium's helpers may still be writing its profile as they go: try a few times, then leave it to the OS.
    try {
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 100 });
    } catch {
      // A temporary directory.
    }
  }
}
