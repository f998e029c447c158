/**
 * Hostile servers and careless input over real sockets on 127.0.0.1: response heads past Node's 16 KiB default
 * (each engine's own limit applies), NUL bytes, control bytes in request header values after the preflight,
 * URLs with credentials, timeouts no timer can hold, 5,000 concurrent calls to one URL (6 connections at a
 * time), and a machine out of file descriptors (a typed local error, never a verdict about the server).
 */
import { execFile } from 'node:child_process';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { consoleMessage, fixSentence } from '../../src/report/describe.js';
import { simulate, simulateEngines } from '../../src/simulate.js';
import { ENGINES } from '../../src/engines/index.js';
import { InvalidArgumentError, LocalResourceError, TransportError } from '../../src/errors.js';
import { fromUrl, toTransport } from '../../src/transports/index.js';
import { requireBuild } from '../cli/helpers.js';
import { expectNoLeaks, httpServer, type Running, tcpServer } from './fixtures/faulty.js';
import { APP } from './fixtures/policies.js';

const BROWSERS = ['chromium', 'firefox', 'webkit'] as const;

async function using<T>(server: Promise<Running>, body: (running: Running) => Promise<T>): Promise<T> {
  const running = await server;
  try {
    return await body(running);
  } finally {
    await running.close();
  }
}

/** A raw server answering every request with `head` (and recording what arrived). */
function rawServer(head: (request: string) => string, seen: string[] = []) {
  return tcpServer((socket) => {
    let buffer = '';
    socket.on('data', (chunk: Buffer) => {
      buffer += chunk.toString('latin1');
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const request = buffer.slice(0, end);
      buffer = '';
      seen.push(request);
      socket.end(Buffer.from(head(request), 'latin1'));
    });
  });
}

