/**
 * The API server of the response-head probe (`heads.ts`), shared with the test that replays its recordings
 * (test/conformance/heads-probe.test.ts): a raw TCP server on 127.0.0.1 that answers `GET /head/<case>` with the
 * case's bytes exactly, then closes the connection. Each case is a response head a careless or hostile server
 * may send: status lines, header lines and line ends off the grammar, conflicting body framing, interim
 * responses, content codings. Every case but a few that test it allows any origin and exposes every header.
 */
import { tcpServer, type RawServer } from './raw-server.js';

const ALLOW = ['Access-Control-Allow-Origin: *', 'Access-Control-Expose-Headers: *'];

interface HeadOptions {
  status?: string;
  eol?: string;
  allow?: readonly string[];
}

/** A status line, header lines (CORS-allowing first) and the blank line, then `body`. */
function response(lines: readonly string[], body = 'ok', { status = 'HTTP/1.1 200 OK', eol = '\r\n', allow = ALLOW }: HeadOptions = {}): string {
  return `${status}${eol}${[...allow, ...lines].map((l) => `${l}${eol}`).join('')}${eol}${body}`;
}

const LENGTH = 'Content-Length: 2';
const CHUNKED_OK = '2\r\nok\r\n0\r\n\r\n';

/** Each case's bytes, one character per byte (latin1). */
export const HEAD_CASES: Readonly<Record<string, string>> = {
  ok: response(['X-A: 1', LENGTH]),
  // Status lines.
  'no-reason': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 200' }),
  'no-reason-space': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 200 ' }),
  'reason-words': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 200 Quite  OK here' }),
  http10: response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.0 200 OK' }),
  'http11-lower': response(['X-A: 1', LENGTH], 'ok', { status: 'http/1.1 200 OK' }),
  'http2-line': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/2 200 OK' }),
  http12: response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.2 200 OK' }),
  'status-2000': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 2000 OK' }),
  'status-099': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 099 OK' }),
  'status-20': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 20 OK' }),
  'status-abc': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 abc OK' }),
  'status-tab': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1\t200 OK' }),
  'status-two-spaces': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1  200 OK' }),
  http09: 'ok',
  garbage: 'hello world\r\n\r\n',
  empty: '',
  'no-blank-line': 'HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\r\nX-A: 1\r\n',
  // Header lines.
  'no-colon': response(['X-A: 1', 'Garbage', 'X-B: 2', LENGTH]),
  'space-before-colon': response(['X-A : 1', 'X-B: 2', LENGTH]),
  'space-before-colon-acao': response(['Access-Control-Allow-Origin : *', 'X-B: 2', LENGTH], 'ok', { allow: ['Access-Control-Expose-Headers: *'] }),
  'tab-before-colon': response(['X-A\t: 1', 'X-B: 2', LENGTH]),
  'obs-fold': response(['X-A: 1', ' 2', 'X-B: 3', LENGTH]),
  'obs-fold-tab': response(['X-A: 1', '\t2', 'X-B: 3', LENGTH]),
  'obs-fold-acao': response(['Access-Control-Allow-Origin:', ' *', 'X-B: 2', LENGTH], 'ok', { allow: ['Access-Control-Expose-Headers: *'] }),
  'first-line-fold': `HTTP/1.1 200 OK\r\n X-A: 1\r\n${ALLOW.join('\r\n')}\r\nX-B: 2\r\n${LENGTH}\r\n\r\nok`,
  'bare-lf': response(['X-A: 1', LENGTH], 'ok', { eol: '\n' }),
  'mixed-eol': 'HTTP/1.1 200 OK\r\nAccess-Control-Allow-Origin: *\nAccess-Control-Expose-Headers: *\r\nX-A: 1\n' + `${LENGTH}\r\n\nok`,
  'bare-cr': response(['X-A: 1\rX-B: 2', LENGTH]),
  'empty-name': response([': 1', 'X-B: 2', LENGTH]),
  'name-space': response(['X A: 1', 'X-B: 2', LENGTH]),
  'name-nonascii': response(['X-\xe9: 1', 'X-B: 2', LENGTH]),
  'name-paren': response(['X(A): 1', 'X-B: 2', LENGTH]),
  'name-slash': response(['X/A: 1', 'X-B: 2', LENGTH]),
  'name-nul': response(['X-\0A: 1', 'X-B: 2', LENGTH]),
  'empty-value': response(['X-A:', 'X-B: 2', LENGTH]),
  'no-space-value': response(['X-A:1', LENGTH]),
  // Body framing.
  'cl-dup-same': response(['X-A: 1', LENGTH, LENGTH]),
  'cl-dup-diff': response(['X-A: 1', LENGTH, 'Content-Length: 3']),
  'cl-list-same': response(['X-A: 1', 'Content-Length: 2, 2']),
  'cl-list-diff': response(['X-A: 1', 'Content-Length: 2, 3']),
  'cl-negative': response(['X-A: 1', 'Content-Length: -1']),
  'cl-letters': response(['X-A: 1', 'Content-Length: abc']),
  'cl-plus': response(['X-A: 1', 'Content-Length: +2']),
  'cl-short': response(['X-A: 1', 'Content-Length: 10']),
  'cl-long': response(['X-A: 1', 'Content-Length: 1']),
  'no-length': response(['X-A: 1']),
  chunked: response(['X-A: 1', 'Transfer-Encoding: chunked'], CHUNKED_OK),
  'cl-and-chunked': response(['X-A: 1', LENGTH, 'Transfer-Encoding: chunked'], CHUNKED_OK),
  'chunked-bad-size': response(['X-A: 1', 'Transfer-Encoding: chunked'], 'zz\r\nok\r\n0\r\n\r\n'),
  'chunked-no-end': response(['X-A: 1', 'Transfer-Encoding: chunked'], '2\r\nok\r\n'),
  'te-unknown': response(['X-A: 1', 'Transfer-Encoding: foo']),
  'te-gzip-chunked': response(['X-A: 1', 'Transfer-Encoding: gzip, chunked'], CHUNKED_OK),
  'ce-gzip-bad': response(['X-A: 1', 'Content-Encoding: gzip', LENGTH]),
  'ce-unknown': response(['X-A: 1', 'Content-Encoding: foo', LENGTH]),
  'ce-identity': response(['X-A: 1', 'Content-Encoding: identity', LENGTH]),
  // The CORS headers themselves, written carelessly.
  'allow-no-space': response(['Access-Control-Allow-Origin:*', 'X-A: 1', LENGTH], 'ok', { allow: ['Access-Control-Expose-Headers: *'] }),
  'allow-upper': response(['ACCESS-CONTROL-ALLOW-ORIGIN: *', 'X-A: 1', LENGTH], 'ok', { allow: ['Access-Control-Expose-Headers: *'] }),
  'allow-tabs': response(['Access-Control-Allow-Origin:\t*\t', 'X-A: 1', LENGTH], 'ok', { allow: ['Access-Control-Expose-Headers: *'] }),
  'allow-in-trailer': response(['X-A: 1', 'Transfer-Encoding: chunked'], '2\r\nok\r\n0\r\nAccess-Control-Allow-Origin: *\r\n\r\n', { allow: ['Access-Control-Expose-Headers: *'] }),
  'allow-after-body': `HTTP/1.1 200 OK\r\nAccess-Control-Expose-Headers: *\r\nX-A: 1\r\n${LENGTH}\r\n\r\nokAccess-Control-Allow-Origin: *\r\n\r\n`,
  // Line ends and what comes before the status line.
  'cr-only': response(['X-A: 1', LENGTH], 'ok', { eol: '\r' }),
  'blank-line-first': `\r\n${response(['X-A: 1', LENGTH])}`,
  'space-first': ` ${response(['X-A: 1', LENGTH])}`,
  'second-response': `${response(['X-A: 1', LENGTH])}${response(['X-A: 2', LENGTH])}`,
  // More framing.
  'te-identity': response(['X-A: 1', 'Transfer-Encoding: identity', LENGTH]),
  'te-chunked-twice': response(['X-A: 1', 'Transfer-Encoding: chunked', 'Transfer-Encoding: chunked'], CHUNKED_OK),
  'te-upper': response(['X-A: 1', 'Transfer-Encoding: CHUNKED'], CHUNKED_OK),
  'chunk-size-space': response(['X-A: 1', 'Transfer-Encoding: chunked'], '2 \r\nok\r\n0\r\n\r\n'),
  'chunk-size-0x': response(['X-A: 1', 'Transfer-Encoding: chunked'], '0x2\r\nok\r\n0\r\n\r\n'),
  'chunk-size-huge': response(['X-A: 1', 'Transfer-Encoding: chunked'], 'fffffffffffffffff\r\nok\r\n0\r\n\r\n'),
  'cl-zero-body': response(['X-A: 1', 'Content-Length: 0']),
  'cl-space': response(['X-A: 1', 'Content-Length:  2 ']),
  'status-600': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 600 Odd' }),
  'status-999': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 999 Odd' }),
  'interim-only': 'HTTP/1.1 100 Continue\r\nAccess-Control-Allow-Origin: *\r\n\r\n',
  'whitespace-line': response(['X-A: 1', ' ', 'X-B: 2', LENGTH]),
  // Interim responses and statuses with rules of their own.
  'interim-100': `HTTP/1.1 100 Continue\r\n\r\n${response(['X-A: 1', LENGTH])}`,
  'interim-102': `HTTP/1.1 102 Processing\r\n\r\n${response(['X-A: 1', LENGTH])}`,
  'interim-103': `HTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n${response(['X-A: 1', LENGTH])}`,
  'interim-103-allow': `HTTP/1.1 103 Early Hints\r\n${ALLOW.join('\r\n')}\r\n\r\n${response(['X-A: 1', LENGTH], 'ok', { allow: [] })}`,
  'status-101': 'HTTP/1.1 101 Switching Protocols\r\nAccess-Control-Allow-Origin: *\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\nok',
  'status-204-body': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 204 No Content' }),
  'status-205-body': response(['X-A: 1', LENGTH], 'ok', { status: 'HTTP/1.1 205 Reset Content' }),
};

export type HeadsApi = RawServer;

/** Serve every case: `/head/<case>` gets its bytes and the connection closes; anything else a 404. */
export function startHeadsApi(): Promise<HeadsApi> {
  return tcpServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const [line] = buffer.subarray(0, end).toString('latin1').split('\r\n');
      buffer = Buffer.alloc(0);
      const [method, target] = line.split(' ');
      const name = target.startsWith('/head/') ? target.slice('/head/'.length) : '';
      const bytes = method === 'GET' ? HEAD_CASES[name] : undefined;
      socket.end(Buffer.from(bytes ?? 'HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n', 'latin1'));
    });
  });
}
