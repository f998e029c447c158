/**
 * The API server of the hostile probe (`hostile.ts`), shared with the test that replays its recordings
 * (test/conformance/hostile-probe.test.ts): a raw TCP server on 127.0.0.1, so the exact bytes go both ways
 * (Node's own HTTP server refuses control bytes in header values).
 *
 * Paths:
 * - `/size/one/<n>`, `/size/many/<n>`: a 200 whose head is exactly n bytes (status line, header lines, blank
 *   line), padded with one `X-Pad` header or with 1,000-byte `X-Pad-<i>` headers;
 * - `/reqbyte/<hex>`, `/reqbyte/whitespace`, `/safe/<hex>`: allow everything (preflights allow `x-probe`, `accept`);
 *   what arrived is in `received`;
 * - `/resbyte/value/<hex>`: an exposed `X-Probe: a<byte>b`; `/resbyte/acao/<hex>`: `Access-Control-Allow-Origin:
 *   <origin><byte>`; `/resbyte/status/<hex>`: the status text `O<byte>K`;
 * - `/cred/<n>`: allow everything (a browser should never get there);
 * - `/conn/<i>`: answer after 400 ms, counting the requests in flight at once.
 */
import { tcpServer } from './raw-server.js';

/** Request header value bytes probed: every C0 control, DEL, and three bytes from 0x80. */
export const REQUEST_BYTES: readonly number[] = [...Array(0x20).keys(), 0x7f, 0x80, 0x9b, 0xff];
/** Response header value and status text bytes probed (CR and LF would end the line). */
export const RESPONSE_BYTES: readonly number[] = [0x00, 0x01, 0x08, 0x09, 0x0b, 0x0c, 0x1b, 0x7f, 0x80, 0x9b, 0xff];

export const hex = (byte: number): string => byte.toString(16).padStart(2, '0');

export interface ReceivedRequest {
  method: string;
  target: string;
  /** The request head as received, one character per byte. */
  head: string;
}

export interface HostileApi {
  url: string;
  /** Requests received, by the first two path segments (`reqbyte/01`, `cred/1`). */
  received: Map<string, ReceivedRequest[]>;
  /** The most `/conn/` requests that were in flight at once. */
  maxInFlight(): number;
  close(): Promise<void>;
}

function head(status: number, reason: string, lines: readonly string[]): Buffer {
  return Buffer.from(`HTTP/1.1 ${status} ${reason}\r\n${lines.map((l) => `${l}\r\n`).join('')}\r\n`, 'latin1');
}

/** A response head of exactly `size` bytes (or the smallest possible, if `size` is smaller). */
export function sizedHead(kind: 'one' | 'many', size: number, origin: string): Buffer {
  const base = [`Access-Control-Allow-Origin: ${origin}`, 'Content-Length: 0', 'Connection: close'];
  let room = size - head(200, 'OK', base).length;
  const lines = [...base];
  if (kind === 'one') {
    const overhead = 'X-Pad: '.length + 2;
    if (room >= overhead) lines.push(`X-Pad: ${'a'.repeat(room - overhead)}`);
  } else {
    let i = 0;
    while (room > 0) {
      const name = `X-Pad-${i++}: `;
      if (room < name.length + 3) break;
      // Never leave a remainder too short for a line of its own.
      const take = room - 1000 < name.length + 3 ? room : 1000;
      lines.push(`${name}${'a'.repeat(take - name.length - 2)}`);
      room -= take;
    }
  }
  return head(200, 'OK', lines);
}

function answer(method: string, target: string, origin: string): Buffer {
  const parts = target.split('/').filter(Boolean);
  const allow = [`Access-Control-Allow-Origin: ${origin}`, 'Access-Control-Allow-Credentials: true'];
  const close = ['Content-Length: 0', 'Connection: close'];
  if (method === 'OPTIONS') {
    return head(204, 'No Content', [...allow, 'Access-Control-Allow-Methods: GET, POST, PUT', 'Access-Control-Allow-Headers: x-probe, accept, content-language', 'Access-Control-Max-Age: 0', ...close]);
  }
  if (parts[0] === 'size') return sizedHead(parts[1] === 'many' ? 'many' : 'one', Number(parts[2]), origin);
  if (parts[0] === 'resbyte') {
    const byte = String.fromCharCode(parseInt(parts[2], 16));
    if (parts[1] === 'value') return head(200, 'OK', [...allow, 'Access-Control-Expose-Headers: x-probe', `X-Probe: a${byte}b`, ...close]);
    if (parts[1] === 'acao') return head(200, 'OK', [`Access-Control-Allow-Origin: ${origin}${byte}`, ...close]);
    if (parts[1] === 'status') return head(200, `O${byte}K`, [...allow, ...close]);
  }
  return head(200, 'OK', [...allow, ...close]);
}

export async function startHostileApi(): Promise<HostileApi> {
  const received = new Map<string, ReceivedRequest[]>();
  let inFlight = 0;
  let maxInFlight = 0;
  const server = await tcpServer((socket) => {
    let buffer = Buffer.alloc(0);
    socket.on('data', (chunk: Buffer) => {
      buffer = Buffer.concat([buffer, chunk]);
      const end = buffer.indexOf('\r\n\r\n');
      if (end < 0) return;
      const raw = buffer.subarray(0, end).toString('latin1');
      buffer = Buffer.alloc(0);
      const [line, ...rest] = raw.split('\r\n');
      const [method, target] = line.split(' ');
      const origin = rest.find((l) => /^origin:/i.test(l))?.slice('origin:'.length).trim() ?? '*';
      const key = target.split('/').filter(Boolean).slice(0, 2).join('/');
      const list = received.get(key) ?? [];
      list.push({ method, target, head: raw });
      received.set(key, list);
      const reply = (): void => {
        socket.end(answer(method, target, origin));
      };
      if (target.startsWith('/conn/') && method !== 'OPTIONS') {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        setTimeout(() => {
          inFlight--;
          reply();
        }, 400);
      } else {
        reply();
      }
    });
  });
  return { ...server, received, maxInFlight: () => maxInFlight };
}

/** The header line a probe request carried (`x-probe: ...`, or `accept: ...` for `/safe/`), or null. */
export function probeLine(request: ReceivedRequest): string | null {
  return request.head.split('\r\n').find((l) => /^(x-probe|accept|access-control-request-headers):/i.test(l) && !/^accept: \*\/\*$/i.test(l)) ?? null;
}