describe('response heads: the browsers\' limits, not Node\'s 16 KiB', () => {
  it('a 40 KB Content-Security-Policy and a long Access-Control-Allow-Methods pass in every engine', async () => {
    const methods = Array.from({ length: 2500 }, (_, i) => `M${i}`).join(', ');
    expect(methods.length).toBeGreaterThan(16 * 1024);
    const csp = `default-src 'self'; ${Array.from({ length: 1850 }, (_, i) => `https://cdn${i}.example`).join(' ')}`;
    expect(csp.length).toBeGreaterThan(40_000);
    await using(
      httpServer((req, res) => {
        res.setHeader('Access-Control-Allow-Origin', APP);
        res.setHeader('Content-Security-Policy', csp);
        if (req.method === 'OPTIONS') {
          res.setHeader('Access-Control-Allow-Methods', `${methods}, PUT`);
          res.statusCode = 204;
        }
        res.end();
      }),
      async ({ url }) => {
        const verdicts = await simulateEngines({ url: `${url}/x`, origin: APP, method: 'PUT' }, { transport: toTransport(url), engines: [...BROWSERS, 'spec'] });
        expect(verdicts.map((v) => [v.engine, v.allowed, v.reason?.code])).toEqual([...BROWSERS, 'spec'].map((e) => [e, true, undefined]));
        expect(verdicts[0].exchanges.map((e) => e.kind)).toEqual(['preflight', 'actual']);
      },
    );
  });

  it('a 100 KB head passes Chromium and Firefox and is a network error in WebKit (64 KiB); 300 KB passes Firefox only; 500 KB none', async () => {
    let size = 0;
    await using(
      httpServer((_req, res) => {
        res.setHeader('Access-Control-Allow-Origin', APP);
        res.setHeader('X-Pad', 'a'.repeat(size));
        res.end();
      }),
      async ({ url }) => {
        const outcome = async (bytes: number) => {
          size = bytes;
          const verdicts = await simulateEngines({ url: `${url}/x`, origin: APP }, { transport: toTransport(url), engines: BROWSERS });
          return Object.fromEntries(verdicts.map((v) => [v.engine, v.allowed ? 'allowed' : v.reason?.code]));
        };
        expect(await outcome(100_000)).toEqual({ chromium: 'allowed', firefox: 'allowed', webkit: 'NetworkError' });
        expect(await outcome(300_000)).toEqual({ chromium: 'NetworkError', firefox: 'allowed', webkit: 'NetworkError' });
        expect(await outcome(500_000)).toEqual({ chromium: 'NetworkError', firefox: 'NetworkError', webkit: 'NetworkError' });
      },
    );
  });

  it('past the limit: a network error that says so, not a CORS verdict and not a throw', async () => {
    await using(
      httpServer((_req, res) => {
        res.setHeader('Access-Control-Allow-Origin', '*');
        res.setHeader('X-Pad', 'a'.repeat(270_000));
        res.end();
      }),
      async ({ url }) => {
        const verdict = await simulate({ url: `${url}/x`, origin: APP }, { transport: toTransport(url), engine: 'chromium' });
        expect(verdict.reason?.code).toBe('NetworkError');
        expect(consoleMessage(verdict)).toBe('');
        expect(verdict.reason?.network).toMatchObject({ kind: 'refused-head', problem: 'too-large', limit: 262_144, engine: 'chromium' });
        expect(fixSentence(verdict)).toMatch(/^The response head is 270,\d{3} bytes and Chromium reads at most 262,144: send fewer or shorter headers/);
        // The response did arrive (the server was reached): this is not "unreachable".
        expect(verdict.exchanges[0].response?.status).toBe(200);
      },
    );
  });

  it('beyond what any browser reads (Firefox 384 KiB), the transport stops parsing: a protocol error, no crash', async () => {
    await expectNoLeaks(() =>
      using(
        httpServer((_req, res) => {
          res.setHeader('X-Pad', 'a'.repeat(ENGINES.firefox.maxResponseHeadBytes + 10));
          res.end();
        }),
        async ({ url }) => {
          const error = await fromUrl(url).send({ method: 'GET', url: `${url}/x`, headers: [], body: null }, { signal: new AbortController().signal }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(TransportError);
          expect((error as TransportError).kind).toBe('protocol');
        },
      ),
    );
  });
});

describe('NUL and other control bytes', () => {
  it('a NUL in a header value is a network error everywhere; in the status text, not in Firefox', async () => {
    let head = '';
    await using(
      rawServer(() => head),
      async ({ url }) => {
        const outcome = async (response: string) => {
          head = response;
          const verdicts = await simulateEngines({ url: `${url}/x`, origin: APP }, { transport: toTransport(url), engines: BROWSERS });
          return Object.fromEntries(verdicts.map((v) => [v.engine, v.allowed ? `allowed ${JSON.stringify(v.response?.statusText)}` : v.reason?.code]));
        };
        expect(await outcome('HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nX-A: a\u0000b\r\nContent-Length: 0\r\n\r\n')).toEqual({
          chromium: 'NetworkError',
          firefox: 'NetworkError',
          webkit: 'NetworkError',
        });
        expect(await outcome('HTTP/1.1 200 O\u0000K\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 0\r\n\r\n')).toEqual({
          chromium: 'NetworkError',
          firefox: 'allowed "O\\u0000K"',
          webkit: 'NetworkError',
        });
      },
    );
  });

  it('a header value with control bytes goes out as it is after the preflight, never a Node error', async () => {
    const seen: string[] = [];
    await using(
      rawServer(() => 'HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: https://app.example\r\nAccess-Control-Allow-Headers: x-trace\r\nConnection: close\r\n\r\n', seen),
      async ({ url }) => {
        const value = 'a\u0001\u001b[31m\u007f\u00ffz';
        const verdict = await simulate({ url: `${url}/x`, origin: APP, headers: { 'X-Trace': value } }, { transport: toTransport(url) });
        expect(verdict.exchanges.map((e) => [e.kind, e.error])).toEqual([['preflight', undefined], ['actual', undefined]]);
        expect(seen).toHaveLength(2);
        expect(seen[1].split('\r\n')).toContain(`X-Trace: ${value}`);
      },
    );
  });

  it('the transport never writes NUL, CR or LF into a head (no header injection), and sends nothing', async () => {
    const seen: string[] = [];
    await using(
      rawServer(() => 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', seen),
      async ({ url }) => {
        for (const value of ['a\r\nX-Injected: 1', 'a\u0000b', 'a\nb']) {
          const error = await fromUrl(url).send({ method: 'GET', url: `${url}/x`, headers: [['X-A', value]], body: null }, { signal: new AbortController().signal }).catch((e: unknown) => e);
          expect(error).toBeInstanceOf(TransportError);
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(seen).toEqual([]);
      },
    );
  });
});

describe('credentials in URLs', () => {
  it('a URL target with credentials is refused up front, without printing the password', () => {
    for (const make of [() => fromUrl('http://bob:hunter2@127.0.0.1:9/'), () => toTransport('http://bob:hunter2@127.0.0.1:9/'), () => toTransport(() => new Response(), { baseUrl: 'https://bob:hunter2@api.example' })]) {
      let error: unknown;
      try {
        make();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(InvalidArgumentError);
      expect((error as Error).message).toMatch(/user name or password, and fetch\(\) refuses such URLs/);
      expect((error as Error).message).not.toMatch(/hunter2|bob/);
    }
  });

  it('a request URL with credentials is a CredentialsInUrl verdict, in every engine, and nothing is sent', async () => {
    const seen: string[] = [];
    await using(
      rawServer(() => 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', seen),
      async ({ url }) => {
        const withCredentials = url.replace('http://', 'http://user:pw@');
        const verdicts = await simulateEngines({ url: `${withCredentials}/x`, origin: APP }, { transport: toTransport(url), engines: [...BROWSERS, 'spec'] });
        for (const v of verdicts) {
          expect(v.reason?.code).toBe('CredentialsInUrl');
          expect(v.exchanges).toEqual([]);
          expect(fixSentence(v)).toMatch(/Authorization/);
        }
        expect(seen).toEqual([]);
      },
    );
  });

  it('the transport sends a URL\'s credentials nowhere: no Authorization header the request does not carry', async () => {
    const seen: string[] = [];
    await using(
      rawServer(() => 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n', seen),
      async ({ url }) => {
        await fromUrl(url).send({ method: 'GET', url: `${url.replace('http://', 'http://user:pw@')}/x`, headers: [], body: null }, { signal: new AbortController().signal });
        expect(seen).toHaveLength(1);
        expect(seen[0]).not.toMatch(/authorization/i);
      },
    );
  });
});

describe('timeouts a timer cannot hold', () => {
  it('are refused everywhere a timeout is taken', async () => {
    const tooLong = 2 ** 31;
    expect(() => fromUrl('http://127.0.0.1:9', { timeoutMs: tooLong })).toThrow(/2147483648 ms is longer than a timer can hold \(2147483647 ms/);
    expect(() => toTransport(() => new Response(), { timeoutMs: tooLong })).toThrow(InvalidArgumentError);
    await expect(simulate({ url: 'https://api.example/', origin: APP }, { transport: () => new Response(), timeoutMs: tooLong })).rejects.toThrow(
      /Invalid options.timeoutMs: 2147483648 ms is longer than a timer can hold/,
    );
    // The largest that fits is accepted.
    expect(fromUrl('http://127.0.0.1:9', { timeoutMs: 2 ** 31 - 1 }).name).toMatch(/^url /);
  });
});

describe('connections: pooled per host as a browser does', () => {
  it('5,000 concurrent calls to one URL: every one allowed, at most 6 requests on the wire at once', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    let open = 0;
    let maxOpen = 0;
    const server = http.createServer((_req, res) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      res.on('finish', () => inFlight--);
      res.setHeader('Access-Control-Allow-Origin', '*');
      res.end('ok');
    });
    server.on('connection', (socket) => {
      open++;
      maxOpen = Math.max(maxOpen, open);
      socket.on('close', () => open--);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/items`;
    try {
      const verdicts = await Promise.all(Array.from({ length: 5_000 }, () => simulate({ url, origin: APP }, { transport: toTransport(url) })));
      expect(verdicts.filter((v) => !v.allowed).map((v) => `${v.reason?.code} ${v.exchanges.at(-1)?.error}`).slice(0, 3)).toEqual([]);
      expect(maxInFlight).toBeLessThanOrEqual(6);
      // A closed connection leaves the server's list a moment after the next one opens.
      expect(maxOpen).toBeLessThanOrEqual(12);
    } finally {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  }, 120_000);

  it('out of file descriptors: a LocalResourceError, never a verdict blaming the server', async () => {
    requireBuild();
    const servers: http.Server[] = [];
    for (let i = 0; i < 30; i++) {
      const server = http.createServer((_req, res) => {
        setTimeout(() => {
          res.setHeader('Access-Control-Allow-Origin', '*');
          res.end('ok');
        }, 50);
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      servers.push(server);
    }
    const urls = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}/x`);
    // 30 hosts x 6 connections in a process allowed 64 open files: most connections cannot be opened.
    const script = `
      import { simulate, toTransport, LocalResourceError } from ${JSON.stringify(new URL('../../dist/index.js', import.meta.url).pathname)};
      const urls = ${JSON.stringify(urls)};
      const calls = urls.flatMap((url) => Array.from({ length: 6 }, () => simulate({ url, origin: 'https://app.example' }, { transport: toTransport(url) }).then(
        (v) => (v.allowed ? 'allowed' : 'verdict ' + v.reason.code),
        (e) => (e instanceof LocalResourceError && /not an answer from the server/.test(e.message) ? 'local ' + e.errno + ' ' + e.code : 'other ' + e.message),
      )));
      const counts = {};
      for (const outcome of await Promise.all(calls)) counts[outcome] = (counts[outcome] ?? 0) + 1;
      console.log(JSON.stringify(counts));
    `;
    try {
      const stdout = await new Promise<string>((resolve, reject) => {
        execFile('bash', ['-c', 'ulimit -n 64 && exec "$0" --input-type=module -e "$1"', process.execPath, script], { encoding: 'utf8', timeout: 60_000 }, (error, out, err) =>
          error ? reject(new Error(`${error.message}\n${err}`)) : resolve(out),
        );
      });
      const counts = JSON.parse(stdout) as Record<string, number>;
      expect(Object.keys(counts).sort()).toEqual(['allowed', 'local EMFILE ERR_CORSPROOF_LOCAL_RESOURCE']);
      expect(counts['local EMFILE ERR_CORSPROOF_LOCAL_RESOURCE']).toBeGreaterThan(0);
      expect(counts.allowed + counts['local EMFILE ERR_CORSPROOF_LOCAL_RESOURCE']).toBe(180);
    } finally {
      for (const server of servers) server.close();
    }
  }, 90_000);
});
