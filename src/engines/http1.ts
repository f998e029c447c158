/**
 * How each engine's network stack reads an HTTP/1.x response off the wire where it departs from the grammar (RFC
 * 9112) or from the other engines: status lines, header lines, line ends, body framing. Recorded with a raw TCP
 * server sending 84 heads byte for byte (scripts/conformance/probes/heads.ts; test/conformance/probes/heads/):
 * Chromium 150, Firefox ESR 140 and WebKitGTK 2.50.6. What all three do alike is in src/emulator/raw-response.ts.
 */

/**
 * A status line as the engine reads it; null when it does not read it as one (the response is a network error);
 * `http09` when it takes the bytes for an HTTP/0.9 response, which has no head (Firefox).
 */
export type StatusLineReader = (line: string) => { status: number; statusText: string } | null | 'http09';

/** What becomes of a response whose body the framing promised but the connection did not deliver. */
export type BrokenBody =
  /** `fetch()` rejects: the engine saw the whole exchange fail before handing out the response (Firefox, recorded). */
  | 'network-error'
  /** `fetch()` resolves, and reading the body rejects. */
  | 'body-error'
  /** The body ends where the framing broke: what was read is the body. */
  | 'end';

/** The `Content-Length` an engine takes from the response's lines, or what it does instead. */
export type ContentLengthReader = (values: readonly string[]) => number | 'to-close' | 'network-error' | 'body-error';

export interface Http1Rules {
  readonly statusLine: StatusLineReader;
  /** Whether a preflight's body is read before it counts, a body that fails to read failing it (WebKit). */
  readonly preflightReadsBody: boolean;
  /**
   * A CR inside a header line, not followed by LF: it ends the line (Chromium), the whole line is dropped (Firefox),
   * or it reads as a space (WebKit).
   */
  readonly bareCr: 'line-break' | 'drop-line' | 'space';
  /**
   * A continuation line (obs-fold): joined to the value before it with one space (Chromium, WebKit), or appended as
   * it is, its leading whitespace kept (Firefox: `1` and a tab-led `2` read `1\t2`).
   */
  readonly fold: 'space' | 'as-is';
  /** Whitespace between a header's name and its colon: the name is read without it (Chromium), or the line is dropped. */
  readonly spaceBeforeColon: 'trim' | 'drop-line';
  /** A NUL in a header name: the response is a network error (Chromium, WebKit), or the line is dropped (Firefox). */
  readonly nulInName: 'network-error' | 'drop-line';
  /** `101 Switching Protocols` to `fetch()`: a network error (Chromium, WebKit), or a response without body (Firefox). */
  readonly switchingProtocols: 'network-error' | 'response';
  /** Whether a `205 Reset Content` has no body whatever its framing says (Chromium, Firefox; WebKit reads one). */
  readonly resetContentHasNoBody: boolean;
  /**
   * Which `Transfer-Encoding` frames a chunked body: the last coding `chunked`, any other value reading to the close
   * (Chromium, Firefox), or `chunked` alone (repeats and `identity` aside), any other coding a network error (WebKit).
   */
  readonly transferEncoding: 'last-chunked' | 'only-chunked';
  /** A chunk's size from its line (extensions cut off), or null when the engine does not read it as one. */
  readonly chunkSize: (text: string) => number | null;
  readonly contentLength: ContentLengthReader;
  /** Identical `Content-Length` lines show as one header (Firefox). */
  readonly dedupeContentLength: boolean;
  /** A body shorter than its `Content-Length` when the connection closes. */
  readonly shortBody: BrokenBody;
  /** A chunked body with a chunk size that is not hex, or without its last chunk when the connection closes. */
  readonly brokenChunks: BrokenBody;
  /**
   * Whether the body is decoded by its `Content-Encoding` (gzip, deflate, br: Chromium, Firefox), bytes that do not
   * decode making reading the body fail; WebKit hands them over as they are (recorded on a `gzip` body that is not).
   */
  readonly decodesContent: boolean;
}

type Zlib = typeof import('node:zlib');
let zlib: Zlib | undefined;

/**
 * A body decoded by its content codings (applied in order, so undone last first), or null when its bytes do not
 * decode. Codings the engines do not know (`foo`) and `identity` leave it as it is (recorded).
 */
export function decodeContent(codings: readonly string[], body: Uint8Array): Uint8Array | null {
  zlib ??= process.getBuiltinModule('node:zlib') as Zlib;
  let out = body;
  for (let k = codings.length - 1; k >= 0; k--) {
    const coding = codings[k];
    try {
      if (coding === 'gzip' || coding === 'x-gzip') out = zlib.gunzipSync(out);
      else if (coding === 'br') out = zlib.brotliDecompressSync(out);
      else if (coding === 'deflate') {
        // The zlib format, or raw deflate as some servers send it: browsers read both.
        try {
          out = zlib.inflateSync(out);
        } catch {
          out = zlib.inflateRawSync(out);
        }
      }
    } catch {
      return null;
    }
  }
  return out;
}

const DIGITS = /^\d+$/;

/** Chromium: hex digits only, at most 16 significant ones (recorded: `0x2` and 17 `f`s break the body). */
const strictChunkSize = (text: string): number | null => (/^[0-9a-fA-F]+$/.test(text) && text.replace(/^0+/, '').length <= 16 ? parseInt(text, 16) : null);

