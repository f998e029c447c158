/**
 * Each engine reading the bytes a real connection delivered (src/emulator/raw-response.ts with the rules of
 * src/engines/http1.ts), beyond the recorded heads (test/conformance/heads-probe.test.ts): bodies a method or status
 * rules out, chunk extensions and trailers, several interim responses, content codings that do decode, and the
 * outcomes no engine reads again: a server that hangs after its head, a body cut at `maxBodyBytes`.
 */
import * as zlib from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { CHROMIUM_HTTP1, FIREFOX_HTTP1, WEBKIT_HTTP1 } from '../../src/engines/http1.js';
import { isPlainResponse, readRawResponse } from '../../src/emulator/raw-response.js';
import { simulateEngines } from '../../src/simulate.js';
import { fromNodeHandler, fromUrl } from '../../src/transports/index.js';
import { tcpServer } from '../transports/fixtures/faulty.js';

const ALL = [CHROMIUM_HTTP1, FIREFOX_HTTP1, WEBKIT_HTTP1];
const bytes = (text: string | Buffer) => new Uint8Array(typeof text === 'string' ? Buffer.from(text, 'latin1') : text);
const text = (body: Uint8Array) => Buffer.from(body).toString('latin1');
const ORIGIN = 'http://127.0.0.1:1';

function read(raw: string | Buffer, rules = CHROMIUM_HTTP1, method = 'GET') {
  const reading = readRawResponse(bytes(raw), method, rules);
  if (!reading.ok) throw new Error(`not read: ${JSON.stringify(reading.problem)}`);
  return reading.response;
}

describe('readRawResponse', () => {
  it('gives no body to the answer to a HEAD, nor to a 304, whatever the framing says', () => {
    for (const rules of ALL) {
      expect(text(read('HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok', rules, 'HEAD').body)).toBe('');
      expect(text(read('HTTP/1.1 304 Not Modified\r\nContent-Length: 2\r\n\r\nok', rules).body)).toBe('');
    }
  });

  it('reads chunk extensions and skips trailers', () => {
    for (const rules of ALL) {
      const response = read('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2;name=value\r\nok\r\n3\r\n!!!\r\n0\r\nX-Trailer: 1\r\n\r\n', rules);
      expect(text(response.body)).toBe('ok!!!');
      expect(response.headers.map(([n]) => n)).toEqual(['Transfer-Encoding']);
    }
  });

  it('skips every interim response before the final one', () => {
    for (const rules of ALL) {
      const response = read('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\nHTTP/1.1 201 Created\r\nContent-Length: 0\r\n\r\n', rules);
      expect([response.status, response.statusText]).toEqual([201, 'Created']);
      expect(response.headers).toEqual([['Content-Length', '0']]);
    }
  });

  it('decodes gzip, deflate (zlib and raw) and br bodies in Chromium and Firefox; WebKit hands the bytes over', () => {
    const plain = Buffer.from('hello, world');
    for (const [coding, encoded] of [
      ['gzip', zlib.gzipSync(plain)],
      ['deflate', zlib.deflateSync(plain)],
      ['deflate', zlib.deflateRawSync(plain)],
      ['br', zlib.brotliCompressSync(plain)],
    ] as const) {
      const raw = Buffer.concat([Buffer.from(`HTTP/1.1 200 OK\r\nContent-Encoding: ${coding}\r\nContent-Length: ${encoded.length}\r\n\r\n`, 'latin1'), encoded]);
      for (const rules of [CHROMIUM_HTTP1, FIREFOX_HTTP1]) {
        const response = read(raw, rules);
        expect(text(response.body), coding).toBe('hello, world');
        expect(response.bodyError).toBeUndefined();
      }
      expect(Buffer.from(read(raw, WEBKIT_HTTP1).body).equals(encoded)).toBe(true);
    }
  });

  it('keeps the value of a header whose continuation follows a skipped line with the header before it', () => {
    const response = read('HTTP/1.1 200 OK\r\nX-A: 1\r\nno colon here\r\n 2\r\nContent-Length: 0\r\n\r\n');
    expect(response.headers).toEqual([['X-A', '1 2'], ['Content-Length', '0']]);
  });

  it('says why a response is a network error, as data', () => {
    expect(readRawResponse(bytes(''), 'GET', CHROMIUM_HTTP1)).toEqual({ ok: false, problem: { problem: 'no-response' } });
    expect(readRawResponse(bytes('HTTP/1.1 abc OK\r\n\r\n'), 'GET', FIREFOX_HTTP1)).toEqual({ ok: false, problem: { problem: 'status-line', line: 'HTTP/1.1 abc OK' } });
    expect(readRawResponse(bytes('HTTP/1.1 200 OK\r\nTransfer-Encoding: foo\r\n\r\nok'), 'GET', WEBKIT_HTTP1)).toEqual({
      ok: false,
      problem: { problem: 'framing', header: 'Transfer-Encoding', value: 'foo' },
    });
  });
});

