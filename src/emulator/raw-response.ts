/**
 * A response read from the bytes a server sent, as one engine's network stack reads HTTP/1.x: what Node's parser
 * refuses or reads otherwise is read here as the browser does (recorded with a raw TCP server:
 * scripts/conformance/probes/heads.ts). The engines' differences are their `Http1Rules` (src/engines/http1.ts);
 * what all three do alike (recorded):
 * - a line ends at LF, a CR before it dropped; the head ends at an empty line, or where the connection closed;
 * - a header line without a colon, with an empty name or a name that is no token is skipped, and so is a
 *   continuation line right after the status line;
 * - interim responses (1xx but 101) are skipped;
 * - a body ends at its length (more bytes are ignored), at the last chunk, or at the close; a 204 or 304, and
 *   the answer to a HEAD, has none.
 */
import { decodeContent, type BrokenBody, type Http1Rules } from '../engines/http1.js';
import { isToken } from '../spec/http.js';
import type { BodyError, NetworkFailure, WireResponse } from '../types.js';

/** What the engine's reader found wrong, as the `refused-head` failure says it (without the engine's name). */
export type HeadProblem = NetworkFailure extends infer F ? (F extends { kind: 'refused-head'; engine: unknown } ? Omit<F, 'kind' | 'engine'> : never) : never;

export type RawReading = { ok: true; response: WireResponse } | { ok: false; problem: HeadProblem };

/** One character per byte. */
function latin1(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 8192) out += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return out;
}

function bytesOf(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
  return out;
}

const trimWs = (value: string): string => value.replace(/^[ \t]+|[ \t]+$/g, '');

interface Head {
  lines: string[];
  /** Where the body starts. */
  end: number;
  /** False when the connection closed before the empty line. */
  complete: boolean;
}

function readHead(text: string, start: number, rules: Http1Rules): Head {
  const lines: string[] = [];
  let pos = start;
  for (;;) {
    const lf = text.indexOf('\n', pos);
    const rawLine = lf < 0 ? text.slice(pos) : text.slice(pos, lf);
    const atEnd = lf < 0;
    pos = atEnd ? text.length : lf + 1;
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line === '') {
      if (atEnd) return { lines, end: pos, complete: false };
      return { lines, end: pos, complete: true };
    }
    if (lines.length > 0 && line.includes('\r')) {
      // A CR inside a header line: the engine's rule.
      if (rules.bareCr === 'line-break') lines.push(...line.split('\r').filter((part) => part !== ''));
      else if (rules.bareCr === 'space') lines.push(line.replaceAll('\r', ' '));
    } else {
      lines.push(line);
    }
    if (atEnd) return { lines, end: pos, complete: false };
  }
}

