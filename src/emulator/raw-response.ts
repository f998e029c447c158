/**
 * A response read from the bytes a server sent, as one engine's network stack reads HTTP/1.x: what Node's parser
 * refuses or reads otherwise is read here as the browser does (recorded with a raw TCP server:
 * scripts/conformance/probes/heads.ts). The engines' differences are their `Http1Rules` (src/engines/http1.ts);
 * what all three do alike (recorded):
 * - a line ends at LF, a CR before it dropped; empty lines before the status line are skipped; the head ends at an
 *   empty line, or where the connection closed;
 * - a header line without a colon, with an empty name or a name that is no token is skipped, and so is a
 *   continuation line right after the status line;
 * - interim responses (1xx but 101) are skipped;
 * - a body ends at its length (more bytes are ignored), at the last chunk, or at the close; a 204 or 304, and
 *   the answer to a HEAD, has none.
 */
import { decodeContent, type BrokenBody, type Http1Rules } from '../engines/http1.js';
import { isToken } from '../spec/http.js';
import { byteString } from './header-encoding.js';
import type { BodyError, NetworkFailure, WireResponse } from '../types.js';

/** What the engine's reader found wrong, as the `refused-head` failure says it (without the engine's name). */
export type HeadProblem = NetworkFailure extends infer F ? (F extends { kind: 'refused-head'; engine: unknown } ? Omit<F, 'kind' | 'engine'> : never) : never;

export type RawReading = { ok: true; response: WireResponse } | { ok: false; problem: HeadProblem };

const LF = 0x0a;
const CR = 0x0d;
const EMPTY = new Uint8Array(0);

function concat(parts: readonly Uint8Array[]): Uint8Array {
  if (parts.length === 1) return parts[0];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.byteLength, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.byteLength;
  }
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