describe('isPlainResponse: the responses no engine needs to read again', () => {
  it('takes an everyday response, and no head an engine reads its own way', () => {
    const plain = 'HTTP/1.1 200 OK\r\nX-Powered-By: Express\r\nAccess-Control-Allow-Origin: https://app.example\r\nVary: Origin\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 7\r\nETag: W/"7-abc"\r\nConnection: close\r\n\r\n[1,2,3]';
    expect(isPlainResponse(bytes(plain))).toBe(true);
    expect(isPlainResponse(bytes('HTTP/1.1 204 No Content\r\nAccess-Control-Allow-Origin: *\r\n\r\n'))).toBe(true);
    for (const odd of [
      plain.replace('Content-Length: 7', 'Content-Length: 8'),
      plain.replace('HTTP/1.1 200 OK', 'HTTP/1.1 2000 OK'),
      plain.replace('HTTP/1.1 200 OK', 'http/1.1 200 OK'),
      plain.replace('HTTP/1.1 200 OK', 'HTTP/1.1 205 Reset Content'),
      plain.replace('Vary: Origin', 'Vary : Origin'),
      plain.replace('Vary: Origin', 'Vary: Origin\r\n folded'),
      plain.replace('Content-Length: 7', 'Transfer-Encoding: chunked'),
      plain.replace('Connection: close', 'Content-Encoding: gzip'),
      plain.replace('Connection: close', 'Content-Length: 7'),
      plain.replace('\r\nVary', '\nVary'),
      'HTTP/1.1 100 Continue\r\n\r\n',
    ]) {
      expect(isPlainResponse(bytes(odd)), JSON.stringify(odd.slice(0, 40))).toBe(false);
    }
  });
});

describe('what no engine reads again', () => {
  it('a server that sends its head and hangs is a Timeout in every engine, not a response read from what came', async () => {
    const server = await tcpServer((socket) => socket.once('data', () => socket.write('HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: 10\r\n\r\nok')));
    try {
      // The emulator's deadline, and the transport's own (which aborts the exchange there).
      for (const [transport, timeoutMs] of [[fromUrl(server.url), 300], [fromUrl(server.url, { timeoutMs: 300 }), undefined]] as const) {
        const verdicts = await simulateEngines({ url: `${server.url}/x`, origin: ORIGIN }, { transport, timeoutMs });
        expect(verdicts.map((v) => v.reason?.code)).toEqual(['Timeout', 'Timeout', 'Timeout']);
      }
    } finally {
      await server.close();
    }
  });

  it('a body cut at maxBodyBytes stays the transport\'s reading: truncated, not a body error', async () => {
    const body = 'x'.repeat(5000);
    const server = await tcpServer((socket) => socket.once('data', () => socket.end(`HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nContent-Length: ${body.length}\r\n\r\n${body}`)));
    try {
      const verdicts = await simulateEngines({ url: `${server.url}/x`, origin: ORIGIN }, { transport: fromUrl(server.url, { maxBodyBytes: 1000 }) });
      for (const verdict of verdicts) {
        expect(verdict.allowed).toBe(true);
        expect(verdict.response?.bodyError).toBeUndefined();
        expect(verdict.exchanges[0].response?.bodyTruncated).toBe(true);
      }
    } finally {
      await server.close();
    }
  });
});

describe('an in-process Node listener that writes its own bytes', () => {
  it('is read by each engine as its network stack reads them, over the one in-memory exchange', async () => {
    let calls = 0;
    const listener = (_req: unknown, res: { socket: { end(text: string): void } }) => {
      calls++;
      res.socket.end('HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin : *\r\nContent-Length: 2\r\n\r\nok');
    };
    const [chromium, firefox, webkit] = await simulateEngines({ url: 'https://api.example/x', origin: ORIGIN }, { transport: fromNodeHandler(listener as never) });
    expect(calls).toBe(1);
    // Chromium reads the name without the space before the colon; Firefox and WebKit drop the line.
    expect(chromium.allowed).toBe(true);
    expect(chromium.response?.text()).toBe('ok');
    expect([firefox.reason?.code, webkit.reason?.code]).toEqual(['MissingAllowOriginHeader', 'MissingAllowOriginHeader']);
  });
});