/** Firefox and WebKit read a size as C's strtoul does: a `0x` may lead (recorded: `0x2` reads as 2). */
const strtoulChunkSize = (text: string): number | null => {
  const m = /^(?:0[xX])?([0-9a-fA-F]+)$/.exec(text);
  return m && m[1].replace(/^0+/, '').length <= 16 ? parseInt(m[1], 16) : null;
};

/**
 * Chromium (net/http/http_response_headers.cc): anything that starts with `HTTP` in any case (after at most four
 * other bytes) is a status line; the
 * code is the digits after the first space, however many (`2000`, `099` as 99); no digits there reads as 200 with an
 * empty status text (`HTTP/1.1 abc OK`, a tab instead of the space).
 */
const chromiumStatusLine: StatusLineReader = (line) => {
  // HttpUtil::LocateStartOfStatusLine: `http` in any case within the line's first five bytes.
  const start = line.slice(0, 8).search(/http/i);
  if (start < 0 || start > 4) return null;
  line = line.slice(start);
  const space = line.indexOf(' ');
  if (space < 0) return { status: 200, statusText: '' };
  const rest = line.slice(space).replace(/^ +/, '');
  const code = /^\d+/.exec(rest);
  if (!code) return { status: 200, statusText: '' };
  return { status: Number(code[0]), statusText: rest.slice(code[0].length).replace(/^ /, '').replace(/[ \t]+$/, '') };
};

/**
 * Firefox (nsHttpResponseHead::ParseStatusLine): `HTTP/` in upper case (whitespace before it skipped), then spaces,
 * then the code in at most three digits (`099` as 99, `20` as 20; `2000` and `abc` refused), then the text; an
 * `HTTP/2` line has no text. Bytes that do not start so are an HTTP/0.9 response: a 200 without headers whose body is
 * every byte, so the CORS check then fails for want of `Access-Control-Allow-Origin` (recorded, not a network error).
 */
const firefoxStatusLine: StatusLineReader = (line) => {
  line = line.replace(/^[ \t]+/, '');
  if (!line.startsWith('HTTP/')) return 'http09';
  // (The text runs to the line's end, a bare CR in it included: recorded, a head whose lines end in CR alone.)
  const m = /^(HTTP\/[^ ]*) +(\d{1,3})(?: ([\s\S]*))?$/.exec(line);
  if (!m) return null;
  return { status: Number(m[2]), statusText: m[1] === 'HTTP/2' ? '' : (m[3] ?? '').replace(/[ \t]+$/, '') };
};

/**
 * WebKitGTK (libsoup, soup_headers_parse_status_line): `HTTP/1.0` or `HTTP/1.1`, then spaces or tabs, then a code of
 * exactly three digits from 100, then the text.
 */
const webkitStatusLine: StatusLineReader = (line) => {
  const m = /^HTTP\/1\.[01][ \t]+([1-9]\d\d)(?:[ \t]+(.*)|[ \t]*)$/.exec(line);
  if (!m) return null;
  return { status: Number(m[1]), statusText: (m[2] ?? '').replace(/[ \t]+$/, '') };
};

/**
 * Chromium and Firefox: every value on every line must be the same number (a list of them too); an invalid number
 * is no length (the body runs to the close).
 */
const sameValues: ContentLengthReader = (values) => {
  const all = values.flatMap((v) => v.split(',').map((x) => x.trim()));
  if (all.some((x) => x !== all[0])) return 'network-error';
  return DIGITS.test(all[0]) ? Number(all[0]) : 'to-close';
};

/** WebKit: the last line's value; a list or letters are a network error, a negative length a body error. */
const lastLine: ContentLengthReader = (values) => {
  const value = values[values.length - 1].trim();
  if (/^\+?\d+$/.test(value)) return Number(value);
  return value.startsWith('-') ? 'body-error' : 'network-error';
};

export const CHROMIUM_HTTP1: Http1Rules = {
  statusLine: chromiumStatusLine,
  preflightReadsBody: false,
  bareCr: 'line-break',
  fold: 'space',
  spaceBeforeColon: 'trim',
  nulInName: 'network-error',
  switchingProtocols: 'network-error',
  resetContentHasNoBody: true,
  transferEncoding: 'last-chunked',
  chunkSize: strictChunkSize,
  contentLength: sameValues,
  dedupeContentLength: false,
  shortBody: 'body-error',
  brokenChunks: 'body-error',
  decodesContent: true,
};

export const FIREFOX_HTTP1: Http1Rules = {
  statusLine: firefoxStatusLine,
  preflightReadsBody: false,
  bareCr: 'drop-line',
  fold: 'as-is',
  spaceBeforeColon: 'drop-line',
  nulInName: 'drop-line',
  switchingProtocols: 'response',
  resetContentHasNoBody: true,
  transferEncoding: 'last-chunked',
  chunkSize: strtoulChunkSize,
  contentLength: sameValues,
  dedupeContentLength: true,
  shortBody: 'network-error',
  brokenChunks: 'network-error',
  decodesContent: true,
};

export const WEBKIT_HTTP1: Http1Rules = {
  statusLine: webkitStatusLine,
  preflightReadsBody: true,
  bareCr: 'space',
  fold: 'space',
  spaceBeforeColon: 'drop-line',
  nulInName: 'network-error',
  switchingProtocols: 'network-error',
  resetContentHasNoBody: false,
  transferEncoding: 'only-chunked',
  chunkSize: strtoulChunkSize,
  contentLength: lastLine,
  dedupeContentLength: false,
  shortBody: 'body-error',
  brokenChunks: 'end',
  decodesContent: false,
};
