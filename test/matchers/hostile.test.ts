/**
 * Matcher failure messages print what a server sent; a hostile server must not be able to drive the terminal of
 * whoever reads the test output, nor make a password from a URL show up in CI logs.
 */
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/vitest.js';

const APP = 'https://app.example';
const ACTING = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/;

let server: net.Server;
let url: string;
beforeAll(async () => {
  server = net.createServer((socket) => {
    socket.on('error', () => undefined);
    socket.once('data', (request: Buffer) => {
      const redirect = request.toString('latin1').startsWith('GET /r ');
      const head = redirect
        ? ['HTTP/1.1 302 Found', `Access-Control-Allow-Origin: ${APP}`, 'Location: http://user:hunter2@evil.example/', 'Content-Length: 0', 'Connection: close']
        : [
            'HTTP/1.1 200 OK\u001b]0;owned\u0007\u009b2J',
            `Access-Control-Allow-Origin: ${APP}\u001b[8m`,
            'Vary: Origin\u001b[2K\u0008',
            'Content-Length: 0',
            'Connection: close',
          ];
      socket.end(Buffer.from(`${head.join('\r\n')}\r\n\r\n`, 'latin1'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a failure message against a hostile server', () => {
  async function failure(path: string): Promise<string> {
    try {
      await expect(url).toAllowOrigin(APP, { url: `${url}${path}`, engines: ['chromium', 'firefox'] });
    } catch (error) {
      return (error as Error).message;
    }
    throw new Error('expected the assertion to fail');
  }

  it('shows every control byte the server sent as an escape', async () => {
    const message = await failure('/x');
    expect(message).toContain('< 200 OK\\x1b]0;owned\\x07\\x9b2J');
    expect(message).toContain(`'${APP}\\x1b[8m'`);
    expect(message).toContain('< Vary: Origin\\x1b[2K\\x08');
    // Vitest's own colours are the only escape sequences left.
    expect(message.replace(/\u001b\[\d+m/g, '')).not.toMatch(ACTING);
  });

  it('shows no password from a URL the server redirected to', async () => {
    const message = await failure('/r');
    expect(message).toContain('RedirectContainsCredentials');
    expect(message).toContain('< Location: http://[redacted]@evil.example/');
    expect(message).not.toContain('hunter2');
  });
});