/** The header lines as the engine keeps them, or why the response is a network error. */
function readHeaderLines(lines: readonly string[], rules: Http1Rules): Array<[string, string]> | HeadProblem {
  const headers: Array<[string, string]> = [];
  for (let k = 1; k < lines.length; k++) {
    const line = lines[k];
    if (line[0] === ' ' || line[0] === '\t') {
      // obs-fold: the value goes on; with no header before it, the line is skipped.
      const last = headers[headers.length - 1];
      if (last === undefined) continue;
      last[1] = trimWs(rules.fold === 'space' ? `${last[1]} ${trimWs(line)}` : `${last[1]}${line}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    let name = line.slice(0, colon);
    if (name.endsWith(' ') || name.endsWith('\t')) {
      if (rules.spaceBeforeColon === 'drop-line') continue;
      name = trimWs(name);
    }
    if (name.includes('\u0000')) {
      if (rules.nulInName === 'network-error') return { problem: 'nul-in-name', header: name };
      continue;
    }
    if (!isToken(name)) continue;
    headers.push([name, trimWs(line.slice(colon + 1))]);
  }
  return headers;
}

function valuesOf(headers: ReadonlyArray<readonly [string, string]>, lower: string): string[] {
  const out: string[] = [];
  for (const [name, value] of headers) if (name.toLowerCase() === lower) out.push(value);
  return out;
}

type Body = { body: string; error?: BodyError } | { failed: HeadProblem };

function broken(rule: BrokenBody, body: string, what: BodyError): Body {
  if (rule === 'network-error') return { failed: { problem: what } };
  if (rule === 'body-error') return { body, error: what };
  return { body };
}

/** A chunked body from `start`: chunk sizes in hex, each chunk followed by CRLF, the last one of size 0. */
function dechunk(text: string, start: number, rules: Http1Rules): Body {
  let pos = start;
  let body = '';
  for (;;) {
    const lf = text.indexOf('\n', pos);
    if (lf < 0) return broken(rules.brokenChunks, body, 'broken-chunks');
    const sizeLine = text.slice(pos, lf).replace(/\r$/, '');
    const sizeText = sizeLine.split(';')[0].trim();
    if (!/^[0-9a-fA-F]+$/.test(sizeText)) return broken(rules.brokenChunks, body, 'broken-chunks');
    const n = parseInt(sizeText, 16);
    pos = lf + 1;
    if (n === 0) return { body };
    if (pos + n > text.length) return broken(rules.brokenChunks, body + text.slice(pos), 'broken-chunks');
    body += text.slice(pos, pos + n);
    pos += n;
    if (text.startsWith('\r\n', pos)) pos += 2;
    else if (text[pos] === '\n') pos += 1;
  }
}

function readBody(text: string, start: number, status: number, method: string, headers: ReadonlyArray<readonly [string, string]>, rules: Http1Rules): Body {
  const noBody = method === 'HEAD' || status === 204 || status === 304 || (status === 205 && rules.resetContentHasNoBody) || (status >= 100 && status < 200);
  if (noBody) return { body: '' };
  const codings = valuesOf(headers, 'transfer-encoding');
  if (codings.length > 0) {
    const list = codings.join(',').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
    const chunked = rules.transferEncoding === 'only-chunked' ? list.length === 1 && list[0] === 'chunked' : list[list.length - 1] === 'chunked';
    if (chunked) return dechunk(text, start, rules);
    if (rules.transferEncoding === 'only-chunked') return { failed: { problem: 'framing', header: 'Transfer-Encoding', value: codings.join(', ') } };
    return { body: text.slice(start) };
  }
  const lengths = valuesOf(headers, 'content-length');
  if (lengths.length === 0) return { body: text.slice(start) };
  const length = rules.contentLength(lengths);
  if (length === 'to-close') return { body: text.slice(start) };
  if (length === 'network-error') return { failed: { problem: 'framing', header: 'Content-Length', value: lengths.join(', ') } };
  if (length === 'body-error') return { body: '', error: 'content-length' };
  if (text.length - start < length) return broken(rules.shortBody, text.slice(start), 'short-body');
  return { body: text.slice(start, start + length) };
}

/** Read `bytes` (everything the server sent for one request, until the connection closed) as `rules` say. */
export function readRawResponse(bytes: Uint8Array, method: string, rules: Http1Rules): RawReading {
  const text = latin1(bytes);
  let start = 0;
  for (;;) {
    if (start >= text.length) return { ok: false, problem: { problem: 'no-response' } };
    const head = readHead(text, start, rules);
    const statusLine = head.lines[0] ?? '';
    const parsed = rules.statusLine(statusLine);
    if (parsed === null) return { ok: false, problem: { problem: 'status-line', line: statusLine } };
    const headers = readHeaderLines(head.lines, rules);
    if (!Array.isArray(headers)) return { ok: false, problem: headers };
    const { status, statusText } = parsed;
    if (status >= 100 && status < 200 && status !== 101 && head.complete) {
      // An interim response: the final one follows.
      start = head.end;
      continue;
    }
    if (status === 101 && rules.switchingProtocols === 'network-error') return { ok: false, problem: { problem: 'switching-protocols' } };
    const kept = rules.dedupeContentLength ? withoutRepeatedLengths(headers) : headers;
    const body = head.complete ? readBody(text, head.end, status, method, headers, rules) : { body: '' };
    if ('failed' in body) return { ok: false, problem: body.failed };
    const response: WireResponse = { status, statusText, headers: kept, body: bytesOf(body.body) };
    if (body.error !== undefined) response.bodyError = body.error;
    else if (rules.decodesContent) decode(response);
    return { ok: true, response };
  }
}

/** The body decoded by its `Content-Encoding`, or emptied with a body error when it does not decode. */
function decode(response: WireResponse): void {
  const codings = valuesOf(response.headers, 'content-encoding').join(',').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
  if (codings.length === 0 || response.body.byteLength === 0) return;
  const decoded = decodeContent(codings, response.body);
  if (decoded !== null) response.body = decoded;
  else {
    response.body = new Uint8Array(0);
    response.bodyError = 'content-coding';
  }
}

/** The header list with each `Content-Length` line that repeats an earlier one's value left out. */
function withoutRepeatedLengths(headers: Array<[string, string]>): Array<[string, string]> {
  const seen = new Set<string>();
  return headers.filter(([name, value]) => {
    if (name.toLowerCase() !== 'content-length') return true;
    if (seen.has(value)) return false;
    seen.add(value);
    return true;
  });
}