function readHead(bytes: Uint8Array, start: number, rules: Http1Rules): Head {
  const lines: string[] = [];
  let pos = start;
  for (;;) {
    const lf = bytes.indexOf(LF, pos);
    const atEnd = lf < 0;
    const lineEnd = atEnd ? bytes.length : lf;
    const rawLine = byteString(bytes.subarray(pos, lineEnd > pos && bytes[lineEnd - 1] === CR && !atEnd ? lineEnd - 1 : lineEnd));
    pos = atEnd ? bytes.length : lf + 1;
    const line = atEnd && rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    if (line === '') {
      // Empty lines before the status line are skipped.
      if (lines.length === 0 && !atEnd) continue;
      return { lines, end: pos, complete: !atEnd };
    }
    if ((lines.length > 0 || rules.bareCr === 'line-break') && line.includes('\r')) {
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

type Body = { body: Uint8Array; error?: BodyError } | { failed: HeadProblem };

function broken(rule: BrokenBody, body: Uint8Array, what: BodyError): Body {
  if (rule === 'network-error') return { failed: { problem: what } };
  if (rule === 'body-error') return { body, error: what };
  return { body };
}

/** A chunked body from `start`: chunk sizes in hex, each chunk followed by CRLF, the last one of size 0. */
function dechunk(bytes: Uint8Array, start: number, rules: Http1Rules): Body {
  let pos = start;
  const parts: Uint8Array[] = [];
  for (;;) {
    const lf = bytes.indexOf(LF, pos);
    if (lf < 0) return broken(rules.brokenChunks, concat(parts), 'broken-chunks');
    const n = rules.chunkSize(byteString(bytes.subarray(pos, lf)).replace(/\r$/, '').split(';')[0].trim());
    if (n === null) return broken(rules.brokenChunks, concat(parts), 'broken-chunks');
    pos = lf + 1;
    if (n === 0) return { body: concat(parts) };
    if (pos + n > bytes.length) return broken(rules.brokenChunks, concat([...parts, bytes.subarray(pos)]), 'broken-chunks');
    parts.push(bytes.subarray(pos, pos + n));
    pos += n;
    if (bytes[pos] === CR && bytes[pos + 1] === LF) pos += 2;
    else if (bytes[pos] === LF) pos += 1;
  }
}

function readBody(bytes: Uint8Array, start: number, status: number, method: string, headers: ReadonlyArray<readonly [string, string]>, rules: Http1Rules): Body {
  const noBody = method === 'HEAD' || status === 204 || status === 304 || (status === 205 && rules.resetContentHasNoBody) || (status >= 100 && status < 200);
  if (noBody) return { body: EMPTY };
  const rest = bytes.subarray(start);
  const codings = valuesOf(headers, 'transfer-encoding');
  if (codings.length > 0) {
    const list = codings.join(',').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
    if (rules.transferEncoding === 'last-chunked') return list[list.length - 1] === 'chunked' ? dechunk(bytes, start, rules) : { body: rest };
    const named = list.filter((c) => c !== 'identity');
    if (named.some((c) => c !== 'chunked')) return { failed: { problem: 'framing', header: 'Transfer-Encoding', value: codings.join(', ') } };
    if (named.length > 0) return dechunk(bytes, start, rules);
    // `identity` alone: the body is framed as if there were no Transfer-Encoding.
  }
  const lengths = valuesOf(headers, 'content-length');
  if (lengths.length === 0) return { body: rest };
  const length = rules.contentLength(lengths);
  if (length === 'to-close') return { body: rest };
  if (length === 'network-error') return { failed: { problem: 'framing', header: 'Content-Length', value: lengths.join(', ') } };
  if (length === 'body-error') return { body: EMPTY, error: 'content-length' };
  if (rest.byteLength < length) return broken(rules.shortBody, rest, 'short-body');
  return { body: rest.subarray(0, length) };
}

/** Read `bytes` (everything the server sent for one request, until the connection closed) as `rules` say. */
export function readRawResponse(bytes: Uint8Array, method: string, rules: Http1Rules): RawReading {
  let start = 0;
  for (;;) {
    if (start >= bytes.length) return { ok: false, problem: { problem: 'no-response' } };
    const head = readHead(bytes, start, rules);
    const statusLine = head.lines[0] ?? '';
    const parsed = rules.statusLine(statusLine);
    if (parsed === null) return { ok: false, problem: { problem: 'status-line', line: statusLine } };
    // HTTP/0.9: no head, every byte is the body.
    if (parsed === 'http09') return { ok: true, response: { status: 200, statusText: 'OK', headers: [], body: bytes.subarray(start) } };
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
    const body = head.complete ? readBody(bytes, head.end, status, method, headers, rules) : { body: EMPTY };
    if ('failed' in body) return { ok: false, problem: body.failed };
    const response: WireResponse = { status, statusText, headers: kept, body: body.body };
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
    response.body = EMPTY;
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

/** Token bytes (RFC 9110 tchar). */
const TCHAR = new Uint8Array(256);
for (const c of "!#$%&'*+-.^_`|~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz") TCHAR[c.charCodeAt(0)] = 1;
const SP = 0x20;
const HT = 0x09;

/** Whether `bytes[at...]` spells `word` (lower case) in any case. */
function spells(bytes: Uint8Array, at: number, end: number, word: string): boolean {
  if (end - at !== word.length) return false;
  for (let k = 0; k < word.length; k++) if ((bytes[at + k] | 0x20) !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * Whether `bytes` are a response every engine reads by the grammar, and so alike (and as Node's parser does): an
 * `HTTP/1.0` or `HTTP/1.1` status line with a final three-digit status (not 205) and a printable text that does not
 * start with a space, token-named header lines ending in CRLF whose values hold no control byte but tab and do not
 * end in whitespace, no `Transfer-Encoding` nor `Content-Encoding`, at most one `Content-Length`, all digits, and
 * exactly that many bytes after the head (or no length at all). The engines' own readers then have nothing to add
 * (checked: test/robustness/raw-heads.test.ts). One pass over the head's bytes: this runs for every response.
 */
export function isPlainResponse(bytes: Uint8Array): boolean {
  const n = bytes.length;
  // `HTTP/1.x NNN`
  if (n < 16 || bytes[0] !== 0x48 || bytes[1] !== 0x54 || bytes[2] !== 0x54 || bytes[3] !== 0x50 || bytes[4] !== 0x2f || bytes[5] !== 0x31 || bytes[6] !== 0x2e) return false;
  if ((bytes[7] !== 0x30 && bytes[7] !== 0x31) || bytes[8] !== SP) return false;
  if (bytes[9] < 0x32 || bytes[9] > 0x39 || bytes[10] < 0x30 || bytes[10] > 0x39 || bytes[11] < 0x30 || bytes[11] > 0x39) return false;
  // (A 205's body is read by WebKit alone.)
  if (bytes[9] === 0x32 && bytes[10] === 0x30 && bytes[11] === 0x35) return false;
  // Then CRLF, or a space and a text that does not start with another.
  let pos = 12;
  if (bytes[pos] === SP) {
    pos++;
    if (bytes[pos] === SP) return false;
    while (pos < n && bytes[pos] >= SP && bytes[pos] < 0x7f) pos++;
  }
  if (bytes[pos] !== CR || bytes[pos + 1] !== LF) return false;
  pos += 2;
  let length = -1;
  for (;;) {
    if (pos + 1 >= n) return false;
    if (bytes[pos] === CR && bytes[pos + 1] === LF) {
      pos += 2;
      break;
    }
    const nameStart = pos;
    while (pos < n && TCHAR[bytes[pos]] === 1) pos++;
    const nameEnd = pos;
    if (nameEnd === nameStart || bytes[pos] !== 0x3a) return false;
    pos++;
    const valueStart = pos;
    while (pos < n && (bytes[pos] >= SP ? bytes[pos] !== 0x7f : bytes[pos] === HT)) pos++;
    if (bytes[pos] !== CR || bytes[pos + 1] !== LF) return false;
    if (pos > valueStart && (bytes[pos - 1] === SP || bytes[pos - 1] === HT)) return false;
    if (spells(bytes, nameStart, nameEnd, 'transfer-encoding') || spells(bytes, nameStart, nameEnd, 'content-encoding')) return false;
    if (spells(bytes, nameStart, nameEnd, 'content-length')) {
      if (length >= 0) return false;
      let at = valueStart;
      while (bytes[at] === SP || bytes[at] === HT) at++;
      if (at === pos || pos - at > 15) return false;
      length = 0;
      for (; at < pos; at++) {
        if (bytes[at] < 0x30 || bytes[at] > 0x39) return false;
        length = length * 10 + (bytes[at] - 0x30);
      }
    }
    pos += 2;
  }
  return length < 0 || n - pos === length;
}
