/**
 * The WebSocket opening handshake (RFC 6455 section 4.1) from a given Origin, over a real connection: a `101
 * Switching Protocols` answer means the server accepted the socket; the connection is closed at once, no
 * frame is sent.
 */
import { randomBytes } from 'node:crypto';
import * as http from 'node:http';
import * as https from 'node:https';
import { TransportError } from '../errors.js';
import { combineHeader } from '../spec/header-list.js';
import type { WireRequest, WireResponse } from '../types.js';

export interface HandshakeOptions {
  timeoutMs: number;
  /** Accept self-signed certificates. */
  insecure: boolean;
}

/** The handshake request a browser's `new WebSocket(url)` sends from `origin`, plus the user's headers. */
export function handshakeRequest(url: string, origin: string, headers: Array<[string, string]>): WireRequest {
  const target = new URL(url);
  if (target.protocol === 'ws:') target.protocol = 'http:';
  if (target.protocol === 'wss:') target.protocol = 'https:';
  return {
    method: 'GET',
    url: target.href,
    headers: [
      ['Connection', 'Upgrade'],
      ['Upgrade', 'websocket'],
      ['Sec-WebSocket-Version', '13'],
      ['Sec-WebSocket-Key', randomBytes(16).toString('base64')],
      ['Origin', origin],
      ...headers,
    ],
    body: null,
  };
}

/** Send the handshake; resolves with the answer (101 or a refusal), rejects with a `TransportError`. */
export function sendHandshake(wire: WireRequest, options: HandshakeOptions): Promise<WireResponse> {
  const target = new URL(wire.url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise<WireResponse>((resolve, reject) => {
    const headers: Record<string, string> = {};
    for (const [name, value] of wire.headers) combineHeader(headers, name, value);
    const request = client.request(target, {
      method: 'GET',
      headers,
      agent: false,
      timeout: options.timeoutMs,
      ...(target.protocol === 'https:' && options.insecure ? { rejectUnauthorized: false } : {}),
    });
    const answer = (res: http.IncomingMessage): WireResponse => {
      const pairs: Array<[string, string]> = [];
      for (let i = 0; i + 1 < res.rawHeaders.length; i += 2) pairs.push([res.rawHeaders[i], res.rawHeaders[i + 1]]);
      return { status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: pairs, body: new Uint8Array(0) };
    };
    request.once('upgrade', (res, socket) => {
      socket.destroy();
      resolve(answer(res));
    });
    request.once('response', (res) => {
      res.resume();
      res.once('end', () => resolve(answer(res)));
      res.once('error', () => resolve(answer(res)));
    });
    request.once('timeout', () => {
      request.destroy();
      reject(new TransportError('timeout', `no answer to the WebSocket handshake within ${options.timeoutMs} ms`));
    });
    request.once('error', (error) => reject(new TransportError('network', `WebSocket handshake to ${target.host} failed: ${error.message}`, { cause: error })));
    request.end();
  });
}
