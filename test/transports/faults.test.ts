/**
 * Transports under faults, over real sockets on 127.0.0.1: a server that never answers, closes mid-response,
 * resets, answers garbage or sends a 100 MB body. Each gives a typed TransportError (or a truncated body), a
 * blocked verdict rather than a throw through `simulate`, within bounded time, and leaves no open handle.
 */
import * as http from 'node:http';
import { describe, expect, test } from 'vitest';
import { TransportError } from '../../src/errors.js';
import { simulate, simulateEngines } from '../../src/simulate.js';
import { networkFailureText } from '../../src/report/network.js';
import { fromUrl, toTransport } from '../../src/transports/index.js';
import type { Transport, WireRequest } from '../../src/types.js';
import { closedPort, expectNoLeaks, httpServer, type Running, tcpServer } from './fixtures/faulty.js';
import { APP } from './fixtures/policies.js';

const MB = 1024 * 1024;

function get(base: string): WireRequest {
  return { method: 'GET', url: new URL('/x', base).href, headers: [['Origin', APP]], body: null };
}

async function failure(transport: Transport, request: WireRequest, signal = new AbortController().signal): Promise<TransportError> {
  const error = await transport.send(request, { signal }).then(
    () => {
      throw new Error('expected the exchange to fail');
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TransportError);
  return error as TransportError;
}

async function using(server: Promise<Running>, body: (running: Running) => Promise<void>): Promise<void> {
  await expectNoLeaks(async () => {
    const running = await server;
    try {
      await body(running);
    } finally {
      await running.close();
    }
  });
}

/** Answers nothing, ever. */
const silent = () => tcpServer(() => undefined);

/** Sends a status line, headers promising 1000 bytes, 10 of them, then hangs up. */
const hangsUpMidBody = () =>
  tcpServer((socket) => {
    socket.once('data', () => {
      socket.write('HTTP/1.1 200 OK\r\nContent-Length: 1000\r\nAccess-Control-Allow-Origin: *\r\n\r\n0123456789');
      socket.end();
    });
  });

/** Resets the connection (RST) as soon as the request arrives. */
const resets = () =>
  tcpServer((socket) => {
    socket.once('data', () => socket.resetAndDestroy());
  });

/** Answers with something that is not HTTP. */
const garbage = () =>
  tcpServer((socket) => {
    socket.once('data', () => socket.end('SSH-2.0-OpenSSH_9.6\r\n\r\n'));
  });

/** Streams `total` bytes (with backpressure), reporting how many it managed to write. */
function bigBody(total: number, written: { bytes: number; finished: boolean }, chunked = false) {
  return httpServer((req, res) => {
    const chunk = Buffer.alloc(64 * 1024, 'x');
    res.writeHead(200, chunked ? { 'Access-Control-Allow-Origin': '*' } : { 'Access-Control-Allow-Origin': '*', 'Content-Length': String(total) });
    const pump = (): void => {
      while (written.bytes < total && !res.destroyed) {
        written.bytes += chunk.length;
        if (!res.write(chunk)) {
          res.once('drain', pump);
          return;
        }
      }
      if (written.bytes >= total) {
        written.finished = true;
        res.end();
      }
    };
    res.on('error', () => undefined);
    pump();
  });
}

describe('fromUrl: typed TransportErrors, bounded, no leaks', () => {
  test('a server that never answers: timeout within the configured time', async () => {
    await using(silent(), async ({ url }) => {
      const started = performance.now();
      const error = await failure(fromUrl(url, { timeoutMs: 250 }), get(url));
      const elapsed = performance.now() - started;
      expect(error.kind).toBe('timeout');
      expect(error.message).toMatch(/did not answer within 250 ms/);
      expect(elapsed).toBeGreaterThanOrEqual(240);
      expect(elapsed).toBeLessThan(2_000);
    });
  });

  test("the context's AbortSignal ends the exchange as a timeout too", async () => {
    await using(silent(), async ({ url }) => {
      const controller = new AbortController();
      setTimeout(() => controller.abort(new TransportError('timeout', 'no response within 100 ms')), 100);
      const started = performance.now();
      const error = await failure(fromUrl(url), get(url), controller.signal);
      expect(error.kind).toBe('timeout');
      expect(error.message).toBe('no response within 100 ms');
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  });

  test('an already aborted signal fails at once', async () => {
    await using(silent(), async ({ url }) => {
      const error = await failure(fromUrl(url), get(url), AbortSignal.abort());
      expect(error.kind).toBe('timeout');
    });
  });

  test('a server that closes mid-response: network error naming the bytes received', async () => {
    await using(hangsUpMidBody(), async ({ url }) => {
      const error = await failure(fromUrl(url), get(url));
      expect(error.kind).toBe('network');
      expect(error.message).toMatch(/closed mid-response/);
      expect(error.message).toMatch(/only 10 body bytes/);
    });
  });

  test('a connection reset: network error', async () => {
    await using(resets(), async ({ url }) => {
      const error = await failure(fromUrl(url), get(url));
      expect(error.kind).toBe('network');
      expect(error.message).toMatch(/reset \(ECONNRESET\)|closed the connection/);
    });
  });

  test('non-HTTP garbage: protocol error', async () => {
    await using(garbage(), async ({ url }) => {
      const error = await failure(fromUrl(url), get(url));
      expect(error.kind).toBe('protocol');
      expect(error.message).toMatch(/did not answer GET .* with valid HTTP/);
    });
  });

  test('connection refused: network error saying nothing listens there', async () => {
    await expectNoLeaks(async () => {
      const url = await closedPort();
      const error = await failure(fromUrl(url), get(url));
      expect(error.kind).toBe('network');
      expect(error.message).toMatch(/Connection refused by 127\.0\.0\.1:\d+/);
    });
  });

  test('https: to a server that does not speak TLS: timeout (silent server) or protocol error (plain http)', async () => {
    await using(silent(), async ({ url }) => {
      // The TCP server never answers TLS; the handshake times out.
      const error = await failure(fromUrl(url.replace('http:', 'https:'), { timeoutMs: 200 }), get(url.replace('http:', 'https:')));
      expect(error.kind).toBe('timeout');
    });
    const written = { bytes: 0, finished: false };
    await using(bigBody(10, written), async ({ url }) => {
      const secure = url.replace('http:', 'https:');
      const error = await failure(fromUrl(secure), get(secure));
      expect(error.kind).toBe('protocol');
      expect(error.message).toMatch(/speaks plain http:/);
    });
  });

  for (const chunked of [false, true]) {
    test(`a 100 MB body (${chunked ? 'chunked' : 'Content-Length'}) is cut at maxBodyBytes, never buffered whole`, async () => {
      const written = { bytes: 0, finished: false };
      await using(bigBody(100 * MB, written, chunked), async ({ url }) => {
        const heapBefore = process.memoryUsage().arrayBuffers;
        const response = await fromUrl(url).send(get(url), { signal: new AbortController().signal });
        expect(response.status).toBe(200);
        expect(response.bodyTruncated).toBe(true);
        expect(response.body.byteLength).toBe(MB);
        expect(process.memoryUsage().arrayBuffers - heapBefore).toBeLessThan(40 * MB);
      });
      // The server was cut off long before it could send it all.
      expect(written.finished).toBe(false);
      expect(written.bytes).toBeLessThan(50 * MB);
    });
  }

  test('maxBodyBytes is configurable; a body within it is whole and not marked truncated', async () => {
    const small = { bytes: 0, finished: false };
    await using(bigBody(64 * 1024, small), async ({ url }) => {
      const response = await fromUrl(url, { maxBodyBytes: 64 * 1024 }).send(get(url), { signal: new AbortController().signal });
      expect(response.body.byteLength).toBe(64 * 1024);
      expect(response.bodyTruncated).toBeUndefined();
    });
    const big = { bytes: 0, finished: false };
    await using(bigBody(4 * MB, big), async ({ url }) => {
      const response = await fromUrl(url, { maxBodyBytes: 1000 }).send(get(url), { signal: new AbortController().signal });
      expect(response.body.byteLength).toBe(1000);
      expect(response.bodyTruncated).toBe(true);
    });
  });
});

describe('simulate through a faulty server: a blocked verdict, not a throw', () => {
  test('never answers: Timeout, from the transport timeout', async () => {
    await using(silent(), async ({ url }) => {
      const started = performance.now();
      const verdict = await simulate({ url: '/x', origin: APP }, { transport: toTransport(url, { timeoutMs: 250 }) });
      expect(verdict.allowed).toBe(false);
      expect(verdict.reason?.code).toBe('Timeout');
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  });

  test("never answers: Timeout, from simulate's own timeoutMs", async () => {
    await using(silent(), async ({ url }) => {
      const started = performance.now();
      const verdict = await simulate({ url: '/x', origin: APP }, { transport: toTransport(url), timeoutMs: 250 });
      expect(verdict.reason?.code).toBe('Timeout');
      expect(performance.now() - started).toBeLessThan(2_000);
    });
  });

  test('a preflight that never comes back: Timeout on the preflight', async () => {
    await using(silent(), async ({ url }) => {
      const verdict = await simulate(
        { url: '/x', origin: APP, method: 'PUT', headers: { 'X-Api-Key': 'k' } },
        { transport: toTransport(url, { timeoutMs: 250 }) },
      );
      expect(verdict.reason?.code).toBe('Timeout');
      expect(verdict.exchanges.map((e) => e.kind)).toEqual(['preflight']);
    });
  });

  for (const [name, server] of [
    ['resets', resets],
    ['answers garbage', garbage],
  ] as const) {
    test(`${name}: NetworkError, with the transport's message on the exchange`, async () => {
      await using(server(), async ({ url }) => {
        const verdict = await simulate({ url: '/x', origin: APP }, { transport: toTransport(url) });
        expect(verdict.allowed).toBe(false);
        expect(verdict.reason?.code).toBe('NetworkError');
        expect(networkFailureText(verdict.exchanges[0]?.error)).toMatch(/reset|closed the connection|status line/);
      });
    });
  }

  test('closes mid-response: fetch() resolves and reading the body fails in Chromium and WebKit, a NetworkError in Firefox (recorded)', async () => {
    await using(hangsUpMidBody(), async ({ url }) => {
      const verdicts = await simulateEngines({ url: '/x', origin: APP }, { transport: toTransport(url) });
      const [chromium, firefox, webkit] = verdicts;
      for (const verdict of [chromium, webkit]) {
        expect(verdict.allowed).toBe(true);
        expect(verdict.response?.bodyError).toBe('short-body');
        expect(verdict.response?.text()).toBe('0123456789');
      }
      expect(firefox.reason?.code).toBe('NetworkError');
      expect(networkFailureText(firefox.exchanges[0]?.error)).toMatch(/before the body reached its Content-Length, and Firefox fails the request/);
    });
  });

  test('connection refused: NetworkError', async () => {
    const url = await closedPort();
    const verdict = await simulate({ url: '/x', origin: APP }, { transport: toTransport(url) });
    expect(verdict.reason?.code).toBe('NetworkError');
  });

  test('a 100 MB body: the verdict comes from the headers, the body is cut', async () => {
    const written = { bytes: 0, finished: false };
    await using(bigBody(100 * MB, written), async ({ url }) => {
      const verdict = await simulate({ url: '/x', origin: APP }, { transport: toTransport(url) });
      expect(verdict.allowed).toBe(true);
      expect(verdict.response?.body.byteLength).toBe(MB);
    });
    expect(written.finished).toBe(false);
  });
});

describe('in-process targets under faults', () => {
  const inProcess = { timeoutMs: 200 };

  test('a Node listener that never answers: timeout', async () => {
    await expectNoLeaks(async () => {
      const error = await failure(toTransport((_req: http.IncomingMessage, _res: http.ServerResponse) => undefined, inProcess), get('https://api.example'));
      expect(error.kind).toBe('timeout');
    });
  });

  test('a Node listener that throws: a handler error carrying its message, and the process survives', async () => {
    const error = await failure(
      toTransport((_req: http.IncomingMessage, _res: http.ServerResponse) => {
        throw new Error('boom');
      }),
      get('https://api.example'),
    );
    expect(error.kind).toBe('handler');
    expect(error.message).toMatch(/The app threw while answering: Error: boom/);
  });

  test('an async Node listener that rejects: a handler error', async () => {
    const error = await failure(
      toTransport(async (_req: http.IncomingMessage, _res: http.ServerResponse) => {
        throw new Error('async boom');
      }),
      get('https://api.example'),
    );
    expect(error.kind).toBe('handler');
    expect(error.message).toMatch(/async boom/);
  });

  test('a Node listener that destroys the socket mid-body: network error', async () => {
    const error = await failure(
      toTransport((_req: http.IncomingMessage, res: http.ServerResponse) => {
        res.writeHead(200, { 'Content-Length': '100' });
        res.write('0123456789');
        setImmediate(() => res.destroy());
      }),
      get('https://api.example'),
    );
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/mid-response/);
  });

  test('a Node listener streaming 100 MB: cut at maxBodyBytes, the listener is stopped', async () => {
    const written = { bytes: 0, finished: false };
    const listener = (_req: http.IncomingMessage, res: http.ServerResponse): void => {
      const chunk = Buffer.alloc(64 * 1024, 'x');
      res.writeHead(200, { 'Access-Control-Allow-Origin': '*' });
      const pump = (): void => {
        while (written.bytes < 100 * MB && !res.destroyed) {
          written.bytes += chunk.length;
          if (!res.write(chunk)) {
            res.once('drain', pump);
            return;
          }
        }
        if (written.bytes >= 100 * MB) {
          written.finished = true;
          res.end();
        }
      };
      pump();
    };
    const response = await toTransport(listener).send(get('https://api.example'), { signal: new AbortController().signal });
    expect(response.bodyTruncated).toBe(true);
    expect(response.body.byteLength).toBe(MB);
    expect(written.finished).toBe(false);
    expect(written.bytes).toBeLessThan(10 * MB);
  });

  test('a fetch handler that never resolves: timeout', async () => {
    await expectNoLeaks(async () => {
      const error = await failure(toTransport((_request: Request) => new Promise<Response>(() => undefined), inProcess), get('https://api.example'));
      expect(error.kind).toBe('timeout');
    });
  });

  test("a fetch handler that never resolves sees its request's signal abort at the deadline, clones too", async () => {
    const seen: Array<{ original: boolean; clone: boolean; reason: unknown }> = [];
    const handler = (request: Request) =>
      new Promise<Response>((_, reject) => {
        const clone = request.clone();
        expect(clone.signal).toBe(request.signal);
        request.signal.addEventListener('abort', () => {
          seen.push({ original: request.signal.aborted, clone: clone.signal.aborted, reason: request.signal.reason });
          reject(request.signal.reason);
        });
      });
    const error = await failure(toTransport(handler, { timeoutMs: 100 }), get('https://api.example'));
    expect(error.kind).toBe('timeout');
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ original: true, clone: true, reason: { name: 'TransportError', kind: 'timeout' } });
  });

  test("the caller's signal reaches the fetch handler's request", async () => {
    const controller = new AbortController();
    let signal: AbortSignal | undefined;
    const pending = failure(
      toTransport((request: Request) => {
        signal = request.signal;
        return new Promise<Response>(() => undefined);
      }),
      get('https://api.example'),
      controller.signal,
    );
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(signal?.aborted).toBe(false);
    controller.abort(new Error('test over'));
    expect((await pending).kind).toBe('timeout');
    expect(signal?.aborted).toBe(true);
  });

  test('a fetch handler streaming an endless body: cut at maxBodyBytes', async () => {
    let pulls = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulls += 1;
        controller.enqueue(new Uint8Array(64 * 1024));
      },
    });
    const response = await toTransport((_request: Request) => new Response(endless), { maxBodyBytes: 256 * 1024 }).send(get('https://api.example'), {
      signal: new AbortController().signal,
    });
    expect(response.bodyTruncated).toBe(true);
    expect(response.body.byteLength).toBe(256 * 1024);
    expect(pulls).toBeLessThan(20);
  });

  test('a fetch handler answering Response.error(): network error', async () => {
    const error = await failure(toTransport((_request: Request) => Response.error()), get('https://api.example'));
    expect(error.kind).toBe('network');
  });

  test('simulate against a hanging in-process app: Timeout verdict within the bound', async () => {
    const started = performance.now();
    const verdict = await simulate(
      { url: '/x', origin: APP },
      { transport: toTransport((_req: http.IncomingMessage, _res: http.ServerResponse) => undefined), timeoutMs: 200 },
    );
    expect(verdict.reason?.code).toBe('Timeout');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});
