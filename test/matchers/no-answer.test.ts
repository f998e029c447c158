/**
 * A server that hangs, resets or is not there yields a verdict that says nothing about CORS: the assertion and
 * its `.not` both fail, in bounded time, never a silent pass of a `.not` or `toBeBlockedByCors`.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import '../../src/vitest.js';
import { APP } from './apps.js';
import { stableFailureOf } from './helpers.js';

let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/hang') return; // never answers
    if (req.url === '/reset') return req.socket.destroy();
    res.setHeader('access-control-allow-origin', '*');
    res.end('ok');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('a server that does not answer', () => {
  it('works against a live URL when it answers', async () => {
    await expect(base).toAllowOrigin(APP);
    await expect(`${base}/x`).not.toAllowCredentials(APP);
  });

  it('a hanging server times out: both the assertion and its .not fail', async () => {
    const started = Date.now();
    const negative = await stableFailureOf(() => expect(`${base}/hang`).not.toAllowOrigin(APP, { timeoutMs: 300 }));
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(negative).toContain('Received: chromium, firefox, webkit: no answer (Timeout)');
    expect(negative).toContain('The server did not answer, so this says nothing about CORS.');
    const blocked = await stableFailureOf(() => expect(`${base}/hang`).toBeBlockedByCors({ origin: APP, timeoutMs: 300 }));
    expect(blocked).toContain('no answer (Timeout)');
  });

  it('a reset connection is no answer either, unless NetworkError is what is asserted', async () => {
    const message = await stableFailureOf(() => expect(`${base}/reset`).not.toAllowOrigin(APP));
    expect(message).toContain('no answer (NetworkError)');
    await expect(`${base}/reset`).toBeBlockedByCors('NetworkError', { origin: APP });
  });

  it('a refused connection', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const message = await stableFailureOf(() => expect(`http://127.0.0.1:${port}/`).toBeBlockedByCors({ origin: APP }));
    expect(message).toContain('no answer (NetworkError)');
    expect(message).toContain('x no response:');
  });
});

describe('a target that throws', () => {
  it('names the exception and says it came from the target, not from CORS; both the assertion and its .not fail', async () => {
    const app = (_request: Request): Response => {
      throw new RangeError('the database pool is closed');
    };
    for (const run of [() => expect(app).toAllowOrigin(APP), () => expect(app).not.toAllowOrigin(APP)]) {
      const message = await stableFailureOf(run);
      expect(message).toContain('Received: chromium, firefox, webkit: the target threw (RangeError)');
      expect(message).toContain('The target itself threw RangeError: the database pool is closed. This error comes from your app or test set-up, not from CORS');
      expect(message).not.toContain('Console (');
    }
  });
});
