/**
 * Run the BUILT command (dist/cli/main.js) as a user would, under the Node running the tests, against the
 * example server started on 127.0.0.1 port 0.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { AddressInfo, Server, Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll } from 'vitest';
import { createServer } from '../../examples/server.mjs';

export const CLI = fileURLToPath(new URL('../../dist/cli/main.js', import.meta.url));

/** Fails (never skips) when the build is missing. */
export function requireBuild(): void {
  if (!existsSync(CLI)) {
    throw new Error(`${CLI} is missing: the CLI tests run the built command. Run \`npm run build\` first (npm ci && npm run build && npm test).`);
  }
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Environment without colour settings inherited from the test runner, plus `env`. */
function cleanEnv(env: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const out: NodeJS.ProcessEnv = { ...process.env };
  delete out.NO_COLOR;
  delete out.FORCE_COLOR;
  delete out.NODE_OPTIONS;
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete out[key];
    else out[key] = value;
  }
  return out;
}

export function cli(args: string[], env: Record<string, string | undefined> = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [CLI, ...args], { env: cleanEnv(env), timeout: 15_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error && typeof error.code !== 'number') {
        reject(new Error(`corsproof ${args.join(' ')} did not exit normally: ${error.message}\n${stderr}`));
        return;
      }
      resolve({ code: error ? (error.code as number) : 0, stdout, stderr });
    });
  });
}

export interface Running {
  url: string;
  close(): Promise<void>;
}

/** Listen on 127.0.0.1, port 0. `close()` destroys every open connection, including ones never read from. */
export async function listen(server: Server): Promise<Running> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.once('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/**
 * For a test file that runs the built CLI against the example API: checks the build and starts the API before
 * the file's tests, stops it after them. Read `.url` inside tests.
 */
export function useExampleServer(): { readonly url: string } {
  let running: Running | undefined;
  beforeAll(async () => {
    requireBuild();
    running = await startExampleServer();
  });
  afterAll(() => running?.close());
  return {
    get url(): string {
      if (!running) throw new Error('the example API is not running: read .url inside a test');
      return running.url;
    },
  };
}

/** The example API on a free loopback port. */
export function startExampleServer(): Promise<Running> {
  return listen(createServer());
}
